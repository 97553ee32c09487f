"""Who a sentence says is speaking: the sources of attributed statements, for claims and ``reported_by``.

A source is a person or organisation in one of these frames (the agent may carry an apposition or a descriptive
head between its name and the verb):
- "AGENT said/reported/confirmed/told Reuters ... that ...", "AGENT, a London-based group, said",
  "the Hengaw rights group reported", "AGENT has documented", "AGENT put the death toll at";
- "..., said AGENT", "..., AGENT said on Thursday";
- "according to (figures from) AGENT";
- "announced/confirmed/compiled/carried by AGENT";
- "AGENT's report/count/figures", "figures/data/a report from/by AGENT";
- a headline "AGENT: ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hrkg.ingest.entities import Mention

ATTRIBUTION_VERB = (
    r"(?:said|says|say|reported|reports|confirmed|confirms|announced|announces|claimed|claims|stated|states|"
    r"estimated|estimates|documented|documents|counted|recorded|registered|verified|revealed|told|added|wrote|"
    r"noted|warned|found\s+that|acknowledged|admitted|tallied|compiled|published|released|quoted|as\s+saying|"
    r"arrived\s+(?:independently\s+)?at\s+(?:the\s+|a\s+)?(?:same\s+)?(?:figure|toll|number|count)|"
    r"gave\s+(?:a|the)\s+(?:\w+\s+)?(?:figure|toll|number|count)|"
    r"puts?\s+(?:the|its|their|his|her)\s+(?:death\s+)?(?:toll|number|figure|tally|count)|"
    r"(?:raised|revised|updated|lowered|increased)\s+(?:the|its|their)\s+(?:\w+\s+)?(?:toll|count|figure|tally|estimate))"
)
# between an agent and its verb: an apposition, a parenthesis, a descriptive head, auxiliaries and adverbs
_APPOSITION = r"(?:\s*\([^)]{0,60}\))?(?:\s*,\s+(?!(?:and|but|or|while|as|when)\b)[\w-]+\b[^;.]{0,140}?,)?"
_HEAD = (
    r"(?:\s+(?:human\s+)?(?:rights\s+)?(?:group|organi[sz]ation|NGO|agency|network|monitor|watchdog|website|"
    r"outlet|centre|center|campaign|body|mission))?"
)
_AUX = r"(?:\s+(?:also|once\s+again|again|has|had|have|later|then|earlier|previously|separately|further|itself))*"
_AGENT_BEFORE = re.compile(_APPOSITION + _HEAD + r",?" + _AUX + r"\s+" + ATTRIBUTION_VERB + r"\b", re.I)
_SUBJECT_GAP = re.compile(_APPOSITION + _HEAD + r",?" + _AUX + r"\s+")
_ORDER = re.compile(r"\s+(?:[\w-]+\s+){1,3}?to\s+[a-z]+")  # "told officials to do": an order, not a statement
# "..., said Amnesty International." ("told Reuters" names the audience, not the speaker)
_VERB_BEFORE = re.compile(r"\b(?:said|says|reported|wrote|added)\s+(?:the\s+)?$", re.I)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?:the\s+)?(?:(?:latest\s+)?(?:figures|data|information|reports?|statements?|records|"
    r"documentation|count|tally)\s+(?:from|by|of|(?:gathered|compiled|obtained|received|published|released)\s+by)"
    r"\s+(?:the\s+)?)?$",
    re.I,
)
_BY = re.compile(
    r"\b(?:announced|reported|confirmed|claimed|documented|released|compiled|gathered|collected|published|"
    r"cited|given|carried|verified|recorded|registered|issued)\s+by\s+(?:the\s+)?"
    r"(?:(?:state|official|[Ss]tate-run|state-owned|semi-official)\s+)?"
    r"(?:(?:news\s+)?agency\s+|newspaper\s+|broadcaster\s+|television\s+|media\s+)?$"
)
_FROM = re.compile(
    r"\b(?:figures|data|statistics|numbers|a\s+report|the\s+report|a\s+statement|the\s+statement|records|"
    r"a\s+count|the\s+count|documentation)\s+(?:from|by|of|released\s+by|published\s+by)\s+(?:the\s+)?$",
    re.I,
)
_POSSESSED = re.compile(
    r"'s?\s+(?:(?:latest|new|annual|own|monthly|yearly|preliminary|final|official)\s+)*"
    r"(?:report|count|tally|figures|data|statement|documentation|research|investigation|records|statistics)\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:whose|which|that|who)\b")
# between a person and a passive verb: a speaker's clause ("X said that five men were hanged") ...
SPEAKER_GAP = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|warned|noted|stated|that)\b")
# ... or another subject of the verb ("she was alarmed that 901 people were put to death")
OTHER_SUBJECT = re.compile(
    r"\b(?:people|prisoners|men|women|persons|others|inmates|protesters|detainees|children|juveniles)\s+"
    r"(?:\w+\s+)?(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?$"
)
_HEADLINE_COLON = re.compile(r"\s*:")
_CLAUSE_END = re.compile(r"(?:\s*\([^)]{0,60}\))?(?:\s*,[^,;.]{0,120})?\s*(?:[.;,:]|$)|\s+(?:on|in|last|this)\b")


@dataclass(frozen=True)
class Source:
    entity: str
    pos: int  # where the attribution is stated (for the nearest date)
    at: int  # where the source is named (for which figures it states: those after it, or before a postposed one)


def sources(text: str, start: int, end: int, mentions: list[Mention]) -> list[Source]:
    """The people and organisations the sentence ``text[start:end]`` attributes a statement to, in text order."""
    agents = [m for m in mentions if m.type in ("Organisation", "Person") and not m.generic and m.kind != "pronoun"]
    out: list[Source] = []
    for a in list(agents):
        if a not in agents:
            continue
        lead = text[max(start, a.start - 60) : a.start]
        vm = _AGENT_BEFORE.match(text, a.end, end)
        if vm is not None and _ORDER.match(text, vm.end(), end) and vm.group().rstrip().endswith("told"):
            vm = None
        inner = [o for o in agents if vm is not None and a.end < o.start < vm.end() and o.type == "Person"]
        # "the Council, its chair, Sara Hossain, said": the person speaks; "Foro Penal, a group whose director is
        # Alfredo Romero, said": the group does
        inner_person = any(not _RELATIVE.search(text, a.end, o.start) for o in inner)
        if inner_person and a.type == "Organisation":
            vm = None  # "the Council, its chair, Sara Hossain, said": the person in the apposition speaks
        if vm is not None:
            out.append(Source(a.entity, vm.end(), a.start))
            # "Mojtaba Zolnour, chairman of the ... Committee, said": the committee is part of the apposition
            agents = [o for o in agents if not (a.end < o.start < vm.end())]
        elif _introduced(lead) or (_VERB_BEFORE.search(lead) and _closes_clause(text, a.end, end)):
            out.append(Source(a.entity, a.start, a.start))
        elif _POSSESSED.match(text, a.end, end) or (a.start == start and _HEADLINE_COLON.match(text, a.end, end)):
            out.append(Source(a.entity, a.end, a.start))
    seen: set[str] = set()
    unique = []
    for s in out:
        if s.entity not in seen:
            seen.add(s.entity)
            unique.append(s)
    return unique


def subject_before(text: str, verb_pos: int, mentions: list[Mention]) -> Mention | None:
    """The person or organisation whose clause a verb at ``verb_pos`` continues, past an apposition:
    "Samah Hadid, Amnesty's Middle East director, condemned ..." -> Samah Hadid (not Amnesty)."""
    for a in mentions:
        if a.type in ("Organisation", "Person") and a.end <= verb_pos and _SUBJECT_GAP.fullmatch(text, a.end, verb_pos):
            return a
    return None


def _introduced(lead: str) -> bool:
    """ "according to ...", "announced by ...", "figures from ..." right before the agent."""
    return bool(_ACCORDING.search(lead) or _BY.search(lead) or _FROM.search(lead))


def _closes_clause(text: str, pos: int, end: int) -> bool:
    """ "..., said Amnesty International." / "..., told Reuters on Monday,": the agent ends its clause."""
    return _CLAUSE_END.match(text, pos, end) is not None
