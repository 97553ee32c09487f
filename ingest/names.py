"""Name keys: folding for look-ups, word-set keys for matching variants, slugs for minted ids."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s\b")
_NON_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")
_KEY_STOP = frozenset({"the", "of", "in", "a", "an", "s"})


@lru_cache(maxsize=65536)
def strip_accents(s: str) -> str:
    if s.isascii():
        return s  # NFKD leaves ASCII unchanged and ASCII has no combining marks
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Case-, accent- and quote-insensitive form of a name, with a leading "the" dropped."""
    s = strip_accents(s).lower().replace("\u2019", "'").replace("\u2018", "'")
    s = _SPACES.sub(" ", s).strip(" .,;:")
    if s.startswith("the "):
        s = s[4:]
    return s


@lru_cache(maxsize=65536)
def word_key(s: str) -> str:
    """Order-free word set of a name without stop words ("Trial of X" == "X trial")."""
    s = strip_accents(s).lower().replace("\u2019", "'")
    s = _POSSESSIVE.sub("", s)
    words = set(_NON_ALNUM.sub(" ", s).split()) - _KEY_STOP
    return " ".join(sorted(words))


def slugify(name: str) -> str:
    """Lower-case ASCII slug with hyphens: ``"Amiry-Moghaddam's NGO"`` -> ``amiry-moghaddam-s-ngo``."""
    s = strip_accents(name).lower().replace("'", "")
    s = _NON_ALNUM.sub("-", s).strip("-")
    return s or "unnamed"


def mint_id(entity_type: str, name: str) -> str:
    return f"{entity_type.lower()}/{slugify(name)}"


_TRANSLIT = [("kh", "k"), ("gh", "g"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("w", "v"), ("q", "k")]


@lru_cache(maxsize=65536)
def translit_key(token: str) -> str:
    """A spelling-tolerant key for transliterated names: Noury == Nouri, Mojahedin ~ Mojahedeen."""
    s = strip_accents(token).lower()
    s = _NON_LETTER.sub("", s)
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    s = _DOUBLED.sub(r"\1", s)  # doubled letters
    return s
