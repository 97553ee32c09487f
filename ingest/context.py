"""What the relation and claim rules see of one document: text, sentences, dates, mentions, events."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from hrkg.ingest.attribution import Source, sources
from hrkg.ingest.dates import DateMention
from hrkg.ingest.entities import EntityTable, Mention
from hrkg.ingest.events import Cluster
from hrkg.ingest.gazetteer import Gazetteer
from hrkg.ingest.recognition import Recogniser
from hrkg.ingest.segment import Sentence
from hrkg.ingest.sources import SourceDoc

# personal pronouns that stand for one person: "He was hanged", "..., said he had been beaten", "sentenced him"
_PERSON_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|him|her(?=\s+(?:to|in|for|on|at|after|without)\b))\b")
_PRONOUN_REACH = 3  # sentences back to look for the person a pronoun stands for
# what may precede the person a sentence opens with: a quote mark, an article, a title or one capitalised word
_OPENING = re.compile(r"(?:[\"\u201c]?(?:The|A|An|Former|Judge|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|[A-Z][a-z]+)?\s*)?")


@dataclass
class DocContext:
    gz: Gazetteer
    source: SourceDoc
    text: str
    sentences: list[Sentence]
    dates: list[DateMention]
    rec: Recogniser
    clusters: list[Cluster]
    # filled by hrkg.ingest.proceedings: relations stated by its rules and what they found
    facts: list[tuple] = field(default_factory=list)
    courts: list[tuple[str, str, int, int]] = field(default_factory=list)
    demonym_courts: list[tuple[str, int, int]] = field(default_factory=list)
    trial_countries: list[tuple[str, str, str | None, int]] = field(default_factory=list)
    executions: dict[str, str] = field(default_factory=dict)
    group_executions: list[tuple[str, str | None, int]] = field(default_factory=list)
    plural_events: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    dateline: str | None = None
    claims: list[dict] = field(default_factory=list)
    _mentions: list[Mention] = field(default_factory=list)
    _m_starts: list[int] = field(default_factory=list)
    _d_starts: list[int] = field(default_factory=list)
    _sources: dict[int, list[Source]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.refresh()
        self._d_starts = [d.start for d in self.dates]

    def refresh(self) -> None:
        names = self.table.mentions()
        self._mentions = sorted(names + self._pronouns(names), key=lambda m: (m.start, -m.end))
        self._m_starts = [m.start for m in self._mentions]
        self._sources = {}

    def sources_of(self, sent: Sentence) -> list[Source]:
        """Who the sentence says is speaking (hrkg.ingest.attribution), read once for claims and relations."""
        found = self._sources.get(sent.index)
        if found is None:
            ms = self.mentions_in(sent.start, sent.end)
            found = self._sources[sent.index] = sources(self.text, sent.start, sent.end, ms)
        return found

    def _pronouns(self, names: list[Mention]) -> list[Mention]:
        """Personal pronouns as mentions of the person they stand for: the last person named before them, in the
        same sentence or at most a few sentences back. They are not entity mentions (the output never lists them);
        rules see them so that "He was sentenced to death by ..." has a subject."""
        persons = [m for m in names if m.type == "Person" and not m.generic]
        if not persons:
            return []
        starts = [m.start for m in persons]
        weight = Counter(m.entity for m in persons)
        out: list[Mention] = []
        for sent in self.sentences:
            for pm in _PERSON_PRONOUN.finditer(self.text, sent.start, sent.end):
                i = bisect.bisect_left(starts, pm.start()) - 1
                # the people named in reach; the one the text names most is the one it is about, then the latest
                reach: list[Mention] = []
                while i >= 0:
                    back = self.rec.sentence_at(persons[i].start)
                    if back is None or sent.index - back.index > _PRONOUN_REACH:
                        break
                    reach.append(persons[i])
                    i -= 1
                if not reach:
                    continue
                same_sentence = [m for m in reach if m.start >= sent.start]
                if len(same_sentence) == 1:
                    person = same_sentence[0]
                elif not same_sentence and (subject := self._subject_before(sent, persons)) is not None:
                    person = subject  # "Molavi X said ... . He condemned ...": the previous sentence's subject
                else:
                    person = max(reach, key=lambda m: weight[m.entity])
                out.append(Mention(pm.start(), pm.end(), pm.group(), person.entity, "Person", kind="pronoun"))
        return out

    def _subject_before(self, sent: Sentence, persons: list[Mention]) -> Mention | None:
        """The person a sentence before ``sent`` opens with (its grammatical subject, as far as position tells)."""
        if sent.index == 0:
            return None
        prev = self.sentences[sent.index - 1]
        first = next((m for m in persons if prev.start <= m.start < prev.end), None)
        if first is None or not _OPENING.fullmatch(self.text, prev.start, first.start):
            return None
        return first

    @property
    def table(self) -> EntityTable:
        return self.rec.table

    @property
    def main_country(self) -> str | None:
        return getattr(self.rec, "main_country", None)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._m_starts, start)
        out: list[Mention] = []
        while i < len(self._mentions) and self._mentions[i].start < end:
            if self._mentions[i].end <= end:
                out.append(self._mentions[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        i = bisect.bisect_left(self._d_starts, start)
        out: list[DateMention] = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    def type_of(self, entity_id: str) -> str | None:
        d = self.table.drafts.get(entity_id)
        return d.type if d else None

    def span(self, sentence: Sentence) -> dict[str, object]:
        return {"start": sentence.start, "end": sentence.end, "text": self.text[sentence.start : sentence.end]}
