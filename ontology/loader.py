"""Load and check the ontology files; every other layer reads the schema through :func:`load_ontology`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from hrkg.ontology.errors import OntologyError

ENTITY_TYPES_ORDER = ("Person", "Organisation", "Event", "Case", "Place")
PROPERTY_RANGES = {"string", "string[]", "date", "integer", "float", "qid"}
_UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
_ID = re.compile(r"^(person|organisation|event|case|place)/[a-z0-9]+(-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class PropertyDef:
    name: str
    range: str
    required: bool = False
    rdf: str | None = None
    index: str | None = None
    vocabulary: str | None = None


@dataclass(frozen=True)
class TypeDef:
    name: str
    label: str
    entity: bool
    rdf: str
    maps_to: tuple[str, ...]
    description: str
    properties: dict[str, PropertyDef]

    @property
    def prefix(self) -> str:
        """The id prefix of an entity type: ``person`` for ``person/navid-afkari``."""
        return self.name.lower()


@dataclass(frozen=True)
class PredicateDef:
    name: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    type: str
    rdf: str
    definition: str
    inverse: str | None = None
    symmetric: bool = False
    maps_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownEntity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    description: str | None = None
    kind: str | None = None
    located_in: str | None = None
    start_date: str | None = None
    end_date: str | None = None


@dataclass(frozen=True)
class Ontology:
    types: dict[str, TypeDef]
    predicates: dict[str, PredicateDef]
    metrics: dict[str, str]
    qualifiers: dict[str, str]
    kinds: dict[str, tuple[str, ...]]
    prefixes: dict[str, str]
    authority: dict[str, KnownEntity] = field(default_factory=dict)

    @property
    def entity_types(self) -> dict[str, TypeDef]:
        return {name: t for name, t in self.types.items() if t.entity}

    def type_of_id(self, entity_id: str) -> TypeDef | None:
        prefix = entity_id.split("/", 1)[0]
        return next((t for t in self.entity_types.values() if t.prefix == prefix), None)

    def predicate_by_rel_type(self, rel_type: str) -> PredicateDef | None:
        return next((p for p in self.predicates.values() if p.type == rel_type), None)

    def allows(self, predicate: str, subject_type: str, object_type: str) -> bool:
        """Whether the ontology allows ``subject_type -predicate-> object_type``."""
        p = self.predicates.get(predicate)
        return p is not None and subject_type in p.domain and object_type in p.range


def _read_yaml(directory: Path | None, name: str) -> Any:
    if directory is None:
        text = resources.files("hrkg.ontology").joinpath(name).read_text(encoding="utf-8")
    else:
        path = directory / name
        if not path.is_file():
            raise OntologyError(f"ontology file {path} is missing")
        text = path.read_text(encoding="utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise OntologyError(f"ontology file {name} is not valid YAML: {exc}") from None


def _need(mapping: dict[str, Any], key: str, where: str) -> Any:
    if key not in mapping or mapping[key] in (None, "", []):
        raise OntologyError(f"{where}: '{key}' is required")
    return mapping[key]


def _parse_types(raw: dict[str, Any]) -> dict[str, TypeDef]:
    if not isinstance(raw, dict) or not raw:
        raise OntologyError("types.yaml: expected a mapping of type names")
    types: dict[str, TypeDef] = {}
    for name, spec in raw.items():
        where = f"types.yaml: type {name}"
        props: dict[str, PropertyDef] = {}
        for pname, pspec in (_need(spec, "properties", where) or {}).items():
            rng = _need(pspec, "range", f"{where}, property {pname}")
            if rng not in PROPERTY_RANGES:
                raise OntologyError(f"{where}, property {pname}: unknown range '{rng}'")
            props[pname] = PropertyDef(
                name=pname,
                range=rng,
                required=bool(pspec.get("required", False)),
                rdf=pspec.get("rdf"),
                index=pspec.get("index"),
                vocabulary=pspec.get("vocabulary"),
            )
        if "id" not in props:
            raise OntologyError(f"{where}: every type needs an 'id' property")
        types[name] = TypeDef(
            name=name,
            label=_need(spec, "label", where),
            entity=bool(spec.get("entity", False)),
            rdf=_need(spec, "rdf", where),
            maps_to=tuple(spec.get("maps_to") or ()),
            description=_need(spec, "description", where),
            properties=props,
        )
    missing = [t for t in ENTITY_TYPES_ORDER if t not in types or not types[t].entity]
    if missing:
        raise OntologyError(f"types.yaml: entity types {missing} are required by the product contract")
    return types


def _parse_predicates(raw: dict[str, Any], types: dict[str, TypeDef]) -> dict[str, PredicateDef]:
    if not isinstance(raw, dict) or not raw:
        raise OntologyError("predicates.yaml: expected a mapping of predicate names")
    preds: dict[str, PredicateDef] = {}
    rel_types: dict[str, str] = {}
    for name, spec in raw.items():
        where = f"predicates.yaml: predicate {name}"
        if not _SNAKE.match(name):
            raise OntologyError(f"{where}: names are snake_case")
        if not isinstance(spec, dict):
            raise OntologyError(f"{where}: expected a mapping")
        rel_type = spec.get("type")
        if not rel_type:
            raise OntologyError(f"{where}: has no Neo4j relationship 'type'")
        if not _UPPER_SNAKE.match(rel_type) or rel_type != name.upper():
            raise OntologyError(f"{where}: type must be '{name.upper()}', got '{rel_type}'")
        if rel_type in rel_types:
            raise OntologyError(f"{where}: relationship type {rel_type} already used by {rel_types[rel_type]}")
        rel_types[rel_type] = name
        for side in ("domain", "range"):
            for t in _need(spec, side, where):
                if t not in types:
                    raise OntologyError(f"{where}: unknown {side} type '{t}'")
        preds[name] = PredicateDef(
            name=name,
            domain=tuple(spec["domain"]),
            range=tuple(spec["range"]),
            type=rel_type,
            rdf=_need(spec, "rdf", where),
            definition=_need(spec, "definition", where),
            inverse=spec.get("inverse"),
            symmetric=bool(spec.get("symmetric", False)),
            maps_to=tuple(spec.get("maps_to") or ()),
        )
    return preds


def _parse_authority(raw: Any, types: dict[str, TypeDef], kinds: dict[str, tuple[str, ...]]) -> dict[str, KnownEntity]:
    if raw is None:
        return {}
    entries = raw.get("entities") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise OntologyError("authority.yaml: expected 'entities:' with a list of entries")
    known: dict[str, KnownEntity] = {}
    kind_lists = {"Organisation": "organisation_kinds", "Event": "event_kinds", "Place": "place_kinds"}
    for i, e in enumerate(entries):
        where = f"authority.yaml: entry {i + 1}"
        eid = _need(e, "id", where)
        where = f"authority.yaml: {eid}"
        if not _ID.match(eid):
            raise OntologyError(f"{where}: ids are '<type>/<slug>' in lower case")
        if eid in known:
            raise OntologyError(f"{where}: duplicate id")
        etype = _need(e, "type", where)
        if etype not in types or not types[etype].entity or types[etype].prefix != eid.split("/")[0]:
            raise OntologyError(f"{where}: type '{etype}' does not match the id")
        qid = e.get("wikidata")
        if qid is not None and not _QID.match(str(qid)):
            raise OntologyError(f"{where}: wikidata '{qid}' is not a QID")
        kind = e.get("kind")
        if kind is not None and kind not in kinds.get(kind_lists.get(etype, ""), ()):
            raise OntologyError(f"{where}: kind '{kind}' is not one of {kind_lists.get(etype, 'none')}")
        for key in ("start_date", "end_date"):
            if e.get(key) is not None and not _PARTIAL_DATE.match(str(e[key])):
                raise OntologyError(f"{where}: {key} '{e[key]}' is not an ISO partial date")
        known[eid] = KnownEntity(
            id=eid,
            type=etype,
            name=_need(e, "name", where),
            aliases=tuple(str(a) for a in e.get("aliases") or ()),
            wikidata=qid,
            description=e.get("description"),
            kind=kind,
            located_in=e.get("located_in"),
            start_date=str(e["start_date"]) if e.get("start_date") is not None else None,
            end_date=str(e["end_date"]) if e.get("end_date") is not None else None,
        )
    for k in known.values():
        if k.located_in and k.located_in not in known:
            raise OntologyError(f"authority.yaml: {k.id}: located_in '{k.located_in}' is not in the file")
    return known


def parse_ontology(directory: Path | None = None) -> Ontology:
    """Read and check the ontology in ``directory`` (default: the installed package's files)."""
    types = _parse_types(_read_yaml(directory, "types.yaml"))
    predicates = _parse_predicates(_read_yaml(directory, "predicates.yaml"), types)
    vocab = _read_yaml(directory, "vocabularies.yaml") or {}
    kinds = {k: tuple(v) for k, v in vocab.items() if k.endswith("_kinds")}
    metrics = dict(_need(vocab, "metrics", "vocabularies.yaml"))
    qualifiers = dict(_need(vocab, "qualifiers", "vocabularies.yaml"))
    for t in types.values():
        for p in t.properties.values():
            if p.vocabulary and p.vocabulary not in vocab:
                raise OntologyError(f"types.yaml: {t.name}.{p.name}: unknown vocabulary '{p.vocabulary}'")
    prefixes = dict((_read_yaml(directory, "vocabulary.yaml") or {}).get("prefixes") or {})
    for t in types.values():
        for curie in t.maps_to:
            if curie.split(":", 1)[0] not in prefixes:
                raise OntologyError(f"types.yaml: {t.name}: unknown prefix in '{curie}'")
    authority = _parse_authority(_read_yaml(directory, "authority.yaml"), types, kinds)
    return Ontology(
        types=types,
        predicates=predicates,
        metrics=metrics,
        qualifiers=qualifiers,
        kinds=kinds,
        prefixes=prefixes,
        authority=authority,
    )


@cache
def load_ontology() -> Ontology:
    """The installed ontology, parsed and checked once per process."""
    return parse_ontology()
