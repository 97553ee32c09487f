"""Load throughput of hrkg's graph writer against one statement per row, on the same synthetic input.

Paths, each timed on an empty graph (wiped with ``CALL { DETACH DELETE } IN TRANSACTIONS``, schema re-applied):

* ``batched``  - ``hrkg.graph.writer.load_document`` per document: one transaction per document, one
  ``UNWIND $rows`` statement per step (document, entities, relations, claims);
* ``per-row``  - the same statements, same transaction per document, but one ``tx.run`` per entity,
  relation and claim row (``UNWIND $rows AS row`` becomes ``WITH $row AS row``), i.e. the naive client;
* ``bulk``     - the ceiling: the same statements over the rows of many documents per transaction
  (``$doc_id`` moved into each row), and relation rows grouped by type with the (ontology-checked) type
  written into the ``MERGE`` instead of ``$(row.type)``: planned on an empty graph, the dynamic-type MERGE
  scans all relationships for every row, which makes a first large transaction quadratic. It gives up
  "a document lands whole or not at all" per document (a writer would retry a failed group doc by doc).

Every path must leave the same graph: node and relationship counts per label/type and the sum of the
evidence entries are compared, and the run fails if they differ.

    python bench/load_bench.py --uri bolt://127.0.0.1:47687 --password hrkg-local-password \\
        [--relationships 100000 | --quick] [--json bench/results/load.json]

The database is WIPED: the benchmark refuses to start on a non-empty graph unless ``--wipe-existing``.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction

from hrkg.graph.connection import create_driver
from hrkg.graph.queries import query
from hrkg.graph.schema import apply_schema
from hrkg.graph.writer import DocumentRows, document_rows, load_document
from hrkg.ontology import load_ontology
from hrkg.ontology.models import Document
from hrkg.settings import get_settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate_documents

ROW_STATEMENTS = ("write_entities", "write_relations", "write_claims")


# --------------------------------------------------------------------------------------------------------
# Statements of the comparison paths, derived from the writer's own cypher files
# --------------------------------------------------------------------------------------------------------


def _derive(name: str, old: str, new: str) -> str:
    text = query(name)
    if old not in text:
        raise SystemExit(f"cypher/{name}.cypher no longer contains {old!r}; update bench/load_bench.py")
    return text.replace(old, new)


def per_row_statements() -> dict[str, str]:
    """``write_*`` with the ``UNWIND`` replaced by a single ``$row`` parameter."""
    return {name: _derive(name, "UNWIND $rows AS row", "WITH $row AS row") for name in ROW_STATEMENTS}


def bulk_statements() -> dict[str, str]:
    """``write_*`` over the rows of many documents: ``$doc_id`` read from each row; relations per type."""
    out = {name: _derive(name, "$doc_id", "row.doc_id") for name in ROW_STATEMENTS}
    out["write_document"] = "UNWIND $docs AS doc\n" + _derive("write_document", "$doc.", "doc.")
    dynamic = "MERGE (s)-[r:$(row.type)]->(o)"
    if dynamic not in out["write_relations"]:
        raise SystemExit(f"cypher/write_relations.cypher no longer contains {dynamic!r}; update bench/load_bench.py")
    for pred in load_ontology().predicates.values():
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", pred.type):
            raise SystemExit(f"predicate {pred.name}: relationship type {pred.type!r} is not an identifier")
        out[f"write_relations:{pred.type}"] = out["write_relations"].replace(dynamic, f"MERGE (s)-[r:{pred.type}]->(o)")
    return out


# --------------------------------------------------------------------------------------------------------
# The load paths
# --------------------------------------------------------------------------------------------------------

Loader = Callable[[Driver, str, Sequence[Document]], None]


def load_batched(driver: Driver, database: str, docs: Sequence[Document]) -> None:
    for doc in docs:
        load_document(driver, database, doc)


def load_per_row(driver: Driver, database: str, docs: Sequence[Document]) -> None:
    stmts = per_row_statements()
    write_document = query("write_document")

    def work(tx: ManagedTransaction, rows: DocumentRows) -> None:
        doc_id = rows.doc["id"]
        tx.run(write_document, doc=rows.doc).consume()
        for row in rows.entities:
            tx.run(stmts["write_entities"], doc_id=doc_id, row=row).consume()
        for row in rows.relations:
            tx.run(stmts["write_relations"], doc_id=doc_id, row=row).consume()
        for row in rows.claims:
            tx.run(stmts["write_claims"], doc_id=doc_id, row=row).consume()

    for doc in docs:
        rows = document_rows(doc)
        with driver.session(database=database) as session:
            session.execute_write(work, rows)


def bulk_loader(docs_per_tx: int) -> Loader:
    def load_bulk(driver: Driver, database: str, docs: Sequence[Document]) -> None:
        stmts = bulk_statements()

        def work(tx: ManagedTransaction, group: list[DocumentRows]) -> None:
            tx.run(stmts["write_document"], docs=[g.doc for g in group]).consume()
            entities = [{**row, "doc_id": g.doc["id"]} for g in group for row in g.entities]
            tx.run(stmts["write_entities"], rows=entities).consume()
            by_type: dict[str, list[dict[str, Any]]] = {}
            for g in group:
                for row in g.relations:
                    by_type.setdefault(row["type"], []).append({**row, "doc_id": g.doc["id"]})
            for rel_type, rows in by_type.items():
                tx.run(stmts[f"write_relations:{rel_type}"], rows=rows).consume()
            claims = [{**row, "doc_id": g.doc["id"]} for g in group for row in g.claims]
            if claims:
                tx.run(stmts["write_claims"], rows=claims).consume()

        with driver.session(database=database) as session:
            for i in range(0, len(docs), docs_per_tx):
                group = [document_rows(d) for d in docs[i : i + docs_per_tx]]
                session.execute_write(work, group)

    return load_bulk


# --------------------------------------------------------------------------------------------------------
# Database chores
# --------------------------------------------------------------------------------------------------------


def wipe(driver: Driver, database: str) -> None:
    with driver.session(database=database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    apply_schema(driver, load_ontology(), database)


def counts(driver: Driver, database: str) -> tuple[int, int]:
    with driver.session(database=database) as session:
        nodes = session.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        rels = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]
    return nodes, rels


def fingerprint(driver: Driver, database: str) -> dict[str, int]:
    """Counts per label and relationship type, and evidence entries per type: equal graphs, equal prints."""
    out: dict[str, int] = {}
    with driver.session(database=database) as session:
        for r in session.run("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c"):
            out[f"label:{r['l']}"] = r["c"]
        q = "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c, sum(coalesce(r.evidence_count, 0)) AS ev"
        for r in session.run(q):
            out[f"type:{r['t']}"] = r["c"]
            if r["ev"]:
                out[f"evidence:{r['t']}"] = r["ev"]
        q = "MATCH ()-[m:MENTIONED_IN]->() RETURN sum(size(m.starts)) AS spans"
        out["mention_spans"] = session.run(q).single()["spans"] or 0
    return dict(sorted(out.items()))


def server_info(driver: Driver, database: str) -> dict[str, Any]:
    info: dict[str, Any] = {}
    with driver.session(database=database) as session:
        rec = session.run("CALL dbms.components() YIELD name, versions, edition RETURN *").single()
        info["neo4j"] = f"{rec['name']} {rec['versions'][0]} {rec['edition']}"
        try:
            names = ["server.memory.heap.max_size", "server.memory.pagecache.size", "db.tx_log.rotation.size"]
            q = "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value"
            info["settings"] = {r["name"]: r["value"] for r in session.run(q, names=names)}
        except neo4j.exceptions.Neo4jError:
            info["settings"] = {}
    return info


def server_pid(uri: str) -> int | None:
    """The pid of the local process listening on the URI's port (Linux ``/proc``), or ``None``."""
    m = re.match(r"^[a-z+]+://(127\.0\.0\.1|localhost|\[::1\])(?::(\d+))?", uri)
    if not m:
        return None
    port, inodes = int(m.group(2) or 7687), set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            for line in Path(table).read_text().splitlines()[1:]:
                f = line.split()
                if f[3] == "0A" and int(f[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(f"socket:[{f[9]}]")
        except OSError:
            continue
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if any(os.readlink(fd) in inodes for fd in (proc / "fd").iterdir()):
                return int(proc.name)
        except OSError:
            continue
    return None


def process_cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of ``pid`` so far (0 when unknown)."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_info() -> dict[str, Any]:
    mem_gb = None
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rust = importlib.util.find_spec("neo4j._rust") is not None
    return {
        "python": platform.python_version(), "driver": f"neo4j {neo4j.__version__}" + (" + rust-ext" if rust else ""),
        "platform": platform.platform(), "cpu": cpu, "cores": os.cpu_count(), "ram_gb": mem_gb,
    }  # fmt: skip


# --------------------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------------------


@dataclass
class Run:
    path: str
    seconds: float
    client_cpu_seconds: float
    server_cpu_seconds: float
    docs: int
    relation_rows: int
    row_writes: int
    nodes: int
    relationships: int
    relation_rows_per_s: float = 0.0
    relationships_per_s: float = 0.0
    nodes_per_s: float = 0.0
    docs_per_s: float = 0.0
    docs_per_s_by_quarter: list[float] = field(default_factory=list)
    load_average: float = 0.0
    cpu_ms_per_doc: float = 0.0
    relation_rows_per_cpu_s: float = 0.0

    def __post_init__(self) -> None:
        s = self.seconds
        cpu = self.client_cpu_seconds + self.server_cpu_seconds
        self.cpu_ms_per_doc = round(cpu * 1000 / self.docs, 2)
        self.relation_rows_per_cpu_s = round(self.relation_rows / cpu, 1) if cpu else 0.0
        self.relation_rows_per_s = round(self.relation_rows / s, 1)
        self.relationships_per_s = round(self.relationships / s, 1)
        self.nodes_per_s = round(self.nodes / s, 1)
        self.docs_per_s = round(self.docs / s, 1)


def corpus(target_relations: int, seed: int) -> list[Document]:
    docs, n = [], 0
    for doc in generate_documents(10**9, seed):
        docs.append(doc)
        n += len(doc.relations)
        if n >= target_relations:
            break
    return docs


def row_writes(docs: Iterable[Document]) -> int:
    """Rows the writer sends: documents + entities (each with its MENTIONED_IN) + relations + claims."""
    return sum(1 + len(d.entities) + len(d.relations) + len(d.claims) for d in docs)


def timed(path: str, loader: Loader, driver: Driver, database: str, docs: list[Document],
          pid: int | None) -> tuple[Run, dict]:  # fmt: skip
    wipe(driver, database)
    quarters, bounds = [], [round(len(docs) * k / 4) for k in range(5)]
    load = os.getloadavg()[0]
    wall0, cpu0, server0 = time.perf_counter(), time.process_time(), process_cpu_seconds(pid)
    for a, b in itertools.pairwise(bounds):
        t = time.perf_counter()
        loader(driver, database, docs[a:b])
        quarters.append(round((b - a) / (time.perf_counter() - t), 1))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    server = process_cpu_seconds(pid) - server0
    load = max(load, os.getloadavg()[0])
    nodes, rels = counts(driver, database)
    run = Run(path, round(wall, 2), round(cpu, 2), round(server, 2), len(docs), sum(len(d.relations) for d in docs),
              row_writes(docs), nodes, rels, docs_per_s_by_quarter=quarters, load_average=load)  # fmt: skip
    return run, fingerprint(driver, database)


def table(runs: list[Run]) -> str:
    head = (
        f"{'path':<8} {'seconds':>7} {'rel rows/s':>10} {'graph rels/s':>12} {'nodes/s':>8} {'docs/s':>7} "
        f"{'cpu client+server':>17} {'ms cpu/doc':>10} {'rel rows/cpu-s':>14} {'load':>5}  docs/s by quarter"
    )
    lines = [head, "-" * len(head)]
    for r in runs:
        quarters = " ".join(f"{q:.0f}" for q in r.docs_per_s_by_quarter)
        cpu = f"{r.client_cpu_seconds:.0f}s + {r.server_cpu_seconds:.0f}s"
        lines.append(
            f"{r.path:<8} {r.seconds:>7.1f} {r.relation_rows_per_s:>10,.0f} {r.relationships_per_s:>12,.0f} "
            f"{r.nodes_per_s:>8,.0f} {r.docs_per_s:>7,.1f} {cpu:>17} {r.cpu_ms_per_doc:>10.1f} "
            f"{r.relation_rows_per_cpu_s:>14,.0f} {r.load_average:>5.1f}  {quarters}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    settings = get_settings()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uri", default=settings.neo4j_uri)
    parser.add_argument("--user", default=settings.neo4j_user)
    parser.add_argument("--password", default=settings.neo4j_password.get_secret_value())
    parser.add_argument("--database", default=settings.neo4j_database)
    parser.add_argument("--relationships", type=int, default=100_000, help="synthetic relation rows to load")
    parser.add_argument("--quick", action="store_true", help="10,000 relation rows (for CI)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--paths", default="batched,per-row,bulk", help="comma-separated: batched,per-row,bulk")
    parser.add_argument("--bulk-docs", type=int, default=200, help="documents per transaction in the bulk path")
    parser.add_argument("--json", type=Path, help="write the figures here (e.g. bench/results/load.json)")
    parser.add_argument("--wipe-existing", action="store_true", help="allow wiping a non-empty database")
    parser.add_argument("--keep", action="store_true", help="leave the last path's graph in the database")
    parser.add_argument("--server-pid", type=int, help="Neo4j's pid, for its CPU time (found from the port if local)")
    args = parser.parse_args(argv)
    target = 10_000 if args.quick else args.relationships
    paths: dict[str, Loader] = {"batched": load_batched, "per-row": load_per_row, "bulk": bulk_loader(args.bulk_docs)}
    chosen = [p.strip() for p in args.paths.split(",") if p.strip()]
    if unknown := [p for p in chosen if p not in paths]:
        parser.error(f"unknown path(s) {unknown}; choose from {list(paths)}")

    driver = create_driver(args.uri, args.user, args.password, timeout=30.0)
    try:
        driver.verify_connectivity()
        nodes, _ = counts(driver, args.database)
        if nodes and not args.wipe_existing:
            print(f"{args.uri} database {args.database!r} holds {nodes:,} nodes; this benchmark wipes it. "
                  "Point --uri at a scratch server or pass --wipe-existing.", file=sys.stderr)  # fmt: skip
            return 2
        machine, server = machine_info(), server_info(driver, args.database)
        pid = args.server_pid or server_pid(args.uri)
        server["pid"] = pid
        t = time.perf_counter()
        docs = corpus(target, args.seed)
        gen_s = time.perf_counter() - t
        t = time.perf_counter()
        for d in docs:
            document_rows(d)
        rows_s = time.perf_counter() - t
        n_rel = sum(len(d.relations) for d in docs)
        print(f"machine : {machine['cpu']}, {machine['cores']} cores, {machine['ram_gb']} GB RAM; "
              f"{machine['platform']}")  # fmt: skip
        print(f"software: Python {machine['python']}, {machine['driver']}, {server['neo4j']} {server['settings']}")
        print(f"server  : pid {pid or 'unknown (server CPU not measured)'}; load average now "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {machine['cores']} cores")  # fmt: skip
        print(f"input   : {len(docs):,} synthetic documents (seed {args.seed}), {n_rel:,} relation rows, "
              f"{sum(len(d.entities) for d in docs):,} entity rows, {sum(len(d.claims) for d in docs):,} claims; "
              f"{row_writes(docs):,} row writes; generated in {gen_s:.1f}s, document_rows() {rows_s:.2f}s")  # fmt: skip
        # Warm the query caches and the JVM for every path on a separate small corpus.
        warm = corpus(300, args.seed + 1_000)
        for name in chosen:
            wipe(driver, args.database)
            paths[name](driver, args.database, warm)
        runs, prints = [], {}
        for name in chosen:
            print(f"... {name}", file=sys.stderr, flush=True)
            run, fp = timed(name, paths[name], driver, args.database, docs, pid)
            runs.append(run)
            prints[name] = fp
        print()
        print(table(runs))
        print()
        ok = True
        for r in runs:
            print(f"{r.path:<10} nodes {r.nodes:,}  relationships {r.relationships:,}")
        reference = chosen[0]
        for name in chosen[1:]:
            if prints[name] != prints[reference]:
                ok = False
                diff = {k: (prints[reference].get(k), prints[name].get(k))
                        for k in prints[reference].keys() | prints[name].keys()
                        if prints[reference].get(k) != prints[name].get(k)}  # fmt: skip
                print(f"MISMATCH {reference} vs {name}: {diff}")
        print("graphs identical across paths" if ok else "GRAPHS DIFFER")
        by = {r.path: r for r in runs}
        ratios: dict[str, float] = {}
        for fast, slow, label in (("batched", "per-row", "batched / per-row"),
                                  ("bulk", "batched", f"bulk ({args.bulk_docs} docs/tx) / batched")):  # fmt: skip
            if fast in by and slow in by:
                key = f"{fast}_over_{slow}".replace("-", "_")
                ratios[key] = round(by[slow].seconds / by[fast].seconds, 2)
                ratios[key + "_cpu"] = round(by[slow].cpu_ms_per_doc / by[fast].cpu_ms_per_doc, 2)
                print(f"{label} throughput: {ratios[key]:.2f}x wall-clock, {ratios[key + '_cpu']:.2f}x per CPU-second")
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            report = {
                "when": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine, "server": server,
                "input": {"seed": args.seed, "documents": len(docs), "relation_rows": n_rel,
                          "row_writes": row_writes(docs), "generate_seconds": round(gen_s, 2)},
                "runs": [asdict(r) for r in runs], "ratios": ratios, "graphs_identical": ok,
                "fingerprint": prints[reference], "median_docs_per_s": {r.path: statistics.median(
                    r.docs_per_s_by_quarter) for r in runs},
            }  # fmt: skip
            args.json.write_text(json.dumps(report, indent=2) + "\n")
            print(f"figures written to {args.json}")
        if not args.keep:
            wipe(driver, args.database)
        return 0 if ok else 1
    finally:
        driver.close()


if __name__ == "__main__":
    raise SystemExit(main())
