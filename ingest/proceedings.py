"""Entities that prose names only through a description, added after events are found.

- Courts named by their seat: "a court in Lyon", "the appeals court in Graz", "A Revolutionary Court in
  Qom" become their own organisations ("Lyon Court", "Graz Appeals Court", "Qom Revolutionary Court")
  located in that place; "a Danish court" gives the trial's country.
- Trials not named as such: "the court in Lyon sentenced Pavel Orlov to 12 years" gives the case
  "Trial of Pavel Orlov" ("Case of ..." when a court only agrees to investigate); "the verdict", "the
  judgment", "the trial" then refer to it.
- Executions stated only as a clause: "Pavel Orlov was hanged", "the state executed Pavel Orlov" give
  "Execution of Pavel Orlov" when later text refers to "the execution" or "the hanging"; "30 inmates were
  executed in Vakil Prison" gives one group event ("<Month Year> <Place> executions") that "the
  executions" and "the mass execution" refer to and that the figure is about.
- Organisations named by one word with a cue: "Vigilo, a Paris-based rights group".

Each rule records the relations it states (``ctx.facts``); the relation finder adds them with its type
checks.
"""

from __future__ import annotations

import bisect
import re

from hrkg.ingest.attribution import OTHER_SUBJECT, SPEAKER_GAP
from hrkg.ingest.context import DocContext
from hrkg.ingest.dates import MONTHS
from hrkg.ingest.entities import Draft, Mention, town_forms
from hrkg.ingest.lexicon import FUNCTION_WORDS
from hrkg.ingest.names import fold, mint_id
from hrkg.ingest.prefilter import finditer_at, folded, has_any, occurrences
from hrkg.ingest.segment import Sentence

_COURT = re.compile(
    r"\b(?:(?P<det>[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+)?(?P<adj>(?:[A-Za-z][\w-]*\s+){0,2}?)"
    r"(?P<head>[Cc]ourt|[Tt]ribunal)\s+(?P<prep>in|of|at)\s+"
)
_COURT_HEAD = re.compile(r"\b(?:[Cc]ourt|[Tt]ribunal)\s+(?:in|of|at)\s+")
_COURT_WORDS = ("Court", "court", "Tribunal", "tribunal")  # every _COURT_HEAD match starts with one of them
_JUDICIAL_HEAD = re.compile(r"\b(?:court|tribunal|judges?|prosecutors?|justice)\b")
_JUDICIAL_WORDS = ("court", "tribunal", "judge", "prosecutor", "justice")  # the same for _JUDICIAL_HEAD
_DEMONYM_COURT = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<dem>[A-Z][a-z]+)\s+(?:(?:[a-z]+|[A-Z][a-z]+)\s+){0,2}?(?:court|tribunal|judges?|"
    r"prosecutors?|justice)\b"
)
_TRIAL_VERB = re.compile(
    r"\b(?:sentenced|convicted|jailed|acquitted|found\s+guilty|found(?=\s+[A-Z][^.;]{0,60}?\bguilty\b)|tried|(?:has\s+|had\s+)?agreed\s+to\s+"
    r"(?:investigate|try|hear\s+the\s+case\s+against|prosecute)|opened\s+(?:a\s+|an\s+)?(?:case|investigation|trial)"
    r"\s+(?:against|into)|indicted|charged)\b",
    re.I,
)
_INVESTIGATE = re.compile(r"investigat|prosecute|opened|indicted|charged", re.I)
_CASE_ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:[A-Z][\w-]+|first|landmark|historic|final|court's|appeal)\s+)?"
    r"(?P<head>verdict|judgment|judgement|ruling|trial|conviction|sentence)\b(?!\s+(?:of|against|in\s+absentia)\b)"
)
_CASE_ANAPHOR_INVESTIGATION = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+(?P<head>complaint|case|investigation)\b(?!\s+of\b)")
_EXEC_VERB = re.compile(r"\b(?:executed|hanged|put\s+to\s+death|sent\s+to\s+the\s+gallows)\b", re.I)
# keywords one of which every match of the regex named contains (see hrkg.ingest.prefilter)
_KW_TRIAL_VERB = (
    "sentenced", "convicted", "jailed", "acquitted", "found", "tried", "agreed", "opened", "indicted", "charged",
)  # fmt: skip
_KW_EXEC_VERB = ("executed", "hanged", "death", "gallows")
_KW_EXEC_ANAPHOR = ("execution", "hanging")  # case-sensitive, as the regex is
_EXEC_ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Tt]hese)\s+(?:(?:mass|latest|largest|recent|secret|swift|"
    r"reported|first)\s+)?(?P<head>executions?|hangings?)\b(?!\s+(?:of|in\s+\d|rate|toll)\b)"
)
_GROUP_NOUN = (
    r"(?:people|men|women|persons|prisoners|inmates|detainees|activists|protesters|individuals|convicts|"
    r"others|juveniles|members|youths|dissidents|political\s+prisoners|[a-z]+\s+activists|[a-z]+\s+prisoners|"
    r"[a-z]+\s+men)"
)
_NUMBER_WORD = (
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens\s+of|scores\s+of|hundreds\s+of)"
)
_GROUP_PASSIVE = re.compile(
    r"\b(?:(?:[Tt]he|[Aa]ll|[Aa]t\s+least|[Nn]early|[Mm]ore\s+than|[Aa]bout|[Ss]ome|[Oo]ver|[Aa]lmost|[Aa]round)\s+)?"
    + _NUMBER_WORD
    + r"\s+(?:[a-z-]+\s+)?"
    + _GROUP_NOUN
    + r"\s+(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:executed|hanged|put\s+to\s+death)\b"
    # "X was one of at least five prisoners hanged in Qezelhesar"
    + r"|\bone\s+of\s+(?:(?:at\s+least|nearly|more\s+than|about|some|over)\s+)?"
    + _NUMBER_WORD
    + r"\s+(?:[a-z-]+\s+)?"
    + _GROUP_NOUN
    + r"\s+(?:who\s+were\s+)?(?:executed|hanged|put\s+to\s+death)\b",
    re.I,
)
_GROUP_WHERE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:(?:prisons?|jails?|cities|towns)\s+of\s+)?$")
_PRISON_WORD = re.compile(r"(?:\s+(?:[Cc]entral\s+)?[Pp]rison)$|^[Tt]he\s+")
_PLACE_AND = re.compile(r"\s*(?:,|and|,\s*and)\s+")
_GROUP_ACTIVE = re.compile(
    r"\b(?:executed|hanged|put\s+to\s+death)\s+(?:(?:at\s+least|nearly|more\s+than|about|some|over)\s+)?"
    + _NUMBER_WORD
    + r"\s+(?:[a-z-]+\s+){0,2}?"
    + _GROUP_NOUN
    + r"\b",
    re.I,
)
_ONE_WORD_ORG = re.compile(
    r"(?<![\w'-])(?P<name>[A-Z][A-Za-z&]{1,24}),\s+(?:an?|the)\s+(?:(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)-based\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:rights\s+group|group|organi[sz]ation|NGO|charity|watchdog|monitor|news\s+agency|"
    r"agency|network|campaign\s+group|advocacy\s+group|think\s+tank|collective|observatory|foundation)\b"
)
_ORG_BASED = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)-based\s+(?:[\w-]+\s+){0,3}?"
    r"(?:group|organi[sz]ation|NGO|charity|watchdog|monitor|agency|network|centre|center|collective|observatory|"
    r"foundation|institute|league|coalition|alliance|association|outlet|newspaper|website|body)\b"
)
_LIST_GAP = re.compile(r"(?:,[^,;.]{0,40})?(?:\s*,\s*(?:and\s+)?|\s+and\s+)")
_COMMA_ARTICLE = re.compile(r",\s+(?:an?|the)\s+")


_TOWN_COURT = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<place>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s+(?P<adj>(?:[a-z]+\s+){0,2}?)(?:court|tribunal)\b"
)
_COURT_WORD = re.compile(r"\b(?:Court|Tribunal)\b")


def _one_word_org_starts(text: str) -> list[int]:
    """Where an _ONE_WORD_ORG match can start: at a capital letter of the run of letters and "&" (at most 25
    characters) that ends at a comma followed by "a", "an" or "the"."""
    starts = []
    for cm in _COMMA_ARTICLE.finditer(text):
        c = cm.start()
        r = c
        while r > max(0, c - 25) and (text[r - 1] in _NAME_CHARS):
            r -= 1
        starts.extend(p for p in range(r, c - 1) if "A" <= text[p] <= "Z")
    return starts


_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz&")
_NEAR_PLACE = re.compile(r"^,?\s+(?:on\s+the\s+outskirts\s+of|outside|near|in|in\s+the\s+city\s+of)\s+$")


def _title_words(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


class Augmenter:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.table = ctx.table
        self.gz = ctx.gz
        self._starts = [s.start for s in ctx.sentences]

    # ---- helpers
    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.ctx.sentences[i] if i >= 0 else None

    def mention_at(self, pos: int, etype: str | None = None) -> Mention | None:
        for m in self.table.overlapping(pos, pos + 1):
            if m.start == pos and (etype is None or m.type == etype):
                return m
        return None

    def fact(
        self, subj: str | None, pred: str, obj: str | None, pos: int, conf: float, date: str | None = None
    ) -> None:
        sent = self.sentence_at(pos)
        if subj and obj and sent is not None:
            self.ctx.facts.append((subj, pred, obj, sent, conf, date))

    def country_of(self, pid: str | None) -> str | None:
        """The country a place lies in (the place itself for a country)."""
        return self.gz.country_of(pid)

    def ensure_place(self, pid: str | None) -> str | None:
        return self.table.ensure_place(pid)

    def dateline_place(self) -> str | None:
        """The city of a wire dateline: "LYON, 4 May (Agency) -"."""
        m = re.search(
            r"(?m)^(?P<city>[A-Z][A-Z' -]{2,30}[A-Z])(?:,\s+[A-Z][a-z]+)?,?\s+"
            r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|\()",
            self.text,
        )
        if not m:
            return None
        city = m.group("city").title()
        ids = self.gz.place_by_name.get(fold(city), [])
        if not ids:
            known = self.gz.lookup(city, "Place")
            return known.id if known else None
        return ids[0]

    # ---- courts
    def courts(self) -> None:
        text = self.text
        self.ctx.courts = []
        for hm in finditer_at(_COURT_HEAD, text, occurrences(text, _COURT_WORDS)):
            m = _COURT.search(text, max(0, hm.start() - 40), hm.end())
            if m is None or m.end() != hm.end():
                continue
            place = self.mention_at(m.end(), "Place")
            if place is None:
                continue
            head_start = m.start("head")
            adj_words = (m.group("adj") or "").split()
            while adj_words and (
                adj_words[0].lower() in FUNCTION_WORDS or adj_words[0].lower().endswith(("ed", "ing"))
            ):
                adj_words = adj_words[1:]
            if adj_words and adj_words[-1].lower() in FUNCTION_WORDS:
                continue
            start = head_start - len(" ".join(adj_words)) - (1 if adj_words else 0)
            end = place.end
            over = [o for o in self.table.overlapping(start, head_start + 5) if o.type == "Organisation"]
            if any(o.start <= start and o.end >= end for o in over):
                continue  # "District Court of The Hague": already one name
            keep = None
            for o in over:
                d = self.table.drafts.get(o.entity)
                if d is None:
                    continue
                if d.known and not d.name.rstrip().endswith(("Courts", "Tribunals", "courts")):
                    keep = o
                    break
                if not d.known and o.end == m.end("head") and o.start < start:
                    keep = o
                    break
            if keep is not None:
                # "the Specialized Criminal Court in Riyadh": a named court, seated in the place
                self.ctx.courts.append((keep.entity, place.entity, keep.start, end))
                self.fact(keep.entity, "located_in", place.entity, keep.start, 0.7)
                continue
            named = self.named_court_of(place.entity) if not adj_words and not over else None
            if named is not None:
                # "a court in Urumqi" where the text also names "the Urumqi Intermediate People's Court"
                self.table.add_mention(self.table.drafts[named], start, end, text[start:end], kind="description")
                self.ctx.courts.append((named, place.entity, start, end))
                continue
            if over:
                start = min(start, min(o.start for o in over))
                for o in over:
                    self.table.remove_mention(o)
            adj = " ".join(w for w in adj_words)
            if m.group("prep") == "of" and m.group("head")[0].isupper():
                name = f"{_title_words(adj)} {m.group('head').title()} of {place.text}".strip()
            else:
                pname = self.table.drafts[place.entity].name
                name = f"{pname} {_title_words(adj)} {m.group('head').title()}".replace("  ", " ")
            draft = self.table.get_or_create("Organisation", name, link=False)
            draft.kind = "judiciary"
            self.table.add_mention(draft, start, end, text[start:end])
            self.ctx.courts.append((draft.id, place.entity, start, end))
            self.fact(draft.id, "located_in", place.entity, start, 0.75)
        # "a Stockholm court", "the Paris criminal court": a court named after its town in lower case
        for cm in _TOWN_COURT.finditer(text) if occurrences(text, ("court", "tribunal")) else ():
            place = self.mention_at(cm.start("place"), "Place")
            if place is None or place.end != cm.end("place"):
                continue
            if any(o is not place for o in self.table.overlapping(cm.start(), cm.end())):
                continue
            if self.kind_of(place.entity) in ("country", "province"):
                continue  # "an Iranian court" / "a Swedish court" are the country's courts, not one court
            court = self.named_court_of(place.entity) or self.known_court_in(place.entity)
            start, end = cm.start("place"), cm.end()
            if court is None:
                adj = _title_words(cm.group("adj").strip())
                draft = self.table.get_or_create(
                    "Organisation", f"{self.table.drafts[place.entity].name} {adj} Court".replace("  ", " "), link=False
                )
                draft.kind = "judiciary"
                court = draft.id
            self.table.remove_mention(place)
            self.table.add_mention(self.table.drafts[court], start, end, text[start:end], kind="description")
            self.ctx.courts.append((court, place.entity, start, end))
            self.fact(court, "located_in", place.entity, start, 0.7)
        self.ctx.demonym_courts = []
        for hm in finditer_at(_JUDICIAL_HEAD, text, occurrences(text, _JUDICIAL_WORDS)):
            m = _DEMONYM_COURT.search(text, max(0, hm.start() - 50), hm.end())
            if m is None or m.end() != hm.end():
                continue
            pid = self.gz.demonyms.get(fold(m.group("dem")))
            if pid:
                self.ctx.demonym_courts.append((self.ensure_place(pid) or pid, m.start(), m.end()))

    def kind_of(self, eid: str) -> str | None:
        d = self.table.drafts.get(eid)
        return d.kind if d else None

    def known_court_in(self, place: str) -> str | None:
        """The one authority court that sits in ``place`` and carries its name ("Stockholm District Court")."""
        d = self.table.drafts.get(place)
        if d is None:
            return None
        found = [
            k
            for k in self.gz.authority.values()
            if k.type == "Organisation"
            and k.located_in == place
            and fold(d.name) in fold(k.name)
            and _COURT_WORD.search(k.name)
        ]
        return self.table.from_known(found[0]).id if len(found) == 1 else None

    def named_court_of(self, place: str) -> str | None:
        """The one court the text names after ``place`` ("Urumqi Intermediate People's Court")."""
        d = self.table.drafts.get(place)
        if d is None:
            return None
        forms = {fold(f) for f in (d.name, *d.aliases)}
        found = {
            o.id
            for o in self.table.drafts.values()
            if o.type == "Organisation"
            and _COURT_WORD.search(o.name)
            and any(re.search(r"\b" + re.escape(f) + r"\b", fold(o.name)) for f in forms)
        }
        return next(iter(found)) if len(found) == 1 else None

    # ---- trials not named as such
    def trials(self) -> None:
        text = self.text
        court_spans = [(s, e, pid) for _cid, pid, s, e in self.ctx.courts] + [
            (s, e, None) for _pid, s, e in self.ctx.demonym_courts
        ]
        court_orgs = {cid for cid, *_ in self.ctx.courts}
        cases: list[tuple[int, str, str]] = []  # (position, case id, person id)
        for sent in self.ctx.sentences:
            stext = text[sent.start : sent.end]
            if not (has_any(folded(stext), _KW_TRIAL_VERB) and _TRIAL_VERB.search(stext)):
                continue
            ms = self.ctx.mentions_in(sent.start, sent.end)
            for vm in _TRIAL_VERB.finditer(stext):
                vpos, vend = sent.start + vm.start(), sent.start + vm.end()
                court = [c for c in court_spans if sent.start <= c[0] and c[1] <= vpos and vpos - c[1] < 60]
                org_court = [
                    m
                    for m in ms
                    if m.type == "Organisation"
                    and m.end <= vpos
                    and vpos - m.end < 60
                    and (m.entity in court_orgs or re.search(r"(?i)\b(?:court|tribunal)\b", m.text))
                ]
                if not court and not org_court:
                    continue
                if re.match(r"\s+(?:\w+\s+)?to\s+death\b", text[vend : vend + 20]):
                    continue
                person = next(
                    (
                        m
                        for m in ms
                        if m.type == "Person"
                        and vend <= m.start
                        and m.start - vend < 25
                        and not re.search(r"[.;]", text[vend : m.start])
                    ),
                    None,
                )
                if person is None and re.match(r"\s+(?:him|her)\b", text[vend : vend + 5]):
                    # "the Stockholm District Court sentenced him": the person the text was just about
                    back = [x for x in self.ctx.mentions_in(max(0, sent.start - 400), vpos) if x.type == "Person"]
                    if back:
                        person = Mention(vend + 1, vend + 4, "him", back[-1].entity, "Person", kind="pronoun")
                if person is None:
                    continue
                after = text[person.end : min(sent.end, person.end + 200)]
                if re.search(r"\bto\s+death\b", after[:120]) and not re.search(r"\bprison\b", after[:120]):
                    continue
                investigation = bool(_INVESTIGATE.search(vm.group()))
                cid = self.case_for(person.entity, investigation)
                if cid is None:
                    continue
                cases.append((vpos, cid, person.entity))
                self.fact(person.entity, "subject_of", cid, vpos, 0.8)
                # "sentenced Niloofar Hamedi and Elaheh Mohammadi": the others in the list were tried there too
                listed = [person]
                for m in ms:
                    after_last = m.start > listed[-1].end and _LIST_GAP.fullmatch(text, listed[-1].end, m.start)
                    if m.type == "Person" and after_last:
                        listed.append(m)
                place = next((c[2] for c in court if c[2]), None)
                if place is None and org_court:
                    place = next((pid for cid2, pid, *_ in self.ctx.courts if cid2 == org_court[-1].entity), None)
                if place is None and org_court:  # "the Stockholm District Court sentenced him"
                    place = self.town_of_court(self.table.drafts[org_court[-1].entity].name)
                if place is None and org_court and self.ctx.dateline:
                    place = self.ctx.dateline
                if place is None and court and self.ctx.dateline:
                    place = self.ctx.dateline
                if place is not None and not investigation:
                    for m in listed:
                        self.fact(m.entity, "tried_in", self.ensure_place(place), vpos, 0.65)
                country = next((c[2] for c in court if c[2] and False), None)
                for pid, s, e in self.ctx.demonym_courts:
                    if sent.start <= s and e <= vpos:
                        country = pid
                if country is None and place is not None:
                    country = self.country_of(place)
                self.ctx.trial_countries.append((cid, person.entity, country, vpos))
        if not cases:
            return
        # "the verdict", "the judgment", "the trial" refer back to the latest trial
        positions = [c[0] for c in cases]
        for pattern in (_CASE_ANAPHOR, _CASE_ANAPHOR_INVESTIGATION):
            for m in pattern.finditer(text):
                if self.table.overlaps(m.start(), m.end()):
                    continue
                i = bisect.bisect_right(positions, m.start()) - 1
                if i < 0:
                    continue
                cid = cases[i][1]
                d = self.table.drafts.get(cid)
                investigation = d is not None and d.name.startswith("Case of")
                if (pattern is _CASE_ANAPHOR_INVESTIGATION) != investigation:
                    continue
                self.table.add_mention(d, m.start(), m.end(), text[m.start() : m.end()], kind="case")

    def town_of_court(self, name: str) -> str | None:
        """The city a court's name names ("Stockholm District Court": Stockholm)."""
        for form in town_forms(name):
            ids = [
                p
                for p in self.gz.place_by_name.get(fold(form), [])
                if self.gz.places[p].kind == "city"
                and (p in self.table.drafts or self.gz.places[p].population >= 100_000)  # not "Federal", Argentina
            ]
            if len(ids) == 1:
                return ids[0]
        return None

    def case_for(self, pid: str, investigation: bool) -> str | None:
        person = self.table.drafts.get(pid)
        if person is None:
            return None
        for c in self.ctx.clusters:
            if c.draft is not None and c.draft.type == "Case" and c.person == pid:
                return c.draft.id
        for d in self.table.drafts.values():
            if d.type == "Case" and (person.name in d.name or any(a in d.name for a in person.aliases if " " in a)):
                return d.id
        slug = pid.split("/", 1)[1]
        kind = "case" if investigation else "trial"
        cid = f"case/{slug}-{kind}"
        d = self.table.drafts.get(cid)
        if d is None:
            name = f"{'Case' if investigation else 'Trial'} of {person.name}"
            known = self.gz.lookup(name, "Case")
            if known is not None:
                return self.table.from_known(known).id
            d = Draft(cid, "Case", name)
            self.table.drafts[cid] = d
        return cid

    # ---- executions
    def executions(self) -> None:
        text = self.text
        executed: list[tuple[int, str]] = []  # (position, person id)
        groups: list[tuple[int, str]] = []  # (position, event id)
        for sent in self.ctx.sentences:
            stext = text[sent.start : sent.end]
            if not (has_any(folded(stext), _KW_EXEC_VERB) and _EXEC_VERB.search(stext)):
                continue
            ms = self.ctx.mentions_in(sent.start, sent.end)
            persons = [m for m in ms if m.type == "Person"]
            for xm in _EXEC_VERB.finditer(stext):
                xpos, xend = sent.start + xm.start(), sent.start + xm.end()
                before = text[max(sent.start, xpos - 25) : xpos]
                if re.search(
                    r"\b(?:not|never|risk\s+of|face|faces|facing|could\s+be|to\s+be|would\s+be)\s+(?:\w+\s+)?$", before
                ):
                    continue
                if re.search(r"\b(?:was|were|been|is)\s+(?:\w+\s+)?$", before):
                    # "Mehdizadeh confirmed that 35 of his fellow inmates were executed": a witness, not the hanged
                    who = [
                        p
                        for p in persons
                        if p.end <= xpos
                        and xpos - p.end < 80
                        and not SPEAKER_GAP.search(text, p.end, xpos)
                        and not OTHER_SUBJECT.search(text, p.end, xpos)
                    ]
                    who = who[-1:]
                else:
                    who = [
                        p
                        for p in persons
                        if p.start >= xend
                        and p.start - xend < 45
                        and not re.search(r"[,;]|\b(?:during|under|in|after|before|by)\b", text[xend : p.start])
                    ][:1]  # "executed Kurdish political prisoner Farhad Salimi"
                for p in who:
                    if re.search(r"\bat\s+risk\b", text[p.end : xpos]):
                        continue
                    executed.append((xpos, p.entity))
            gm = _GROUP_PASSIVE.search(stext) or _GROUP_ACTIVE.search(stext)
            if gm:
                ev = self.group_event(sent, gm, ms)
                if ev is not None:
                    groups.append((sent.start + gm.start(), ev))
        # executions the text names as such ("The execution of X in Y Prison") count as stated too
        for c in self.ctx.clusters:
            if c.draft is not None and c.kind == "execution" and c.person and c.nps:
                executed.append((c.nps[0].start, c.person))
        executed.sort()
        events: list[tuple[int, str]] = []
        seen: dict[str, str] = {}
        for pos, pid in executed:
            if pid in seen:
                continue
            eid = self.execution_event(pid)
            if eid is not None:
                seen[pid] = eid
                events.append((pos, eid))
        self.ctx.executions = {pid: eid for pid, eid in seen.items()}
        if not events and not groups:
            return
        ev_pos = sorted(events)
        g_pos = sorted(groups)
        for m in _EXEC_ANAPHOR.finditer(text) if has_any(text, _KW_EXEC_ANAPHOR) else ():
            if self.table.overlaps(m.start(), m.end()):
                continue
            plural = m.group("head").endswith("s") or "mass" in m.group().lower()
            target = None
            if plural and not g_pos and len(ev_pos) < 2:
                continue  # "the executions" with one named hanging: a general remark
            pool = (g_pos or ev_pos) if plural else (ev_pos or g_pos)
            i = bisect.bisect_right([p for p, _ in pool], m.start()) - 1
            if i >= 0:
                target = pool[i][1]
            elif pool:
                continue
            if target is None:
                continue
            if plural and not g_pos and len(ev_pos) > 1:
                # "condemned the executions" after two named hangings: both events
                self.ctx.plural_events[(m.start(), m.end())] = [e for _, e in ev_pos]
            d = self.table.drafts[target]
            self.table.add_mention(d, m.start(), m.end(), text[m.start() : m.end()], kind="event")

    def execution_event(self, pid: str) -> str | None:
        person = self.table.drafts.get(pid)
        if person is None:
            return None
        for c in self.ctx.clusters:
            if c.draft is not None and c.kind == "execution" and c.person == pid:
                return c.draft.id
        name = f"Execution of {person.name}"
        known = self.gz.lookup(name, "Event")
        if known is not None:
            return self.table.from_known(known).id
        eid = mint_id("Event", name)
        d = self.table.drafts.get(eid)
        if d is None:
            d = Draft(eid, "Event", name, kind="execution")
            self.table.drafts[eid] = d
        return eid

    def group_event(self, sent: Sentence, gm: re.Match[str], ms: list[Mention]) -> str | None:
        text = self.text
        start, end = sent.start + gm.start(), sent.start + gm.end()
        after = text[end : sent.end]
        # "were hanged in Ghezel Hesar", "were executed on drug charges in the prisons of Zahedan and Birjand"
        nearby = [m for m in ms if m.type == "Place" and end <= m.start < end + 100]
        first = next(
            (
                m
                for m in nearby
                if _GROUP_WHERE.search(text, max(end, m.start - 40), m.start)
                and not re.search(r"[;.]|\b(?:from|who|after|before|since)\b", text[end : m.start])
                and self.table.drafts[m.entity].kind != "country"
            ),
            None,
        )
        listed = [first] if first else []
        for m in nearby:
            if listed and m.start > listed[-1].end and _PLACE_AND.fullmatch(text, listed[-1].end, m.start):
                listed.append(m)
        place = listed[0] if listed else None
        day = re.match(r"^.{0,25}?\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", after)
        if (
            place is None
            and not day
            and not any(d.value and len(d.value) == 10 for d in self.ctx.dates_in(start, sent.end))
        ):
            return None  # "40 people were executed in a single week": a statistic, not one event
        where_id = place.entity if place else self.ctx.main_country
        if where_id is None:
            return None
        where_id = self.ensure_place(where_id)
        if where_id is None:
            return None
        year = month = None
        for d in self.ctx.dates_in(sent.start, sent.end):
            if d.year and d.month and d.start >= start - 5:
                year, month = d.year, d.month
                break
        if year is None:  # "five men were hanged in Shiraz in 2023": a year without a month
            year = next(
                (d.year for d in self.ctx.dates_in(start, sent.end) if d.year and d.explicit_year and not d.month), None
            )
        if year is None:
            # "Between late July and mid-August 1988, the regime hanged more than 1,000 prisoners": a stated date
            # before the verb dates it too
            stated = [d for d in self.ctx.dates_in(sent.start, start) if d.year and d.explicit_year]
            if stated:
                year, month = stated[-1].year, stated[-1].month
        if year is not None:
            # an event of the text that covers that time ("the 1988 massacre") is the one the group belongs to
            known = next(
                (
                    c.draft.id
                    for c in self.ctx.clusters
                    if c.draft is not None
                    and c.kind in ("massacre", "execution")
                    and (c.draft.start_date or "")[:4] == str(year)
                    and (month is None or c.month in (None, month) or c.draft.known)
                ),
                None,
            )
            if known is not None:
                return known
        if year is None:
            ref = self.ctx.source.published
            if ref and re.match(r"\d{4}-\d{2}", ref):
                year, month = int(ref[:4]), int(ref[5:7])
        when = ""
        if year and month:
            mname = next((k.title() for k, v in MONTHS.items() if v == month and (len(k) > 3 or k == "may")), "")
            when = f"{mname} {year} "
        elif year:
            when = f"{year} "
        # "December 2024 Ghezel Hesar executions": the place as the text writes it, without "Prison"
        pname = _PRISON_WORD.sub("", place.text if place is not None else self.table.drafts[where_id].name).strip()
        name = f"{when}{pname} executions"
        # an execution event of the same place and month already found
        for c in self.ctx.clusters:
            if c.draft is not None and c.kind == "execution" and c.person is None and c.year == year:
                return c.draft.id
        same = next((g for g in self.ctx.group_executions if g[0] in self.table.drafts), None)
        if same is not None and self.table.drafts[same[0]].start_date == (
            f"{year:04d}-{month:02d}" if year and month else None
        ):
            d = self.table.drafts[same[0]]  # the group execution told again, now with its prison
        else:
            d = self.table.get_or_create("Event", name, link=True)
        if not d.known:
            d.kind = "execution"
            if year:
                d.start_date = f"{year:04d}-{month:02d}" if month else f"{year:04d}"
            # the same name with the prison as the text spells it elsewhere ("Ghezel Hesar", "Qezelhesar")
            where = self.table.drafts.get(where_id)
            forms = {_PRISON_WORD.sub("", m.text).strip() for m in where.mentions if not m.generic} if where else set()
            d.aliases |= {f"{when}{f} executions" for f in forms if f and f != pname}
        self.table.add_mention(d, start, end, text[start:end], kind="event")
        if place is not None:
            for m in listed:
                self.fact(d.id, "occurred_in", m.entity, start, 0.7)
        else:
            self.fact(d.id, "occurred_in", where_id, start, 0.5)
        self.ctx.group_executions.append((d.id, where_id if place else None, sent.index))
        return d.id

    # ---- organisations named by one word with a cue, "X-based" appositions
    def organisations(self) -> None:
        text = self.text
        for m in finditer_at(_ONE_WORD_ORG, text, _one_word_org_starts(text)):
            s, e = m.span("name")
            if self.table.overlaps(s, e):
                continue
            word = m.group("name")
            if word.lower() in FUNCTION_WORDS or self.gz.lookup(word, "Place") or self.gz.lookup(word, "Person"):
                continue
            if self.gz.is_given_name(word) and not word.isupper():
                continue
            sent = self.sentence_at(s)
            if sent is not None and s == sent.start and not word.isupper() and word.lower() in self.ctx.rec.lower_words:
                continue
            d = self.table.get_or_create("Organisation", word)
            self.table.add_mention(d, s, e, word)
        self.ctx.refresh()
        for m in _ORG_BASED.finditer(text):
            org = next((o for o in self.table.overlapping(m.start() - 1, m.start()) if o.end == m.start()), None)
            if org is None or org.type != "Organisation":
                continue
            place = self.mention_at(m.start("place"), "Place")
            pid = place.entity if place else None
            if pid is None:
                ids = self.gz.place_by_name.get(fold(m.group("place")), [])
                pid = self.ensure_place(ids[0]) if ids else None
                if pid is None:
                    dem = self.gz.demonyms.get(fold(m.group("place")))
                    pid = self.ensure_place(dem) if dem else None
            if pid:
                self.fact(org.entity, "located_in", pid, m.start(), 0.75)
        # "Vakil Prison, on the outskirts of Shiraz"
        for p in [x for x in self.table.mentions() if x.type == "Place"]:
            d = self.table.drafts.get(p.entity)
            if d is None or not (d.kind == "prison" or re.search(r"(?i)\b(?:prison|jail|detention centre)$", p.text)):
                continue
            nxt = next(
                (
                    x
                    for x in self.ctx.mentions_in(p.end, p.end + 40)
                    if x.type == "Place" and _NEAR_PLACE.match(text[p.end : x.start])
                ),
                None,
            )
            if nxt is not None and nxt.entity != p.entity:
                self.fact(p.entity, "located_in", nxt.entity, p.start, 0.7)


def augment(ctx: DocContext) -> None:
    a = Augmenter(ctx)
    ctx.dateline = a.ensure_place(a.dateline_place())
    a.organisations()
    a.courts()
    ctx.refresh()
    a.trials()
    ctx.refresh()
    a.executions()
    ctx.refresh()
