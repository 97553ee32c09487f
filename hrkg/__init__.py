"""hrkg: human-rights documents -> an evidence-backed knowledge graph in Neo4j."""

__version__ = "0.1.0"
