"""The development set (tests/fixtures/gold): documents the rules were not tuned on, scored like the seeds.

The floors are regression guards at the measured level, well below the seed bars; raise them as rules improve.
"""

from __future__ import annotations

from pathlib import Path

from hrkg.ingest.evaluation import format_scores, score
from hrkg.ingest.pipeline import iter_extractions

ROOT = Path(__file__).parents[3]
GOLD = ROOT / "tests" / "fixtures" / "gold"
DOCS = [ROOT / "tests" / "fixtures" / "docs"] + [
    ROOT / "examples" / "corpus" / name
    for name in (
        "2022-12-12-shekari-rahnavard-executions.html",
        "2023-05-30-assadollah-assadi-antwerp-case.md",
        "2022-03-14-saudi-arabia-mass-execution.txt",
        "2020-12-13-ruhollah-zam-execution.txt",
    )
]


def test_dev_set_scores_do_not_regress() -> None:
    outcomes = list(iter_extractions(DOCS))
    assert all(o.error is None for o in outcomes), [o.error for o in outcomes if o.error]
    result = {"documents": [o.document.model_dump() for o in outcomes if o.document is not None]}
    ours = score(GOLD, result)
    print(format_scores(ours))
    assert ours["unpaired_gold"] == 0
    assert ours["entities"]["f1"] >= 0.91
    assert ours["relations"]["f1"] >= 0.70
    assert ours["claims"]["f1"] >= 0.68
