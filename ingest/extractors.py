"""The extractor interface and its registry; "rules" is the default, fully offline extractor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from hrkg.ingest.sources import SourceDoc
from hrkg.ontology.errors import IngestError
from hrkg.ontology.models import Document


@runtime_checkable
class Extractor(Protocol):
    """Turns one :class:`SourceDoc` into a validated :class:`Document` (entities, relations, claims)."""

    name: str
    version: str

    def extract(self, source_doc: SourceDoc) -> Document: ...


_REGISTRY: dict[str, Callable[[], Extractor]] = {}
_INSTANCES: dict[str, Extractor] = {}
DEFAULT_EXTRACTOR = "rules"


def register(name: str, factory: Callable[[], Extractor]) -> None:
    """Make an extractor available by name (a spaCy- or LLM-based one can plug in here)."""
    _REGISTRY[name] = factory
    _INSTANCES.pop(name, None)


def available() -> list[str]:
    return sorted(_REGISTRY)


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    """The extractor registered as ``name`` (created once per process)."""
    if name not in _REGISTRY:
        raise IngestError(f"unknown extractor '{name}'; available: {', '.join(available()) or 'none'}")
    if name not in _INSTANCES:
        _INSTANCES[name] = _REGISTRY[name]()
    return _INSTANCES[name]


def _rules() -> Extractor:
    from hrkg.ingest.rules import RulesExtractor

    return RulesExtractor()


register("rules", _rules)
