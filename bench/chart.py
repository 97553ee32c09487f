"""``bench/results/summary.png``: bar charts of hrkg beside its reference for every benchmark of a run.

.venv/bin/python bench/chart.py bench/results/summary.json [-o bench/results/summary.png]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

OURS = "#1f77b4"
REF = "#bbbbbb"
OTHER = "#2ca02c"
ENDPOINTS = ("entity", "graph", "search")


def _bars(ax: Any, labels: list[str], values: list[float], colors: list[str], title: str, unit: str) -> None:
    bars = ax.bar(labels, values, color=colors)
    ax.set_title(title, fontsize=10)
    ax.set_ylabel(unit, fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    ax.tick_params(axis="y", labelsize=7)
    for bar, v in zip(bars, values, strict=True):
        ax.annotate(f"{v:,.0f}" if v >= 10 else f"{v:,.1f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=7)  # fmt: skip


def _latency(ax: Any, api: dict[str, Any], name: str) -> None:
    users = list(api["points"]["api"])
    width = 0.2
    series = [("API p50", "api", "p50_ms", OURS, 1.0), ("driver p50", "driver", "p50_ms", REF, 1.0),
              ("API p99", "api", "p99_ms", OURS, 0.45), ("driver p99", "driver", "p99_ms", REF, 0.45)]  # fmt: skip
    for k, (label, mode, key, color, alpha) in enumerate(series):
        values = [api["points"][mode].get(u, {}).get("endpoints", {}).get(name, {}).get(key, 0) for u in users]
        xs = [i + (k - 1.5) * width for i in range(len(users))]
        ax.bar(xs, values, width, label=label, color=color, alpha=alpha, edgecolor="black", linewidth=0.3)
    ax.set_xticks(range(len(users)), [f"{u} client{'s' if u != '1' else ''}" for u in users], fontsize=7)
    ax.set_yscale("log")
    ax.set_ylabel("ms (log)", fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    path = {"entity": "/entities/{type}/{slug}", "graph": "/graph?focus=&depth=2", "search": "/entities?q="}[name]
    ax.set_title(f"latency {path}", fontsize=10)
    ax.legend(fontsize=6)


def render(summary: dict[str, Any], out: Path) -> None:
    fig, axes = plt.subplots(2, 4, figsize=(18, 8.5))
    panels = iter(axes.flat)
    if ex := summary.get("extract"):
        ours, ref = ex["hrkg"], ex["reference"]
        _bars(next(panels), ["hrkg rules", "spaCy sm"],
              [ours["bytes"] / 1000 / ours["seconds"], ref["bytes"] / 1000 / ref["seconds"]], [OURS, REF],
              f"extraction, {ours['bytes'] / 1e6:.1f} MB", "KB/s")  # fmt: skip
    if ld := summary.get("load"):
        by = {r["path"]: r["relationships_per_s"] for r in ld["runs"]}
        labels, values, colors = [], [], []
        for path, color in (("batched", OURS), ("bulk", OURS), ("per-row", REF)):
            if path in by:
                labels.append({"batched": "batched\n(ours)", "bulk": "200 docs/tx\n(ours)",
                               "per-row": "stmt per row"}[path])  # fmt: skip
                values.append(by[path])
                colors.append(color)
        if ad := summary.get("admin"):
            labels.append("neo4j-admin\nimport")
            values.append(ad["relationships_per_s"])
            colors.append(OTHER)
        _bars(next(panels), labels, values, colors, f"load, {ld['input']['relation_rows']:,} relation rows",
              "graph relationships/s")  # fmt: skip
    if exp := summary.get("export"):
        s, r = exp["stream"], exp["rdflib"]
        _bars(next(panels), ["streamed nt", "rdflib"], [s["triples"] / s["seconds"], r["triples"] / r["seconds"]],
              [OURS, REF], f"export, {s['triples']:,.0f} triples", "triples/s")  # fmt: skip
        _bars(next(panels), ["streamed nt", "rdflib"], [s["peak_rss_mb"], r["peak_rss_mb"]], [OURS, REF],
              "export peak memory", "peak RSS MB")  # fmt: skip
    if api := summary.get("api"):
        for name in ENDPOINTS:
            _latency(next(panels), api, name)
    ax = next(panels, None)
    if ax is not None:
        m = summary["machine"]
        load = " ".join(str(x) for x in m["load_average_start"])
        text = (f"{summary['mode']} run, {summary['when']}\nwall time {summary['wall_seconds'] / 60:.1f} min\n\n"
                f"{m['cpu']}\n{m['cores']} cores, {m['ram_gb']} GB RAM\nload average at start {load}\n"
                f"Python {m['python']}, Neo4j {m['neo4j']}")  # fmt: skip
        if api := summary.get("api"):
            g = api["graph"]
            text += f"\n\nAPI graph: {g['nodes']:,} nodes,\n{g['relationships']:,} relationships"
        ax.text(0.02, 0.98, text, va="top", ha="left", fontsize=9, family="monospace", transform=ax.transAxes)
        ax.axis("off")
    for ax in panels:
        ax.axis("off")
    fig.suptitle("hrkg (blue) beside the reference (grey)", fontsize=12)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("summary", type=Path)
    parser.add_argument("-o", "--out", type=Path)
    args = parser.parse_args(argv)
    render(json.loads(args.summary.read_text()), args.out or args.summary.with_suffix(".png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
