"""End-to-end check on the shared seed articles: our scorer agrees with score.py, and the bars hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hrkg.ingest.evaluation import format_scores, score
from hrkg.ingest.pipeline import iter_extractions

SHARED = Path(__file__).parents[3].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(
    not (SEEDS.is_dir() and GOLD.is_dir() and SCORER.is_file()),
    reason=f"shared seeds, gold or score.py not found under {SHARED}",
)


def test_seed_scores_match_the_shared_scorer_and_meet_the_bars(tmp_path: Path) -> None:
    outcomes = list(iter_extractions([SEEDS]))
    assert all(o.error is None for o in outcomes), [o.error for o in outcomes if o.error]
    result = {"documents": [o.document.model_dump() for o in outcomes if o.document is not None]}
    out = tmp_path / "out.json"
    out.write_text(json.dumps(result), encoding="utf-8")
    ours = score(GOLD, result)
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(out), "--json"], capture_output=True, text=True, check=True
    )
    theirs = json.loads(proc.stdout)
    assert ours == theirs
    print(format_scores(ours))
    assert ours["entities"]["f1"] >= 0.90
    assert ours["relations"]["f1"] >= 0.70
    assert ours["claims"]["f1"] >= 0.80
