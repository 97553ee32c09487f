"""Shared plumbing of the reliability trials: knobs, a graph checksum, subprocesses of the CLI and the API."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from neo4j import Driver

from tests.conftest import REPO

HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE / "artifacts"

#: Node properties that legitimately differ between two loads of the same documents.
VOLATILE_NODE_PROPERTIES = frozenset({"ingested_at"})
#: Relationship properties kept as parallel lists, one entry per supporting sentence.
EVIDENCE_LISTS = ("ev_key", "ev_doc", "ev_text", "ev_start", "ev_end", "ev_extractor", "ev_confidence", "ev_date")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


TRIALS = env_int("HRKG_RELIABILITY_TRIALS", 5)
DOCS = env_int("HRKG_RELIABILITY_DOCS", 40)
OUTAGES = env_int("HRKG_RELIABILITY_OUTAGES", 1)
SEED = env_int("HRKG_RELIABILITY_SEED", 20240601)
LOAD_SECONDS = env_float("HRKG_LOAD_SECONDS", 15)
LOAD_USERS = env_int("HRKG_LOAD_USERS", 32)


# ------------------------------------------------------------------------------------------------------
# Graph content
# ------------------------------------------------------------------------------------------------------


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


def _relationship_props(props: dict[str, Any]) -> dict[str, Any]:
    """Relationship properties with the evidence lists zipped into entries and sorted by entry.

    The order in which evidence was appended is not content; the entries themselves (document, sentence,
    offsets, extractor, confidence, date) are, and so is every other property.
    """
    out = dict(props)
    lists = [out.pop(name) for name in EVIDENCE_LISTS if name in props]
    if lists:
        entries = [list(entry) for entry in zip(*lists, strict=True)]
        out["evidence"] = sorted(entries, key=_canon)
    if isinstance(out.get("doc_ids"), list):
        out["doc_ids"] = sorted(out["doc_ids"])
    return out


@dataclass(frozen=True)
class GraphState:
    nodes: int
    relationships: int
    documents: int
    labels: dict[str, int]
    types: dict[str, int]
    checksum: str

    def counts(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "relationships": self.relationships, "documents": self.documents,
                "labels": self.labels, "types": self.types}  # fmt: skip


def graph_state(driver: Driver, database: str) -> GraphState:
    """Counts and a sha256 over every node (labels, properties but the volatile ones) and every relationship
    (start id, type, end id, properties with sorted evidence entries). Claims are nodes, so they are in it."""
    nodes = driver.execute_query(
        "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props", database_=database
    ).records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props",
        database_=database,
    ).records
    node_lines = sorted(
        _canon([r["id"], sorted(r["labels"]),
                {k: v for k, v in r["props"].items() if k not in VOLATILE_NODE_PROPERTIES}])
        for r in nodes
    )  # fmt: skip
    rel_lines = sorted(_canon([r["a"], r["type"], r["b"], _relationship_props(r["props"])]) for r in rels)
    digest = hashlib.sha256()
    for line in [*node_lines, "--", *rel_lines]:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    labels: dict[str, int] = {}
    for r in nodes:
        for label in r["labels"]:
            labels[label] = labels.get(label, 0) + 1
    types: dict[str, int] = {}
    for r in rels:
        types[r["type"]] = types.get(r["type"], 0) + 1
    return GraphState(
        nodes=len(nodes), relationships=len(rels), documents=labels.get("Document", 0),
        labels=dict(sorted(labels.items())), types=dict(sorted(types.items())), checksum=digest.hexdigest(),
    )  # fmt: skip


def per_document_footprint(driver: Driver, database: str) -> dict[str, tuple[int, int, int]]:
    """For every stored document: (entities mentioned in it, claims stated in it, evidence entries from it)."""
    records = driver.execute_query(
        """MATCH (d:Document)
           CALL (d) { OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(d) RETURN count(e) AS mentions }
           CALL (d) { OPTIONAL MATCH (c:Claim)-[:STATED_IN]->(d) RETURN count(c) AS claims }
           CALL (d) { OPTIONAL MATCH ()-[r]->() WHERE r.ev_doc IS NOT NULL AND d.id IN r.ev_doc
                      RETURN sum(size([x IN r.ev_doc WHERE x = d.id])) AS evidence }
           RETURN d.id AS id, mentions, claims, coalesce(evidence, 0) AS evidence""",
        database_=database,
    ).records
    return {r["id"]: (r["mentions"], r["claims"], r["evidence"]) for r in records}


# ------------------------------------------------------------------------------------------------------
# Processes
# ------------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hrkg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "hrkg.cli", *args]


def run_hrkg(*args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None,
             timeout: float = 600) -> subprocess.CompletedProcess[str]:  # fmt: skip
    return subprocess.run(
        hrkg_command(*args), env=dict(env or os.environ), cwd=cwd or REPO, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip


@dataclass
class ApiProcess:
    url: str
    proc: subprocess.Popen[bytes]
    log: Path

    def alive(self) -> bool:
        return self.proc.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def api_process(env: Mapping[str, str], workdir: Path, startup: float = 60) -> Iterator[ApiProcess]:
    """``hrkg serve`` (uvicorn) as a real process on a free loopback port; terminated afterwards."""
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    log_path = workdir / f"uvicorn-{port}.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            hrkg_command("serve", "--host", "127.0.0.1", "--port", str(port)),
            env=dict(env), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=workdir,
        )  # fmt: skip
        api = ApiProcess(url=f"http://127.0.0.1:{port}", proc=proc, log=log_path)
        try:
            deadline = time.monotonic() + startup
            while True:
                if not api.alive():
                    raise RuntimeError(f"hrkg serve exited with {proc.returncode}:\n{api.log_tail()}")
                try:
                    if httpx.get(api.url + "/openapi.json", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"hrkg serve did not answer within {startup:.0f} s:\n{api.log_tail()}")
                time.sleep(0.2)
            yield api
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)


def is_error_body(body: Any) -> bool:
    """``{"error": {"code": str, "message": str}}``: the API's one error shape."""
    if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
        return False
    err = body["error"]
    return isinstance(err.get("code"), str) and isinstance(err.get("message"), str) and "Traceback" not in str(err)
