"""Claims: figures with qualifiers ("at least 3,428 killed"), the event or case they are about, and who
asserts them (the subject of "said/reported/confirmed/announced", "according to X", "announced by X").

A figure needs a metric word next to it (killed, deaths, executed, arrested, injured, detained, sentenced
to death, on death row) and an event or case: one named in the sentence, one whose year the sentence
gives, or, for protesters, the protest event under discussion. Vague amounts ("thousands") are no claims.
The same figure attributed to two sources in one sentence gives two claims.
"""

from __future__ import annotations

import re
from collections import Counter

from hrkg.ingest.attribution import Source
from hrkg.ingest.context import DocContext
from hrkg.ingest.entities import Mention
from hrkg.ingest.prefilter import WordStarts, finditer_at, folded, has_any
from hrkg.ingest.segment import Sentence

_UNITS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "one": 1, "a": 1,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen"
)
_WORD_NUM = (
    rf"(?:(?:one|two|three|four|five|six|seven|eight|nine|a)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:{_TENS}|{_SMALL}))?"
    rf"|(?:{_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL})"
)


def word_value(words: str) -> int | None:
    """ "two hundred" -> 200, "thirty-five" -> 35, "three" -> 3."""
    total = 0
    current = 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and":
            continue
        if w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w in _UNITS:
            current += _UNITS[w]
        else:
            return None
    return total + current or None


NUMBER = re.compile(
    r"(?P<q>\b(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|approximately|roughly|up\s+to|"
    r"as\s+many\s+as|exactly|only|an\s+estimated|estimated|no\s+(?:fewer|less|lower)\s+than|not\s+less\s+than|"
    r"upwards\s+of|in\s+excess\s+of|close\s+to|closer\s+to|fewer\s+than|less\s+than)\s+)?"
    r"(?:(?<![\d,.])(?<!\d[-\u2013])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\.\d)(?![-\u2013]\d)"  # not "1980-88"
    r"|(?P<w>\b(?:" + _WORD_NUM + r")\b))"
    r"(?P<odd>\s+odd|\s*\+)?",
    re.I,
)
QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than", "nearly": "about",
    "almost": "about", "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "up to": "up to", "as many as": "up to", "exactly": "exactly", "only": "exactly",
    "an estimated": "about", "estimated": "about", "no fewer than": "at least", "no less than": "at least",
    "no lower than": "at least", "not less than": "at least", "upwards of": "more than", "in excess of": "more than",
    "close to": "about", "closer to": "about",
}  # fmt: skip
_BEFORE_METRIC = [
    (
        re.compile(
            r"\b(?:death\s+toll|toll|deaths|killing|killings|slaughter|massacre|murder)\s+(?:\w+ly\s+)?(?:of|at|to|stood\s+at|stands\s+at|"
            r"rose\s+to|reached|was|is|had\s+reached|has\s+(?:risen|climbed)\s+to|climbed\s+to)\s+(?:\w+ly\s+)?$",
            re.I,
        ),
        "killed",
    ),
    (re.compile(r"\b(?:killed|killing|kill|slaughtered|massacred|shot\s+dead)\s+$", re.I), "killed"),
    (re.compile(r"\bput\s+(?:the|its|their)\s+(?:death\s+)?toll\s+$", re.I), "killed"),
    (re.compile(r"\b(?:claimed|took|cost)\s+the\s+lives\s+of\s+$", re.I), "killed"),
    (re.compile(r"\b(?:executions?|hanging)\s+of\s+$|\b(?:executed|hanged)\s+$", re.I), "executed"),
    (re.compile(r"\b(?:arrests?|detentions?)\s+of\s+$|\barrested\s+$", re.I), "arrested"),
    (re.compile(r"\b(?:detained|detaining)\s+$", re.I), "detained"),
    (re.compile(r"\barresting\s+$", re.I), "arrested"),
    (re.compile(r"\bexecuting\s+$", re.I), "executed"),
    (re.compile(r"\b(?:injured|wounded)\s+$", re.I), "injured"),
    (re.compile(r"\bbringing\s+to\s+$", re.I), "_lookahead"),
    (re.compile(r"\bsentenced\s+(?:all\s+)?$", re.I), "_to_death"),  # "sentenced three defendants ... to death"
    # "put the toll at 304, later raised its count to at least 321": the previous figure's metric
    (
        re.compile(
            r"\b(?:count|tally|figure|estimate|number)\s+(?:to|at|of|stood\s+at|rose\s+to|(?:was|is)(?:\s+\w+ly)?)\s+$",
            re.I,
        ),
        "_prior",
    ),
]
_LEAD = r"^[\w\s,'\u2019-]{0,40}?\b"  # the few words between a figure and its metric ("44 Baha'is have been")
_AFTER_METRIC = [
    (
        re.compile(
            _LEAD + r"(?:were|was|had\s+been|have\s+been|being)?\s*"
            r"(?:sent\s+to\s+(?:the\s+)?gallows|executed|hanged|put\s+to\s+death|executions)\b",
            re.I,
        ),
        "executed",
    ),
    (
        re.compile(
            _LEAD + r"(?:killed|dead|deaths|died|killings|murders|slain|murdered|lost\s+their\s+lives|gunned\s+down)\b",
            re.I,
        ),
        "killed",
    ),
    (re.compile(_LEAD + r"(?:arrested|arrests|rounded\s+up)\b", re.I), "arrested"),
    (re.compile(_LEAD + r"(?:detained|detentions|in\s+detention)\b", re.I), "detained"),
    # "about 700 people had been held": people held, not a rally or a trial that was held
    (
        re.compile(
            r"^\s*(?:people|persons|protesters|demonstrators|detainees|others|of\s+them)?\s*"
            r"(?:had\s+been|have\s+been|were|are)\s+held\b",
            re.I,
        ),
        "detained",
    ),
    (re.compile(_LEAD + r"(?:injured|wounded|injuries)\b", re.I), "injured"),
    (re.compile(_LEAD + r"on\s+death\s+row\b", re.I), "death_row"),
    (re.compile(_LEAD + r"(?:sentenced\s+to\s+death|death\s+sentences)\b", re.I), "sentenced_to_death"),
]
_NOT_COUNT = re.compile(
    r"^(?:\s*(?:-|\s)?(?:year|years|month|months|week|weeks|day|days|hours?|minutes?|%|percent|per\s*cent|"
    r"cities|towns|provinces|pages|times|experts|cases|grams|kilograms|km|miles|dollars|euros|th|st|nd|rd)\b"
    r"|\s+more\b|-year-old|\s+year-old)",
    re.I,
)
_CHARGES = re.compile(
    r"\b(?:convicted|accused|charged|guilty)\s+of\s+(?:[\w-]+\s+){1,4}?and\s+(?:[\w-]+\s+){0,2}?(?=(?:were|was|had|have)\b)",
    re.I,
)
_TOLL_FAR = re.compile(
    r"\b(?:death\s+)?toll\b(?:[^\d.;\n]|\b(?:19|20)\d\d\b){0,80}?\b(?:at|to|of|reached|was|is|hit|passed|exceeded)\s+$",
    re.I,
)
_ASIDE = re.compile(r"\s*\([^()]{0,60}\)")
_NUMBER_OF = re.compile(
    r"\b(?P<head>number|tally|count|toll)\s+of\s+([\w\s-]{3,70}?)\s+(?:(?:rose|climbed|grew)\s+)?(?:at|to|as)\s+$", re.I
)
_TOPIC_KINDS = ("protest", "crackdown", "massacre", "killing", "uprising")
TOPIC_REACH = 12  # sentences an event stays under discussion after it was last named (figures, relations)
# the kinds of event (or "Case") a figure of each metric can be about
_METRIC_KINDS = {
    "killed": ("protest", "massacre", "crackdown", "attack", "war", "other", "gathering"),
    "injured": ("protest", "massacre", "crackdown", "attack", "war", "other", "gathering"),
    "arrested": ("protest", "arrest", "crackdown", "other", "gathering"),
    "detained": ("protest", "arrest", "crackdown", "other", "war", "gathering"),
    "executed": ("execution", "massacre"),
    "sentenced_to_death": ("protest", "Case"),
    "death_row": ("protest", "Case"),
}  # sentences after the protest or crackdown under discussion that a bare casualty figure is about
_INSET = re.compile(
    r",\s+(?:most|many|some|all|several|including|among)\b[^,;.]{0,60},"
    r"|,\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+among\s+them,"  # "four people, Bandarenka among them, had died"
)
_PEOPLE_LIST = re.compile(
    r"\b(?:men|women|children|boys|girls|minors)(?:,\s*(?:men|women|children|boys|girls|minors))*,?\s+and\s+"
    r"(?:men|women|children|boys|girls|minors)\b"
)
_ELSEWHERE = re.compile(
    r"\b(?:since\s+(?:(?:early\s+|late\s+|mid-?)?\d{4}|the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?year|"
    r"January)|every\s+year|each\s+year|per\s+year|annually|so\s+far\s+this\s+year|last\s+year)\b",
    re.I,
)
_BACK_REFERENCE = re.compile(r"(?:\b(?:the|these|those|all|its|their|his|her|our|remaining|but)|'s)\s+$", re.I)
_INNER_METRIC = (("dead", "killed"), ("death", "killed"), ("arrest", "arrested"), ("detain", "detained"))
ATTRIBUTION = re.compile(
    r"\b(?:said|says|reported|reports|confirmed|confirms|announced|announces|claimed|claiming|claims|stated|"
    r"estimated|documented|counted|recorded|revealed|released|told|added|wrote|referred\s+to|found|"
    r"acknowledged|admitted|show|shows|showed|put\s+(?:the|its|their)\s+(?:death\s+)?(?:toll|number|figure|tally))\b",
    re.I,
)
# "written by X", "Reporting by X", a line "By X": the author, the claimant of the text's own figures
BYLINE = re.compile(r"(?:\b(?:[Ww]ritten|[Aa]rticle|[Rr]eporting|[Cc]olumn|[Pp]osted|[Ee]dited)\s+by|^\s*By)\s+$", re.M)
_PUTS_FIGURE = re.compile(
    r"\b(?:puts?|raised|revised|updated|lowered|increased)\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+)?"
    r"(?:toll|number|figure|tally|count|estimate)$"
)
_IT_ATTRIBUTION = re.compile(r"^(?:It|it)\b.{0,25}?" + ATTRIBUTION.pattern)
_DIGIT = re.compile(r"\d")
# "confirmed the figure of 42", "arrived at the same figure of 25": a figure stated before, repeated
_REPEATED = re.compile(r"\b(?:figure|toll|tally|count|number|total)\s+(?:of|at)\s+$", re.I)
# every NUMBER match starts at a run of digits or at one of these whole words: its qualifier's first word or
# its first number word (see hrkg.ingest.prefilter.finditer_at)
_NUMBER_STARTS = WordStarts(
    (
        "at", "more", "over", "nearly", "almost", "about", "around", "some", "approximately", "roughly", "up", "as",
        "exactly", "only", "an", "estimated", "fewer", "less", "no", "not", "upwards", "in", "close", "closer",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "a", *_TENS.split("|"),
        *_SMALL.split("|"),
    )
)  # fmt: skip
_DIGITS = re.compile(r"\d+")


def _number_starts(stext: str) -> list[int] | None:
    words = _NUMBER_STARTS(stext)
    return None if words is None else sorted([*words, *(m.start() for m in _DIGITS.finditer(stext))])


# every NUMBER match has a digit or one of these words (see hrkg.ingest.prefilter)
_KW_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fifteen", "nineteen", "twenty", "thirty", "forty", "fifty", "ninety", "hundred", "thousand",
)  # fmt: skip


class ClaimFinder:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.author = self.find_author()
        self.last_protest: str | None = None
        self.last_protest_sentence = -99
        self.recent_events: list[tuple[str, str, int]] = []  # id, kind ("Case" for cases), sentence index
        self.metric: str | None = None
        self.sentence_metric: str | None = None
        self.last_metric: tuple[str, int] | None = None  # the metric of the latest figure, its sentence index
        self.last_agent: str | None = None
        # the execution events of one person each ("the execution of X"), known once the proceedings are read
        self.one_hanged = {e for e, n in Counter(ctx.executions.values()).items() if n == 1}
        self.figures: dict[int, tuple[str, str]] = {}  # value -> (metric, about) of the figures stated so far

    def find_author(self) -> str | None:
        for m in self.ctx.table.mentions():
            if m.type == "Person" and m.kind == "name" and BYLINE.search(self.text, max(0, m.start - 25), m.start):
                return m.entity
        return None

    def run(self) -> list[dict]:
        out: list[dict] = []
        for sent in self.ctx.sentences:
            ms = self.ctx.mentions_in(sent.start, sent.end)
            out.extend(self.sentence_claims(sent, ms))
            for m in ms:
                d = self.ctx.table.drafts.get(m.entity)
                if d is not None and d.type == "Event" and d.kind in _TOPIC_KINDS:
                    self.last_protest = d.id
                    self.last_protest_sentence = sent.index
                if d is not None and d.type in ("Event", "Case"):
                    self.recent_events.append((d.id, d.type if d.type == "Case" else d.kind or "other", sent.index))
        return out

    def metric_for(self, sent: Sentence, m: re.Match[str]) -> str | None:
        text = self.text
        start = sent.start + m.start()
        end = sent.start + m.end()
        before = text[max(sent.start, start - 40) : start]
        nm = _NUMBER_OF.search(text[max(sent.start, start - 70) : start])
        if nm:
            # "put the number of injured police officers at 121": the metric sits inside the noun phrase
            for pattern, metric in _AFTER_METRIC:
                if pattern.search(nm.group(2) + " "):
                    return metric
            inner = nm.group(2).lower()
            for word, metric in _INNER_METRIC:
                if word in inner:
                    return metric
            if nm.group("head").lower() == "toll":
                return "killed"  # "the death toll of the November 2019 protests rose to 304"
        prior = False
        for pattern, metric in _BEFORE_METRIC:
            if pattern.search(before):
                if metric == "_prior":
                    if self.sentence_metric is not None:
                        return self.sentence_metric
                    prior = True
                    break  # "confirmed a figure of 1,500 dead": no figure before, the words after tell
                if metric == "_to_death":
                    to_death = re.search(r"\bto\s+death\b", text[end : min(sent.end, end + 80)])
                    return "sentenced_to_death" if to_death else None
                if metric == "_lookahead":
                    after = text[end : min(sent.end, end + 60)]
                    for p2, metric2 in _AFTER_METRIC:
                        if p2.search(after):
                            return metric2
                    return None
                return metric
        if _TOLL_FAR.search(text, max(sent.start, start - 120), start):
            return "killed"  # "the death toll from the crackdown in Kurdistan had reached at least 42"
        after = _INSET.sub("", text[end : min(sent.end, end + 120)])  # "..., most of them PMOI members, were"
        after = _PEOPLE_LIST.sub("people", after)[:60]  # "304 men, women and children were killed"
        after = _CHARGES.sub("", after)  # "two men convicted of robbery and murder were hanged"
        after = _ASIDE.sub("", after).replace(" shot and killed", " killed")  # "8 people (among them a boy) were"
        after = re.split(r"[;:()]|\b(?:and|but|while|although|whereas)\b|\d", after)[0]
        for pattern, metric in _AFTER_METRIC:
            if pattern.search(after):
                return metric
        if prior and self.last_metric is not None and sent.index - self.last_metric[1] <= 2:
            return self.last_metric[0]  # "Amnesty counted 5,000 dead. HRW said the figure was more than 6,000."
        return None

    def about(self, sent: Sentence, pos: int, ms: list[Mention], year: int | None, value: int = 0) -> str | None:
        events = [m for m in ms if m.type in ("Event", "Case")]
        if value >= 2:
            # "the tenth protester executed since the execution of X": no count is about one person's hanging
            events = [m for m in events if m.entity not in self.one_hanged]
        containing = [e for e in events if e.start <= pos < e.end]
        if containing:
            return containing[0].entity
        if events:
            # the nearest event a figure of this metric can be about ("died in connection with the crackdown, which
            # began after the election": the crackdown), else the nearest
            fits = [e for e in events if self._fits(e.entity)]
            return min(fits or events, key=lambda e: abs(e.start - pos)).entity
        if year:
            for c in self.ctx.clusters:
                if (
                    c.draft is not None
                    and c.draft.type == "Event"
                    and (c.year == year or (c.draft.start_date or "")[:4] == str(year))
                    and (c.draft.known or c.kind != "execution")  # a year's executions are no one hanging's
                ):
                    return c.draft.id
        window = self.text[pos : min(sent.end, pos + 60)].lower()
        if "protester" in window or "demonstrator" in window:
            return self.last_protest
        elsewhere = year or _ELSEWHERE.search(self.text[sent.start : sent.end])
        # the latest event or case under discussion that a figure of this metric can be about
        topical = None
        for eid, kind, idx in reversed(self.recent_events) if not elsewhere else ():
            if sent.index - idx > TOPIC_REACH:
                break
            if kind in _METRIC_KINDS.get(self.metric or "", ()):
                topical = (eid, idx)
                break
        # a casualty or arrest figure with no event of its own, close after the protest or crackdown under
        # discussion, is about that event ("Amnesty said at least 304 people were killed."), unless the text has
        # since named another event it fits (the funeral, the raid)
        if (
            self.metric in ("killed", "injured", "arrested", "detained")
            and self.last_protest is not None
            and not elsewhere
            and sent.index - self.last_protest_sentence <= TOPIC_REACH
        ):
            if topical is not None and topical[1] > self.last_protest_sentence:
                return topical[0]
            return self.last_protest
        return topical[0] if topical else None

    def _fits(self, eid: str) -> bool:
        d = self.ctx.table.drafts.get(eid)
        if d is None:
            return False
        kind = "Case" if d.type == "Case" else d.kind or "other"
        return kind in _METRIC_KINDS.get(self.metric or "", ())

    def _other_year(self, sent: Sentence, n_end: int, about: str) -> bool:
        d = self.ctx.table.drafts.get(about)
        if d is None or not d.start_date:
            return False
        for dt in self.ctx.dates_in(n_end, min(sent.end, n_end + 45)):
            if dt.year and re.match(r"\D{0,35}$", self.text[n_end : dt.start]):
                years = {int(d.start_date[:4])} | ({int(d.end_date[:4])} if d.end_date else set())
                return dt.year not in years and not (min(years) <= dt.year <= max(years))
        return False

    def claimants(self, sent: Sentence) -> list[Source]:
        out = list(self.ctx.sources_of(sent))
        if not out:
            lead = self.text[sent.start : min(sent.end, sent.start + 40)]
            if self.last_agent and _IT_ATTRIBUTION.match(lead):
                out.append(Source(self.last_agent, sent.start, sent.start))
        return out

    def claimants_of(self, claimants: list[Source], n_start: int, n_end: int) -> list[Source]:
        """The sources a figure belongs to: the latest one named before it ("A estimates 5,000, while B puts the
        number at 30,000": 30,000 is B's) and any stated after it with no other figure in between ("96, a figure
        confirmed by B": A's and B's)."""
        before = [c for c in claimants if c.at <= n_start]
        after = [
            c
            for c in claimants
            if c.at > n_start
            and not self._figure_between(n_end, c.at)
            and not _PUTS_FIGURE.search(self.text, max(0, c.pos - 60), c.pos)  # "B puts the number at ...": B's own
        ]
        return before[-1:] + after

    def _figure_between(self, start: int, end: int) -> bool:
        """A number between two positions that is not part of a date."""
        gap = list(self.text[start:end])
        for d in self.ctx.dates_in(start, end):
            gap[max(0, d.start - start) : d.end - start] = " " * (min(d.end, end) - max(d.start, start))
        return _DIGIT.search("".join(gap)) is not None

    def sentence_claims(self, sent: Sentence, ms: list[Mention]) -> list[dict]:
        text = self.text
        stext = text[sent.start : sent.end]
        results: list[dict] = []
        figures = _DIGIT.search(stext) or has_any(folded(stext), _KW_NUMBER_WORDS)
        claimants = self.claimants(sent) if figures else []  # (before last_agent moves on)
        orgs = [m for m in ms if m.type == "Organisation" and not m.generic]
        if orgs:
            self.last_agent = orgs[0].entity
        if not figures:
            return results
        dates = self.ctx.dates_in(sent.start, sent.end)
        date_spans = [(d.start, d.end) for d in dates]
        self.sentence_metric: str | None = None
        for m in finditer_at(NUMBER, stext, _number_starts(stext)):
            g = "n" if m.group("n") else "w"
            n_start = sent.start + m.start(g)
            n_end = sent.start + m.end(g)
            if any(s <= n_start < e for s, e in date_spans):
                continue
            raw = m.group(g)
            if g == "n" and re.fullmatch(r"(?:1[89]|20)\d\d", raw):
                continue
            if _NOT_COUNT.match(text[n_end : n_end + 14]) or text[n_end : n_end + 2] in ("th", "st", "nd", "rd"):
                continue
            if re.search(r"[A-Za-z]\s*,\s*$", text[max(sent.start, n_start - 3) : n_start]) and re.match(
                r"\s*,", text[n_end : n_end + 2]
            ):
                continue  # "Sina Arjomandi-Pour, 17, was killed": an age in apposition, not a count
            if g == "w" and (
                _BACK_REFERENCE.search(text[max(sent.start, n_start - 10) : n_start])
                or re.search(r"[A-Z][\w'-]+\s+and\s+$", text[max(sent.start, n_start - 30) : n_start])
            ):
                continue  # "the four men were hanged": a reference back, not a new figure
            value = int(raw.replace(",", "")) if g == "n" else word_value(raw)
            if value is None:
                continue
            if value < 2:
                continue
            metric = self.metric_for(sent, m)
            earlier = self.figures.get(value)
            lead = text[max(sent.start, n_start - 40) : sent.start + m.start()]
            repeated = earlier is not None and _REPEATED.search(lead)
            if repeated:
                metric = earlier[0]  # "KHRN confirmed the figure of 42": the 42 killed stated before
            if metric is None:
                continue
            if metric == "injured" and re.search(r"\bfatal", text[n_end : min(sent.end, n_end + 60)], re.I):
                continue  # "two suffered fatal head injuries" counts deaths, not injuries
            self.sentence_metric = metric
            self.last_metric = (metric, sent.index)
            # "In June 2020 X said that 230 people had been killed": a date before the speaker dates the statement
            said_at = max((c.pos for c in claimants if 0 <= c.pos <= n_start), default=sent.start)
            # only a year the sentence states picks an event ("on Monday" says nothing about which one)
            years = [d.year for d in dates if d.year and d.explicit_year and d.start >= said_at]
            year = min(years, key=lambda y: 0) if len(set(years)) == 1 else None
            if len(set(years)) > 1:
                near = min(
                    (d for d in dates if d.year and d.explicit_year and d.start >= said_at),
                    key=lambda d: abs(d.start - n_start),
                )
                year = near.year
            self.metric = metric
            about = earlier[1] if repeated else self.about(sent, n_start, ms, year, value)
            if about is not None and self._other_year(sent, n_end, about):
                continue  # "834 people were executed in 2023" next to a 2022 event is a statistic
            if about is None:
                continue
            self.figures.setdefault(value, (metric, about))
            q = m.group("q")
            qualifier = QUALIFIERS.get(re.sub(r"\s+", " ", q.strip().lower())) if q else None
            if m.group("odd"):
                qualifier = "about" if "odd" in m.group("odd") else "more than"
            stated = [(c.entity, c.pos) for c in self.claimants_of(claimants, n_start, n_end)]
            who: list[tuple[str | None, int]] = stated or [(self.author, -1)]
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
                        "stated": pos >= 0,  # said so in the sentence, not the author's own figure
                    }
                )
        return results


def find_claims(ctx: DocContext) -> list[dict]:
    return ClaimFinder(ctx).run()
