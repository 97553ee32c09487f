"""Benchmark: the streamed N-Triples export beside rdflib's ``Graph.serialize(format="nt")`` of the same triples.

    .venv/bin/python bench/export_bench.py --uri bolt://127.0.0.1:37687 [--entities N] [--edges M]

Creates synthetic entities (the five types, with aliases, Wikidata ids, kinds and dates), documents, mentions,
typed edges with evidence lists (a quarter of them supported by two sentences) and claims directly in Neo4j with
``UNWIND``, every node labelled ``:HrkgBench``; then runs each exporter in a child process of its own (so peak
RSS is that exporter's alone) and prints the figures side by side; then deletes its data. It refuses to run on a
database holding other data unless ``--allow-existing`` is given (the export would include it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from neo4j import Driver

from hrkg.graph.connection import check_connection, create_driver
from hrkg.graph.rdf_export import PAGE_SIZE, RdfMapper, build_graph, export, iter_quads
from hrkg.graph.schema import apply_schema
from hrkg.ontology import load_ontology
from hrkg.settings import Settings

BASE_URI = "https://hrkg.example.org"
LABELS = ("Person", "Organisation", "Event", "Case", "Place")
KINDS = {"Organisation": "ngo", "Event": "protest", "Place": "city"}
TYPES = ("RELATED_TO", "MEMBER_OF", "EXECUTED_IN", "REPORTED_BY", "LOCATED_IN", "VICTIM_OF", "TRIED_IN")
BATCH = 10_000

CREATE_DOCUMENTS = """
UNWIND $ids AS id
CREATE (:Document:HrkgBench {id: id, source: 'bench/' + id + '.txt', title: 'Synthetic report ' + id,
        url: 'https://example.org/' + id, publisher: 'Bench Desk', published: '2021-11-30',
        extractor: 'bench', ingested_at: '2024-01-01T00:00:00+00:00'})
"""
CREATE_ENTITIES = """
UNWIND range($start, $stop - 1) AS i
WITH i, $labels[i % size($labels)] AS label, $docs[i % size($docs)] AS doc
MATCH (d:Document {id: doc})
CREATE (e:Entity:HrkgBench {id: toLower(label) + '/bench-' + toString(i), name: label + ' number ' + toString(i),
        aliases: ['Alias ' + toString(i)], description: 'A synthetic ' + toLower(label) + ' for the export benchmark.',
        wikidata: CASE WHEN i % 3 = 0 THEN 'Q' + toString(i + 1) ELSE null END,
        kind: $kinds[label],
        start_date: CASE WHEN label IN ['Event', 'Case'] THEN '2019-11' ELSE null END,
        end_date: CASE WHEN label = 'Case' THEN '2020-09-12' ELSE null END})
SET e:$(label)
CREATE (e)-[:MENTIONED_IN {doc_id: doc, name: e.name, aliases: [], starts: [0], ends: [10], texts: [e.name]}]->(d)
"""
CREATE_EDGES = """
UNWIND range($start, $stop - 1) AS i
WITH i, $n AS n, $docs AS docs
WITH i, n, docs, (i * 7919 + 13) % n AS s, (i * 104729 + 7) % n AS o
WITH i, docs, s, CASE WHEN o = s THEN (o + 1) % n ELSE o END AS o
MATCH (a:Entity {id: toLower($labels[s % 5]) + '/bench-' + toString(s)})
MATCH (b:Entity {id: toLower($labels[o % 5]) + '/bench-' + toString(o)})
WITH i, a, b, docs, CASE WHEN i % 4 = 0 THEN [docs[i % size(docs)], docs[(i + 1) % size(docs)]]
                         ELSE [docs[i % size(docs)]] END AS ev_doc
CREATE (a)-[r:$($types[i % size($types)])]->(b)
SET r.ev_doc = ev_doc,
    r.ev_key = [k IN range(0, size(ev_doc) - 1) | ev_doc[k] + ':' + toString(i) + ':' + toString(i + 80)],
    r.ev_text = [k IN range(0, size(ev_doc) - 1) | 'Synthetic sentence ' + toString(i) + ' says "' + a.name +
                 '" is linked to ' + b.name + '.'],
    r.ev_start = [k IN range(0, size(ev_doc) - 1) | i],
    r.ev_end = [k IN range(0, size(ev_doc) - 1) | i + 80],
    r.ev_extractor = [k IN range(0, size(ev_doc) - 1) | 'bench'],
    r.ev_confidence = [k IN range(0, size(ev_doc) - 1) | 0.75],
    r.ev_date = [k IN range(0, size(ev_doc) - 1) | CASE WHEN i % 2 = 0 THEN '2020-09' ELSE '' END],
    r.doc_ids = ev_doc, r.evidence_count = size(ev_doc), r.confidence = 0.75
"""
CREATE_CLAIMS = """
UNWIND range($start, $stop - 1) AS i
WITH i, 5 * i + 2 AS event, 5 * ((i * 31) % ($n / 5)) + 1 AS org, $docs[i % size($docs)] AS doc
WHERE event < $n
MATCH (about:Entity {id: 'event/bench-' + toString(event)})
MATCH (by:Entity {id: 'organisation/bench-' + toString(org)})
MATCH (d:Document {id: doc})
CREATE (c:Claim:HrkgBench {id: 'claim/bench-' + toString(i), metric: 'killed', value: i * 3,
        qualifier: 'at least', date: '2019-11', sentence: 'At least ' + toString(i * 3) + ' people were killed.',
        start: 0, end: 40, extractor: 'bench', confidence: 0.7, doc_id: doc})
CREATE (c)-[:ABOUT]->(about), (c)-[:CLAIMED_BY]->(by), (c)-[:STATED_IN]->(d)
"""
DELETE_BENCH = "MATCH (n:HrkgBench) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS"


def generate(driver: Driver, database: str, entities: int, edges: int, documents: int, claims: int) -> None:
    docs = [hashlib.sha256(f"bench-{i}".encode()).hexdigest() for i in range(documents)]
    driver.execute_query(CREATE_DOCUMENTS, ids=docs, database_=database)
    for start in range(0, entities, BATCH):
        driver.execute_query(CREATE_ENTITIES, start=start, stop=min(entities, start + BATCH), labels=list(LABELS),
                             kinds=KINDS, docs=docs, database_=database)  # fmt: skip
    for start in range(0, edges, BATCH):
        driver.execute_query(CREATE_EDGES, start=start, stop=min(edges, start + BATCH), n=entities,
                             labels=list(LABELS), types=list(TYPES), docs=docs, database_=database)  # fmt: skip
    for start in range(0, claims, BATCH):
        driver.execute_query(CREATE_CLAIMS, start=start, stop=min(claims, start + BATCH), n=entities, docs=docs,
                             database_=database)  # fmt: skip


def count_other_nodes(driver: Driver, database: str) -> int:
    rec = driver.execute_query("MATCH (n) WHERE NOT n:HrkgBench RETURN count(n) AS n", database_=database)
    return rec.records[0]["n"]


class _CountingWriter:
    def __init__(self, f) -> None:
        self.f = f
        self.lines = 0

    def write(self, chunk: bytes) -> int:
        self.lines += chunk.count(b"\n")
        return self.f.write(chunk)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def child(mode: str, args: argparse.Namespace) -> dict[str, float]:
    """Run one exporter in this (child) process and report its figures."""
    ontology = load_ontology()
    driver = create_driver(args.uri, args.user, args.password, timeout=30.0)
    baseline = _rss_mb()
    out_path = Path(args.out)
    t0 = time.perf_counter()
    with out_path.open("wb") as f:
        if mode == "stream":
            counter = _CountingWriter(f)
            export(driver, args.database, "nt", counter, base_uri=BASE_URI, ontology=ontology,  # type: ignore[arg-type]
                   page_size=args.page_size)  # fmt: skip
            triples, build = counter.lines, 0.0
        else:
            mapper = RdfMapper(ontology, BASE_URI)
            graph = build_graph(iter_quads(driver, args.database, mapper, page_size=args.page_size), mapper.vocab)
            build = time.perf_counter() - t0
            graph.serialize(destination=f, format="nt", encoding="utf-8")
            triples = len(graph)
    seconds = time.perf_counter() - t0
    driver.close()
    return {"triples": triples, "seconds": seconds, "build_seconds": build, "peak_rss_mb": _rss_mb(),
            "baseline_rss_mb": baseline, "bytes": out_path.stat().st_size}  # fmt: skip


def run_child(mode: str, args: argparse.Namespace, out: Path) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, "--out", str(out), "--uri", args.uri, "--user", args.user,
           "--database", args.database, "--page-size", str(args.page_size)]  # fmt: skip
    proc = subprocess.run(cmd, input=args.password + "\n", capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"the {mode} exporter failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    settings = Settings()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uri", default=settings.neo4j_uri)
    parser.add_argument("--user", default=settings.neo4j_user)
    parser.add_argument("--database", default=settings.neo4j_database)
    parser.add_argument("--entities", type=int, default=150_000)
    parser.add_argument("--edges", type=int, default=120_000)
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--page-size", type=int, default=PAGE_SIZE)
    parser.add_argument("--allow-existing", action="store_true", help="run even if the database holds other data")
    parser.add_argument("--keep", action="store_true", help="leave the synthetic data in place")
    parser.add_argument("--child", choices=["stream", "rdflib"], help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # The password comes from the settings (HRKG_NEO4J_PASSWORD / .env); children read it from their stdin.
    args.password = sys.stdin.readline().strip() if args.child else settings.neo4j_password.get_secret_value()
    if args.child:
        print(json.dumps(child(args.child, args)))
        return

    driver = create_driver(args.uri, args.user, args.password, timeout=30.0)
    check_connection(driver, args.uri)
    apply_schema(driver, load_ontology(), args.database)
    others = count_other_nodes(driver, args.database)
    if others and not args.allow_existing:
        raise SystemExit(f"{args.uri} holds {others} other nodes; use an empty database or --allow-existing")
    try:
        t0 = time.perf_counter()
        generate(driver, args.database, args.entities, args.edges, args.documents, args.claims)
        print(f"generated {args.entities:,} entities, {args.edges:,} edges, {args.documents:,} documents, "
              f"{args.claims:,} claims in {time.perf_counter() - t0:.0f} s", flush=True)  # fmt: skip
        with tempfile.TemporaryDirectory(prefix="hrkg-bench-") as tmp:
            stream = run_child("stream", args, Path(tmp) / "stream.nt")
            reference = run_child("rdflib", args, Path(tmp) / "rdflib.nt")
        report(stream, reference)
    finally:
        if not args.keep:
            with driver.session(database=args.database) as session:
                session.run(DELETE_BENCH).consume()
        driver.close()


def report(stream: dict[str, float], ref: dict[str, float]) -> None:
    rows = [
        ("triples", f"{stream['triples']:,.0f}", f"{ref['triples']:,.0f}"),
        ("output (MB)", f"{stream['bytes'] / 2**20:,.0f}", f"{ref['bytes'] / 2**20:,.0f}"),
        ("wall time (s)", f"{stream['seconds']:.1f}",
         f"{ref['seconds']:.1f} (read+build {ref['build_seconds']:.1f}, serialize "
         f"{ref['seconds'] - ref['build_seconds']:.1f})"),
        ("triples/s", f"{stream['triples'] / stream['seconds']:,.0f}", f"{ref['triples'] / ref['seconds']:,.0f}"),
        ("peak RSS (MB)", f"{stream['peak_rss_mb']:,.0f}", f"{ref['peak_rss_mb']:,.0f}"),
        ("RSS before export (MB)", f"{stream['baseline_rss_mb']:,.0f}", f"{ref['baseline_rss_mb']:,.0f}"),
    ]  # fmt: skip
    print(f"\n{'':24}{'streamed N-Triples (ours)':>28}   rdflib Graph + serialize(format='nt')")
    for name, ours, theirs in rows:
        print(f"{name:24}{ours:>28}   {theirs}")
    if stream["triples"] != ref["triples"]:
        print(f"\nWARNING: triple counts differ ({stream['triples']} vs {ref['triples']})")


if __name__ == "__main__":
    main()
