"""Claims: figures with qualifiers ("at least 3,428 killed"), the event or case they are about, and who
asserts them (the subject of "said/reported/confirmed/announced", "according to X", "announced by X").

A figure needs a metric word next to it (killed, deaths, executed, arrested, injured, detained, sentenced
to death, on death row) and an event or case: one named in the sentence, one whose year the sentence
gives, or, for protesters, the protest event under discussion. Vague amounts ("thousands") are no claims.
The same figure attributed to two sources in one sentence gives two claims.
"""

from __future__ import annotations

import re

from hrkg.ingest.context import DocContext
from hrkg.ingest.entities import Mention
from hrkg.ingest.segment import Sentence

NUMBER = re.compile(
    r"(?P<q>\b(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|approximately|roughly|up\s+to|"
    r"as\s+many\s+as|exactly|only|an\s+estimated|estimated|fewer\s+than|less\s+than)\s+)?"
    r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\.\d)(?P<odd>\s+odd|\s*\+)?",
    re.I,
)
QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than", "nearly": "about",
    "almost": "about", "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "up to": "up to", "as many as": "up to", "exactly": "exactly", "only": "exactly",
    "an estimated": "about", "estimated": "about",
}  # fmt: skip
_BEFORE_METRIC = [
    (
        re.compile(
            r"\b(?:death\s+toll|toll|deaths|killing|killings|slaughter|massacre|murder)\s+(?:of|at|to|stood\s+at|rose\s+to|reached)\s+$",
            re.I,
        ),
        "killed",
    ),
    (re.compile(r"\b(?:killed|killing|kill|slaughtered|massacred|shot\s+dead)\s+$", re.I), "killed"),
    (re.compile(r"\b(?:executions?|hanging)\s+of\s+$|\b(?:executed|hanged)\s+$", re.I), "executed"),
    (re.compile(r"\b(?:arrests?|detentions?)\s+of\s+$|\barrested\s+$", re.I), "arrested"),
    (re.compile(r"\bdetained\s+$", re.I), "detained"),
    (re.compile(r"\b(?:injured|wounded)\s+$", re.I), "injured"),
    (re.compile(r"\bbringing\s+to\s+$", re.I), "_lookahead"),
]
_AFTER_METRIC = [
    (
        re.compile(
            r"^[\w\s,-]{0,40}?\b(?:were|was|had\s+been|have\s+been|being)?\s*(?:sent\s+to\s+(?:the\s+)?gallows|executed|hanged|put\s+to\s+death|executions)\b",
            re.I,
        ),
        "executed",
    ),
    (
        re.compile(
            r"^[\w\s,-]{0,40}?\b(?:killed|dead|deaths|died|killings|slain|murdered|lost\s+their\s+lives)\b", re.I
        ),
        "killed",
    ),
    (re.compile(r"^[\w\s,-]{0,40}?\b(?:arrested|arrests|rounded\s+up)\b", re.I), "arrested"),
    (re.compile(r"^[\w\s,-]{0,40}?\b(?:detained|detentions|in\s+detention)\b", re.I), "detained"),
    (re.compile(r"^[\w\s,-]{0,40}?\b(?:injured|wounded|injuries)\b", re.I), "injured"),
    (re.compile(r"^[\w\s,-]{0,40}?\bon\s+death\s+row\b", re.I), "death_row"),
    (re.compile(r"^[\w\s,-]{0,40}?\b(?:sentenced\s+to\s+death|death\s+sentences)\b", re.I), "sentenced_to_death"),
]
_NOT_COUNT = re.compile(
    r"^(?:\s*(?:-|\s)?(?:year|years|month|months|week|weeks|day|days|hours?|minutes?|%|percent|per\s*cent|"
    r"cities|towns|provinces|pages|times|members|experts|grams|kilograms|km|miles|dollars|euros|th|st|nd|rd)\b"
    r"|\s+more\b|-year-old|\s+year-old)",
    re.I,
)
ATTRIBUTION = re.compile(
    r"\b(?:said|says|reported|reports|confirmed|confirms|announced|announces|claimed|claiming|claims|stated|"
    r"estimated|documented|counted|recorded|revealed|released|told|added|wrote|referred\s+to|found)\b",
    re.I,
)
ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+|information\s+gathered\s+by\s+)?$", re.I)
BYLINE = re.compile(r"\b(?:written\s+by|[Bb]y)\s+$")


class ClaimFinder:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.author = self.find_author()
        self.last_protest: str | None = None
        self.last_agent: str | None = None

    def find_author(self) -> str | None:
        for m in self.ctx.table.mentions():
            if m.type == "Person" and BYLINE.search(self.text[max(0, m.start - 12) : m.start]):
                return m.entity
        return None

    def run(self) -> list[dict]:
        out: list[dict] = []
        for sent in self.ctx.sentences:
            ms = self.ctx.mentions_in(sent.start, sent.end)
            out.extend(self.sentence_claims(sent, ms))
            for m in ms:
                d = self.ctx.table.drafts.get(m.entity)
                if d is not None and d.type == "Event" and d.kind == "protest":
                    self.last_protest = d.id
        return out

    def metric_for(self, sent: Sentence, m: re.Match[str]) -> str | None:
        text = self.text
        start = sent.start + m.start()
        end = sent.start + m.end()
        before = text[max(sent.start, start - 40) : start]
        for pattern, metric in _BEFORE_METRIC:
            if pattern.search(before):
                if metric == "_lookahead":
                    after = text[end : min(sent.end, end + 60)]
                    for p2, metric2 in _AFTER_METRIC:
                        if p2.search(after):
                            return metric2
                    return None
                return metric
        after = text[end : min(sent.end, end + 60)]
        after = re.split(r"[;:()]|\b(?:and|but|while|although|whereas)\b|\d", after)[0]
        for pattern, metric in _AFTER_METRIC:
            if pattern.search(after):
                return metric
        return None

    def about(self, sent: Sentence, pos: int, ms: list[Mention], year: int | None) -> str | None:
        events = [m for m in ms if m.type in ("Event", "Case")]
        containing = [e for e in events if e.start <= pos < e.end]
        if containing:
            return containing[0].entity
        if events:
            return min(events, key=lambda e: abs(e.start - pos)).entity
        if year:
            for c in self.ctx.clusters:
                if (
                    c.draft is not None
                    and c.draft.type == "Event"
                    and (c.year == year or (c.draft.start_date or "")[:4] == str(year))
                ):
                    return c.draft.id
        window = self.text[pos : min(sent.end, pos + 60)].lower()
        if "protester" in window or "demonstrator" in window:
            return self.last_protest
        return None

    def claimants(self, sent: Sentence, ms: list[Mention]) -> list[tuple[str, int]]:
        text = self.text
        agents = [m for m in ms if m.type in ("Organisation", "Person") and not m.generic]
        out: list[tuple[str, int]] = []
        for a in agents:
            if ACCORDING.search(text[max(sent.start, a.start - 45) : a.start]):
                out.append((a.entity, a.end))
                continue
            after = text[a.end : min(sent.end, a.end + 40)]
            if re.match(
                r"^(?:\s*\([^)]*\))?(?:\s+(?:also|once\s+again|has|had|have|later|then))*\s+" + ATTRIBUTION.pattern,
                after,
                re.I,
            ):
                out.append((a.entity, a.end))
                continue
            if re.search(
                r"\b(?:announced|reported|confirmed|claimed|documented|released)\s+by\s+(?:the\s+)?$",
                text[max(sent.start, a.start - 30) : a.start],
            ):
                out.append((a.entity, a.end))
                continue
            if a.start == sent.start and re.match(r"^\s*:", text[a.end : a.end + 3]):
                out.append((a.entity, a.end))
        if not out:
            lead = text[sent.start : min(sent.end, sent.start + 40)]
            if re.match(r"^(?:It|it)\b.{0,25}?" + ATTRIBUTION.pattern, lead) and self.last_agent:
                out.append((self.last_agent, sent.start))
        return list(dict.fromkeys(out))

    def sentence_claims(self, sent: Sentence, ms: list[Mention]) -> list[dict]:
        text = self.text
        stext = text[sent.start : sent.end]
        results: list[dict] = []
        claimants = self.claimants(sent, ms)
        orgs = [m for m in ms if m.type == "Organisation" and not m.generic]
        if orgs:
            self.last_agent = orgs[0].entity
        dates = self.ctx.dates_in(sent.start, sent.end)
        date_spans = [(d.start, d.end) for d in dates]
        for m in NUMBER.finditer(stext):
            n_start = sent.start + m.start("n")
            n_end = sent.start + m.end("n")
            if any(s <= n_start < e for s, e in date_spans):
                continue
            raw = m.group("n")
            if re.fullmatch(r"(?:1[89]|20)\d\d", raw):
                continue
            if _NOT_COUNT.match(text[n_end : n_end + 14]) or text[n_end : n_end + 2] in ("th", "st", "nd", "rd"):
                continue
            if re.search(r"[A-Za-z]\s*,\s*$", text[max(sent.start, n_start - 3) : n_start]) and re.match(
                r"\s*,", text[n_end : n_end + 2]
            ):
                continue  # "Sina Arjomandi-Pour, 17, was killed": an age in apposition, not a count
            value = int(raw.replace(",", ""))
            if value < 2:
                continue
            metric = self.metric_for(sent, m)
            if metric is None:
                continue
            years = [d.year for d in dates if d.year]
            year = min(years, key=lambda y: 0) if len(set(years)) == 1 else None
            if len(set(years)) > 1:
                near = min((d for d in dates if d.year), key=lambda d: abs(d.start - n_start))
                year = near.year
            about = self.about(sent, n_start, ms, year)
            if about is None:
                continue
            q = m.group("q")
            qualifier = QUALIFIERS.get(re.sub(r"\s+", " ", q.strip().lower())) if q else None
            if m.group("odd"):
                qualifier = "about" if "odd" in m.group("odd") else "more than"
            who = claimants or ([(self.author, -1)] if self.author else [(None, -1)])
            for agent, pos in who:
                date = None
                if pos >= 0:
                    near = [d for d in dates if d.value and abs(d.start - pos) < 40]
                    if near:
                        date = min(near, key=lambda d: abs(d.start - pos)).value
                if date is None:
                    with_year = [d for d in dates if d.value]
                    if with_year:
                        date = min(with_year, key=lambda d: abs(d.start - n_start)).value
                results.append(
                    {
                        "about": about,
                        "metric": metric,
                        "value": value,
                        "qualifier": qualifier,
                        "claimed_by": agent,
                        "date": date,
                        "confidence": 0.7 if agent else 0.6,
                        "evidence": self.ctx.span(sent),
                    }
                )
        return results


def find_claims(ctx: DocContext) -> list[dict]:
    return ClaimFinder(ctx).run()
