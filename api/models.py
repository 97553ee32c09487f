"""Request and response models of the HTTP API; they are what /docs and /openapi.json show."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hrkg.ontology.models import PARTIAL_DATE


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorBody(_Out):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["entity person/nobody is not in the graph"])


class ErrorResponse(_Out):
    error: ErrorBody


class Health(_Out):
    status: Literal["ok", "unavailable"]
    neo4j: Literal["up", "down"]
    error: ErrorBody | None = None


class EntityRef(_Out):
    id: str = Field(examples=["person/navid-afkari"])
    type: str = Field(examples=["Person"])
    name: str | None = Field(default=None, examples=["Navid Afkari"])


class EntitySummary(EntityRef):
    uri: str = Field(description="The entity's URI, dereferenceable at /id/{type}/{slug}")
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = None
    description: str | None = None
    kind: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    score: float | None = Field(default=None, description="Search relevance (higher is better)")


class EntityPage(_Out):
    total: int
    limit: int
    offset: int
    items: list[EntitySummary]


class DocumentRef(_Out):
    id: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    source: str | None = None


class Evidence(_Out):
    sentence: str | None
    start: int | None = None
    end: int | None = None
    extractor: str | None = None
    confidence: float | None = None
    date: str | None = None
    document: DocumentRef


class Relationship(_Out):
    type: str = Field(description="Neo4j relationship type", examples=["EXECUTED_IN"])
    predicate: str | None = Field(description="Ontology predicate", examples=["executed_in"])
    direction: Literal["out", "in"] = Field(description="'out': this entity is the subject")
    other: EntityRef
    confidence: float | None = None
    date: str | None = None
    evidence_count: int
    evidence: list[Evidence]


class ClaimOut(_Out):
    id: str
    metric: str = Field(examples=["killed"])
    value: int | None = Field(examples=[304])
    qualifier: str | None = Field(default=None, examples=["at least"])
    date: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    about: EntityRef
    claimant: EntityRef | None = None
    document: DocumentRef | None = None


class EntityDetail(_Out):
    entity: EntitySummary
    documents: int = Field(description="How many documents mention the entity")
    relationships: list[Relationship]
    claims: list[ClaimOut] = Field(description="Figures claimed about this event or case")
    claims_made: list[ClaimOut] = Field(description="Figures this organisation or person has claimed")
    sources: list[DocumentRef] = Field(description="Every document behind the relationships and claims")


class GraphNode(_Out):
    id: str
    type: str
    name: str | None
    start_date: str | None = None
    end_date: str | None = None


class GraphEdge(_Out):
    id: str = Field(description="source|type|target")
    source: str
    target: str
    type: str
    evidence_count: int
    date: str | None = None
    confidence: float | None = None


class GraphView(_Out):
    focus: str
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="True when the node limit left entities out")


class ClaimList(_Out):
    items: list[ClaimOut]
    limit: int
    offset: int


class DocumentSummary(_Out):
    id: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    extractor: str | None = None
    ingested_at: str | None = None
    entities: int = 0
    relations: int = 0
    claims: int = 0


class DocumentPage(_Out):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class MentionedEntity(EntityRef):
    mentions: int


class DocumentRelation(_Out):
    subject: EntityRef
    type: str
    object: EntityRef
    sentence: str | None
    start: int | None = None
    end: int | None = None
    confidence: float | None = None


class DocumentClaim(_Out):
    id: str
    metric: str
    value: int | None
    qualifier: str | None = None
    date: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    about: EntityRef | None = None
    claimant: EntityRef | None = None


class DocumentDetail(_Out):
    document: DocumentSummary
    entities: list[MentionedEntity]
    relations: list[DocumentRelation]
    claims: list[DocumentClaim]


class DocumentIn(BaseModel):
    """One document to ingest: its text (plain, Markdown or HTML) and metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The document: plain text, Markdown or HTML")
    content_type: Literal["text/plain", "text/markdown", "text/html"] = "text/plain"
    source: str = Field(default="api", max_length=1000, description="Where the document came from")
    title: str | None = Field(default=None, max_length=2000)
    publisher: str | None = Field(default=None, max_length=500)
    published: str | None = Field(default=None, pattern=PARTIAL_DATE, examples=["2021-11-30"])
    url: str | None = Field(default=None, max_length=2000)


class IngestSummary(_Out):
    document_id: str
    source: str
    title: str | None = None
    entities: int
    relations: int
    claims: int


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, examples=["MATCH (p:Person) RETURN p.name AS name LIMIT 5"])
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"id": "person/navid-afkari"}])


class CypherResult(_Out):
    columns: list[str]
    rows: list[dict[str, Any]]
    row_count: int
    truncated: bool = Field(description="True when the row cap cut the answer short")
