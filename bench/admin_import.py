"""The graph hrkg's writer would build, written as ``neo4j-admin database import`` CSV files and imported offline.

``GraphCsv`` takes the rows of ``hrkg.graph.writer.document_rows`` document after document and keeps what the
``write_*`` statements would leave in Neo4j (the same merge rules: first name wins and other names become
aliases, properties are coalesced, one edge per (subject, type, object) with one evidence entry per supporting
sentence, ``doc_ids``, best confidence, first date; claims with ``ABOUT``/``CLAIMED_BY``/``STATED_IN``;
``MENTIONED_IN`` with the spans). ``write()`` turns that into CSV files with neo4j-admin headers, and
``expected_fingerprint()`` into the same counts ``bench/load_bench.py`` compares graphs by.

``import_csv()`` runs ``org.neo4j.cli.AdminTool database import full`` (the server stopped) into a fresh home.
One difference from the writer: neo4j-admin cannot write an empty list, so ``aliases: []`` (and empty span lists)
become absent properties; every reader coalesces them to ``[]``.

    .venv/bin/python bench/admin_import.py [--relationships 20000 | --nodes 1000000] [--seed 1]
        [--compare bench/results/run-load.json] [--json bench/results/run-admin-import.json]

generates the synthetic corpus (``bench/synthetic.py``; with ``--relationships`` the very documents
``bench/load_bench.py`` loads), writes the CSV files, imports them into a home under ``bench/.work``
(ports 19688/19475), starts that server, checks node and relationship counts (and, with ``--compare``, the
fingerprint ``load_bench.py`` recorded for its own load), stops the server and removes the home.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hrkg.graph import server
from hrkg.graph.writer import DocumentRows, document_rows
from hrkg.ontology import load_ontology
from hrkg.ontology.models import Document

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

ARRAY_DELIMITER = "\x1f"  # unit separator: never in hrkg's texts (checked while writing)
ARRAY_DELIMITER_OPTION = "U+001F"
ENTITY_PROPS = ("wikidata", "description", "kind", "start_date", "end_date")


@dataclass
class _Entity:
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)

    def merge(self, other: _Entity) -> None:
        """Fold in the same entity as merged from later documents (the writer's rules)."""
        for prop, value in other.props.items():
            if self.props.get(prop) is None and value is not None:
                self.props[prop] = value
        for a in [*other.aliases, other.name]:
            if a != self.name and a not in self.aliases:
                self.aliases.append(a)


class _Edge:
    """One typed edge and its evidence lists, in the order the writer appends them."""

    __slots__ = (
        "confidence",
        "date",
        "doc_ids",
        "ev_confidence",
        "ev_date",
        "ev_doc",
        "ev_end",
        "ev_extractor",
        "ev_key",
        "ev_start",
        "ev_text",
    )  # fmt: skip

    def __init__(self) -> None:
        self.ev_key: list[str] = []
        self.ev_doc: list[str] = []
        self.ev_text: list[str] = []
        self.ev_start: list[int] = []
        self.ev_end: list[int] = []
        self.ev_extractor: list[str] = []
        self.ev_confidence: list[float] = []
        self.ev_date: list[str] = []
        self.doc_ids: list[str] = []
        self.confidence: float | None = None
        self.date: str | None = None

    def fields(self) -> list[Any]:
        """The CSV form: nine array fields (strings), then confidence, date and evidence count."""
        return [_arr(self.ev_key), _arr(self.ev_doc), _arr(self.ev_text), _arr(self.ev_start), _arr(self.ev_end),
                _arr(self.ev_extractor), _arr(self.ev_confidence), _arr(self.ev_date), _arr(self.doc_ids),
                self.confidence, self.date, len(self.ev_key)]  # fmt: skip


def _arr(values: list[Any]) -> str:
    """A list as one neo4j-admin array field (the delimiter inside an element becomes a space).

    An empty field is no property at all to neo4j-admin, so the one-element list ``['']`` (``ev_date`` of an
    undated sentence) is written as ``' '``, which ``--trim-strings`` turns back into ``['']``."""
    if len(values) == 1 and values[0] == "":
        return " "
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, " ") for v in values)


def _merge_edge(a: list[Any], b: list[Any]) -> list[Any]:
    """Edge ``b`` (from later, other documents) appended to edge ``a``, both in ``_Edge.fields()`` form."""
    merged = [x + ARRAY_DELIMITER + y for x, y in zip(a[:9], b[:9], strict=True)]
    confidence = b[9] if a[9] is None or (b[9] is not None and b[9] > a[9]) else a[9]
    return [*merged, confidence, a[10] if a[10] is not None else b[10], a[11] + b[11]]


STREAMED = {
    "documents": ["id:ID(Document)", "source", "title", "url", "publisher", "published", "extractor", "ingested_at"],
    "mentions": [":START_ID(Entity)", ":END_ID(Document)", "doc_id", "name", "aliases:string[]", "starts:long[]",
                 "ends:long[]", "texts:string[]"],
    "claims": ["id:ID(Claim)", "metric", "value:long", "qualifier", "date", "sentence", "start:long", "end:long",
               "extractor", "confidence:double", "doc_id"],
    "about": [":START_ID(Claim)", ":END_ID(Entity)"],
    "claimed_by": [":START_ID(Claim)", ":END_ID(Entity)"],
    "stated_in": [":START_ID(Claim)", ":END_ID(Document)"],
}  # fmt: skip
EDGE_HEADER = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "ev_key:string[]", "ev_doc:string[]",
               "ev_text:string[]", "ev_start:long[]", "ev_end:long[]", "ev_extractor:string[]",
               "ev_confidence:double[]", "ev_date:string[]", "doc_ids:string[]", "confidence:double", "date",
               "evidence_count:long"]  # fmt: skip


@dataclass
class Part:
    """The graph of a run of documents: its streamed files, and entities and edges still to be merged."""

    out: Path
    entities: dict[str, _Entity]
    edges: dict[tuple[str, str, str], list[Any]]
    documents: int
    claims: int
    mention_spans: int
    counts: Counter[str]  # MENTIONED_IN, ABOUT, STATED_IN, CLAIMED_BY
    relation_rows: int
    multiline: bool
    padded: int
    seconds: float  # spent turning documents into rows and files (not generating them)

    @property
    def nodes(self) -> int:
        return len(self.entities) + self.documents + self.claims


class GraphCsv:
    """Accumulates ``DocumentRows`` the way the writer's statements merge them.

    Documents, mentions and claims are streamed to their files as they come (they are never merged across
    documents); entities and edges are kept in memory and handed over by ``part()``.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.entities: dict[str, _Entity] = {}
        self.edges: dict[tuple[str, str, str], _Edge] = {}
        self.doc_ids: set[str] = set()
        self.claims = 0
        self.mention_spans = 0
        self.relation_rows = 0
        self.counts: Counter[str] = Counter()
        self.multiline = False
        self.padded = 0  # strings with surrounding whitespace, which --trim-strings would change
        self._files = {name: (out / f"{name}.csv").open("w", newline="", encoding="utf-8") for name in STREAMED}
        self._writers = {name: csv.writer(f, lineterminator="\n") for name, f in self._files.items()}
        for name, header in STREAMED.items():
            self._writers[name].writerow(header)

    @property
    def nodes(self) -> int:
        return len(self.entities) + len(self.doc_ids) + self.claims

    def _text(self, value: Any) -> Any:
        if isinstance(value, str):
            if "\n" in value or "\r" in value:
                self.multiline = True
            if value != value.strip():
                self.padded += 1
        return value

    def _row(self, name: str, values: list[Any]) -> None:
        self._writers[name].writerow(["" if v is None else self._text(v) for v in values])

    def add(self, rows: DocumentRows) -> None:
        doc_id = rows.doc["id"]
        if doc_id in self.doc_ids:  # loading a document again changes nothing
            return
        self.doc_ids.add(doc_id)
        self.relation_rows += len(rows.relations)
        d = rows.doc
        self._row("documents", [doc_id, d["source"], d["title"], d["url"], d["publisher"], d["published"],
                                d["extractor"], d["ingested_at"]])  # fmt: skip
        for row in rows.entities:
            self._add_entity(doc_id, row)
        seen_keys: set[tuple[str, str, str, str]] = set()
        for row in rows.relations:
            k = (row["subject"], row["type"], row["object"])
            if (*k, row["key"]) in seen_keys:
                continue  # the same evidence twice in one document: the writer keeps one entry
            seen_keys.add((*k, row["key"]))
            edge = self.edges.get(k)
            if edge is None:
                edge = self.edges[k] = _Edge()
            edge.ev_key.append(row["key"])
            edge.ev_doc.append(doc_id)
            edge.ev_text.append(self._text(row["text"]))
            edge.ev_start.append(row["start"])
            edge.ev_end.append(row["end"])
            edge.ev_extractor.append(row["extractor"])
            edge.ev_confidence.append(row["confidence"])
            edge.ev_date.append(row["date"] or "")
            if not edge.doc_ids or edge.doc_ids[-1] != doc_id:
                edge.doc_ids.append(doc_id)
            if edge.confidence is None or row["confidence"] > edge.confidence:
                edge.confidence = row["confidence"]
            if edge.date is None:
                edge.date = row["date"]
        claimed: set[str] = set()
        for row in rows.claims:
            if row["id"] in claimed:
                continue
            claimed.add(row["id"])
            self.claims += 1
            self._row("claims", [row["id"], row["metric"], row["value"], row["qualifier"], row["date"], row["text"],
                                 row["start"], row["end"], row["extractor"], row["confidence"], doc_id])  # fmt: skip
            self._row("about", [row["id"], row["about"]])
            self._row("stated_in", [row["id"], doc_id])
            self.counts["ABOUT"] += 1
            self.counts["STATED_IN"] += 1
            if row["claimed_by"] is not None and row["claimed_by"] in self.entities:
                self._row("claimed_by", [row["id"], row["claimed_by"]])
                self.counts["CLAIMED_BY"] += 1

    def _add_entity(self, doc_id: str, row: dict[str, Any]) -> None:
        e = self.entities.get(row["id"])
        if e is None:
            e = self.entities[row["id"]] = _Entity(label=row["type"], name=row["name"])
        for prop in ENTITY_PROPS:
            if e.props.get(prop) is None and row.get(prop) is not None:
                e.props[prop] = row[prop]
        new: list[str] = []
        for a in [*row["aliases"], row["name"]]:
            if a != e.name and a not in e.aliases and a not in new:
                new.append(a)
        e.aliases.extend(new)
        self._row("mentions", [row["id"], doc_id, doc_id, row["name"], _arr(row["aliases"]) or None,
                               _arr(row["starts"]) or None, _arr(row["ends"]) or None,
                               _arr(row["texts"]) or None])  # fmt: skip
        self.mention_spans += len(row["starts"])
        self.counts["MENTIONED_IN"] += 1

    def part(self, seconds: float) -> Part:
        """Close the streamed files and hand over what is still to be merged (edges in CSV form)."""
        for f in self._files.values():
            f.close()
        edges = {k: e.fields() for k, e in self.edges.items()}
        self.edges = {}
        return Part(self.out, self.entities, edges, len(self.doc_ids), self.claims, self.mention_spans, self.counts,
                    self.relation_rows, self.multiline, self.padded, seconds)  # fmt: skip


# --------------------------------------------------------------------------------------------------------
# Documents -> parts -> CSV files
# --------------------------------------------------------------------------------------------------------


@dataclass
class CsvResult:
    """CSV files ready for ``import_csv`` (``args``: the ``--nodes`` and ``--relationships`` values)."""

    out: Path
    args: dict[str, list[str]]
    documents: int
    nodes: int
    relationships: int
    relation_rows: int
    csv_seconds: float
    csv_bytes: int
    multiline: bool
    padded: int
    fingerprint: dict[str, int]
    longest_line: int = 0  # neo4j-admin's read buffer must hold the longest value

    @classmethod
    def from_json(cls, text: str) -> CsvResult:
        data = json.loads(text)
        return cls(**{**data, "out": Path(data["out"])})

    def summary(self) -> dict[str, Any]:
        return {"documents": self.documents, "nodes": self.nodes, "relationships": self.relationships,
                "relation_rows": self.relation_rows, "csv_seconds": round(self.csv_seconds, 2),
                "csv_mb": round(self.csv_bytes / 1e6, 1)}  # fmt: skip


def build_part(docs: Iterable[Document], out: Path, max_nodes: int | None = None) -> Part:
    """The part of ``docs`` (stopping once it has ``max_nodes`` nodes)."""
    ontology = load_ontology()
    g = GraphCsv(out)
    spent = 0.0
    for doc in docs:
        t = time.perf_counter()
        g.add(document_rows(doc, ontology))
        spent += time.perf_counter() - t
        if max_nodes is not None and g.nodes >= max_nodes:
            break
    t = time.perf_counter()
    part = g.part(0.0)
    part.seconds = spent + time.perf_counter() - t
    return part


def write_parts(parts: list[Part], out: Path) -> CsvResult:
    """Merge parts (in order: as if their documents were loaded one part after the other) and write the
    entity and edge files; the CSV files of every part make up the rest of the import.

    (Parts let several processes share the work; on this 2-core machine that did not pay, so every caller
    passes one part today. Merging three parts of one corpus gives a graph identical to loading it.)"""
    t = time.perf_counter()
    entities: dict[str, _Entity] = {}
    edges: dict[tuple[str, str, str], list[Any]] = {}
    for p in parts:
        for eid, e in p.entities.items():
            if (mine := entities.get(eid)) is None:
                entities[eid] = e
            else:
                mine.merge(e)
        for k, fields in p.edges.items():
            edges[k] = fields if (mine_e := edges.get(k)) is None else _merge_edge(mine_e, fields)
        p.entities, p.edges = {}, {}
    out.mkdir(parents=True, exist_ok=True)
    files = {}
    multiline = any(p.multiline for p in parts)
    by_label: dict[str, list[tuple[str, _Entity]]] = {}
    for eid, e in entities.items():
        by_label.setdefault(e.label, []).append((eid, e))
    for label, items in sorted(by_label.items()):
        path = files[label] = out / f"entities_{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id:ID(Entity)", "name", "aliases:string[]", *ENTITY_PROPS])
            for eid, e in items:
                props = [e.props.get(p) for p in ENTITY_PROPS]
                w.writerow([eid, e.name, _arr(e.aliases), *("" if v is None else v for v in props)])
                multiline = multiline or any("\n" in str(v) for v in (e.name, *e.aliases, *props) if v)
    # Written by hand, every value quoted: an unquoted empty field is "no property" to neo4j-admin, and
    # ev_date's one-element [''] is the field ' ' (see _arr).
    evidence: Counter[str] = Counter()
    types: Counter[str] = Counter()
    longest = 0
    with (out / "edges.csv").open("w", encoding="utf-8") as f:
        f.write(",".join(EDGE_HEADER) + "\n")
        for (s, rel_type, o), v in edges.items():
            types[rel_type] += 1
            evidence[rel_type] += v[11]
            line = ",".join('"' + x.replace('"', '""') + '"' for x in (s, o, rel_type, *v[:9], str(v[9])))
            date = "" if v[10] is None else '"' + v[10].replace('"', '""') + '"'
            f.write(f"{line},{date},{v[11]}\n")
            longest = max(longest, len(line))
    counts: Counter[str] = Counter()
    for p in parts:
        counts.update(p.counts)
    fingerprint: dict[str, int] = {}
    labels = Counter(e.label for e in entities.values())
    labels.update({"Entity": len(entities), "Document": sum(p.documents for p in parts),
                   "Claim": sum(p.claims for p in parts)})  # fmt: skip
    fingerprint.update({f"label:{k}": n for k, n in labels.items() if n})
    for rel_type, n in (counts + types).items():
        fingerprint[f"type:{rel_type}"] = n
    fingerprint.update({f"evidence:{k}": n for k, n in evidence.items() if n})
    fingerprint["mention_spans"] = sum(p.mention_spans for p in parts)

    def group(name: str) -> str:
        return ",".join(str(p.out / f"{name}.csv") for p in parts)

    nodes = [f"Document={group('documents')}", f"Claim={group('claims')}",
             *(f"Entity:{label}={path}" for label, path in files.items())]  # fmt: skip
    rels = [f"MENTIONED_IN={group('mentions')}", f"ABOUT={group('about')}", f"CLAIMED_BY={group('claimed_by')}",
            f"STATED_IN={group('stated_in')}", str(out / "edges.csv")]  # fmt: skip
    dirs = {out, *(p.out for p in parts)}
    return CsvResult(
        out, {"nodes": nodes, "relationships": rels}, sum(p.documents for p in parts),
        len(entities) + labels["Document"] + labels["Claim"], sum(counts.values()) + sum(types.values()),
        sum(p.relation_rows for p in parts), sum(p.seconds for p in parts) + time.perf_counter() - t,
        sum(f.stat().st_size for d in dirs for f in d.glob("*.csv")), multiline, sum(p.padded for p in parts),
        dict(sorted(fingerprint.items())), longest,
    )  # fmt: skip


def documents_to_csv(docs: Iterable[Document], out: Path, *, max_nodes: int | None = None) -> CsvResult:
    """The graph of ``docs`` as neo4j-admin CSV files under ``out`` (one process)."""
    return write_parts([build_part(docs, out / "part-0", max_nodes)], out)


def synthetic_documents(seed: int, n_docs: int = 10**9) -> Iterator[Document]:
    from synthetic import generate_documents

    return generate_documents(n_docs, seed)


def synthetic_graph_csv(max_nodes: int, out: Path, *, seed: int = 1) -> CsvResult:
    """The graph of the first documents of the synthetic corpus of ``seed`` that make ``max_nodes`` nodes."""
    return documents_to_csv(synthetic_documents(seed), out, max_nodes=max_nodes)


# --------------------------------------------------------------------------------------------------------
# Import and check
# --------------------------------------------------------------------------------------------------------


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("no 'java' on PATH; neo4j-admin import needs a JDK 17")
    return java


def _env(cfg: server.ServerConfig) -> dict[str, str]:
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(cfg.home)
    env["NEO4J_CONF"] = str(cfg.home / "conf")
    return env


def import_csv(cfg: server.ServerConfig, csv: CsvResult, *, heap: str = "1g", database: str = "neo4j",
               log: Path | None = None) -> dict[str, Any]:  # fmt: skip
    """``neo4j-admin database import full`` of ``csv`` into ``cfg.home`` (server stopped). Returns timings."""
    if server.status(cfg).running:
        raise RuntimeError(f"the server of {cfg.home} is running; neo4j-admin import needs it stopped")
    lib = server.resolve_jars()
    server.write_config(cfg)
    # A hub edge (a rapporteur -> the country, cited by thousands of documents) is one field of megabytes.
    buffer_mb = max(4, 2 ** math.ceil(math.log2(max(1, 2 * csv.longest_line * 4) / 2**20 + 1)))
    cmd = [
        _java(), f"-Xmx{heap}", "-cp", f"{lib}/*", server.ADMIN_TOOL, "database", "import", "full",
        *(f"--nodes={n}" for n in csv.args["nodes"]), *(f"--relationships={r}" for r in csv.args["relationships"]),
        f"--array-delimiter={ARRAY_DELIMITER_OPTION}", "--trim-strings=true", "--overwrite-destination=true",
        f"--multiline-fields={'true' if csv.multiline else 'false'}",
        "--auto-skip-subsequent-headers=true", f"--read-buffer-size={buffer_mb}m",
        f"--report-file={csv.out / 'import.report'}", database,
    ]  # fmt: skip
    if csv.padded:
        print(f"warning: {csv.padded} strings have surrounding whitespace, which --trim-strings may remove",
              file=sys.stderr)  # fmt: skip
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=_env(cfg), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t
    if log is not None:
        log.write_text(proc.stdout + proc.stderr)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise RuntimeError(f"neo4j-admin import failed (exit {proc.returncode}):\n{tail}")
    reported = None
    if m := re.search(r"IMPORT DONE in (?:(\d+)m )?(?:(\d+)s )?(\d+)ms", proc.stdout):
        reported = int(m.group(1) or 0) * 60 + int(m.group(2) or 0) + int(m.group(3)) / 1000
    imported = {}
    if m := re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships\s+(\d+) properties", proc.stdout):
        imported = {"nodes": int(m.group(1)), "relationships": int(m.group(2)), "properties": int(m.group(3))}
    return {"import_seconds": round(seconds, 2), "tool_reported_seconds": reported, "imported": imported,
            "store_mb": round(_du(cfg.home / "data" / "databases" / database) / 1e6, 1)}  # fmt: skip


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def check_graph(cfg: server.ServerConfig, expected: dict[str, int], database: str = "neo4j") -> dict[str, Any]:
    """Start the imported server, read its fingerprint and compare it with ``expected``; leaves it running."""
    from load_bench import fingerprint

    from hrkg.graph.connection import create_driver

    t = time.perf_counter()
    server.start(cfg)
    started = time.perf_counter() - t
    driver = create_driver(cfg.bolt_url, "neo4j", cfg.password, timeout=30.0)
    try:
        found = fingerprint(driver, database)
    finally:
        driver.close()
    diff = {k: (expected.get(k), found.get(k)) for k in expected.keys() | found.keys()
            if expected.get(k) != found.get(k)}  # fmt: skip
    nodes = sum(found.get(f"label:{label}", 0) for label in ("Entity", "Document", "Claim"))
    rels = sum(v for k, v in found.items() if k.startswith("type:"))
    return {"start_seconds": round(started, 1), "nodes": nodes, "relationships": rels, "identical": not diff,
            "differences": diff}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--relationships", type=int, default=20_000,
                      help="relation rows, as bench/load_bench.py --relationships (the same documents)")  # fmt: skip
    size.add_argument("--nodes", type=int, help="instead: documents until the graph has this many nodes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=BENCH / ".work" / "admin-import")
    parser.add_argument("--bolt-port", type=int, default=19688)
    parser.add_argument("--http-port", type=int, default=19475)
    parser.add_argument("--compare", type=Path, help="load_bench.py JSON whose fingerprint the import must match")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", action="store_true", help="leave the server running and its home in place")
    parser.add_argument("--csv-only", type=Path, metavar="RESULT_JSON",
                        help="only write the CSV files (under --work/csv) and their description (here)")  # fmt: skip
    args = parser.parse_args(argv)
    from load_bench import corpus

    if args.csv_only:
        shutil.rmtree(args.work / "csv", ignore_errors=True)
        if args.nodes:
            res = synthetic_graph_csv(args.nodes, args.work / "csv", seed=args.seed)
        else:
            res = documents_to_csv(corpus(args.relationships, args.seed), args.work / "csv")
        args.csv_only.write_text(json.dumps({**asdict(res), "out": str(res.out)}))
        return 0
    cfg = server.ServerConfig(home=args.work / "neo4j", bolt_port=args.bolt_port, http_port=args.http_port,
                              heap="1g", pagecache="1g")  # fmt: skip
    server.stop(cfg)  # a server left running with --keep
    shutil.rmtree(args.work, ignore_errors=True)
    try:
        if args.nodes:
            res = synthetic_graph_csv(args.nodes, args.work / "csv", seed=args.seed)
        else:
            res = documents_to_csv(corpus(args.relationships, args.seed), args.work / "csv")
        print(f"CSV: {res.documents:,} documents -> {res.nodes:,} nodes, {res.relationships:,} relationships, "
              f"{res.csv_bytes / 1e6:.1f} MB in {res.csv_seconds:.1f} s", flush=True)  # fmt: skip
        imp = import_csv(cfg, res)
        print(f"neo4j-admin import: {imp['import_seconds']:.1f} s (tool: {imp['tool_reported_seconds']} s), "
              f"{imp['imported']}", flush=True)  # fmt: skip
        expected = res.fingerprint
        if args.compare:
            expected = json.loads(args.compare.read_text())["fingerprint"]
            if expected != res.fingerprint:
                print("WARNING: the CSV graph's own counts differ from the loaded graph's fingerprint")
        check = check_graph(cfg, expected)
        print(f"started in {check['start_seconds']} s: {check['nodes']:,} nodes, {check['relationships']:,} "
              f"relationships; {'identical to' if check['identical'] else 'DIFFERS from'} the expected graph "
              f"{check['differences'] or ''}")  # fmt: skip
        report = {"csv": res.summary(), "import": imp, "check": check}
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(report, indent=1) + "\n")
        return 0 if check["identical"] else 1
    finally:
        if not args.keep:
            server.stop(cfg)
            shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
