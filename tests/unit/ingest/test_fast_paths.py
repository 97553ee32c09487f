"""The extractor's fast paths give exactly what the plain code they replace gives.

The anchored scans of hrkg.ingest.prefilter are run both ways (``finditer_at`` and plain ``finditer``), and
other shortcuts beside the code they stand for, over seeded random texts made of the keywords involved,
near misses, digits, punctuation, odd white space and the characters that case folding treats specially.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable

import pytest

from hrkg.ingest.prefilter import WordStarts, finditer_at, folded, occurrences

_ODD = ["K", "\u212a", "\u0130", "\u0131", "\u017f", "\u00e9", "e\u0301", "\u03a3", "_", "\u00a0", "\u2003", "\u0663"]
_PUNCT = [" ", " ", " ", "  ", "\n", "\n\n", ",", ".", "-", "'", "'s", "(", ")", '"', ";", ":", "+", "/"]


def _texts(words: Iterable[str], seed: int, count: int = 400) -> list[str]:
    vocab = list(words)
    vocab += [w.upper() for w in vocab[:10]] + [w.title() for w in vocab[:10]]
    vocab += [w[:-1] for w in vocab if len(w) > 3][:10] + [w + "s" for w in vocab][:10] + ["x" + w for w in vocab][:5]
    vocab += ["1", "17", "2,000", "1.5", "3,428", "2019", "A4", "4th", "the", "and", "of", "were", "killed", "people"]
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(1, 30)):
            parts.append(rnd.choice(vocab) if rnd.random() < 0.7 else rnd.choice(_ODD))
            parts.append(rnd.choice(_PUNCT) if rnd.random() < 0.9 else "")
        out.append("".join(parts))
    return out


def _spans(ms: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in ms]


def _check(pattern: re.Pattern[str], starts: Callable[[str], list[int] | None], texts: list[str]) -> int:
    found = 0
    for t in texts:
        want = _spans(pattern.finditer(t))
        assert _spans(finditer_at(pattern, t, starts(t))) == want, t
        found += len(want)
    return found


def test_folding_keeps_lengths_and_covers_ignorecase() -> None:
    for c in ["K", "\u212a", "\u0130", "\u0131", "\u017f", "\u00df", "\u03a3", "\u1e9e"]:
        assert len(folded(c)) == 1
    assert folded("\u0130\u212a\u017f") == "iks"


def test_word_starts_are_whole_words() -> None:
    starts = WordStarts(["at", "one"])
    assert starts("At that one, someone at-one") == [0, 8, 21, 24]
    assert WordStarts(["At"], ignorecase=False)("At at") == [0]


def test_finditer_at_falls_back_without_starts() -> None:
    pattern = re.compile(r"\bx\b")
    assert _spans(finditer_at(pattern, "x y x", None)) == _spans(pattern.finditer("x y x"))


def test_claim_numbers() -> None:
    from hrkg.ingest import claims

    words = [
        "at least", "more than", "over", "nearly", "about", "some", "up to", "as many as", "an estimated",
        "estimated", "only", "fewer than", "one", "a", "two hundred", "a thousand", "one hundred and five",
        "twenty-one", "thirty", "nineteen", "eleven", "odd", "+", "someone", "often", "atone", "tens",
    ]  # fmt: skip
    assert _check(claims.NUMBER, claims._number_starts, _texts(words, 1)) > 500


@pytest.mark.parametrize("seed", [2, 3])
def test_event_heads(seed: int) -> None:
    from hrkg.ingest import events

    words = [*events.KIND_OF_HEAD, "protest movement", "wave of protests", "prevent", "showcase", "strikes"]
    assert _check(events._HEAD, events._HEAD_STARTS, _texts(words, seed)) > 500


@pytest.mark.parametrize("seed", [4, 5])
def test_generic_state_actors(seed: int) -> None:
    from hrkg.ingest import recognition

    words = [
        *recognition._GENERIC_HEADS, "the", "The", "this", "That", "Iranian", "so-called", "regime's", "in", "of",
        "Iran", "Tehran", "security", "forces", "judicial", "xpolice", "governments", "Saudi-led",
    ]  # fmt: skip
    assert _check(recognition._GENERIC, recognition._generic_starts, _texts(words, seed)) > 100


def test_coreference_aliases() -> None:
    from hrkg.ingest import recognition

    aliases = ["Amini", "IHR", "IHRNGO", "Amnesty", "Al-Sabah", "Mahsa", "Mahsa Amini", "UN"]
    pattern = recognition._alias_pattern(aliases)
    words = [*aliases, "Amini's", "Aminis", "IHR-led", "UNICEF", "xAmnesty", "the"]
    assert _check(pattern, lambda t: occurrences(t, aliases), _texts(words, 6)) > 100


def test_left_word_and_month_names() -> None:
    from hrkg.ingest import events
    from hrkg.ingest.dates import MONTHS

    words = ["the", "regime's", "mass", "so-called", "2019", "November", "Sept", "septembers", "JUNE", "and"]
    rnd = random.Random(7)
    for t in _texts(words, 8, 300):
        for _ in range(5):
            lo = rnd.randint(0, len(t))
            hi = rnd.randint(lo, len(t))
            want = events._LEFT_WORD.search(t, lo, hi)
            got = events._left_word(t, lo, hi)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (t, lo, hi)
        month = None
        for name, num in MONTHS.items():
            if len(name) > 3 and re.search(r"\b" + name + r"\b", t, re.I) and month is None:
                month = num
        assert events._month_named(t) == month, t


def test_gazetteer_finds_every_key_on_word_boundaries() -> None:
    """Gazetteer.find against a brute-force search over every span, with the original boundary rules."""
    from hrkg.ingest.gazetteer import _COMPOUND_OK, _lower_same_length, gazetteer

    gz = gazetteer()
    folded_keys = {key: (length, source, ids) for found in gz.automaton.values() for length, source, ids, key in found}
    exact = {key: value for key, value in gz.case_sensitive.items()} if gz.case_sensitive is not None else {}
    longest = max(map(len, [*folded_keys, *exact]))
    rnd = random.Random(9)
    sample = rnd.sample(sorted(folded_keys), 60) + rnd.sample(sorted(exact), 10)
    sample += ["iran", "Iran", "Iranian", "UN", "Tehran-based", "Norway", "nation", "Amnesty International"]
    for text in _texts(sample, 10, 150):
        low, n = _lower_same_length(text), len(text)
        want = []
        for table, hay in ((folded_keys, low), (exact, text)):
            for start in range(n):
                for end in range(start + 1, min(n, start + longest) + 1):
                    value = table.get(hay[start:end])
                    if value is None:
                        continue
                    _length, source, keys = value[:3]
                    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
                        continue
                    if end < n and (text[end].isalnum() or text[end] == "_"):
                        continue
                    if (
                        end < n - 1
                        and text[end] == "-"
                        and text[end + 1].isalpha()
                        and source != "demonym"
                        and not _COMPOUND_OK.match(text, end)
                    ):
                        continue
                    want.append((start, end, text[start:end], source, keys))
        want.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        got = [(h.start, h.end, h.text, h.source, h.keys) for h in gz.find(text)]
        assert got == want, text


def test_proceedings_scans_and_keywords() -> None:
    from hrkg.ingest import proceedings as P
    from hrkg.ingest.prefilter import has_any

    words = [
        *P._COURT_WORDS, *P._JUDICIAL_WORDS, "judges", "prosecutors", "Court in", "tribunal of", "court at", "the",
        "sentenced", "found guilty", "agreed to try", "has agreed to investigate", "opened a case against",
        "executed", "hanged", "put to death", "sent to the gallows", "his", "the", "mass", "executions", "hangings",
        "EXECUTED", "Put To Death", "the executions", "his hanging", "Their mass executions",
    ]  # fmt: skip
    texts = _texts(words, 11)
    assert _check(P._COURT_HEAD, lambda t: occurrences(t, P._COURT_WORDS), texts) > 30
    assert _check(P._JUDICIAL_HEAD, lambda t: occurrences(t, P._JUDICIAL_WORDS), texts) > 100
    for pattern, keys, fold in (
        (P._TRIAL_VERB, P._KW_TRIAL_VERB, True),
        (P._EXEC_VERB, P._KW_EXEC_VERB, True),
        (P._EXEC_ANAPHOR, P._KW_EXEC_ANAPHOR, False),
    ):
        hits = [t for t in texts if pattern.search(t)]
        assert len(hits) > 10
        assert all(has_any(folded(t) if fold else t, keys) for t in hits)


def test_normalise_text_and_word_before() -> None:
    import unicodedata

    from hrkg.ingest import segment, text

    def reference(raw: str) -> str:  # normalise_text as it was written first
        t = raw.replace("\r\n", "\n").replace("\r", "\n")
        if text._MOJIBAKE_HINT.search(t):
            t = text.ftfy.fix_text(t, normalization="NFC")
        t = unicodedata.normalize("NFC", t)
        t = t.translate(text._CHAR_MAP)
        t = re.sub(r"[ \f\v]+", " ", t)
        t = re.sub(r" *\n *", "\n", t)
        t = re.sub(r"\n{3,}", "\n\n", t)
        return t.strip()

    odd = [chr(c) for c in text._CHAR_MAP] + ["\f", "\v", "\r", "\r\n", " \n ", "\n\n\n", "   ", "Ã©", "\u00e9"]
    words = ["Mr.", "U.S.", "e.g.", "J.", "word", "Word_2", "3.5", *odd]
    for t in _texts(words, 12, 300):
        assert text.normalise_text(t) == reference(t), t
        for line in t.split("\n"):
            for dot in range(len(line) + 1):
                m = segment._WORD_BEFORE.search(line, 0, dot)
                assert segment._word_before(line, dot) == (m.group(1) if m else ""), (line, dot)


_RELATION_PHRASES = {
    "REPORT_VERBS": "reported|reports on|referred to|refers to|highlighted|documents|confirmed|announces|revealed|"
    "took up|takes up|exposed|emphasized|emphasises|published|releases|covered|recorded|according to|"
    "details released|Reporting",
    "CONDEMN": "condemned|condemns|condemning|condemn",
    "WHOSE_ROLE": "whose director is|whose members include|whose founding chairman was|whose head are",
    "VIOLENCE_VERB": "killed|kills|shot dead|slaughtered|massacred|committed|carried out|perpetrated|ordered|"
    "opened fire|cracked down|beat|beaten|tortured|crushed|fired|put down|suppressed|dispersed|arrested|rounded up",
    "PERPETRATOR": "perpetrators of|perpetrator of",
    "VIOLENCE_CUE": "protesters|demonstrator|killing|killings|killed|crackdown|lethal force|slaughter|shot|massacre|"
    "victims|violence|repression|fired|opened fire|live ammunition|tear gas|beaten|tortured|dead",
    "EXECUTE": "executed|executes|hanged|hangs|hanging of|put to death|sent to gallows|sent to the gallows",
    "ACTIVE_ARREST": "arrested|detained|seized|abducted|arrested in",
    "TRIED": "tried|trial|court|prosecuted|convicted|verdict",
    "UJ": "universal jurisdiction",
    "_TRIED_IN": "tried in|trial in|court in|heard in|convicted in",
    "SENTENCED": "sentenced to death|sentenced him to death|death sentence|death sentences",
    "PARTICIPATE": "played a role in|played an active role during|involvement in|alleged involvement in|"
    "took part in|participated in|was involved in|for his role in|for their key role in",
    "ELECTION_WIN": "presidency|won|winner|elected|candidate|victory",
}
_RELATION_KEYWORDS = {
    "REPORT_VERBS": "_KW_REPORT", "CONDEMN": "_KW_CONDEMN", "WHOSE_ROLE": "_KW_WHOSE",
    "VIOLENCE_VERB": "_KW_VIOLENCE_VERB", "PERPETRATOR": "_KW_PERPETRATOR", "VIOLENCE_CUE": "_KW_VIOLENCE_CUE",
    "EXECUTE": "_KW_EXECUTE", "ACTIVE_ARREST": "_KW_ACTIVE_ARREST", "TRIED": "_KW_TRIED",
    "UJ": "_KW_UJ", "_TRIED_IN": "_KW_TRIED_IN", "SENTENCED": "_KW_SENTENCED", "PARTICIPATE": "_KW_PARTICIPATE",
    "ELECTION_WIN": "_KW_ELECTION",
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(_RELATION_PHRASES))
def test_relation_keyword_scans(name: str) -> None:
    from hrkg.ingest import relations
    from hrkg.ingest.prefilter import KeywordScan

    pattern = getattr(relations, name)
    keywords = getattr(relations, _RELATION_KEYWORDS[name])
    phrases = _RELATION_PHRASES[name].split("|")
    found = 0
    for t in _texts([*phrases, "the", "police", "was", "him", "Amnesty"], 13):
        want = _spans(pattern.finditer(t))
        first = pattern.search(t)
        for scan in (KeywordScan(t), KeywordScan(t, sets=relations._KEYWORDS)):
            assert _spans(scan.finditer(pattern, keywords)) == want, t
            got = scan.search(pattern, keywords)
            assert (got and (got.span(), got.groups())) == (first and (first.span(), first.groups())), t
        found += len(want)
    assert found > 50


def test_organisation_descriptions() -> None:
    from hrkg.ingest import recognition

    words = ["the", "The", "this", "That", "THE", "rights", "human", "organisation", "organization", "group", "NGO",
             "watchdog", "monitor", "agency", "of", "which", "breathe", "-the", "the organisation", "This group",
             "that human rights NGO", "The rights monitor"]  # fmt: skip
    assert _check(recognition._ORG_DESC, recognition._org_desc_starts, _texts(words, 14)) > 30


def test_window_keywords() -> None:
    """The words checked before a regex is searched for on the text before a mention occur in every match."""
    from hrkg.ingest import relations
    from hrkg.ingest.prefilter import has_any

    cases = [
        (relations.MEMBER_OF, ("member",), True, "as a member of the so-called|a Member of|an MEMBER of '"),
        (relations.BASED_IN, ("based", "headquarter"), True, "based in|Headquartered in|headquarters IN"),
        (relations.RELATED, ("related",), True, "related to|RELATED TO"),
    ]
    for pattern, keys, fold, phrases in cases:
        texts = _texts([*phrases.split("|"), "the", "group", "Amnesty"], 15, 100)
        hits = [t[:k] for t in texts for k in range(len(t) + 1) if pattern.search(t[:k])]  # windows end at k
        assert len(hits) > 10
        assert all(has_any(folded(t) if fold else t, keys) for t in hits)


def _old_build(document: dict) -> object:
    """The extractor's document as it was built before: model by model, with keyword arguments."""
    from hrkg.ontology.models import Claim, Document, Entity, Relation, Span

    entities = []
    for e in document["entities"]:
        spans = [Span(start=m["start"], end=m["end"], text=m["text"]) for m in e["mentions"]]
        entities.append(Entity(**{k: v for k, v in e.items() if k != "mentions"}, mentions=spans))
    rels = [Relation(**{k: v for k, v in r.items() if k != "evidence"}, evidence=Span(**r["evidence"])) for r in
            document["relations"]]  # fmt: skip
    cls = [Claim(**{k: v for k, v in c.items() if k != "evidence"}, evidence=Span(**c["evidence"])) for c in
           document["claims"]]  # fmt: skip
    return Document(**{k: v for k, v in document.items() if k not in ("entities", "relations", "claims")},
                    entities=entities, relations=rels, claims=cls)  # fmt: skip


def _fields_set(model: object) -> object:
    from pydantic import BaseModel

    if isinstance(model, BaseModel):
        return (sorted(model.model_fields_set), {k: _fields_set(getattr(model, k)) for k in type(model).model_fields})
    if isinstance(model, list):
        return [_fields_set(x) for x in model]
    return model


def test_document_built_in_one_validation_equals_the_models_built_one_by_one() -> None:
    import copy

    from hrkg.ingest import rules

    span = {"start": 0, "end": 4, "text": "Iran"}
    good = {
        "id": "a" * 64, "source": "x.txt", "title": None, "url": None, "publisher": None, "published": "2020-01-02",
        "extractor": "rules/0.1.0",
        "entities": [
            {"id": "place/iran", "type": "Place", "name": "Iran", "aliases": [], "wikidata": "Q794",
             "description": None, "kind": "country", "start_date": None, "end_date": None, "mentions": [span]},
            {"id": "event/x-protests", "type": "Event", "name": "X protests", "aliases": ["x"], "wikidata": None,
             "description": None, "kind": "protest", "start_date": "2019-11", "end_date": None, "mentions": [span]},
        ],
        "relations": [{"subject": "event/x-protests", "predicate": "occurred_in", "object": "place/iran",
                       "date": "2019", "confidence": 0.7, "evidence": span, "extractor": "rules/0.1.0"}],
        "claims": [{"about": "event/x-protests", "metric": "killed", "value": 3, "qualifier": None,
                    "claimed_by": None, "date": None, "confidence": 0.6, "evidence": span, "extractor": "rules/0.1.0"}],
    }  # fmt: skip
    new = rules.Document.model_validate(copy.deepcopy(good))
    old = _old_build(copy.deepcopy(good))
    assert new.model_dump() == old.model_dump()  # type: ignore[attr-defined]
    assert _fields_set(new) == _fields_set(old)

    def broken(path: str, value: object) -> dict:
        doc = copy.deepcopy(good)
        *keys, last = path.split(".")
        node: object = doc
        for k in keys:
            node = node[int(k)] if isinstance(node, list) else node[k]  # type: ignore[index]
        node[int(last) if isinstance(node, list) else last] = value  # type: ignore[index]
        return doc

    cases = [
        broken("entities.1.mentions.0", {"start": 5, "end": 2, "text": ""}),
        broken("entities.0.id", "person/iran"),
        broken("entities.1.start_date", "2019-13"),
        broken("relations.0.predicate", "nonsense"),
        broken("relations.0.evidence", {"start": -1, "end": 2, "text": ""}),
        broken("claims.0.about", "place/iran"),
        broken("claims.0.value", -3),
        broken("entities.1.id", "place/iran"),
        broken("published", "yesterday"),
    ]
    for doc in cases:
        with pytest.raises(ValueError) as want:
            _old_build(copy.deepcopy(doc))
        with pytest.raises(ValueError) as got:
            try:
                rules.Document.model_validate(copy.deepcopy(doc))
            except ValueError:
                rules._one_by_one(copy.deepcopy(doc))
        assert str(got.value) == str(want.value)


def test_one_word_organisations() -> None:
    from hrkg.ingest import proceedings

    words = ["Hengaw,", "AT&T,", "xAmnesty,", "Norway-based", "a", "an", "the", "rights group", "group", "NGO",
             "Hengaw, a Norway-based rights group", "IHR, the organisation", "Kurdistan Human Rights Network, an NGO",
             "O'Neil, a", "VeryLongOrganisationNameThatGoesOn, a group", "Abcdefghijklmnopqrstuvwxy, a group",
             "Abcdefghijklmnopqrstuvwx, the NGO"]  # fmt: skip
    texts = _texts(words, 16)
    assert _check(proceedings._ONE_WORD_ORG, proceedings._one_word_org_starts, texts) > 30
