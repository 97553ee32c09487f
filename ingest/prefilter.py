"""Cheap keyword pre-checks that let the rules skip regex scans which cannot match.

Each keyword tuple lists substrings of which at least one occurs in every possible match of the regex it
guards, so a pre-check that fails proves the regex finds nothing; the output never changes. Texts are
compared in a case-folded form that is a superset of what ``re.IGNORECASE`` treats as equal for ASCII
letters (dotted/dotless i, long s and the Kelvin sign fold to i, s and k).

Anchored scans go one step further for regexes that every match of which starts with one of a few words:
:class:`WordStarts` finds where those words start in one Aho-Corasick pass and :func:`finditer_at` tries
the regex only there, instead of at every character (Python's ``re`` has no fast skip for patterns that
begin with ``\b`` or are case-insensitive). tests/unit/ingest/test_fast_paths.py checks each such scan
against the plain one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import ahocorasick

_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(s: str) -> str:
    """Lower-case ``s`` for keyword pre-checks (not for offsets: the length may change)."""
    low = s.lower()
    if low.isascii():
        return low
    return s.translate(_FOLD).lower()


def has_any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:  # noqa: SIM110 - a plain loop is faster than any() over a generator
        if w in low:
            return True
    return False


_NON_WORD = re.compile(r"\W")
_ASCII_NON_WORD = bytes.maketrans(
    bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")),
    bytes(32 for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")),
)


def _blank_non_words(text: str) -> str:
    """``text`` with every character that ``\\W`` matches replaced by a space (ASCII text takes a byte table)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii")
    return _NON_WORD.sub(" ", text)


class WordStarts:
    """Where a word starting with (or, by default, equal to) one of a fixed set of words starts in a text,
    found in one pass (Aho-Corasick).

    A word is a maximal run of ``\\w`` characters, so whole words are exactly the places where a regex
    ``\\b(?:word1|word2|...)\\b`` matches, and with ``prefixes`` those where ``\\b(?:word1|...)`` does;
    with ``ignorecase`` the comparison is the folded one above, which equals what ``re.IGNORECASE`` treats
    as equal for ASCII words.
    """

    def __init__(self, words: Iterable[str], *, ignorecase: bool = True, prefixes: bool = False) -> None:
        self.ignorecase = ignorecase
        self.automaton = ahocorasick.Automaton()
        for word in words:
            w = word.lower() if ignorecase else word
            key = f" {w}" if prefixes else f" {w} "
            self.automaton.add_word(key, len(key))
        self.automaton.make_automaton()

    def __call__(self, text: str) -> list[int] | None:
        """Ascending start offsets in ``text``; None if folding changed the text's length (never seen)."""
        return self.in_hay(word_hay(text, ignorecase=self.ignorecase))

    def in_hay(self, hay: str | None) -> list[int] | None:
        """The same for a text already turned into ``word_hay(text)`` (made once for several word sets)."""
        if hay is None:
            return None
        # a key " word" ending at hay[end] starts its word at hay[end - n + 2], which is text[end - n + 1]
        return sorted(end - n + 1 for end, n in self.automaton.iter(hay))


def word_hay(text: str, *, ignorecase: bool = True) -> str | None:
    """``text`` with its non-word characters blanked, folded and framed by spaces, for :class:`WordStarts`;
    None if folding changed the length (offsets would no longer line up)."""
    hay = f" {_blank_non_words(text)} "
    if ignorecase:
        hay = folded(hay)
        if len(hay) != len(text) + 2:
            return None
    return hay


_NONE: list[int] = []  # shared, never changed


class KeywordSets:
    """Several keyword tuples in one automaton: one pass over a text finds, for every tuple, where the words
    that start with one of its keywords start (what ``WordStarts(keywords, prefixes=True)`` finds)."""

    def __init__(self, sets: Iterable[tuple[str, ...]]) -> None:
        self.index: dict[tuple[str, ...], int] = {}
        for keywords in sets:
            self.index.setdefault(keywords, len(self.index))
        # the tuples are module constants: looked up by identity first (hashing a tuple hashes its items)
        self.by_id = {id(keywords): i for keywords, i in self.index.items()}
        owners: dict[str, set[int]] = {}
        for keywords, i in self.index.items():
            for w in keywords:
                owners.setdefault(f" {w.lower()}", set()).add(i)
        self.automaton = ahocorasick.Automaton()
        for key, ids in owners.items():
            self.automaton.add_word(key, (len(key), tuple(sorted(ids))))
        self.automaton.make_automaton()

    def starts(self, hay: str) -> list[list[int]]:
        """Per tuple (in ``index`` order), the ascending word starts in the text ``hay`` was made from."""
        found: dict[int, set[int]] = {}
        for end, (n, ids) in self.automaton.iter(hay):
            for i in ids:
                found.setdefault(i, set()).add(end - n + 1)
        out: list[list[int]] = [_NONE] * len(self.index)
        for i, starts in found.items():
            out[i] = sorted(starts)
        return out


@lru_cache(maxsize=256)
def _prefix_starts(keywords: tuple[str, ...]) -> WordStarts:
    return WordStarts(keywords, prefixes=True)


class KeywordScan:
    """Scans of one text (a sentence) for several case-insensitive ``\\b``-led regexes, each given with a
    keyword tuple that every match of it starts with (a prefix of the match's first word, folded).

    A regex runs only at the words that start with one of its keywords (:func:`finditer_at`), and not at all
    when there is none. The folded word text is made once per text, and the keyword tuples of ``sets`` are
    all looked for in one pass over it.
    """

    def __init__(self, text: str, low: str | None = None, sets: KeywordSets | None = None) -> None:
        self.text = text
        self.low = folded(text) if low is None else low
        self.sets = sets
        self._hay: str | None = None
        self._hay_made = False
        self._starts: list[list[int]] | None = None

    def _hay_of(self) -> str | None:
        if not self._hay_made:
            self._hay = word_hay(self.text)
            self._hay_made = True
        return self._hay

    def finditer(self, pattern: re.Pattern[str], keywords: tuple[str, ...]) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``."""
        sets = self.sets
        i = None
        if sets is not None:
            i = sets.by_id.get(id(keywords))
            if i is None:
                i = sets.index.get(keywords)
        if i is None:
            if not has_any(self.low, keywords):
                return iter(())
            return finditer_at(pattern, self.text, _prefix_starts(keywords).in_hay(self._hay_of()))
        if self._starts is None:
            hay = self._hay_of()
            if hay is None:
                return pattern.finditer(self.text)
            self._starts = sets.starts(hay)  # type: ignore[union-attr]
        starts = self._starts[i]
        return finditer_at(pattern, self.text, starts) if starts else iter(())

    def search(self, pattern: re.Pattern[str], keywords: tuple[str, ...]) -> re.Match[str] | None:
        """``pattern.search(text)``."""
        return next(self.finditer(pattern, keywords), None)


def occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Ascending offsets at which one of ``words`` occurs in ``text`` (case-sensitive, overlaps included)."""
    starts: set[int] = set()
    for w in words:
        i = text.find(w)
        while i != -1:
            starts.add(i)
            i = text.find(w, i + 1)
    return sorted(starts)


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int] | None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying only the offsets ``starts`` (ascending).

    Exact when every match of ``pattern`` starts at one of ``starts`` and none is empty: finditer's next match
    is the leftmost one at or after the end of the previous one, and ``pattern.match(text, pos)`` sees the
    text before ``pos`` (look-behinds, ``\\b``) just as a scan that reaches ``pos`` does. ``starts`` None
    falls back to the plain scan.
    """
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            pos = m.end()
