"""Precision, recall and F1 of extraction output against gold annotation files.

The matching rules are those of the shared scorer (``score.py``), written out here:
- names are compared as sets of lower-case words without accents, punctuation, a possessive "'s" and the
  words "the", "of", "in", "a", "an" ("Trial of Hamid Noury" equals "Hamid Noury trial");
- an entity matches a gold entity of the same type when their name sets (name, aliases and mention texts)
  share a form; each gold and each predicted entity is used once;
- a relation matches when the predicate is the same and subject and object resolve, by name, to the gold
  subject and object; ``related_to`` is left out (``edges_any_predicate`` counts every edge, any predicate,
  either direction);
- a claim matches on metric, integer value and the event or case it is about.
Counts are micro-averaged over documents; a gold document without a prediction counts as all missed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

SCORED_TYPES = frozenset({"Person", "Organisation", "Event", "Case", "Place"})
_STOP_WORDS = frozenset({"the", "of", "in", "a", "an", "s"})
_FALLBACK = "related_to"


def name_key(name: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = plain.replace("\u2019", "'").replace("\u2018", "'")
    plain = re.sub(r"'s\b", "", plain)
    words = set(re.sub(r"[^0-9a-z]+", " ", plain).split()) - _STOP_WORDS
    return " ".join(sorted(words))


def name_forms(entity: dict[str, Any]) -> set[str]:
    forms = {name_key(entity.get("name", ""))}
    forms.update(name_key(a) for a in entity.get("aliases") or [])
    forms.update(name_key(m.get("text", "")) for m in entity.get("mentions") or [] if isinstance(m, dict))
    forms.discard("")
    return forms


class _Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {k: [0, 0, 0] for k in ("ent", "rel", "edge", "claim")}
        self.by_type: dict[str, list[int]] = {}
        self.errors: list[dict[str, Any]] = []
        self.by_predicate: dict[str, list[int]] = {}
        self.by_metric: dict[str, list[int]] = {}

    def error(self, document: str, kind: str, verdict: str, item: str) -> None:
        self.errors.append({"document": document, "kind": kind, "verdict": verdict, "item": item})

    def add(self, key: str, tp: int, pred: int, gold: int) -> None:
        c = self.counts[key]
        c[0] += tp
        c[1] += pred
        c[2] += gold


def _prf(tp: int, pred: int, gold: int) -> dict[str, Any]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": pred, "gold": gold, "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def _describe_entity(entity: dict[str, Any]) -> str:
    return f"{entity.get('type')} {entity.get('name')!r} ({entity.get('id')})"


def _describe_relation(relation: dict[str, Any]) -> str:
    evidence = relation.get("evidence")
    text = evidence.get("text", "") if isinstance(evidence, dict) else evidence or ""
    return f"{relation.get('subject')} -{relation.get('predicate')}-> {relation.get('object')}  | {text[:140]}"


def _describe_claim(claim: dict[str, Any]) -> str:
    evidence = claim.get("evidence")
    text = evidence.get("text", "") if isinstance(evidence, dict) else evidence or ""
    return (
        f"{claim.get('metric')}={claim.get('value')} ({claim.get('qualifier')}) about {claim.get('about')}"
        f" by {claim.get('claimed_by')}  | {text[:140]}"
    )


def _match_entities(document: str, gold: dict[str, Any], pred: dict[str, Any], tally: _Tally) -> None:
    gold_ents = [e for e in gold.get("entities", []) if e.get("type") in SCORED_TYPES]
    pred_ents = [e for e in pred.get("entities", []) if e.get("type") in SCORED_TYPES]
    pred_forms = [name_forms(e) for e in pred_ents]
    taken: set[int] = set()
    tp = 0
    for g in gold_ents:
        row = tally.by_type.setdefault(g["type"], [0, 0, 0])
        row[2] += 1
        g_forms = name_forms(g)
        for i, p in enumerate(pred_ents):
            if i in taken or p.get("type") != g["type"] or not (pred_forms[i] & g_forms):
                continue
            taken.add(i)
            tp += 1
            row[0] += 1
            break
        else:
            tally.error(document, "entity", "missed", _describe_entity(g))
    for i, p in enumerate(pred_ents):
        tally.by_type.setdefault(p["type"], [0, 0, 0])[1] += 1
        if i not in taken:
            tally.error(document, "entity", "spurious", _describe_entity(p))
    tally.add("ent", tp, len(pred_ents), len(gold_ents))


def _score_document(document: str, gold: dict[str, Any], pred: dict[str, Any], tally: _Tally) -> None:
    _match_entities(document, gold, pred, tally)
    g_names = {e["id"]: name_forms(e) for e in gold.get("entities", [])}
    p_names = {e["id"]: name_forms(e) for e in pred.get("entities", [])}

    def same(pred_id: str | None, gold_id: str) -> bool:
        return bool(p_names.get(pred_id or "", set()) & g_names.get(gold_id, set()))

    all_gold = list(gold.get("relations", []))
    all_pred = list(pred.get("relations", []))
    typed_gold = [r for r in all_gold if r.get("predicate") != _FALLBACK]
    typed_pred = [r for r in all_pred if r.get("predicate") != _FALLBACK]
    for r in typed_gold:
        tally.by_predicate.setdefault(r["predicate"], [0, 0, 0])[2] += 1
    used: set[int] = set()
    tp = 0
    for pr in typed_pred:
        row = tally.by_predicate.setdefault(str(pr.get("predicate")), [0, 0, 0])
        row[1] += 1
        for j, gr in enumerate(typed_gold):
            if (
                j not in used
                and pr.get("predicate") == gr["predicate"]
                and same(pr.get("subject"), gr["subject"])
                and same(pr.get("object"), gr["object"])
            ):
                used.add(j)
                tp += 1
                row[0] += 1
                break
        else:
            tally.error(document, "relation", "spurious", _describe_relation(pr))
    for j, gr in enumerate(typed_gold):
        if j not in used:
            tally.error(document, "relation", "missed", _describe_relation(gr))
    tally.add("rel", tp, len(typed_pred), len(typed_gold))
    used = set()
    tp = 0
    for pr in all_pred:
        s, o = pr.get("subject"), pr.get("object")
        for j, gr in enumerate(all_gold):
            if j in used:
                continue
            if (same(s, gr["subject"]) and same(o, gr["object"])) or (same(s, gr["object"]) and same(o, gr["subject"])):
                used.add(j)
                tp += 1
                break
    tally.add("edge", tp, len(all_pred), len(all_gold))
    gold_claims = list(gold.get("claims", []))
    pred_claims = list(pred.get("claims", []))
    for gc in gold_claims:
        tally.by_metric.setdefault(str(gc.get("metric")), [0, 0, 0])[2] += 1
    used = set()
    tp = 0
    for pc in pred_claims:
        metric_row = tally.by_metric.setdefault(str(pc.get("metric")), [0, 0, 0])
        metric_row[1] += 1
        for j, gc in enumerate(gold_claims):
            if j in used:
                continue
            try:
                equal = int(pc.get("value")) == int(gc["value"])
            except (TypeError, ValueError):
                equal = False
            if equal and pc.get("metric") == gc["metric"] and same(pc.get("about"), gc["about"]):
                used.add(j)
                tp += 1
                metric_row[0] += 1
                break
        else:
            tally.error(document, "claim", "spurious", _describe_claim(pc))
    for j, gc in enumerate(gold_claims):
        if j not in used:
            tally.error(document, "claim", "missed", _describe_claim(gc))
    tally.add("claim", tp, len(pred_claims), len(gold_claims))


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Gold files by the basename of the document they annotate (``*.meta.json`` sidecars are not gold)."""
    golds: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        if path.name.endswith(".meta.json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        golds[Path(data.get("document", path.stem + ".txt")).name] = data
    return golds


def score(gold_dir: Path, result: dict[str, Any], *, with_errors: bool = False) -> dict[str, Any]:
    """Score an extraction result (``{"documents": [...]}``) against the gold files in ``gold_dir``.

    Returns the structure ``score.py --json`` prints; ``with_errors`` adds ``errors``: each missed gold item and
    each spurious prediction (document, kind, verdict, a readable description), ``relations_by_predicate`` and
    ``claims_by_metric``.
    """
    golds = load_gold(Path(gold_dir))
    tally = _Tally()
    predicted = list(result.get("documents", []))
    paired_names: set[str] = set()
    paired = 0
    for doc in predicted:
        key = Path(str(doc.get("source", ""))).name
        if key in golds:
            _score_document(key, golds[key], doc, tally)
            paired += 1
            paired_names.add(key)
    empty: dict[str, Any] = {"entities": [], "relations": [], "claims": []}
    for key, gold in golds.items():
        if key not in paired_names:
            _score_document(key, gold, empty, tally)
    scores: dict[str, Any] = {
        "documents": len(golds),
        "unpaired_gold": len(golds) - paired,
        "entities": _prf(*tally.counts["ent"]),
        "relations": _prf(*tally.counts["rel"]),
        "edges_any_predicate": _prf(*tally.counts["edge"]),
        "claims": _prf(*tally.counts["claim"]),
        "entities_by_type": {t: _prf(*v) for t, v in sorted(tally.by_type.items())},
    }
    if with_errors:
        scores["relations_by_predicate"] = {k: _prf(*v) for k, v in sorted(tally.by_predicate.items())}
        scores["claims_by_metric"] = {k: _prf(*v) for k, v in sorted(tally.by_metric.items())}
        scores["errors"] = tally.errors
    return scores


def format_scores(scores: dict[str, Any]) -> str:
    """A human-readable table of :func:`score`'s result."""
    lines = [f"{'':24s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'pred':>5s} {'gold':>5s}"]

    def row(label: str, v: dict[str, Any]) -> str:
        return f"{label:24s} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['tp']:5d} {v['pred']:5d} {v['gold']:5d}"

    for key in ("entities", "relations", "edges_any_predicate", "claims"):
        lines.append(row(key, scores[key]))
    for t, v in scores.get("entities_by_type", {}).items():
        lines.append(row(f"  {t}", v))
    for t, v in scores.get("relations_by_predicate", {}).items():
        lines.append(row(f"  {t}", v))
    for t, v in scores.get("claims_by_metric", {}).items():
        lines.append(row(f"  claims {t}", v))
    lines.append(f"documents={scores['documents']} unpaired_gold={scores['unpaired_gold']}")
    return "\n".join(lines)


def format_errors(scores: dict[str, Any]) -> str:
    """Every missed gold item and every spurious prediction, grouped by document, for error analysis."""
    lines: list[str] = []
    current = None
    for e in sorted(scores.get("errors", []), key=lambda e: (e["document"], e["kind"], e["verdict"])):
        if e["document"] != current:
            current = e["document"]
            lines.append(f"== {current}")
        lines.append(f"  {e['kind']:8s} {e['verdict']:8s} {e['item']}")
    return "\n".join(lines)
