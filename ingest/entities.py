"""The per-document entity table: drafts of entities with their mentions, merged by id."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from hrkg.ingest.gazetteer import Gazetteer
from hrkg.ingest.names import fold, mint_id
from hrkg.ontology.loader import KnownEntity


@dataclass
class Mention:
    start: int
    end: int
    text: str
    entity: str  # entity id
    type: str
    generic: bool = False  # a description ("the regime"), not a name
    kind: str = "name"  # name | alias | acronym | surname | role | description | pronoun | event | case


@dataclass
class Draft:
    id: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    wikidata: str | None = None
    description: str | None = None
    kind: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    known: bool = False

    @property
    def generic_only(self) -> bool:
        return bool(self.mentions) and all(m.generic for m in self.mentions)


_COURT_OF = re.compile(
    r"^(?P<kind>(?:[A-Z][\w'-]*\s+)*?(?:Court|Tribunal))\s+of\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)$"
)
_PLACE_COURT = re.compile(
    r"^(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)??)\s+(?P<kind>(?:[A-Z][\w'-]*\s+)*?(?:Court|Tribunal))$"
)


def _other_court_form(name: str) -> str | None:
    """ "Revolutionary Court of Sanandaj" <-> "Sanandaj Revolutionary Court"."""
    m = _COURT_OF.match(name)
    if m:
        return f"{m.group('place')} {m.group('kind')}"
    m = _PLACE_COURT.match(name)
    if m and m.group("kind").split()[0] not in ("Supreme", "High", "Higher", "Federal", "District", "Criminal"):
        return f"{m.group('kind')} of {m.group('place')}"
    return None


class EntityTable:
    """Entities of one document keyed by id; authority entries give canonical ids and names."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self.drafts: dict[str, Draft] = {}
        self._spans: dict[tuple[int, int], Mention] = {}
        self._starts: list[tuple[int, int]] = []  # sorted (start, end) of every mention
        self._longest = 0
        self._sorted: list[Mention] | None = None

    def from_known(self, known: KnownEntity) -> Draft:
        draft = self.drafts.get(known.id)
        if draft is None:
            draft = Draft(
                id=known.id,
                type=known.type,
                name=known.name,
                wikidata=known.wikidata,
                description=known.description,
                kind=known.kind,
                start_date=known.start_date,
                end_date=known.end_date,
                known=True,
            )
            self.drafts[known.id] = draft
        return draft

    def get_or_create(self, entity_type: str, name: str, *, link: bool = True) -> Draft:
        """The draft for ``name``: the authority entry if one matches, otherwise a minted id."""
        if link:
            known = self.gz.lookup(name, entity_type)
            if known is not None:
                return self.from_known(known)
        eid = mint_id(entity_type, name)
        draft = self.drafts.get(eid)
        other = _other_court_form(name) if entity_type == "Organisation" else None
        if other is not None and not self._names_a_place(name, other):
            other = None  # "Supreme Court" is no "Court of Supreme"
        if draft is None and other is not None:
            # "Revolutionary Court of Sanandaj" and "Sanandaj Revolutionary Court" are one court
            draft = self.drafts.get(mint_id(entity_type, other))
        if draft is None:
            draft = Draft(id=eid, type=entity_type, name=name)
            self.drafts[eid] = draft
        if other is not None:
            draft.aliases.update((name, other))
        return draft

    def _names_a_place(self, name: str, other: str) -> bool:
        """Whether the seat in one of a court's two name forms is a place ("Sanandaj", "The Hague")."""
        m = _COURT_OF.match(name) or _COURT_OF.match(other)
        if m is None:
            return False
        place = m.group("place")
        return bool(self.gz.place_by_name.get(fold(place)) or self.gz.lookup(place, "Place"))

    def ensure_place(self, pid: str | None) -> str | None:
        """A draft for the place ``pid`` (an authority entry or a gazetteer place), made if the text has none."""
        if pid is None:
            return None
        if pid in self.drafts:
            return pid
        known = self.gz.authority.get(pid)
        if known is not None:
            self.from_known(known)
            return pid
        place = self.gz.places.get(pid)
        if place is None:
            return None
        self.drafts[pid] = Draft(pid, "Place", place.name, kind=place.kind)
        return pid

    def add_mention(
        self, draft: Draft, start: int, end: int, text: str, *, generic: bool = False, kind: str = "name"
    ) -> Mention | None:
        key = (start, end)
        if key in self._spans:
            return None
        m = Mention(start, end, text, draft.id, draft.type, generic, kind)
        self._spans[key] = m
        bisect.insort(self._starts, key)
        self._longest = max(self._longest, end - start)
        if self._sorted is not None:  # spans are unique, so the order by (start, -end) is total
            bisect.insort(self._sorted, m, key=_order)
        draft.mentions.append(m)
        if kind not in ("pronoun",):
            draft.aliases.add(text)
        return m

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self._starts, (start - self._longest, -1))
        hi = bisect.bisect_left(self._starts, (end, -1))
        return self._starts[lo:hi]

    def covered(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for (s, e) in self._near(start, end))

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for (s, e) in self._near(start, end))

    def overlapping(self, start: int, end: int) -> list[Mention]:
        return [self._spans[k] for k in self._near(start, end) if k[0] < end and start < k[1] and k in self._spans]

    def merge(self, source_id: str, target_id: str) -> None:
        """Fold ``source_id`` into ``target_id`` (mentions and aliases move over)."""
        if source_id == target_id or source_id not in self.drafts or target_id not in self.drafts:
            return
        src = self.drafts.pop(source_id)
        dst = self.drafts[target_id]
        for m in src.mentions:
            m.entity = dst.id
            m.type = dst.type
            dst.mentions.append(m)
        dst.aliases |= src.aliases | {src.name}
        self._sorted = None
        dst.start_date = dst.start_date or src.start_date

    def mentions(self) -> list[Mention]:
        if self._sorted is None:
            out = [m for d in self.drafts.values() for m in d.mentions]
            out.sort(key=_order)
            self._sorted = out
        return list(self._sorted)

    def remove_mention(self, mention: Mention) -> None:
        key = (mention.start, mention.end)
        if self._spans.pop(key, None) is not None:
            i = bisect.bisect_left(self._starts, key)
            if i < len(self._starts) and self._starts[i] == key:
                self._starts.pop(i)
        self._sorted = None
        d = self.drafts.get(mention.entity)
        if d is not None and mention in d.mentions:
            d.mentions.remove(mention)


def _order(m: Mention) -> tuple[int, int]:
    return (m.start, -m.end)


INSTITUTION = re.compile(
    r"\b(?:Prison|Jail|Penitentiary|Court|Tribunal|University|Mosque|Cemetery|Hospital|Detention\s+Cent(?:re|er)"
    r"|Square|Airport)\b",
    re.I,
)


def town_forms(name: str) -> list[str]:
    """The parts of an institution's name that may name its town: "Karaj Central Prison" -> "Karaj Central",
    "Karaj"; "the Revolutionary Court of Hamedan" -> "Hamedan"."""
    head = INSTITUTION.search(name)
    if head is None or len(name.split()) < 2:
        return []
    before = name[: head.start()].split()
    after = name[head.end() :].split()
    forms = [" ".join(before[:k]) for k in (2, 1) if len(before) >= k]
    if after[:1] == ["of"]:
        forms.append(" ".join(after[1:]))
    return forms
