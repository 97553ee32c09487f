"""The schema as data: types, predicates, metrics, vocabulary mappings and known entities.

Everything else is generated from the YAML files in this package; this package imports nothing of ours.
"""

from hrkg.ontology.loader import Ontology, load_ontology

__all__ = ["Ontology", "load_ontology"]
