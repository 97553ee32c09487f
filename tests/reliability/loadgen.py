"""A closed-loop HTTP load generator: N concurrent clients (asyncio + httpx) for a fixed time, one JSON summary.

    python tests/reliability/loadgen.py --url http://127.0.0.1:8000 --targets targets.json \\
        --users 32 --seconds 15 --out result.json

``targets.json`` maps an endpoint name to a list of paths; each client picks an endpoint, then a path, at
random (seeded), sends it, waits for the whole body, and goes again. Any status but 200, or any transport
error, is an error. The summary has counts, errors (with samples), requests/s and latency percentiles overall
and per endpoint, in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any

import httpx


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by the nearest-rank method; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def stats_ms(latencies: list[float]) -> dict[str, float]:
    ms = [x * 1000 for x in latencies]
    return {
        "p50_ms": round(percentile(ms, 50), 2), "p90_ms": round(percentile(ms, 90), 2),
        "p99_ms": round(percentile(ms, 99), 2), "max_ms": round(max(ms, default=0.0), 2),
        "mean_ms": round(sum(ms) / len(ms), 2) if ms else 0.0,
    }  # fmt: skip


async def client_loop(client: httpx.AsyncClient, targets: dict[str, list[str]], stop_at: float,
                      rng: random.Random, records: list[tuple[str, float, int | str]]) -> None:  # fmt: skip
    names = sorted(targets)
    while time.perf_counter() < stop_at:
        name = rng.choice(names)
        path = rng.choice(targets[name])
        started = time.perf_counter()
        try:
            resp = await client.get(path)
            status: int | str = resp.status_code
        except httpx.HTTPError as exc:
            status = f"{type(exc).__name__}: {exc}"[:200]
        records.append((name, time.perf_counter() - started, status))


async def run(url: str, targets: dict[str, list[str]], users: int, seconds: float, seed: int,
              timeout: float) -> dict[str, Any]:  # fmt: skip
    records: list[tuple[str, float, int | str]] = []
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as client:
        for paths in targets.values():  # warm-up: one of each, not counted
            await client.get(paths[0])
        started = time.perf_counter()
        stop_at = started + seconds
        await asyncio.gather(*(client_loop(client, targets, stop_at, random.Random(seed + i), records)
                               for i in range(users)))  # fmt: skip
        elapsed = time.perf_counter() - started
    errors = [r for r in records if r[2] != 200]
    samples: dict[str, int] = {}
    for name, _, status in errors:
        key = f"{name}: {status}"
        samples[key] = samples.get(key, 0) + 1
    per_endpoint = {}
    for name in sorted(targets):
        lat = [r[1] for r in records if r[0] == name]
        per_endpoint[name] = {"requests": len(lat), "errors": sum(1 for r in errors if r[0] == name),
                              **stats_ms(lat)}  # fmt: skip
    return {
        "url": url, "users": users, "seconds": round(elapsed, 2), "requests": len(records),
        "errors": len(errors), "error_samples": dict(sorted(samples.items(), key=lambda kv: -kv[1])[:20]),
        "rps": round(len(records) / elapsed, 1) if elapsed else 0.0,
        **stats_ms([r[1] for r in records]), "endpoints": per_endpoint,
        "client": {"python": platform.python_version(), "httpx": httpx.__version__, "platform": platform.platform()},
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--targets", type=Path, required=True, help="JSON {endpoint name: [paths]}")
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30.0, help="per request; slower counts as an error")
    parser.add_argument("--out", type=Path, help="write the summary here as well as on stdout")
    args = parser.parse_args(argv)
    targets = {k: v for k, v in json.loads(args.targets.read_text()).items() if v}
    if not targets:
        print("no targets", file=sys.stderr)
        return 2
    summary = asyncio.run(run(args.url, targets, args.users, args.seconds, args.seed, args.timeout))
    text = json.dumps(summary, indent=1)
    if args.out:
        args.out.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
