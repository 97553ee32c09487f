"""The project's exceptions: one root, one subclass per concern.

They live at the bottom layer (``ontology`` imports nothing of ours), so every other layer can raise
and catch them without importing upwards.
"""


class HrkgError(Exception):
    """Root of every error hrkg raises on purpose; its message is safe to show to users."""


class OntologyError(HrkgError):
    """The ontology files are inconsistent (unknown range, duplicate id, predicate without a type, ...)."""


class ConfigError(HrkgError):
    """A setting is missing or invalid."""


class Neo4jServerError(HrkgError):
    """The local Neo4j server could not be resolved, configured, started or stopped."""


class GraphUnavailable(HrkgError):
    """Neo4j cannot be reached."""


class GraphWriteError(HrkgError):
    """A document could not be written to the graph; nothing of it was kept."""


class QueryRefused(HrkgError):
    """An analyst query was refused (it writes, administers, or is malformed)."""


class IngestError(HrkgError):
    """A source file cannot be read or extracted; the message names the file and the reason."""
