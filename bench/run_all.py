"""Every hrkg benchmark beside its reference, in one run: ``bench/run [--quick]``.

1. extraction throughput: hrkg's rules extractor beside spaCy's ``en_core_web_sm`` pipeline on the same texts
   (``bench/extract_bench.py``);
2. load throughput: the batched writer beside one statement per row (and many documents per transaction),
   ``bench/load_bench.py``, on a scratch Neo4j; then ``neo4j-admin database import`` of the same graph
   (``bench/admin_import.py``: CSV files, import into a fresh home, start it, compare the graph);
3. export: the streamed N-Triples export beside rdflib (``bench/export_bench.py``), throughput and peak memory;
4. API latency: a graph of ``graph_nodes`` nodes built with neo4j-admin import from ``bench/synthetic.py``
   documents, schema applied, served by a real uvicorn process; p50/p99 of three endpoints at 1, 8 and 32
   clients beside the same statements sent straight through the driver (``bench/api_latency.py``).

Writes ``bench/results/summary.json`` and ``bench/results/summary.png`` (and ``run-*.json`` per benchmark) and
prints one side-by-side table. Neo4j servers run on 127.0.0.1:19687/19474 and 19688/19475, the API on 19476;
everything lives under ``bench/.work`` and is removed at the end, also after a failure or Ctrl-C.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import json
import logging
import os
import platform
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import admin_import  # noqa: E402
import api_latency  # noqa: E402

from hrkg.graph import server  # noqa: E402

PASSWORD = "hrkg-bench-password"
PORTS_A = (19687, 19474)  # load and export
PORTS_B = (19688, 19475)  # the neo4j-admin imports, one after the other
API_PORT = 19476
BENCHES = ("extract", "load", "admin", "export", "api")


@dataclass(frozen=True)
class Sizes:
    extract_mb: float
    load_relationships: int
    graph_nodes: int
    seconds_per_point: float
    warmup_seconds: float
    export_triples: int
    heap_a: str
    pagecache_a: str
    heap_big: str
    pagecache_big: str
    load_paths: str


FULL = Sizes(extract_mb=2.0, load_relationships=20_000, graph_nodes=1_000_000, seconds_per_point=20,
             warmup_seconds=10, export_triples=1_000_000, heap_a="2g", pagecache_a="1g", heap_big="3g",
             pagecache_big="4g", load_paths="batched,per-row,bulk")  # fmt: skip
QUICK = Sizes(extract_mb=0.3, load_relationships=5_000, graph_nodes=20_000, seconds_per_point=5,
              warmup_seconds=1, export_triples=50_000, heap_a="1g", pagecache_a="512m", heap_big="1g",
              pagecache_big="512m", load_paths="batched,per-row")  # fmt: skip

# export_bench's proportions (its defaults: 150k entities, 120k edges, 2k documents, 20k claims) give about
# 23.5 triples per entity.
TRIPLES_PER_ENTITY = 23.5


def log(msg: str = "") -> None:
    print(msg, flush=True)


# --------------------------------------------------------------------------------------------------------
# Machine
# --------------------------------------------------------------------------------------------------------


def _meminfo() -> dict[str, float]:
    out = {}
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            key, value = line.split(":", 1)
            if key in ("MemTotal", "MemAvailable"):
                out[key] = round(int(value.split()[0]) / 1024 / 1024, 1)
    return out


def machine_info() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    java = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False).stderr.splitlines()
    mem = _meminfo()
    import neo4j

    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": mem.get("MemTotal"), "ram_available_gb": mem.get("MemAvailable"),
        "load_average_start": [round(x, 2) for x in os.getloadavg()], "platform": platform.platform(),
        "python": platform.python_version(), "java": java[0] if java else "?", "neo4j": server.NEO4J_VERSION,
        "neo4j_driver": neo4j.__version__,
    }  # fmt: skip


# --------------------------------------------------------------------------------------------------------
# Plumbing
# --------------------------------------------------------------------------------------------------------


class Run:
    """Servers, processes and folders of this run, all undone by ``cleanup()``."""

    def __init__(self, work: Path, results: Path, sizes: Sizes) -> None:
        self.work = work
        self.results = results
        self.sizes = sizes
        self.servers: list[server.ServerConfig] = []
        self.phases: dict[str, dict[str, float]] = {}
        self.report: dict[str, Any] = {}
        self.graph: tuple[server.ServerConfig, dict[str, Any]] | None = None
        self.admin_expected: dict[str, int] | None = None  # the fingerprint of the graph imported into A
        self.api: tuple[dict[str, Any], api_latency.ApiServer] | None = None  # targets and the running API
        self._stopping: list[threading.Thread] = []

    def config(self, name: str, ports: tuple[int, int], heap: str, pagecache: str) -> server.ServerConfig:
        cfg = server.ServerConfig(home=self.work / name, bolt_port=ports[0], http_port=ports[1], heap=heap,
                                  pagecache=pagecache, password=PASSWORD, start_timeout=300.0)  # fmt: skip
        self.servers.append(cfg)
        return cfg

    def drop_in_background(self, port: int) -> None:
        """Stop (and remove) the server on ``port`` while the run goes on; ``cleanup()`` waits for it."""
        for cfg in list(self.servers):
            if cfg.bolt_port == port:
                self.servers.remove(cfg)
                thread = threading.Thread(target=self._drop_quietly, args=(cfg,))
                thread.start()
                self._stopping.append(thread)

    @staticmethod
    def _drop_quietly(cfg: server.ServerConfig) -> None:
        try:
            server.stop(cfg, grace=3.0)  # throwaway data: no need to wait for a clean shutdown
        finally:
            shutil.rmtree(cfg.home, ignore_errors=True)

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        load = os.getloadavg()[0]
        log(f"\n== {name} (load average {load:.2f})")
        t = time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - t
            self.phases[name] = {"seconds": round(seconds, 1), "load_average": round(load, 2)}
            log(f"   ({name}: {seconds:.0f} s)")

    def cleanup(self) -> None:
        """Stop every server of the run (at once), wait for them, remove the work folder."""
        if self.api is not None:
            self.api[1].stop()
        for cfg in list(self.servers):
            self.drop_in_background(cfg.bolt_port)
        for thread in self._stopping:
            thread.join()
        shutil.rmtree(self.work, ignore_errors=True)


def run_script(args: list[str], timeout: float, stderr_file: Path) -> str:
    """Run a bench script with this Python in a process group of its own, echoing its stdout as it comes;
    on failure, timeout or interruption the whole group (its children too) is killed."""
    out: list[str] = []
    with stderr_file.open("w") as err:
        proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=err, text=True, cwd=REPO,
                                start_new_session=True)  # fmt: skip
        deadline = time.monotonic() + timeout
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                out.append(line)
                log(f"   | {line.rstrip()}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{args[0]} ran for more than {timeout:.0f} s")
            proc.wait(timeout=max(1.0, deadline - time.monotonic()))
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed (exit {proc.returncode}):\n{stderr_file.read_text()[-3000:]}")
    return "".join(out)


def start(cfg: server.ServerConfig) -> float:
    t = time.perf_counter()
    server.start(cfg)
    return round(time.perf_counter() - t, 1)


def driver_for(cfg: server.ServerConfig):
    from hrkg.graph.connection import create_driver

    return create_driver(cfg.bolt_url, "neo4j", PASSWORD, timeout=60.0)


# --------------------------------------------------------------------------------------------------------
# The benchmarks
# --------------------------------------------------------------------------------------------------------


def bench_extract(run: Run) -> None:
    out = run.results / "run-extract.json"
    run_script(
        ["bench/extract_bench.py", "--mb", str(run.sizes.extract_mb), "--json", str(out)],
        timeout=1200,
        stderr_file=run.work / "extract.err",
    )
    run.report["extract"] = json.loads(out.read_text())


def config_a(run: Run) -> server.ServerConfig:
    for cfg in run.servers:
        if cfg.bolt_port == PORTS_A[0]:
            return cfg
    return run.config("neo4j-a", PORTS_A, run.sizes.heap_a, run.sizes.pagecache_a)


def server_a(run: Run) -> server.ServerConfig:
    """Server A, started (on the graph neo4j-admin imported into its fresh home, if the admin benchmark ran)."""
    cfg = config_a(run)
    if server.status(cfg).running:
        return cfg
    if run.admin_expected is not None:
        check = admin_import.check_graph(cfg, run.admin_expected)
        run.report["admin"]["check"] = check
        verdict = "identical to" if check["identical"] else "DIFFERS from"
        log(f"   Neo4j A on {cfg.bolt_url} started on the imported graph in {check['start_seconds']} s: "
            f"{check['nodes']:,} nodes, {check['relationships']:,} relationships, {verdict} the graph the writer's "
            f"statements make of these documents {check['differences'] or ''}")  # fmt: skip
        if not check["identical"]:
            raise RuntimeError(f"the imported graph differs: {check['differences']}")
    else:
        log(f"   Neo4j A on {cfg.bolt_url} started in {start(cfg)} s (heap {cfg.heap}, page cache {cfg.pagecache})")
    return cfg


def bench_load(run: Run) -> None:
    cfg = server_a(run)
    out = run.results / "run-load.json"
    run_script(["bench/load_bench.py", "--uri", cfg.bolt_url, "--user", "neo4j", "--password", PASSWORD,
                "--relationships", str(run.sizes.load_relationships), "--paths", run.sizes.load_paths,
                "--wipe-existing", "--json", str(out)], timeout=1200, stderr_file=run.work / "load.err")  # fmt: skip
    run.report["load"] = json.loads(out.read_text())
    if (admin := run.report.get("admin")) and "check" in admin:
        # The import matched the graph the writer's statements make (CSV fingerprint); is that the graph the
        # writer really made?
        same = admin["check"]["identical"] and run.report["load"]["fingerprint"] == run.admin_expected
        admin["identical_to_loaded"] = same
        log(f"   the graph neo4j-admin imported is {'identical to' if same else 'DIFFERENT from'} the one "
            "load_bench.py loaded (counts per label and type, evidence entries, mention spans)")  # fmt: skip
        (run.results / "run-admin-import.json").write_text(json.dumps(admin, indent=1) + "\n")
        if not same:
            raise RuntimeError("the imported graph differs from the loaded one")


def bench_admin(run: Run) -> None:
    """neo4j-admin import of load_bench's documents into server A's fresh home, before A first starts; A then
    starts on it and its counts are checked (``server_a``), and load_bench wipes it before loading."""
    from load_bench import corpus

    cfg = config_a(run)
    docs = corpus(run.sizes.load_relationships, 1)  # load_bench's documents (its default seed)
    res = admin_import.documents_to_csv(docs, run.work / "admin-csv")
    log(f"   CSV: {res.documents:,} documents -> {res.nodes:,} nodes, {res.relationships:,} relationships, "
        f"{res.csv_bytes / 1e6:.1f} MB in {res.csv_seconds:.2f} s")  # fmt: skip
    imp = admin_import.import_csv(cfg, res, heap="1g", log=run.work / "admin-import.log")
    shutil.rmtree(run.work / "admin-csv", ignore_errors=True)
    log(f"   neo4j-admin database import into {cfg.home}: {imp['import_seconds']:.1f} s wall (the tool reports "
        f"{imp['tool_reported_seconds']} s), {imp['imported']}")  # fmt: skip
    total = res.csv_seconds + imp["import_seconds"]
    run.admin_expected = res.fingerprint
    run.report["admin"] = {
        "csv": res.summary(), "import": imp, "total_seconds": round(total, 2),
        "relationships_per_s": round(res.relationships / total, 1),
        "relationships_per_s_import_only": round(res.relationships / imp["import_seconds"], 1),
        "nodes_per_s": round(res.nodes / total, 1),
    }  # fmt: skip
    (run.results / "run-admin-import.json").write_text(json.dumps(run.report["admin"], indent=1) + "\n")


def bench_export(run: Run) -> None:
    import export_bench

    from hrkg.graph.schema import apply_schema
    from hrkg.ontology import load_ontology

    cfg = server_a(run)
    entities = max(500, round(run.sizes.export_triples / TRIPLES_PER_ENTITY))
    sizes = {"entities": entities, "edges": round(entities * 0.8), "documents": max(20, entities // 75),
             "claims": max(10, entities // 7)}  # fmt: skip
    driver = driver_for(cfg)
    try:
        apply_schema(driver, load_ontology(), "neo4j")
        others = export_bench.count_other_nodes(driver, "neo4j")
        if others:
            raise RuntimeError(f"{cfg.bolt_url} holds {others} nodes before the export benchmark")
        t = time.perf_counter()
        export_bench.generate(driver, "neo4j", sizes["entities"], sizes["edges"], sizes["documents"], sizes["claims"])
        gen = time.perf_counter() - t
    finally:
        driver.close()
    log(f"   generated {sizes} in {gen:.0f} s (export_bench.generate)")
    args = argparse.Namespace(uri=cfg.bolt_url, user="neo4j", database="neo4j", page_size=export_bench.PAGE_SIZE,
                              password=PASSWORD)  # fmt: skip
    stream = export_bench.run_child("stream", args, run.work / "stream.nt")
    (run.work / "stream.nt").unlink(missing_ok=True)
    ref = export_bench.run_child("rdflib", args, run.work / "rdflib.nt")
    (run.work / "rdflib.nt").unlink(missing_ok=True)
    for name, r in (("streamed N-Triples", stream), ("rdflib Graph.serialize(nt)", ref)):
        log(f"   {name:28} {r['triples']:>10,.0f} triples in {r['seconds']:6.1f} s = "
            f"{r['triples'] / r['seconds']:>9,.0f} triples/s, peak RSS {r['peak_rss_mb']:6,.0f} MB")  # fmt: skip
    if stream["triples"] != ref["triples"]:
        log(f"   WARNING: triple counts differ ({stream['triples']} vs {ref['triples']})")
    run.report["export"] = {"sizes": sizes, "generate_seconds": round(gen, 1), "stream": stream, "rdflib": ref}
    (run.results / "run-export.json").write_text(json.dumps(run.report["export"], indent=1) + "\n")


def prepare_graph(run: Run) -> None:
    """The API's graph: synthetic documents -> CSV (a child process) -> neo4j-admin import -> start -> schema."""
    from hrkg.graph.schema import apply_schema
    from hrkg.ontology import load_ontology

    info: dict[str, Any] = {}
    t = time.perf_counter()
    if run.sizes.graph_nodes <= 100_000:
        res = admin_import.synthetic_graph_csv(run.sizes.graph_nodes, run.work / "graph" / "csv")
    else:  # in a child process, so that its memory (gigabytes of merged entities and edges) goes away with it
        described = run.work / "graph-csv.json"
        run_script(["bench/admin_import.py", "--nodes", str(run.sizes.graph_nodes), "--work", str(run.work / "graph"),
                    "--csv-only", str(described)], timeout=1800, stderr_file=run.work / "graph-csv.err")  # fmt: skip
        res = admin_import.CsvResult.from_json(described.read_text())
    gen = time.perf_counter() - t
    log(f"   synthetic corpus -> CSV: {res.documents:,} documents -> {res.nodes:,} nodes, {res.relationships:,} "
        f"relationships, {res.csv_bytes / 1e6:,.0f} MB in {gen:.0f} s")  # fmt: skip
    info["graph"] = {**res.summary(), "generate_and_csv_seconds": round(gen, 1)}
    cfg = run.config("neo4j-graph", PORTS_B, run.sizes.heap_big, run.sizes.pagecache_big)
    imp = admin_import.import_csv(cfg, res, heap="2g", log=run.work / "graph-import.log")
    shutil.rmtree(run.work / "graph", ignore_errors=True)
    log(f"   neo4j-admin import: {imp['import_seconds']:.0f} s, {imp['imported']}, store {imp['store_mb']:,.0f} MB")
    info["import"] = imp
    info["start_seconds"] = start(cfg)
    driver = driver_for(cfg)
    try:
        nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
        if (nodes, rels) != (res.nodes, res.relationships):
            raise RuntimeError(f"imported graph has {nodes} nodes / {rels} relationships, expected "
                               f"{res.nodes} / {res.relationships}")  # fmt: skip
        t = time.perf_counter()
        apply_schema(driver, load_ontology(), "neo4j")
        info["schema_seconds"] = round(time.perf_counter() - t, 1)
    finally:
        driver.close()
    log(f"   started in {info['start_seconds']} s; {nodes:,} nodes, {rels:,} relationships; schema (constraints, "
        f"range and full-text indexes) online in {info['schema_seconds']} s")  # fmt: skip
    run.graph = (cfg, info)
    run.api = api_latency.prepare(cfg.bolt_url, PASSWORD, api_port=API_PORT, workdir=run.work / "api",
                                  log=lambda m: log(f"   {m}"))  # fmt: skip


def bench_api(run: Run) -> None:
    if run.graph is None or run.api is None:
        raise RuntimeError("the API graph was not built")
    (cfg, info), (targets, api) = run.graph, run.api
    run.api = None
    info.update(api_latency.measure(cfg.bolt_url, PASSWORD, targets, api, seconds=run.sizes.seconds_per_point,
                                    warmup=run.sizes.warmup_seconds, log=lambda m: log(f"   {m}")))  # fmt: skip
    run.report["api"] = info
    (run.results / "run-api-latency.json").write_text(json.dumps(info, indent=1) + "\n")


def setup(run: Run, needs_a: bool, graph: concurrent.futures.Future | None, failed: dict[str, str]) -> None:
    """Start server A, and wait for the API graph being built meanwhile (--quick). Nothing here is measured."""
    try:
        if needs_a:
            server_a(run)
    except Exception as exc:
        for key in ("load", "export", "admin"):
            failed.setdefault(key, f"Neo4j A: {type(exc).__name__}: {exc}")
        log(f"   FAILED: Neo4j A: {exc}")
    if graph is not None:
        try:
            graph.result()
        except Exception as exc:
            failed["api"] = f"building the API graph failed: {type(exc).__name__}: {exc}"
            log(f"   FAILED: {failed['api']}")


# --------------------------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------------------------


def _n(x: float, digits: int = 0) -> str:
    return f"{x:,.{digits}f}"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def _latency_cell(e: dict[str, Any], seconds: float) -> str:
    errors = f", {e['errors']} errors" if e["errors"] else ""
    return f"{e['p50_ms']:,.1f} / {e['p99_ms']:,.1f} ({e['requests'] / seconds:,.1f}/s{errors})"


def table_rows(report: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    if ex := report.get("extract"):
        ours, ref = ex["hrkg"], ex["reference"]
        o, r = ours["bytes"] / 1000 / ours["seconds"], ref["bytes"] / 1000 / ref["seconds"]
        rows.append((f"extraction, {ours['bytes'] / 1e6:.1f} MB / {ours['documents']} docs: KB/s",
                     f"hrkg rules {_n(o)}", f"{ref['label'].split(' (')[0]} {_n(r)}", _ratio(o, r)))  # fmt: skip
        rows.append(("extraction: peak RSS MB", _n(ours["max_rss_mb"]), _n(ref["max_rss_mb"]),
                     _ratio(ours["max_rss_mb"], ref["max_rss_mb"])))  # fmt: skip
    if ld := report.get("load"):
        by = {r["path"]: r for r in ld["runs"]}
        rows_in = ld["input"]["relation_rows"]
        if "batched" in by and "per-row" in by:
            b, p = by["batched"], by["per-row"]
            rows.append((f"load, {rows_in:,} relation rows / {b['docs']:,} docs: graph rels/s",
                         f"batched writer {_n(b['relationships_per_s'])}",
                         f"one stmt per row {_n(p['relationships_per_s'])}",
                         _ratio(b["relationships_per_s"], p["relationships_per_s"])))  # fmt: skip
            rows.append(("load: documents/s", f"batched {_n(b['docs_per_s'], 1)}", f"per row {_n(p['docs_per_s'], 1)}",
                         _ratio(b["docs_per_s"], p["docs_per_s"])))  # fmt: skip
            rows.append(("load: CPU ms per document (client+server)", _n(b["cpu_ms_per_doc"], 1),
                         _n(p["cpu_ms_per_doc"], 1), _ratio(b["cpu_ms_per_doc"], p["cpu_ms_per_doc"])))  # fmt: skip
        if "bulk" in by and "batched" in by:
            rows.append(("load: graph rels/s, 200 docs per transaction",
                         f"bulk {_n(by['bulk']['relationships_per_s'])}",
                         f"batched {_n(by['batched']['relationships_per_s'])}",
                         _ratio(by["bulk"]["relationships_per_s"], by["batched"]["relationships_per_s"])))  # fmt: skip
    if ad := report.get("admin"):
        batched = {r["path"]: r for r in report.get("load", {}).get("runs", [])}.get("batched")
        rows.append(("load beside neo4j-admin import (CSV+import): graph rels/s",
                     f"batched {_n(batched['relationships_per_s'])}" if batched else "-",
                     f"admin {_n(ad['relationships_per_s'])} ({ad['total_seconds']:.1f} s, import alone "
                     f"{ad['import']['import_seconds']:.1f} s)",
                     _ratio(batched["relationships_per_s"], ad["relationships_per_s"]) if batched
                     else "-"))  # fmt: skip
        same = ad.get("identical_to_loaded")
        if same is None and "check" in ad:
            same = ad["check"]["identical"]
            what = "identical to the writer's merge rules" if same else "DIFFERENT"
        else:
            what = {True: "identical to the loaded graph", False: "DIFFERENT", None: "not checked"}[same]
        rows.append(("  imported graph", "", what, ""))
    if exp := report.get("export"):
        s, r = exp["stream"], exp["rdflib"]
        rows.append((f"export N-Triples, {s['triples']:,.0f} triples: triples/s",
                     f"streamed {_n(s['triples'] / s['seconds'])}", f"rdflib {_n(r['triples'] / r['seconds'])}",
                     _ratio(s["triples"] / s["seconds"], r["triples"] / r["seconds"])))  # fmt: skip
        rows.append(("export: peak RSS MB", _n(s["peak_rss_mb"]), _n(r["peak_rss_mb"]),
                     _ratio(s["peak_rss_mb"], r["peak_rss_mb"])))  # fmt: skip
    if api := report.get("api"):
        g = api["graph"]
        rows.append((f"API on {g['nodes']:,} nodes / {g['relationships']:,} rels: p50 / p99 ms",
                     "HTTP API (uvicorn)", "driver, same statements", "API/driver p50"))  # fmt: skip
        for users, point in api["points"]["api"].items():
            drv = api["points"]["driver"].get(users)
            for name in api_latency.ENDPOINTS:
                a = point["endpoints"].get(name)
                d = drv["endpoints"].get(name) if drv else None
                if a is None:
                    continue
                a_txt = _latency_cell(a, point["seconds"])
                d_txt, ratio = "-", "-"
                if d:
                    d_txt = _latency_cell(d, drv["seconds"])
                    ratio = _ratio(a["p50_ms"], d["p50_ms"])
                rows.append((f"  {name:6} x{users:>2} clients", a_txt, d_txt, ratio))
    return rows


def print_table(report: dict[str, Any]) -> None:
    rows = table_rows(report)
    head = ("benchmark", "ours", "reference", "ours/ref")
    widths = [max(len(r[i]) for r in [*rows, head]) for i in range(4)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    log(line.format(*head))
    log("  ".join("-" * w for w in widths))
    for r in rows:
        log(line.format(*r))


# --------------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for CI (under 2 minutes)")
    parser.add_argument("--only", default=",".join(BENCHES), help=f"comma-separated subset of {','.join(BENCHES)}")
    parser.add_argument("--results", type=Path, default=BENCH / "results")
    parser.add_argument("--work", type=Path, default=BENCH / ".work")
    parser.add_argument("--graph-nodes", type=int, help="override the size of the API latency graph")
    parser.add_argument("--seconds", type=float, help="override the seconds per latency point")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.graph_nodes:
        sizes = replace(sizes, graph_nodes=args.graph_nodes)
    if args.seconds:
        sizes = replace(sizes, seconds_per_point=args.seconds)
    chosen = [b.strip() for b in args.only.split(",") if b.strip()]
    if unknown := set(chosen) - set(BENCHES):
        parser.error(f"unknown benchmark(s) {sorted(unknown)}; choose from {','.join(BENCHES)}")

    # Ctrl-C and SIGTERM end the run through the same cleanup.
    def _term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _term)
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)  # e.g. "label HrkgBench does not exist"
    for port in (*PORTS_A, *PORTS_B, API_PORT):
        if not server.port_free(port):
            log(f"port {port} on 127.0.0.1 is taken; bench/run needs 19687, 19474, 19688, 19475 and {API_PORT}")
            return 2
    wall0 = time.perf_counter()
    machine = machine_info()
    log(f"hrkg benchmarks ({'quick' if args.quick else 'full'}), {datetime.now(UTC).isoformat(timespec='seconds')}")
    log(f"machine: {machine['cpu']}, {machine['cores']} cores, {machine['ram_gb']} GB RAM "
        f"({machine['ram_available_gb']} GB available), load average {machine['load_average_start']} "
        "at start")  # fmt: skip
    log(f"         {machine['platform']}; Python {machine['python']}; {machine['java']}; Neo4j {machine['neo4j']} "
        f"Community; driver {machine['neo4j_driver']}")  # fmt: skip
    log(f"sizes:   {asdict(sizes)}")
    args.results.mkdir(parents=True, exist_ok=True)
    # A previous run killed hard may have left its servers: stop them before clearing the folder.
    for name, ports in (("neo4j-a", PORTS_A), ("neo4j-admin-import", PORTS_B), ("neo4j-graph", PORTS_B)):
        server.stop(server.ServerConfig(home=args.work / name, bolt_port=ports[0], http_port=ports[1]))
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    run = Run(args.work, args.results, sizes)
    failed: dict[str, str] = {}

    def attempt(key: str, title: str, fn: Callable[[Run], None]) -> bool:
        with run.phase(title):
            try:
                fn(run)
                return True
            except Exception as exc:  # report it and go on with the other benchmarks
                failed[key] = f"{type(exc).__name__}: {exc}"
                log(f"   FAILED: {failed[key]}")
                log("".join(traceback.format_exception(exc)[-3:]))
                return False

    interrupted = False
    background = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        # --quick only: the API graph is built in the background (nothing of it is measured) during the extraction
        # and neo4j-admin import benchmarks and while A starts, which makes those two figures pessimistic; a full
        # run gives every measured phase the machine to itself.
        graph = background.submit(prepare_graph, run) if args.quick and "api" in chosen else None
        if "extract" in chosen:
            attempt("extract", "extraction: hrkg beside spaCy", bench_extract)
        if "admin" in chosen:
            attempt("admin", "load: neo4j-admin database import of load_bench's documents", bench_admin)
        needs_a = bool({"load", "export", "admin"} & set(chosen))
        if needs_a or graph:
            with run.phase("setup: Neo4j A" + (" (and waiting for the API graph)" if graph else "")):
                setup(run, needs_a, graph, failed)
        if "load" in chosen and "load" not in failed:
            attempt("load", "load: batched writer beside one statement per row", bench_load)
        if "export" in chosen and "export" not in failed:
            attempt("export", "export: streamed N-Triples beside rdflib", bench_export)
        run.drop_in_background(PORTS_A[0])  # not needed any more: its memory goes to the API graph
        if "api" in chosen and "api" not in failed:
            if run.graph is None:
                attempt("api", f"API graph: {sizes.graph_nodes:,} nodes, synthetic -> neo4j-admin import",
                        prepare_graph)  # fmt: skip
            if "api" not in failed:
                attempt("api", "API latency beside the driver", bench_api)
    except KeyboardInterrupt:
        interrupted = True
        log("\ninterrupted: stopping servers and removing bench/.work")
    finally:
        background.shutdown(wait=True, cancel_futures=True)
        # Servers stop while the summary and the chart are written; joined before returning.
        cleaning = threading.Thread(target=run.cleanup)
        cleaning.start()
    wall = time.perf_counter() - wall0
    summary = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"), "mode": "quick" if args.quick else "full",
        "wall_seconds": round(wall, 1), "machine": machine, "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "sizes": asdict(sizes), "phases": run.phases, "failed": failed, "interrupted": interrupted, **run.report,
    }  # fmt: skip
    (args.results / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    log(f"\n== hrkg beside the references ({summary['mode']} run, wall time {wall / 60:.1f} min; machine: "
        f"{machine['cpu']}, {machine['cores']} cores, {machine['ram_gb']} GB RAM, load average "
        f"{' '.join(str(x) for x in machine['load_average_start'])} at start, "
        f"{' '.join(str(x) for x in summary['load_average_end'])} at the end)")  # fmt: skip
    print_table(summary)
    try:
        import chart

        chart.render(summary, args.results / "summary.png")
        log(f"\nwritten: {args.results / 'summary.json'}, {args.results / 'summary.png'}")
    except Exception as exc:
        log(f"\nwritten: {args.results / 'summary.json'} (the chart failed: {exc})")
    for key, msg in failed.items():
        log(f"FAILED {key}: {msg}")
    cleaning.join()
    summary["wall_seconds_with_cleanup"] = round(time.perf_counter() - wall0, 1)
    (args.results / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    log(f"done in {summary['wall_seconds_with_cleanup']:.0f} s (servers stopped, {args.work} removed)")
    if interrupted:
        return 130
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
