"""Ingested sources: GET /documents, GET /documents/{id}, and POST /documents (needs an API key)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from hrkg.api.deps import ApiKeyDep, DriverDep, GraphDep, SettingsDep
from hrkg.api.errors import ApiError, error_responses, not_found
from hrkg.api.models import (
    DocumentClaim,
    DocumentDetail,
    DocumentIn,
    DocumentPage,
    DocumentRelation,
    DocumentSummary,
    EntityRef,
    IngestSummary,
    MentionedEntity,
)
from hrkg.graph import writer
from hrkg.ontology.errors import IngestError

router = APIRouter(tags=["documents"])
DOC_ID = re.compile(r"^[0-9a-f]{64}$")


@router.get("/documents", response_model=DocumentPage, summary="The ingested documents with metadata and counts",
            responses=error_responses(422, 503))  # fmt: skip
def list_documents(
    graph: GraphDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> DocumentPage:
    total, items = graph.documents(limit, offset)
    return DocumentPage(total=total, limit=limit, offset=offset,
                        items=[DocumentSummary.model_validate(d) for d in items])  # fmt: skip


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentDetail,
    summary="One document: metadata, counts, the entities it mentions, the edges and claims it supports",
    responses=error_responses(404, 503),
)
def get_document(
    graph: GraphDep, doc_id: Annotated[str, Path(description="The document id (sha256 of its normalised text)")]
) -> DocumentDetail:
    if not DOC_ID.match(doc_id):
        raise not_found(f"document {doc_id[:100]}")
    row = graph.document(doc_id)
    if row is None:
        raise not_found(f"document {doc_id}")
    relations = [
        DocumentRelation(
            subject=EntityRef.model_validate(r["subject"]), type=r["type"],
            object=EntityRef.model_validate(r["object"]),
            sentence=r.get("sentence"), start=r.get("start"), end=r.get("end"), confidence=r.get("confidence"),
        )
        for r in row["relations"]
    ]  # fmt: skip
    doc = DocumentSummary.model_validate({
        **row["document"], "entities": len(row["entities"]), "relations": len(relations), "claims": len(row["claims"])
    })  # fmt: skip
    return DocumentDetail(
        document=doc,
        entities=[MentionedEntity.model_validate(e) for e in row["entities"]],
        relations=relations,
        claims=[DocumentClaim.model_validate(c) for c in row["claims"]],
    )


@router.post(
    "/documents",
    response_model=IngestSummary,
    status_code=status.HTTP_201_CREATED,
    summary="Ingest one document (text, Markdown or HTML with metadata); needs an API key in X-API-Key",
    responses=error_responses(401, 403, 413, 422, 503),
)
def post_document(body: DocumentIn, _key: ApiKeyDep, driver: DriverDep, settings: SettingsDep) -> IngestSummary:
    size = len(body.text.encode("utf-8"))
    if size > settings.max_document_bytes:
        raise ApiError(413, "payload_too_large", f"body field 'text': the document has {size} bytes; the limit is "
                       f"{settings.max_document_bytes} (HRKG_MAX_DOCUMENT_BYTES)")  # fmt: skip
    try:
        from hrkg.ingest.pipeline import extract_text
    except ImportError:
        raise ApiError(503, "extractor_unavailable", "the extractor (hrkg.ingest.pipeline) is not installed") from None
    try:
        doc = extract_text(
            body.text, source=body.source, title=body.title, publisher=body.publisher, published=body.published,
            url=body.url, content_type=body.content_type,
        )  # fmt: skip
    except IngestError:
        raise
    except ValueError as exc:  # pydantic validation of the extraction result, or malformed input
        raise IngestError(f"document {body.source}: {str(exc).splitlines()[0][:300]}") from None
    rows = writer.load_document(driver, settings.neo4j_database, doc)  # one transaction: all or nothing
    return IngestSummary(
        document_id=doc.id, source=doc.source, title=doc.title,
        entities=len(rows.entities), relations=len(rows.relations), claims=len(rows.claims),
    )  # fmt: skip
