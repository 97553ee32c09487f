"""Events and cases named the way analysts name them.

Event mentions are noun phrases around trigger nouns (protests, uprising, massacre, election, bomb
attack, shooting down, detention of X, execution of X, crackdown, killings, ...), extended to the left over
modifiers and a possessor ("the regime's sham parliamentary elections") and to the right over "of ..."
and time or place phrases ("protests in November 2019", "taking place in the Islamic Republic").
Mentions are clustered into events by kind and date (protests of one month are one event; a "second
wave" is a new one; "the uprising" or "that tragic event" refers back), linked to the authority file by
alias or by kind and date, and otherwise named "<Month Year> protests", "<Year> massacre",
"Execution of X", "Trial of X". Cases are trials and proceedings against a named person.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from hrkg.ingest.dates import MONTHS, DateMention
from hrkg.ingest.entities import Draft, EntityTable, Mention
from hrkg.ingest.gazetteer import Gazetteer, Hit
from hrkg.ingest.lexicon import FUNCTION_WORDS
from hrkg.ingest.names import fold
from hrkg.ingest.prefilter import WordStarts, finditer_at

_HEAD = re.compile(
    r"\b(?P<head>protest movement|protests|protest|uprisings?|demonstrations|unrest|crackdown|massacres?|"
    r"genocide|mass killings?|killings?|slaughter|executions?|hangings?|elections?|bomb attack|bombing|bomb plot|"
    r"terrorist attack|attack|air\s?strikes?|raids?|shelling|bombardment|shooting down|shootdown|downing|detention|"
    r"arrest|trial|retrial|prosecution|proceedings|case|tragic event|"
    r"strikes?|stoppage|event|atrocity|atrocities|wave of protests|coup|civil war|war(?!\s+crim)|sit-in|"
    r"hunger strikes?|march|vigil|funeral|commemoration|memorial service|conference|assassination|dispersal|"
    r"prisoner (?:exchange|swap))\b",
    re.I,
)
_DEATH_OF = re.compile(
    r"\s*,?\s*(?:(?:that|which)\s+(?:\w+\s+){0,2}?)?(?:over|after|following|followed|sparked\s+by|triggered\s+by)\s+(?:the\s+)?"
    r"(?:suspicious\s+)?(?:death|killing)\s+(?:in\s+(?:police\s+)?custody\s+)?of\s+(?:(?:the\s+)?[\w-]+(?:-year-old)?\s+){0,3}?"
)
_EXECUTED = re.compile(r"\b(?:executed|hanged|execution\s+of|put\s+to\s+death)\b", re.I)
_HEAD_AT_END = re.compile(_HEAD.pattern + r"$", re.I)
_LEFT_WORD = re.compile(r"([\w'-]+)\s*$")
_GLUED_WORDS = re.compile(r"[a-z][A-Z]")


def _left_word(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``_LEFT_WORD.search(text, lo, hi)`` without trying every offset from ``lo``: a match can only start
    where the run of word characters, apostrophes and hyphens before the trailing white space starts."""
    i = hi
    while i > lo and text[i - 1].isspace():
        i -= 1
    j = i
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in "_'-"):
        j -= 1
    return _LEFT_WORD.match(text, j, hi) if j < i else None


_LEFT_STOP = FUNCTION_WORDS | frozenset(
    [
        # headline verbs: "Sweden frees 1988 massacre perpetrator", "UN report tallies Iraq's protest killings"
        "frees",
        "tallies",
        "condemns",
        "urges",
        "marks",
        "slams",
        "warns",
        "denies",
        "confirms",
        "accuses",
        "faces",
        "demands",
        "recalls",
        "remembers",
        "commemorates",
        "reported",
        "reporting",
        "report",
        "reports",
        "refers",
        "referred",
        "confirmed",
        "announced",
        "said",
        "says",
        "killed",
        "arrested",
        "executed",
        "highlighted",
        "condemned",
        "condemn",
        "emphasized",
        "emphasised",
        "underlined",
        "documented",
        "covered",
        "during",
        "including",
        "over",
        "against",
        "amid",
        "following",
        "after",
        "before",
        "since",
        "about",
        "into",
        "on",
        "in",
        "at",
        "of",
        "by",
        "with",
        "from",
        "and",
        "or",
        "but",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "took",
        "taking",
        "take",
        "led",
        "caused",
        "sparked",
        "triggered",
        "continued",
        "continue",
        "saw",
        "see",
        "witnessed",
        "ended",
        "began",
        "erupted",
        "following",
        "despite",
        "drew",
        "prompted",
        "provoked",
        "spurred",
        "fuelled",
        "fueled",
        "followed",
        "faced",
        "joined",
        "staged",
        "attended",
    ]
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_HYPOTHETICAL = frozenset({"another", "next", "new", "future", "similar", "any", "further", "other"})
_ADJ_KEEP = frozenset(
    {
        "nationwide",
        "national",
        "mass",
        "deadly",
        "bloody",
        "major",
        "failed",
        "sham",
        "parliamentary",
        "presidential",
        "prison",
        "bomb",
        "student",
        "water",
        "fuel",
    }
)
_OF_STOP = re.compile(
    r"(?<!\d),|,(?!\d)|[;:.!?\"()]|\b(?:who|which|that|and|but|after|before|because|while|when|where|as|for|with|"
    r"killed|killing|left|wounded|injured|was|were|is|are|has|have|had|took|destroyed|hit|struck|sparked|began)\b"
)
_RIGHT_PP = re.compile(
    r"(?:\s+(?:(?:that|which)\s+)?(?:took place|taking place|takes place|occurred|erupted|began|broke out)?\s*"
    r"(?:in|on|across|between|from|during|since)\s+(?P<obj>(?:the\s+)?[A-Z0-9][\w'-]*(?:\s+(?:of\s+|and\s+|to\s+)?[A-Z0-9][\w'-]*){0,5}))+"
)
KIND_OF_HEAD = {
    "protest movement": "protest", "protests": "protest", "protest": "protest", "uprising": "protest",
    "uprisings": "protest", "demonstrations": "protest", "unrest": "protest", "wave of protests": "protest",
    "crackdown": "crackdown", "massacre": "massacre", "massacres": "massacre", "genocide": "massacre",
    "mass killings": "massacre", "mass killing": "massacre", "killings": "killing", "killing": "killing",
    "slaughter": "killing", "execution": "execution", "executions": "execution",
    "hanging": "execution", "hangings": "execution", "election": "election",
    "elections": "election", "bomb attack": "attack", "bombing": "attack", "bomb plot": "attack",
    "terrorist attack": "attack", "attack": "attack", "shooting down": "attack", "shootdown": "attack",
    "airstrike": "attack", "airstrikes": "attack", "air strike": "attack", "air strikes": "attack", "raid": "attack",
    "raids": "attack", "shelling": "attack", "bombardment": "attack",
    "downing": "attack", "detention": "arrest", "arrest": "arrest", "trial": "trial", "case": "case",
    "retrial": "trial", "prosecution": "trial", "proceedings": "trial",
    "strike": "strike", "strikes": "strike", "stoppage": "strike",
    "coup": "coup", "civil war": "war", "war": "war", "sit-in": "protest",
    "hunger strike": "gathering", "hunger strikes": "gathering", "march": "gathering", "vigil": "gathering",
    "funeral": "gathering", "commemoration": "gathering", "memorial service": "gathering", "conference": "gathering",
    "prisoner exchange": "gathering", "prisoner swap": "gathering", "assassination": "killing",
    "dispersal": "crackdown",
    "tragic event": "anaphor", "event": "anaphor", "atrocity": "anaphor", "atrocities": "anaphor",
}  # fmt: skip
# every _HEAD match starts with the first word (run of \w) of one of its heads, all of which KIND_OF_HEAD lists
_HEAD_STARTS = WordStarts(re.match(r"\w+", head).group() for head in KIND_OF_HEAD)  # type: ignore[union-attr]


_KIN = re.compile(
    r"\b(?:father|mother|son|daughter|brother|sister|wife|husband|relatives?|family|lawyer|children|parents|cousins?)\b"
)
_KIN_OWNED = re.compile(r"(?:'s|\u2019s)\s+(?:[a-z]+\s+)?" + _KIN.pattern)
_OF_AFTER = re.compile(r"\s+(?:of|against|on)\s+")
_COORD = re.compile(r"(?:the\s+)?(?:mass\s+)?[\w-]+\s+[\w-]+\s+and\s+$")
_POSSESSOR = re.compile(r"[\w'-]+\s+")
_LONG_MONTHS = [(re.compile(r"\b" + name + r"\b", re.I), num) for name, num in MONTHS.items() if len(name) > 3]
_ANY_LONG_MONTH = re.compile(r"\b(?:" + "|".join(name for name in MONTHS if len(name) > 3) + r")\b", re.I)


def _month_named(s: str) -> int | None:
    """The first month of MONTHS whose name (of more than three letters) is a word of ``s``."""
    if not _ANY_LONG_MONTH.search(s):
        return None
    return next((num for pattern, num in _LONG_MONTHS if pattern.search(s)), None)


MONTH_NAME = {v: max((k for k, n in MONTHS.items() if n == v), key=len).title() for v in set(MONTHS.values())}


@dataclass
class EventNP:
    start: int
    end: int
    text: str
    kind: str
    head: str
    variants: list[str]
    year: int | None = None
    month: int | None = None
    date_value: str | None = None
    person: str | None = None  # entity id for "execution/trial/detention of X"
    victims: bool = False  # "of 1,500 protesters"
    protesters: bool = False
    new_wave: bool = False
    anaphoric: bool = False
    place: str | None = None
    inferred_year: int | None = None  # year from the reference date, used only if no event of the text gives one


@dataclass
class Cluster:
    kind: str
    year: int | None
    month: int | None
    nps: list[EventNP] = field(default_factory=list)
    person: str | None = None
    draft: Draft | None = None
    first: int = 0
    place: str | None = None  # a place named inside one of its phrases ("the protests in Zahedan")
    known: str | None = None  # the authority event one of its phrases names
    year_inferred: bool = False  # the year comes from the publication date, not from the text


class EventFinder:
    def __init__(
        self, gz: Gazetteer, text: str, table: EntityTable, dates: list[DateMention], main_country: str | None
    ) -> None:
        self.gz = gz
        self.text = text
        self.table = table
        self.dates = dates
        self._date_starts = [d.start for d in dates]
        self.main_country = main_country
        self._sentence_starts: list[int] = []
        self.mentions = sorted(table.mentions(), key=lambda m: m.start)
        self._m_starts = [m.start for m in self.mentions]
        self.clusters: list[Cluster] = []

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._m_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        i = bisect.bisect_left(self._date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    # ---- noun phrases
    def _sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    def find_nps(self, sentences: list[tuple[int, int]]) -> list[EventNP]:
        text = self.text
        nps: list[EventNP] = []
        s_starts = [s for s, _ in sentences]
        self._sentence_starts = s_starts
        for m in finditer_at(_HEAD, text, _HEAD_STARTS(text)):
            head = m.group("head").lower()
            si = bisect.bisect_right(s_starts, m.start()) - 1
            s_start, s_end = sentences[si] if si >= 0 else (0, len(text))
            np = self.build_np(m, head, s_start, s_end)
            if np is not None:
                nps.append(np)
        return nps

    def known_nps(self, hits: list[Hit], nps: list[EventNP]) -> list[EventNP]:
        """Known events named without an event word ("Bloody Friday", "Woman, Life, Freedom") from the dictionary."""
        out: list[EventNP] = []
        for h in hits:
            known = self.gz.authority.get(h.keys[0]) if h.source == "authority" else None
            if known is None or known.type != "Event" or not h.text[:1].isupper():
                continue
            if any(n.start < h.end and h.start < n.end for n in nps):
                continue
            year = int(known.start_date[:4]) if known.start_date else None
            out.append(EventNP(h.start, h.end, h.text, known.kind or "other", h.text.lower(), [h.text], year=year))
        return out

    def build_np(self, m: re.Match[str], head: str, s_start: int, s_end: int) -> EventNP | None:
        text = self.text
        if m.start() > 0 and text[m.start() - 1] == "-":
            return None  # "post-election", "anti-war": the word modifies another head
        kind = KIND_OF_HEAD[head]
        start = m.start()
        end = m.end()
        mods: list[str] = []
        det: str | None = None
        possessor_start: int | None = None
        pronoun_person: str | None = None
        pos = start
        while pos > s_start:
            w = _left_word(text, s_start, pos)
            if not w or text[w.end() : pos].strip() not in ("",):
                break
            word = w.group(1)
            low = word.lower()
            if _GLUED_WORDS.search(word):
                return None  # "HomeIran News NowIran Protests": a site's navigation, not an event
            if low in _DETERMINERS:
                det = low
                start = w.start()
                break
            if low in ("his", "her") and kind in ("trial", "case"):
                # "His trial in Sweden opened in August 2021": the person the text was just about
                back = [x for x in self.mentions_in(max(0, w.start() - 400), w.start()) if x.type == "Person"]
                if back:
                    pronoun_person = back[-1].entity
                det = low
                start = w.start()
                break
            if low in _HYPOTHETICAL:
                return None
            if word.endswith(("'s", "'")) and possessor_start is None:
                # "the regime's shooting down": the possessor belongs to the full form only
                possessor_start = w.start()
                pos = w.start()
                start = w.start()
                continue
            if low in _LEFT_STOP or len(mods) >= 4 or (re.fullmatch(r"\d[\d,]*", word) and len(word) != 4):
                break
            if low.endswith(("ed", "ing")) and low not in _ADJ_KEEP and not low.endswith("-led"):
                break
            mods.insert(0, word)
            start = w.start()
            pos = w.start()
        # coordination: "the mass enforced disappearances and extrajudicial executions"
        coord = (
            _COORD.search(text[max(s_start, start - 40) : start])
            if kind in ("execution", "killing") and det is None
            else None
        )
        if coord and text[max(s_start, start - 40) : start].lower().startswith("the"):
            start = max(s_start, start - 40) + coord.start()
            det = "the"
        # right side
        of_person: str | None = pronoun_person
        if possessor_start is not None and kind in ("case", "trial", "execution", "arrest"):
            # "Ahmadreza Djalali's case", "Sharmahd's execution": the possessor is the person
            apos = possessor_start + len(re.match(r"[\w-]+", text[possessor_start:]).group())  # type: ignore[union-attr]
            owner = next(
                (x for x in self.mentions_in(max(s_start, apos - 80), apos) if x.type == "Person" and x.end == apos),
                None,
            )
            if owner is not None:
                of_person = owner.entity
                start = min(start, owner.start)
                mods = [w for w in mods if w not in text[owner.start : owner.end].split()]
        victims = protesters = False
        dated = None
        kin_of: str | None = None
        m_of = _OF_AFTER.match(text, end)  # in place, not on a copy of the rest of the text
        if m_of and kind not in ("anaphor",):
            rest_start = m_of.end()
            stop = _OF_STOP.search(text, rest_start, s_end)
            rest_end = stop.start() if stop else s_end
            rest_end = min(rest_end, rest_start + 90)
            # "the trial of the 31-year-old teacher and poet, Leyla Moradkhani": up to the person's name
            if kind in ("case", "trial", "execution", "arrest") and re.match(r"(?:him|her)\b", text[rest_start:]):
                # "the case against him": the person the text is about so far
                named = Counter(x.entity for x in self.mentions_in(0, rest_start) if x.type == "Person")
                if named:
                    of_person = named.most_common(1)[0][0]
                    rest_end = rest_start + 3
            elif kind in ("case", "trial", "execution", "arrest", "killing"):
                window_end = min(s_end, rest_start + 90)
                person = next((x for x in self.mentions_in(rest_start, window_end) if x.type == "Person"), None)
                if person is not None and not re.search(r"[.;:]", text[rest_start : person.start]):
                    # "the detention of X's father", "the arrest of the father of X": a relative of X's
                    kin = text.startswith(("'s", "\u2019s"), person.end) or _KIN.search(text, rest_start, person.start)
                    rest_end = person.end
                    if kin and kind == "arrest":
                        kin_of = person.entity
                        owned = _KIN_OWNED.match(text, person.end)  # "Mahsa Amini's father"
                        rest_end = owned.end() if owned else rest_end
                    elif not kin:
                        of_person = person.entity
            # "the election of 9 August 2020", "the massacre of 5 June 1989": a date, up to its end
            dated = next((d for d in self.dates_in(rest_start, rest_end) if d.start == rest_start and d.value), None)
            if dated is not None:
                rest_end = dated.end
            obj = text[rest_start:rest_end].strip()
            victims = dated is None and bool(re.match(r"(?:at least |more than |over |some |about )?\d[\d,]*", obj))
            protesters = "protester" in obj.lower() or "demonstrator" in obj.lower()
            wanted = (
                of_person
                or kin_of
                or victims
                or protesters
                or dated is not None
                or kind in ("attack", "massacre", "killing", "crackdown", "protest")
            )
            if wanted and obj and not re.match(r"^(?:its|his|her|their|our|the death|death)\b", obj):
                end = rest_start + len(text[rest_start:rest_end].rstrip(" ,"))
        pp = _RIGHT_PP.match(text, end, s_end)  # bounded: "in November 2019\n\nIn ..." stops at the line end
        if pp:
            end = pp.end()
        # the date of the phrase
        year = month = None
        inferred_year = None
        date_value = None
        for d in self.dates_in(start, end):
            if d.value or d.month:
                month = d.month if d.value is None or len(d.value) >= 7 else None
                if d.value is None and d.month:
                    month = d.month
                if d.explicit_year:
                    date_value = d.value
                    year = d.year
                else:
                    # "between 15 and 19 November": the year is settled against the document's other
                    # events of the same kind first, the publication date only as a fallback
                    inferred_year = d.year
        for w in re.findall(r"\b(?:19|20)\d\d\b", text[start:end]):
            year = year or int(w)
        if month is None:
            month = _month_named(text[start:end])
        if year is None and (victims or kind in ("massacre",)):
            near = [d for d in self.dates_in(max(s_start, start - 40), start) if d.year and not d.month]
            if near:
                year = near[-1].year
        words = {w.lower() for w in mods}
        np_text = text[start:end]
        anaphoric = kind == "anaphor" or (
            det in ("the", "this", "that")
            and not mods
            and not of_person
            and not victims
            and year is None
            and month is None
            and kind in ("protest", "crackdown", "killing", "massacre", "strike", "gathering")
        )
        if kind == "strike" and words & {"hunger", "air", "drone", "missile", "military"}:
            return None
        if kind == "strike" and not (mods or anaphoric or year or month):
            return None
        if kind == "strike" and head == "stoppage" and not anaphoric:
            return None
        dated_mass = False
        # "the Shiraz executions", "the Ghezel Hesar executions of March 2024": a town's or a prison's one event
        placed = kind == "execution" and any(x.type == "Place" for x in self.mentions_in(start, m.start()))
        if kind == "execution" and (words & {"mass", "group"} or placed):
            # "the mass execution of March 2022": the date right after names one event
            at = re.match(r"\s+(?:at|in)\s+(?:the\s+)?", text[end : end + 10])
            where = at and next((x for x in self.mentions_in(end, min(s_end, end + 60)) if x.type == "Place"), None)
            if where is not None and where.start == end + at.end():  # type: ignore[union-attr]
                end = where.end  # "the mass hanging at Ghezel Hesar on 7 August 2024"
                placed = True
            after = next((d for d in self.dates_in(end, min(s_end, end + 30)) if d.value), None)
            if after is not None and re.fullmatch(r"\s+(?:of|in|on)\s+", text[end : after.start]):
                end = after.end
                year = year or (after.year if after.explicit_year else None)
                month = month or after.month
                np_text = text[start:end]
                dated_mass = year is not None
        if kind == "execution" and (placed or words & {"mass", "group"}) and (dated or (placed and det == "the")):
            dated_mass = True  # "the mass execution of March 2022" (the date read with "of" above)
        if kind == "execution" and placed and (year or month):
            dated_mass = True
        if kind == "execution" and not (of_person or victims or dated_mass):  # "67 executions in 2021": a statistic
            return None  # ("the mass execution of March 2022" is one event)
        if (
            kind == "execution"
            and victims
            and not of_person
            and month is None
            and re.search(r"\b(?:months?|years?|weeks|since|so\s+far|first|past|last)\b", np_text, re.I)
            and self.gz.lookup(np_text, "Event") is None
        ):
            return None  # "the executions of 87 prisoners in the first seven months of 2024": a tally over a period
        if kind == "killing" and not (protesters or victims or "mass" in words or year or anaphoric or of_person):
            return None
        if kind == "arrest" and not (of_person or kin_of) and (not (year or month) or not protesters):
            return None
        # "the so-called Ekbatan case" is one; "the case", "a Swedish case" are not
        named = (
            kind == "case"
            and det in ("the", None)
            and any(w[:1].isupper() and not self.gz.demonyms.get(fold(w)) for w in mods)
        )
        if kind in ("trial", "case") and not of_person and not named and self.gz.lookup(np_text, "Case") is None:
            return None
        if kind == "attack" and not (mods or m_of) and head in ("attack", "raid", "raids", "shelling"):
            return None
        if kind == "election" and not (
            words & {"parliamentary", "presidential", "general", "local", "municipal"} or year
        ):
            return None
        named_crackdown = any("-" in w or w[:1].isupper() for w in mods)  # "the post-election crackdown"
        if kind == "crackdown" and not (protesters or year or month or anaphoric or m_of or named_crackdown):
            return None
        if kind == "war" and not (year or any(w[:1].isupper() or w.lower() == "civil" for w in mods)):
            return None  # "the Syrian civil war", "the 1980-88 war"; not "a war" or "war crimes"
        if kind == "coup" and not (det or mods or year or month):
            return None
        if head == "march" and re.search(r"\d\s+march|march\s+\d", text[max(0, start - 3) : m.end() + 3], re.I):
            return None  # "March 2024", "4 March": the month
        if kind == "gathering" and not (det or mods or possessor_start is not None or of_person):
            return None  # "a march", "hunger strike" as a bare word: no particular one
        variants = self.variants(start, end, m.start(), possessor_start, det)
        if kind == "protest":
            # "the protests that erupted after the death of Mahsa Amini": known as "Mahsa Amini protests"
            dm = _DEATH_OF.match(text, end, s_end)
            who = dm and next((x for x in self.mentions_in(dm.end(), dm.end() + 60) if x.type == "Person"), None)
            if who is not None and who.start == dm.end():  # type: ignore[union-attr]
                variants.append(f"{self.table.drafts[who.entity].name} protests")
        if kind in ("protest", "massacre", "crackdown", "killing", "attack"):
            # a known event's name that punctuation cut from the phrase: "the Woman, Life, Freedom uprising"
            w0 = max(s_start, start - 40)
            for h in self.gz.find(text[w0 : m.start()]):
                known = self.gz.authority.get(h.keys[0]) if h.source == "authority" else None
                if known is not None and known.type == "Event" and w0 + h.end >= start - 1 and w0 + h.start < start:
                    start = w0 + h.start
                    variants.insert(0, h.text)
                    break
        new_wave = bool(re.search(r"\b(?:second|third|new|fresh|renewed)\s+wave\b", np_text, re.I))
        place = next(
            (x.entity for x in self.mentions_in(start, end) if x.type == "Place" and x.entity != self.main_country),
            None,
        )
        return EventNP(
            start,
            end,
            np_text,
            kind,
            head,
            variants,
            year,
            month,
            date_value,
            of_person,
            victims,
            protesters,
            new_wave,
            anaphoric,
            place=place,
            inferred_year=inferred_year,
        )

    def variants(
        self, start: int, end: int, head_start: int, possessor_start: int | None, det: str | None
    ) -> list[str]:
        text = self.text
        full = text[start:end].strip(" ,")
        out = [full]
        core_start = start
        if det is not None:
            core_start = start + len(det) + 1
        if possessor_start is not None:
            pe = _POSSESSOR.match(text, possessor_start)
            core_start = pe.end() if pe else possessor_start
        core = text[core_start:end].strip(" ,")
        if core and core not in out:
            out.append(core)
        # drop evaluative adjectives before a classifying one: "sham parliamentary elections"
        head_part = text[head_start:end].strip(" ,")
        prev = _left_word(text, core_start, head_start)
        if prev:
            minimal = text[prev.start() : end].strip(" ,")
            if minimal not in out:
                out.append(minimal)
        if head_part not in out:
            out.append(head_part)
        # without the trailing phrase: "a failed bomb attack on a rally ..." -> "a failed bomb attack"
        space = text.find(" ", head_start)
        head_end = space if space != -1 else len(text)
        m_head = _HEAD.match(text, head_start)
        if m_head:
            head_end = m_head.end()
        # ... and without it from the other forms: "presidential election", "election"
        for short in (text[start:head_end], text[core_start:head_end], text[head_start:head_end]):
            short = short.strip(" ,")
            if short and short not in out:
                out.append(short)
        return out

    def known_id(self, np: EventNP) -> str | None:
        """The authority event a phrase names, if any ("the 1988 massacre")."""
        etype = "Case" if np.kind in ("trial", "case") else "Event"
        for v in np.variants:
            known = self.gz.lookup(v, etype)
            if known is not None:
                return known.id
        return None

    # ---- clusters
    def cluster(self, nps: list[EventNP]) -> None:
        last_by_kind: dict[str, Cluster] = {}
        last_any: Cluster | None = None
        for np in sorted(nps, key=lambda n: n.start):
            kind = np.kind
            if kind in ("trial", "case"):
                c = self._cluster_for_person(kind, np)
                last_any = c
                continue
            if kind == "massacre" and np.head.lower() in ("mass killing", "mass killings", "slaughter"):
                protest = last_by_kind.get("protest")
                if np.protesters or (
                    protest is not None
                    and np.month
                    and protest.month == np.month
                    and (np.year is None or protest.year in (None, np.year))
                ):
                    kind = "crackdown"
            if kind == "killing" and np.person:
                # "the killing of Ghobadlou": his execution when the text tells of one, otherwise a death, no event
                if not _EXECUTED.search(self.text):
                    continue
                kind = "execution"
            if kind in ("crackdown", "killing"):
                protest = last_by_kind.get("protest")
                if (protest is not None and _compatible(protest, np)) or np.protesters or kind == "crackdown":
                    kind = "protest"
                elif np.victims or np.year:
                    kind = "massacre"
                elif np.anaphoric and last_any is not None:
                    last_any.nps.append(np)
                    continue
                else:
                    continue
            if kind == "execution" and np.victims:
                kind = "massacre"
            if kind == "arrest" and np.protesters:
                kind = "protest"
            if kind == "anaphor":
                if last_any is not None:
                    last_any.nps.append(np)
                continue
            target: Cluster | None = None
            if kind in ("execution", "arrest", "attack") and np.person:
                target = next((c for c in self.clusters if c.kind == kind and c.person == np.person), None)
            elif kind in ("protest", "massacre", "election", "strike", "coup", "war"):
                if np.new_wave:
                    target = None
                elif np.year or np.month:
                    target = next(
                        (
                            c
                            for c in reversed(self.clusters)
                            if c.kind == kind and _compatible(c, np) and c.known == self.known_id(np)
                        ),
                        None,
                    )
                elif (known := self.known_id(np)) is not None:
                    target = next((c for c in self.clusters if c.kind == kind and c.known in (None, known)), None)
                    if target is not None and target.known is None and (target.year or target.month):
                        target = None  # a dated event of the text is not the named one ("the Mahsa Amini protests")
                else:
                    target = last_by_kind.get(kind) or next((c for c in self.clusters if c.kind == kind), None)
            elif kind in ("attack", "gathering"):
                target = last_by_kind.get(kind) if np.anaphoric else None
            if target is None:
                if np.anaphoric and kind not in ("protest",) and last_any is not None:
                    last_any.nps.append(np)
                    continue
                target = Cluster(kind, np.year, np.month, person=np.person, first=np.start)
                self.clusters.append(target)
            else:
                target.year = target.year or np.year
                target.month = target.month or np.month
            target.place = target.place or np.place
            target.known = target.known or self.known_id(np)
            target.nps.append(np)
            last_by_kind[kind] = target
            last_any = target
        self._settle_inferred_years()
        # undated protest clusters that precede a dated one of the same kind are the same event
        for c in list(self.clusters):
            if c.kind in ("protest", "massacre") and c.year is None and c.month is None:
                other = next((o for o in self.clusters if o is not c and o.kind == c.kind), None)
                if (
                    other is not None
                    and sum(1 for o in self.clusters if o.kind == c.kind) == 2
                    and (c.known is None or other.known is None or c.known == other.known)
                    and (c.place is None or other.place is None or c.place == other.place)
                ):
                    other.nps.extend(c.nps)
                    self.clusters.remove(c)

    def _settle_inferred_years(self) -> None:
        """A month-only event joins an event of the same kind and month whose year the text states;
        only when there is none does it take the year inferred from the publication date."""
        for c in list(self.clusters):
            if c.year is not None or c.month is None:
                continue
            same = next(
                (o for o in self.clusters if o is not c and o.kind == c.kind and o.month == c.month and o.year),
                None,
            )
            if same is not None:
                same.nps.extend(c.nps)
                same.first = min(same.first, c.first)
                self.clusters.remove(c)
                continue
            # "the second wave of protests in January against the shooting down of Flight 752": the year of a
            # dated event the same sentence ties it to
            mine = {self._sentence_of(np.start) for np in c.nps}
            tied = next(
                (
                    year
                    for o in self.clusters
                    if o is not c
                    and (year := self._stated_year(o))
                    and o.month in (None, c.month)
                    and any(self._sentence_of(n.start) in mine for n in o.nps)
                ),
                None,
            )
            if tied is not None:
                c.year = tied
                continue
            inferred = next((np.inferred_year for np in c.nps if np.inferred_year), None)
            if inferred is not None:
                c.year = inferred
                c.year_inferred = True

    def _stated_year(self, c: Cluster) -> int | None:
        """The year of an event the text dates, or of the known event it names."""
        if c.year and not c.year_inferred:
            return c.year
        known = self.gz.authority.get(c.known) if c.known else None
        return int(known.start_date[:4]) if known is not None and known.start_date else None

    def _cluster_for_person(self, kind: str, np: EventNP) -> Cluster:
        key = "trial" if kind == "trial" else "case"
        c = next(
            (
                c
                for c in self.clusters
                if c.kind == key
                and (c.person == np.person or (np.person is None and c.nps and fold(c.nps[0].text) == fold(np.text)))
            ),
            None,
        )
        if c is None:
            c = Cluster(key, np.year, np.month, person=np.person, first=np.start)
            self.clusters.append(c)
        c.nps.append(np)
        return c

    # ---- naming and linking
    def materialise(self) -> list[Cluster]:
        for c in self.clusters:
            etype = "Case" if c.kind in ("trial", "case") else "Event"
            known = None
            for np in c.nps:
                for v in np.variants:
                    known = self.gz.lookup(v, etype)
                    if known is not None:
                        break
                if known is not None:
                    break
            if known is None and etype == "Event":
                known = self._known_by_date(c)
            name = self.name(c)
            if known is None and name:
                known = self.gz.lookup(name, etype)
            if known is not None:
                draft = self.table.from_known(known)
            elif name and etype == "Case" and c.person and c.person in self.table.drafts:
                slug = c.person.split("/", 1)[1]
                eid = f"case/{slug}-{'trial' if c.kind == 'trial' else 'case'}"
                draft = self.table.drafts.get(eid) or Draft(eid, "Case", name)
                self.table.drafts[eid] = draft
            elif name:
                draft = self.table.get_or_create(etype, name, link=False)
            else:
                continue
            if not draft.known:
                draft.kind = _EVENT_KIND.get(c.kind) if etype == "Event" else None
                if c.year:
                    draft.start_date = f"{c.year:04d}-{c.month:02d}" if c.month else f"{c.year:04d}"
            c.draft = draft
            for np in c.nps:
                self.table.add_mention(draft, np.start, np.end, np.text, kind="event" if etype == "Event" else "case")
                draft.aliases.update(v for v in np.variants if len(v) > 3)
            if c.kind == "attack" and c.place and c.place in self.table.drafts and not draft.known:
                head = c.nps[0].head
                draft.aliases.add(f"{_title(head)} on {self.table.drafts[c.place].name}")  # "Airstrike on Pazigyi"
        return [c for c in self.clusters if c.draft is not None]

    def _known_by_date(self, c: Cluster) -> object | None:
        if c.year is None:
            return None
        kind = _EVENT_KIND.get(c.kind)
        prefix = f"{c.year:04d}" + (f"-{c.month:02d}" if c.month else "")
        words = {w.lower() for np in c.nps for w in re.findall(r"[a-z]+", np.text.lower())}
        cands = []
        for e in self.gz.dated_events:
            if e.type != "Event" or e.kind != kind or not e.start_date:
                continue
            if not (e.start_date.startswith(prefix) or (c.month is None and e.start_date[:4] == prefix[:4])):
                continue
            if kind == "election" and not ({"presidential", "parliamentary"} & words & set(e.name.lower().split())):
                continue
            named = {w for w in re.findall(r"[a-z]+", e.name.lower()) if len(w) > 3}
            if kind in ("attack", "war", "other") and not (named & words):
                continue  # "the bombing of a school bus in 2018" is not every known attack of 2018
            cands.append(e)
        return cands[0] if len(cands) == 1 else None

    def name(self, c: Cluster) -> str | None:
        when = ""
        if c.month and c.year:
            when = f"{MONTH_NAME[c.month]} {c.year}"
        elif c.year:
            when = str(c.year)
        elif c.month:
            when = MONTH_NAME[c.month]
        person = self.table.drafts.get(c.person).name if c.person and c.person in self.table.drafts else None
        if c.kind == "trial" and person:
            return f"Trial of {person}"
        if c.kind == "case" and person:
            return f"Case of {person}"
        if c.kind == "case":
            # "the so-called Ekbatan case": "Ekbatan case"
            named = [v for np in c.nps for v in np.variants if re.search(r"[A-Z]", v[1:]) or v[:1].isupper()]
            core = min(named, key=len, default=None)
            if core:
                return _title(re.sub(r"^(?:the\s+)?(?:so-called\s+)?", "", core, flags=re.I))
        if c.kind in ("trial", "case"):
            return _title(c.nps[0].variants[-1]) if c.nps else None
        if c.kind == "execution" and person:
            return f"Execution of {person}"
        if c.kind == "arrest" and person:  # "the arrest of X in Ahvaz": "Arrest of X"
            head = next((np.head for np in c.nps if not np.anaphoric), "arrest")
            return f"{'Detention' if head == 'detention' else 'Arrest'} of {person}"
        if (not c.year or c.year_inferred or c.kind == "war") and c.kind in ("protest", "massacre", "strike", "war"):
            # "the Bandar Abbas dockworkers' protests in October": the phrase up to its head names it better
            named = [
                v
                for np in c.nps
                if not np.anaphoric
                for v in np.variants
                if _HEAD_AT_END.search(v) and re.search(r"[A-Z]", v[1:])
            ]
            if named:
                return _title(re.sub(r"^(?:a|an|the|this|that)\s+", "", max(named, key=len), flags=re.I))
        if not when and c.kind in ("protest", "massacre", "strike"):
            # no date: the phrase itself, without article or possessor ("Zahedan protests")
            core = min((v for np in c.nps if not np.anaphoric for v in np.variants[1:2]), key=len, default=None)
            if core:
                return _title(re.sub(r"^(?:a|an|the|this|that)\s+", "", core, flags=re.I))
        if c.kind == "protest":
            return f"{when} protests" if when else "Protests"
        if c.kind == "massacre":
            return f"{when} massacre" if when else "Massacre"
        if c.kind == "election":
            words = {w.lower() for np in c.nps for w in np.text.split()}
            kind = "presidential" if "presidential" in words else "parliamentary" if "parliamentary" in words else ""
            return (
                f"{when} {kind} election".strip().capitalize()
                if not when
                else f"{when} {kind} election".replace("  ", " ")
            )
        if c.kind in ("coup", "war") and not any(
            w[:1].isupper() for np in c.nps for w in np.text.split()[1:] if not re.fullmatch(r"\d+", w)
        ):
            where = self.table.drafts.get(self.main_country or "")
            head = "civil war" if c.kind == "war" else "coup"
            return " ".join(x for x in (when, where.name if where else "", head) if x)  # "February 2021 Myanmar coup"
        if c.kind == "attack" and c.place and c.place in self.table.drafts:
            # "a military airstrike on the village of Pazigyi": "Pazigyi airstrike"
            head = next((np.head for np in c.nps if not np.anaphoric), c.nps[0].head)
            return f"{self.table.drafts[c.place].name} {head}"
        np = c.nps[0]
        core = np.variants[1] if len(np.variants) > 1 else np.variants[0]
        core = re.sub(r"^(?:a|an|the|this|that)\s+", "", core, flags=re.I)
        return _title(core)


_EVENT_KIND = {
    "protest": "protest",
    "massacre": "massacre",
    "election": "election",
    "attack": "attack",
    "execution": "execution",
    "arrest": "arrest",
    "crackdown": "crackdown",
    "killing": "massacre",
    "strike": "protest",
    "coup": "other",
    "war": "war",
    "gathering": "gathering",
}


def _compatible(c: Cluster, np: EventNP) -> bool:
    if c.year and np.year and c.year != np.year:
        return False
    if c.place and np.place and c.place != np.place:
        return False
    return not (c.month and np.month and c.month != np.month)


def _title(s: str) -> str:
    return s[:1].upper() + s[1:]


def find_events(
    gz: Gazetteer,
    text: str,
    table: EntityTable,
    dates: list[DateMention],
    sentences: list[tuple[int, int]],
    main_country: str | None,
    hits: list[Hit] | None = None,
) -> list[Cluster]:
    finder = EventFinder(gz, text, table, dates, main_country)
    nps = finder.find_nps(sentences)
    nps += finder.known_nps(hits or [], nps)
    finder.cluster(nps)
    return finder.materialise()
