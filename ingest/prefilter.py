"""Cheap keyword pre-checks that let the rules skip regex scans which cannot match.

Each keyword tuple lists substrings of which at least one occurs in every possible match of the regex it
guards, so a pre-check that fails proves the regex finds nothing; the output never changes. Texts are
compared in a case-folded form that is a superset of what ``re.IGNORECASE`` treats as equal for ASCII
letters (dotted/dotless i, long s and the Kelvin sign fold to i, s and k).
"""

from __future__ import annotations

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
