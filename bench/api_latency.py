"""API latency under 1, 8 and 32 concurrent clients, beside the same reads sent straight through the driver.

Three read endpoints, each client picking one at random (uniformly) and then one of its targets, closed loop:

* ``entity``  ``GET /entities/{type}/{slug}``  - driver: ``GraphReader.entity``, ``relationships``, ``claims_about``
  and ``claims_by`` (the four ``cypher/api_*.cypher`` statements the endpoint runs);
* ``graph``   ``GET /graph?focus=<id>&depth=2`` - driver: ``GraphReader.neighbourhood(id, 2, 100)``;
* ``search``  ``GET /entities?q=<name>``        - driver: ``GraphReader.search_entities(q, None, 20, 0)``.

The API is a real ``python -m hrkg.cli serve`` (uvicorn) process; the HTTP clients run in this process
(``tests/reliability/loadgen.py``'s ``run``: asyncio + httpx, N concurrent clients, closed loop). The driver
path runs here too, as N threads sharing one driver (the pool size the API uses). Both run for the same time per
point with the same seeds and targets, and the points alternate (API 1, driver 1, API 8, ...) so that a server
still warming up favours neither.

Targets are entities drawn at random (seeded) from the graph among those with at most ``--max-degree``
relationships (the hubs, e.g. a country with 100,000 edges, are left out: their entity page returns every edge
with its evidence and is a different benchmark); search texts are the drawn entities' names, every other one
only its last word.

    .venv/bin/python bench/api_latency.py --uri bolt://127.0.0.1:19688 [--seconds 20] [--json out.json]

needs a running Neo4j holding a graph (``bench/run`` builds a 1M-node one with neo4j-admin import) and reads
the password from ``HRKG_NEO4J_PASSWORD``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from neo4j import Driver

from hrkg.graph.connection import create_driver
from hrkg.graph.reads import GraphReader

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "tests" / "reliability"))
from loadgen import run as loadgen_run  # noqa: E402
from loadgen import stats_ms  # noqa: E402

ENDPOINTS = ("entity", "graph", "search")
CONCURRENCY = (1, 8, 32)


# --------------------------------------------------------------------------------------------------------
# Targets
# --------------------------------------------------------------------------------------------------------


def sample_targets(driver: Driver, database: str, n: int, seed: int, max_degree: int) -> dict[str, Any]:
    """``n`` entities drawn at random among those with at most ``max_degree`` relationships."""
    rows = driver.execute_query(
        "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, COUNT { (e)--() } AS degree", database_=database
    ).records
    everything = sorted((r["id"], r["name"], r["degree"]) for r in rows)
    eligible = [r for r in everything if r[2] <= max_degree]
    picked = random.Random(seed).sample(eligible, min(n, len(eligible)))
    degrees = sorted(d for _, _, d in picked)
    hubs = sorted(everything, key=lambda r: -r[2])[:3]
    queries = [name if i % 2 == 0 else name.split()[-1] for i, (_, name, _) in enumerate(picked)]
    return {
        "ids": [i for i, _, _ in picked], "queries": queries,
        "entities": len(everything), "excluded_hubs": len(everything) - len(eligible), "max_degree": max_degree,
        "target_degree": {"median": degrees[len(degrees) // 2], "max": degrees[-1]} if degrees else {},
        "largest_hubs": [{"id": i, "degree": d} for i, _, d in hubs],
    }  # fmt: skip


def http_paths(targets: dict[str, Any]) -> dict[str, list[str]]:
    return {
        "entity": [f"/entities/{quote(i, safe='/')}" for i in targets["ids"]],
        "graph": [f"/graph?{urlencode({'focus': i, 'depth': 2})}" for i in targets["ids"]],
        "search": [f"/entities?{urlencode({'q': q})}" for q in targets["queries"]],
    }


# --------------------------------------------------------------------------------------------------------
# The driver path: N threads, one driver
# --------------------------------------------------------------------------------------------------------


def driver_point(reader: GraphReader, targets: dict[str, Any], users: int, seconds: float,
                 seed: int) -> dict[str, Any]:  # fmt: skip
    """N threads calling the reads each endpoint makes, closed loop, for ``seconds``; loadgen's summary shape."""

    def entity(i: str) -> None:
        reader.entity(i)
        reader.relationships(i)
        reader.claims_about(i)
        reader.claims_by(i)

    ops = {
        "entity": (entity, targets["ids"]),
        "graph": (lambda i: reader.neighbourhood(i, 2, 100), targets["ids"]),
        "search": (lambda q: reader.search_entities(q, None, 20, 0), targets["queries"]),
    }
    for op, values in ops.values():  # warm-up: one of each, not counted (as loadgen does)
        op(values[0])
    records: list[tuple[str, float, int | str]] = []
    names = sorted(ops)
    started = time.perf_counter()
    stop_at = started + seconds

    def loop(rng: random.Random) -> None:
        while time.perf_counter() < stop_at:
            name = rng.choice(names)
            op, values = ops[name]
            value = rng.choice(values)
            t = time.perf_counter()
            try:
                op(value)
                status: int | str = 200
            except Exception as exc:  # every failure is an error of the run, with its reason
                status = f"{type(exc).__name__}: {exc}"[:200]
            records.append((name, time.perf_counter() - t, status))

    threads = [threading.Thread(target=loop, args=(random.Random(seed + i),)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    errors = [r for r in records if r[2] != 200]
    samples: dict[str, int] = {}
    for name, _, status in errors:
        samples[f"{name}: {status}"] = samples.get(f"{name}: {status}", 0) + 1
    per_endpoint = {}
    for name in names:
        lat = [r[1] for r in records if r[0] == name]
        per_endpoint[name] = {"requests": len(lat), "errors": sum(1 for r in errors if r[0] == name), **stats_ms(lat)}
    return {
        "users": users, "seconds": round(elapsed, 2), "requests": len(records), "errors": len(errors),
        "error_samples": samples, "rps": round(len(records) / elapsed, 1) if elapsed else 0.0,
        **stats_ms([r[1] for r in records]), "endpoints": per_endpoint,
    }  # fmt: skip


def api_point(url: str, paths: dict[str, list[str]], users: int, seconds: float, seed: int) -> dict[str, Any]:
    """N concurrent HTTP clients (tests/reliability/loadgen.py: asyncio + httpx), closed loop, for ``seconds``."""
    return asyncio.run(loadgen_run(url, paths, users, seconds, seed, 60.0))


# --------------------------------------------------------------------------------------------------------
# The API process
# --------------------------------------------------------------------------------------------------------


class ApiServer:
    """``python -m hrkg.cli serve --port P`` against the given Neo4j, in its own session; ``stop()`` ends it."""

    def __init__(self, uri: str, password: str, port: int, workdir: Path) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.log = workdir / "uvicorn.log"
        env = dict(os.environ, HRKG_NEO4J_URI=uri, HRKG_NEO4J_USER="neo4j", HRKG_NEO4J_PASSWORD=password,
                   HRKG_NEO4J_DATABASE="neo4j")  # fmt: skip
        with self.log.open("wb") as log:
            # cwd: an empty folder, so that no .env of the repository changes the settings
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "hrkg.cli", "serve", "--port", str(port)], cwd=workdir, env=env,
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip

    def wait(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the API exited with code {self.proc.returncode}; log: {self.log}\n"
                                   + self.log.read_text(errors="replace")[-2000:])  # fmt: skip
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=5) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the API did not answer /health within {timeout:.0f} s; log: {self.log}")

    def stop(self) -> None:
        if self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)


# --------------------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------------------


def prepare(uri: str, password: str, *, api_port: int, workdir: Path, targets_n: int = 200, seed: int = 7,
            max_degree: int = 1000, database: str = "neo4j",
            log=print) -> tuple[dict[str, Any], ApiServer]:  # fmt: skip
    """Sample the targets and start the API (answering /health); nothing measured yet."""
    workdir.mkdir(parents=True, exist_ok=True)
    driver = create_driver(uri, "neo4j", password, timeout=30.0)
    try:
        t = time.perf_counter()
        targets = sample_targets(driver, database, targets_n, seed, max_degree)
        sample_s = time.perf_counter() - t
    finally:
        driver.close()
    log(f"targets: {len(targets['ids'])} of {targets['entities']:,} entities (degree <= {max_degree}; "
        f"{targets['excluded_hubs']} hubs left out, largest {targets['largest_hubs'][0]['id']} with "
        f"{targets['largest_hubs'][0]['degree']:,} relationships; sampled in {sample_s:.1f} s)")  # fmt: skip
    (workdir / "paths.json").write_text(json.dumps(http_paths(targets), indent=1))
    api = ApiServer(uri, password, api_port, workdir)
    try:
        t = time.perf_counter()
        api.wait()
    except BaseException:
        api.stop()
        raise
    log(f"API up on {api.url} in {time.perf_counter() - t:.1f} s")
    return targets, api


def measure(uri: str, password: str, targets: dict[str, Any], api: ApiServer, *, seconds: float, warmup: float,
            concurrency: tuple[int, ...] = CONCURRENCY, seed: int = 7, database: str = "neo4j",
            log=print) -> dict[str, Any]:  # fmt: skip
    """Every concurrency through the API and through the driver, alternating; stops the API at the end."""
    paths = http_paths(targets)
    driver = create_driver(uri, "neo4j", password, timeout=30.0)  # the API's own pool size (64)
    reader = GraphReader(driver, database)
    points: dict[str, dict[str, Any]] = {"api": {}, "driver": {}}
    try:
        if warmup:
            log(f"warming up for {warmup:.0f} s (4 clients)")
            api_point(api.url, paths, 4, warmup, seed + 999)
        for users in concurrency:
            for mode in ("api", "driver"):
                if mode == "api":
                    r = api_point(api.url, paths, users, seconds, seed)
                else:
                    r = driver_point(reader, targets, users, seconds, seed)
                points[mode][str(users)] = r
                per = "  ".join(f"{n} {r['endpoints'][n]['p50_ms']:.0f}/{r['endpoints'][n]['p99_ms']:.0f}"
                                for n in ENDPOINTS if n in r["endpoints"])  # fmt: skip
                log(f"  {mode:6} {users:>2} clients: {r['rps']:7.1f} req/s, {r['errors']} errors; "
                    f"p50/p99 ms {per}")  # fmt: skip
    finally:
        api.stop()
        driver.close()
    return {"targets": {k: v for k, v in targets.items() if k not in ("ids", "queries")},
            "seconds_per_point": seconds, "warmup_seconds": warmup, "points": points}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uri", required=True)
    parser.add_argument("--seconds", type=float, default=20.0, help="per point (default 20)")
    parser.add_argument("--warmup", type=float, default=10.0)
    parser.add_argument("--api-port", type=int, default=19476)
    parser.add_argument("--targets-n", type=int, default=200)
    parser.add_argument("--max-degree", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=BENCH / ".work" / "api-latency")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    from hrkg.settings import Settings

    password = Settings().neo4j_password.get_secret_value()
    try:
        targets, api = prepare(args.uri, password, api_port=args.api_port, workdir=args.work,
                               targets_n=args.targets_n, max_degree=args.max_degree)  # fmt: skip
        report = measure(args.uri, password, targets, api, seconds=args.seconds, warmup=args.warmup)
    finally:
        shutil.rmtree(args.work, ignore_errors=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
