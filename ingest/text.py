"""Text normalisation: every offset hrkg stores indexes the text this module returns."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import ftfy

# Quotes, dashes and odd spaces mapped to plain ASCII forms; one character in, one character out.
_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\t": " ",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,  # byte-order mark
        "\u2026": "...",
    }
)
# The substitutions below skip what they would replace by itself: a single space, a line break without
# spaces around it, and the characters _CHAR_MAP leaves alone (str.translate looks up every character).
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _CHAR_MAP) + "]")
_SPACES = re.compile(r"[ \f\v]{2,}|[\f\v]")  # runs of [ \f\v] that are not one space
_TRAILING = re.compile(r" +\n *|\n +")  # " *\n *" with at least one space
_BLANKS = re.compile(r"\n{3,}")
_MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u017d\u017e\u0178]"
)


def _map_char(m: re.Match[str]) -> str:
    return m.group().translate(_CHAR_MAP)


def normalise_text(raw: str) -> str:
    """Return the normalised form of ``raw``.

    Mojibake is repaired (only when the text shows its signs, so clean text costs nothing), Unicode is
    composed (NFC), curly quotes become straight, dashes become ``-``, non-breaking and other odd spaces
    become a plain space, runs of spaces collapse to one, line ends are kept, and three or more line
    breaks collapse to one blank line (a paragraph break).
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text, normalization="NFC")
    text = unicodedata.normalize("NFC", text)
    text = _MAPPED.sub(_map_char, text)
    # each substitution runs only when the text has something it would change (a fast substring test)
    if "  " in text or "\f" in text or "\v" in text:
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _TRAILING.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


def document_id(normalised: str) -> str:
    """The document id: sha256 hex digest of the normalised text (UTF-8)."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
