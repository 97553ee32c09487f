"""The default extractor: dictionary + rule based, fully offline."""

from __future__ import annotations

import re
from typing import Any

from hrkg.ingest.claims import find_claims
from hrkg.ingest.context import DocContext
from hrkg.ingest.dates import find_dates, parse_reference
from hrkg.ingest.events import find_events
from hrkg.ingest.gazetteer import gazetteer
from hrkg.ingest.proceedings import augment
from hrkg.ingest.recognition import recognise
from hrkg.ingest.relations import find_relations
from hrkg.ingest.segment import split_sentences
from hrkg.ingest.sources import SourceDoc
from hrkg.ontology.models import Claim, Document, Entity, Relation, Span

EXTRACTOR_NAME = "rules"
EXTRACTOR_VERSION = "0.1.0"


# a wire dateline "RIYADH, 14 March (Agency) -": the agency in it is the publisher, not something the text is about
_DATELINE_AGENCY = re.compile(
    r"(?m)^[A-Z][A-Z' -]{2,30}[A-Z],[^(\n]{0,30}\((?P<agency>[^)\n]{2,40})\)\s*[-\u2013\u2014]"
)


def _dateline_agency(text: str) -> tuple[int, int] | None:
    m = _DATELINE_AGENCY.search(text, 0, 2000)
    return m.span("agency") if m else None


class RulesExtractor:
    name = EXTRACTOR_NAME
    version = EXTRACTOR_VERSION

    def __init__(self) -> None:
        self.gz = gazetteer()

    @property
    def label(self) -> str:
        return f"{self.name}/{self.version}"

    def extract(self, source_doc: SourceDoc) -> Document:
        text = source_doc.text
        sentences = split_sentences(text)
        reference = parse_reference(source_doc.published)
        dates = find_dates(text, reference)
        rec = recognise(self.gz, text, sentences)
        spans = [(s.start, s.end) for s in sentences]
        clusters = find_events(self.gz, text, rec.table, dates, spans, rec.main_country, rec.hits)
        ctx = DocContext(self.gz, source_doc, text, sentences, dates, rec, clusters)
        augment(ctx)
        claims = find_claims(ctx)
        ctx.claims = claims
        relations = find_relations(ctx)
        return self.build(source_doc, ctx, relations, claims)

    def build(self, source_doc: SourceDoc, ctx: DocContext, relations: list[dict], claims: list[dict]) -> Document:
        table = ctx.table
        agency = _dateline_agency(ctx.text)
        if agency is not None:
            # the wire named in the dateline ("TEHRAN, 16 November (Iran Freedom Monitor) -") publishes the story;
            # it does nothing in it
            def named_there(eid: str, ev: dict) -> bool:
                """Not the agency of the dateline only: named elsewhere in the sentence or not named in it."""
                d = table.drafts.get(eid)
                if d is None or not any(agency[0] <= m.start < agency[1] for m in d.mentions):
                    return True
                elsewhere = (m for m in d.mentions if not agency[0] <= m.start < agency[1])
                return any(ev["start"] <= m.start < ev["end"] for m in elsewhere)

            in_dateline = [r for r in relations if r["evidence"]["start"] <= agency[0] < r["evidence"]["end"]]
            dropped = {
                id(r)
                for r in in_dateline
                if not (named_there(r["subject"], r["evidence"]) and named_there(r["object"], r["evidence"]))
            }
            relations = [r for r in relations if id(r) not in dropped]
        used = {r["subject"] for r in relations} | {r["object"] for r in relations}
        used |= {c["about"] for c in claims} | {c["claimed_by"] for c in claims if c["claimed_by"]}
        entities: list[dict[str, Any]] = []
        for d in table.drafts.values():
            if agency is not None:
                d.mentions = [m for m in d.mentions if not (agency[0] <= m.start and m.end <= agency[1])]
            if not d.mentions and d.id not in used:
                continue
            if d.generic_only and d.id not in used and d.kind == "state" and "Ministry" not in d.name:
                # a government named only as "the regime" or "the authorities" counts where it acts in a relation;
                # "the judiciary", "the morality police", "the interior ministry" name one body and count wherever
                # they are mentioned
                continue
            mentions = sorted({(m.start, m.end): m for m in d.mentions}.values(), key=lambda m: m.start)
            aliases = sorted({a for a in d.aliases if a and a != d.name})
            entities.append(
                {
                    "id": d.id,
                    "type": d.type,
                    "name": d.name,
                    "aliases": aliases,
                    "wikidata": d.wikidata,
                    "description": d.description,
                    "kind": d.kind,
                    "start_date": d.start_date if d.type in ("Event", "Case") else None,
                    "end_date": d.end_date if d.type in ("Event", "Case") else None,
                    "mentions": [{"start": m.start, "end": m.end, "text": ctx.text[m.start : m.end]} for m in mentions],
                }
            )
        kept = {e["id"] for e in entities}
        rels = [
            {
                "subject": r["subject"],
                "predicate": r["predicate"],
                "object": r["object"],
                "date": r.get("date"),
                "confidence": r["confidence"],
                "evidence": r["evidence"],
                "extractor": self.label,
            }
            for r in relations
            if r["subject"] in kept and r["object"] in kept
        ]
        cls = [
            {
                "about": c["about"],
                "metric": c["metric"],
                "value": c["value"],
                "qualifier": c.get("qualifier"),
                "claimed_by": c.get("claimed_by"),
                "date": c.get("date"),
                "confidence": c["confidence"],
                "evidence": c["evidence"],
                "extractor": self.label,
            }
            for c in claims
            if c["about"] in kept
        ]
        document = {
            "id": source_doc.id,
            "source": source_doc.source,
            "title": source_doc.title,
            "url": source_doc.url,
            "publisher": source_doc.publisher,
            "published": source_doc.published,
            "extractor": self.label,
            "entities": entities,
            "relations": rels,
            "claims": cls,
        }
        # One validation of the whole document (nested models are built by pydantic-core, not one by one).
        # Should it fail, the models are built one by one, in the order they always were, so that the error
        # raised is the very one the first invalid part raises on its own.
        try:
            return Document.model_validate(document)
        except ValueError:
            return _one_by_one(document)


def _one_by_one(document: dict[str, Any]) -> Document:
    entities = [Entity(**{**e, "mentions": [Span(**m) for m in e["mentions"]]}) for e in document["entities"]]
    rels = [Relation(**{**r, "evidence": Span(**r["evidence"])}) for r in document["relations"]]
    cls = [Claim(**{**c, "evidence": Span(**c["evidence"])}) for c in document["claims"]]
    return Document(**{**document, "entities": entities, "relations": rels, "claims": cls})
