"""Pydantic models of SPEC.md's extraction result, with their closed lists taken from the ontology.

``Predicate``, ``EntityType``, ``Metric`` and ``Qualifier`` are ``Literal`` types built from the YAML
files at import time, so a new predicate in ``predicates.yaml`` is accepted (and shows in the JSON
schema) without touching this module.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hrkg.ontology.loader import load_ontology

_ONTOLOGY = load_ontology()

EntityType = Literal[tuple(_ONTOLOGY.entity_types)]  # type: ignore[valid-type]
Predicate = Literal[tuple(_ONTOLOGY.predicates)]  # type: ignore[valid-type]
Metric = Literal[tuple(_ONTOLOGY.metrics)]  # type: ignore[valid-type]
Qualifier = Literal[tuple(_ONTOLOGY.qualifiers)]  # type: ignore[valid-type]

PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ENTITY_ID = r"^(person|organisation|event|case|place)/[a-z0-9]+(-[a-z0-9]+)*$"
PartialDate = Annotated[str, Field(pattern=PARTIAL_DATE, examples=["2019-11", "1988", "2020-09-12"])]
EntityId = Annotated[str, Field(pattern=ENTITY_ID, examples=["person/navid-afkari"])]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(_Strict):
    """A stretch of the document's normalised text: ``text == normalised[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Entity(_Strict):
    id: EntityId
    type: EntityType
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$")
    description: str | None = None
    kind: str | None = None
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    mentions: list[Span] = Field(default_factory=list)

    @model_validator(mode="after")
    def _id_matches_type(self) -> Entity:
        if self.id.split("/", 1)[0] != self.type.lower():
            raise ValueError(f"entity {self.id}: id prefix does not match type {self.type}")
        return self


class Relation(_Strict):
    subject: EntityId
    predicate: Predicate
    object: EntityId
    date: PartialDate | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: Span
    extractor: str | None = None


class Claim(_Strict):
    about: EntityId
    metric: Metric
    value: int | None = Field(default=None, ge=0)
    qualifier: Qualifier | None = None
    claimed_by: EntityId | None = None
    date: PartialDate | None = None
    confidence: float = Field(default=0.7, ge=0.0, le=1.0)
    evidence: Span
    extractor: str | None = None


class Document(_Strict):
    id: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the normalised text")
    source: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: PartialDate | None = None
    extractor: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)

    @field_validator("published", mode="before")
    @classmethod
    def _date_only(cls, v: object) -> object:
        if isinstance(v, str) and re.match(r"^\d{4}-\d{2}-\d{2}T", v):
            return v[:10]
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Document:
        ontology = load_ontology()
        types = {e.id: e.type for e in self.entities}
        if len(types) != len(self.entities):
            raise ValueError(f"document {self.source}: duplicate entity ids")
        for r in self.relations:
            for role, eid in (("subject", r.subject), ("object", r.object)):
                if eid not in types:
                    raise ValueError(f"relation {r.predicate}: {role} {eid} is not among the document's entities")
            if not ontology.allows(r.predicate, types[r.subject], types[r.object]):
                raise ValueError(
                    f"relation {r.subject} -{r.predicate}-> {r.object}: "
                    f"{types[r.subject]} -> {types[r.object]} is outside the predicate's domain/range"
                )
        for c in self.claims:
            if c.about not in types or types[c.about] not in ("Event", "Case"):
                raise ValueError(f"claim about {c.about}: must be an Event or Case of the document")
            if c.claimed_by is not None and types.get(c.claimed_by) not in ("Organisation", "Person"):
                raise ValueError(f"claim by {c.claimed_by}: must be an Organisation or Person of the document")
        return self


class ExtractionResult(_Strict):
    """The whole output of ``hrkg extract --format json``."""

    documents: list[Document] = Field(default_factory=list)
