"""Sentence and line segmentation with compiled regular expressions (no per-token Python loop).

A line break always ends a sentence (headings, bylines and list items are lines of their own); inside a
line, a sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or brackets) followed by a space and an
upper-case letter, a digit or an opening quote, unless the word before the full stop is a known
abbreviation or a single initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpt",
        "maj",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "fr",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "fig",
        "vol",
        "op",
        "cf",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
    ]
)
_BOUNDARY = re.compile(r"""[.!?]+["')\]]*(?=\s+["'(\[]?[A-Z0-9])""")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    line_start: bool  # the sentence opens a line
    headline: bool  # the line looks like a heading (short, title case, no final full stop)
    paragraph: int


_ANY_WORD = re.compile(r"\b[\w'-]+")
_MINOR = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "by",
        "with",
        "from",
        "as",
        "vs",
        "is",
        "are",
        "was",
    ]
)


def is_headline(line: str) -> bool:
    """A short line without a closing full stop whose words are mostly capitalised."""
    stripped = line.strip()
    if not stripped or (stripped[-1] in ".:;" and len(stripped) > 80):
        return False
    if len(stripped) > 160:
        return False
    words = [w for w in _ANY_WORD.findall(stripped) if w.lower() not in _MINOR]
    if len(words) < 2:
        return False
    if stripped[-1] in '.!?"' and len(words) > 8:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return caps / len(words) >= 0.75


def _word_before(line: str, dot: int) -> str:
    """What ``_WORD_BEFORE.search(line, 0, dot)`` captures (or ""): the run of word characters and full
    stops that ends at ``dot``, found from the right instead of by a search from the start of the line."""
    start = dot
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "_."):
        start -= 1
    return line[start:dot]


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = 0
    prev_end = 0
    for line_match in _LINE.finditer(text):
        line_start, line_end = line_match.span()
        if "\n\n" in text[prev_end:line_start]:
            paragraph += 1
        prev_end = line_end
        line = line_match.group()
        headline = is_headline(line)
        cuts = [0]
        if not headline:
            for m in _BOUNDARY.finditer(line):
                dot = m.start()
                word = _word_before(line, dot).lower()
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and line[dot - 1].isupper()):
                    continue
                if "." in word and len(word) <= 5 and word.replace(".", "").isalpha():
                    continue  # U.S. / U.N.
                cuts.append(m.end())
        cuts.append(len(line))
        for a, b in pairwise(cuts):
            seg = line[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if trail <= lead:
                continue
            out.append(Sentence(len(out), line_start + a + lead, line_start + a + trail, a == 0, headline, paragraph))
    return out
