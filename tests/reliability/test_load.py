"""Load from a second process on loopback: ``HRKG_LOAD_USERS`` (32) concurrent clients on the read endpoints of
a real uvicorn process for ``HRKG_LOAD_SECONDS`` (15), against the graph of the seed articles. No errors at all;
p50/p99 and requests/s are printed (pytest -s) and written to tests/reliability/artifacts/load.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from neo4j import Driver

from tests.conftest import REPO, SEEDS
from tests.integration.conftest import wipe
from tests.reliability.helpers import HERE, LOAD_SECONDS, LOAD_USERS, SEED, api_process, run_hrkg

pytestmark = [pytest.mark.integration, pytest.mark.reliability]


def corpus_for_load() -> tuple[Path, str]:
    if SEEDS.is_dir() and any(SEEDS.iterdir()):
        return SEEDS, "seeds"
    return REPO / "examples" / "corpus", f"examples/corpus (the seed articles are not at {SEEDS})"


def targets(driver: Driver, database: str) -> dict[str, list[str]]:
    """Paths of real entities of the graph for every read endpoint."""

    def ids(q: str) -> list[str]:
        return [r["id"] for r in driver.execute_query(q, database_=database).records]

    connected = ids("MATCH (e:Entity) RETURN e.id AS id ORDER BY COUNT { (e)--(:Entity) } DESC, e.id LIMIT 40")
    about = ids("MATCH (c:Claim)-[:ABOUT]->(e) RETURN DISTINCT e.id AS id ORDER BY id LIMIT 20")
    names = [r["name"] for r in driver.execute_query(
        "MATCH (e:Entity) RETURN e.name AS name ORDER BY COUNT { (e)--() } DESC, name LIMIT 40",
        database_=database).records]  # fmt: skip
    words = sorted({w.strip(",.'\"()").lower() for n in names for w in n.split() if len(w) > 3})[:40]
    return {
        "entities_search": [f"/entities?{urlencode({'q': w})}" for w in words],
        "entity": [f"/entities/{quote(i, safe='/')}" for i in connected],
        "graph_depth2": [f"/graph?{urlencode({'focus': i, 'depth': 2})}" for i in connected],
        "claims_about": [f"/claims?{urlencode({'about': i})}" for i in about],
    }


def test_read_endpoints_under_concurrent_load(
    empty_graph: Driver, database: str, tmp_path: Path, artifacts_dir: Path
) -> None:
    corpus, which = corpus_for_load()
    wipe(empty_graph, database)
    ingest = run_hrkg("ingest", str(corpus))
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    paths = targets(empty_graph, database)
    assert all(paths.values()), {k: len(v) for k, v in paths.items()}
    targets_file = tmp_path / "targets.json"
    targets_file.write_text(json.dumps(paths, indent=1))

    out = tmp_path / "load.json"
    with api_process(dict(os.environ), tmp_path / "api") as api:
        proc = subprocess.run(
            [sys.executable, str(HERE / "loadgen.py"), "--url", api.url, "--targets", str(targets_file),
             "--users", str(LOAD_USERS), "--seconds", str(LOAD_SECONDS), "--seed", str(SEED), "--out", str(out)],
            capture_output=True, text=True, timeout=LOAD_SECONDS + 180, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert api.alive(), api.log_tail()
    result = json.loads(out.read_text())
    result["corpus"] = which
    result["graph"] = {"documents": empty_graph.execute_query(
        "MATCH (d:Document) RETURN count(d) AS n", database_=database).records[0]["n"]}  # fmt: skip
    (artifacts_dir / "load.json").write_text(json.dumps(result, indent=1) + "\n")
    print(
        f"\nload on {which}: {result['users']} clients x {result['seconds']} s, {result['requests']} requests, "
        f"{result['errors']} errors, {result['rps']} req/s, p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms"
    )
    for name, s in result["endpoints"].items():
        print(f"  {name:16} {s['requests']:6} req  p50 {s['p50_ms']:8.1f} ms  p99 {s['p99_ms']:8.1f} ms  "
              f"errors {s['errors']}")  # fmt: skip
    assert result["requests"] > 0
    assert result["errors"] == 0, result["error_samples"]
