"""A small hand-written graph for the API tests: two documents about an execution and a protest."""

from __future__ import annotations

import hashlib
from typing import Any

from hrkg.ontology.models import Document

DOC_A_TEXT = (
    "Navid Afkari, a 27-year-old wrestler, was executed in Shiraz on 12 September 2020. "
    "Amnesty International reported the execution of Navid Afkari and condemned it. "
    "Shiraz is a city in Iran. "
    "Afkari had been sentenced to death by a revolutionary court in Shiraz."
)
DOC_B_TEXT = (
    "Amnesty International said at least 304 people were killed during the November 2019 protests in Iran. "
    "The PMOI said about 1,500 people were killed in the November 2019 protests. "
    "The November 2019 protests were reported by Amnesty International."
)
EXECUTION_SENTENCE = "Navid Afkari, a 27-year-old wrestler, was executed in Shiraz on 12 September 2020."


def _sentence_of(text: str, fragment: str) -> dict[str, Any]:
    start = text.rfind(". ", 0, text.index(fragment))
    start = 0 if start < 0 else start + 2
    end = text.index(".", text.index(fragment) + len(fragment)) + 1
    return {"start": start, "end": end, "text": text[start:end]}


def _mentions(text: str, name: str) -> list[dict[str, Any]]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append({"start": i, "end": i + len(name), "text": name})
        i = text.find(name, i + 1)
    return out


def make_document(text: str, source: str, title: str, published: str, entities: list[dict[str, Any]],
                  relations: list[tuple[str, str, str, str, str | None]],
                  claims: list[dict[str, Any]] | None = None, url: str | None = None) -> Document:  # fmt: skip
    """A validated Document; relations are (subject, predicate, object, fragment of the sentence, date)."""
    ents = []
    for e in entities:
        names = [e["name"], *e.get("aliases", [])]
        mentions = [m for n in names for m in _mentions(text, n)]
        ents.append({**e, "mentions": mentions})
    rels = [
        {"subject": s, "predicate": p, "object": o, "date": date, "confidence": 0.8, "evidence": _sentence_of(text, f)}
        for s, p, o, f, date in relations
    ]
    cls = [
        {**{k: v for k, v in c.items() if k != "fragment"}, "evidence": _sentence_of(text, c["fragment"])}
        for c in claims or []
    ]
    return Document.model_validate({
        "id": hashlib.sha256(text.encode()).hexdigest(), "source": source, "title": title, "publisher": "Test Desk",
        "published": published, "url": url, "extractor": "hand-written", "entities": ents, "relations": rels,
        "claims": cls,
    })  # fmt: skip


AFKARI = {"id": "person/navid-afkari", "type": "Person", "name": "Navid Afkari", "aliases": ["Afkari"],
          "wikidata": "Q99581455", "description": "Iranian wrestler executed in 2020"}  # fmt: skip
SHIRAZ = {"id": "place/shiraz", "type": "Place", "name": "Shiraz", "kind": "city"}
IRAN = {"id": "place/iran", "type": "Place", "name": "Iran", "kind": "country", "wikidata": "Q794"}
AMNESTY = {"id": "organisation/amnesty-international", "type": "Organisation", "name": "Amnesty International",
           "kind": "ngo"}  # fmt: skip
PMOI = {"id": "organisation/pmoi", "type": "Organisation", "name": "PMOI", "kind": "opposition"}
EXECUTION = {"id": "event/execution-of-navid-afkari", "type": "Event", "name": "Execution of Navid Afkari",
             "kind": "execution", "start_date": "2020-09-12"}  # fmt: skip
PROTESTS = {"id": "event/november-2019-protests", "type": "Event", "name": "November 2019 protests",
            "kind": "protest", "start_date": "2019-11"}  # fmt: skip


def documents() -> list[Document]:
    doc_a = make_document(
        DOC_A_TEXT, "afkari.txt", "Wrestler Navid Afkari executed", "2020-09-12",
        [AFKARI, SHIRAZ, IRAN, AMNESTY, EXECUTION],
        [
            ("person/navid-afkari", "executed_in", "place/shiraz", "was executed in Shiraz", "2020-09-12"),
            ("person/navid-afkari", "victim_of", "event/execution-of-navid-afkari", "was executed in Shiraz",
             "2020-09-12"),
            ("event/execution-of-navid-afkari", "reported_by", "organisation/amnesty-international",
             "reported the execution", None),
            ("event/execution-of-navid-afkari", "occurred_in", "place/shiraz", "was executed in Shiraz", None),
            ("place/shiraz", "located_in", "place/iran", "is a city in Iran", None),
        ],
        url="https://example.org/afkari",
    )  # fmt: skip
    doc_b = make_document(
        DOC_B_TEXT, "protests.txt", "Figures of the November 2019 protests", "2021-11-30",
        [PROTESTS, AMNESTY, PMOI, IRAN],
        [
            ("event/november-2019-protests", "occurred_in", "place/iran", "were killed during the November", None),
            ("event/november-2019-protests", "reported_by", "organisation/amnesty-international",
             "were reported by Amnesty", None),
        ],
        claims=[
            {"about": "event/november-2019-protests", "metric": "killed", "value": 304, "qualifier": "at least",
             "claimed_by": "organisation/amnesty-international", "fragment": "at least 304 people"},
            {"about": "event/november-2019-protests", "metric": "killed", "value": 1500, "qualifier": "about",
             "claimed_by": "organisation/pmoi", "fragment": "about 1,500 people"},
        ],
    )  # fmt: skip
    return [doc_a, doc_b]
