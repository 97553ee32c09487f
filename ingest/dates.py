"""Dates in text: absolute ("23 December 2019"), partial ("July 2016", "1988"), ranges ("January 8 to 12")
and relative ones ("last year", "in January this year", "on Tuesday") resolved against a reference date.

Values are ISO partial dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a date whose year the text does not
give and no reference date supplies is kept with ``value=None`` (its month is still known).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:1[89]|20)\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # January 8 to 12(, 2020) / 8 to 12 January (2020) / between 15 and 19 November
    (
        "range_mdd",
        re.compile(
            r"\b"
            + _MONTH.format(n="m")
            + r"\s+"
            + _DAY.format(n="d")
            + r"\s*(?:-|to|and|until)\s*"
            + _DAY.format(n="d2")
            + r"\b(?:,?\s+"
            + _YEAR.format(n="y")
            + r")?"
        ),
    ),
    (
        "range_ddm",
        re.compile(
            r"\b"
            + _DAY.format(n="d")
            + r"\s*(?:-|to|and|until)\s*"
            + _DAY.format(n="d2")
            + r"\s+"
            + _MONTH.format(n="m")
            + r"(?:,?\s+"
            + _YEAR.format(n="y")
            + r")?\b"
        ),
    ),
    (
        "mdy",
        re.compile(
            r"\b" + _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d") + r"\b(?:,?\s+" + _YEAR.format(n="y") + r"\b)?"
        ),
    ),
    (
        "dmy",
        re.compile(
            r"\b"
            + _DAY.format(n="d")
            + r"\s+(?:of\s+)?"
            + _MONTH.format(n="m")
            + r"\b(?:,?\s+"
            + _YEAR.format(n="y")
            + r"\b)?"
        ),
    ),
    ("my", re.compile(r"\b" + _MONTH.format(n="m") + r"(?:\s+of)?,?\s+" + _YEAR.format(n="y") + r"\b")),
    (
        "month_rel",
        re.compile(r"\b(?:[Ii]n\s+)?" + _MONTH.format(n="m") + r"(?:\s+(?:of\s+)?(?P<rel>this|last|next)\s+year)?\b"),
    ),
    ("last_month_name", re.compile(r"\b(?P<rel>last|this|next)\s+" + _MONTH.format(n="m") + r"\b")),
    ("year", re.compile(r"(?<![\d,.$£€])\b" + _YEAR.format(n="y") + r"\b(?!,\d|\d|%|\s*(?:per\s*cent|percent))")),
    ("rel_year", re.compile(r"\b(?P<rel>last|this|next|previous|past)\s+year\b", re.I)),
    ("rel_month", re.compile(r"\b(?P<rel>last|this|next|previous|past)\s+month\b", re.I)),
    ("rel_day", re.compile(r"\b(?P<rel>yesterday|today|tomorrow)\b", re.I)),
    (
        "weekday",
        re.compile(r"\b(?:on\s+|last\s+)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ),
]


@dataclass(frozen=True)
class DateMention:
    """A date found in text. ``start``/``end`` index the text that was searched (plus ``offset``)."""

    start: int
    end: int
    text: str
    value: str | None
    month: int | None = None
    end_value: str | None = None
    explicit_year: bool = True  # False when the year was inferred from the reference date

    @property
    def year(self) -> int | None:
        return int(self.value[:4]) if self.value else None


def parse_reference(published: str | None) -> dt.date | None:
    """A reference date from a partial ISO date; partial dates are taken at their first day."""
    if not published:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year_for_month(month: int, ref: dt.date | None) -> int | None:
    """The year of the most recent ``month`` on or before the reference date."""
    if ref is None:
        return None
    return ref.year if month <= ref.month else ref.year - 1


def _resolve(kind: str, m: re.Match[str], ref: dt.date | None) -> tuple[str | None, int | None, str | None]:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if kind == "iso":
        return _iso(year, int(g["m"]), int(g["d"])), int(g["m"]), None
    if kind in ("range_mdd", "range_ddm"):
        month = _month(g["m"])
        year = year or _year_for_month(month, ref)
        return _iso(year, month, int(g["d"])), month, _iso(year, month, int(g["d2"]))
    if kind in ("mdy", "dmy"):
        month = _month(g["m"])
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None, month, None
        year = year or _year_for_month(month, ref)
        return _iso(year, month, day), month, None
    if kind == "my":
        month = _month(g["m"])
        return _iso(year, month), month, None
    if kind in ("month_rel", "last_month_name"):
        month = _month(g["m"])
        rel = (g.get("rel") or "").lower()
        if ref is None:
            return None, month, None
        if rel == "this":
            return _iso(ref.year, month), month, None
        if rel == "last" and kind == "month_rel":
            return _iso(ref.year - 1, month), month, None
        if rel == "next":
            return _iso(ref.year + (1 if kind == "month_rel" or month <= ref.month else 0), month), month, None
        return _iso(_year_for_month(month, ref), month), month, None
    if kind == "year":
        return _iso(year), None, None
    if ref is None:
        return None, None, None
    rel = (g.get("rel") or "").lower()
    if kind == "rel_year":
        delta = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[rel]
        return _iso(ref.year + delta), None, None
    if kind == "rel_month":
        delta = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[rel]
        idx = ref.year * 12 + (ref.month - 1) + delta
        return _iso(idx // 12, idx % 12 + 1), idx % 12 + 1, None
    if kind == "rel_day":
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[rel]
        d = ref + dt.timedelta(days=delta)
        return d.isoformat(), d.month, None
    if kind == "weekday":
        target = WEEKDAYS.index(g["wd"].lower())
        back = (ref.weekday() - target) % 7
        d = ref - dt.timedelta(days=back)
        return d.isoformat(), d.month, None
    return None, None, None


# kinds whose year may come from the reference date rather than from the text
_MONTH_KINDS = frozenset({"range_mdd", "range_ddm", "mdy", "dmy", "month_rel", "last_month_name"})
# "on Monday", "yesterday": the whole date, year included, comes from the reference date
_DAY_KINDS = frozenset({"weekday", "rel_day"})
_MAY_VERB = re.compile(r"\bMay\s+(?:be|have|not|also|well|say|face|never|only|still|then)\b")


class _Groups:
    """The groups of one alternative of :data:`_ALL`, under their plain names (``y``, ``m``, ``d`` ...)."""

    __slots__ = ("_m", "_names")

    def __init__(self, m: re.Match[str], names: dict[str, str]) -> None:
        self._m = m
        self._names = names

    def groupdict(self) -> dict[str, str | None]:
        return {plain: self._m.group(full) for plain, full in self._names.items()}

    def group(self, name: str | int = 0) -> str | None:
        if name == 0:
            return self._m.group(self._names["__all"])
        full = self._names.get(str(name))
        return self._m.group(full) if full else None

    def start(self, name: str) -> int:
        return self._m.start(self._names[name])


def _merge_patterns() -> tuple[re.Pattern[str], dict[str, dict[str, str]]]:
    """All date patterns as one alternation, in priority order: one scan of the text instead of thirteen."""
    parts: list[str] = []
    names: dict[str, dict[str, str]] = {}
    for kind, pattern in _PATTERNS:
        src = pattern.pattern
        groups: dict[str, str] = {"__all": f"k_{kind}"}
        for plain in pattern.groupindex:
            groups[plain] = f"{plain}__{kind}"
            src = src.replace(f"(?P<{plain}>", f"(?P<{plain}__{kind}>")
        names[f"k_{kind}"] = groups
        flags = "(?i:" if pattern.flags & re.IGNORECASE else "(?:"
        parts.append(f"(?P<k_{kind}>{flags}{src}))")
    return re.compile("|".join(parts)), names


_ALL, _ALL_NAMES = _merge_patterns()
# Where a date can start: a digit, a month name or a relative word. The union is tried only there.
_ANCHOR = re.compile(
    r"\b(?:\d|(?i:in|on|last|this|next|previous|past|yesterday|today|tomorrow)\b|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
)


def find_dates(text: str, reference: dt.date | None = None, offset: int = 0) -> list[DateMention]:
    """All dates in ``text``, the highest-priority pattern at each position, without overlaps, in order."""
    found: list[DateMention] = []
    pos = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < pos:
            continue
        m = _ALL.match(text, anchor.start())
        if m is None:
            continue
        names = _ALL_NAMES[m.lastgroup or ""]
        kind = names["__all"][2:]
        if kind == "month_rel" and m.group(0)[:1] in "Ii":
            # "in October 2017": a fuller date may start at the month name itself
            inner = _ALL.match(text, m.start(names["m"]))
            if inner is not None and inner.lastgroup != "k_month_rel":
                m = inner
                names = _ALL_NAMES[m.lastgroup or ""]
                kind = names["__all"][2:]
        g = _Groups(m, names)
        s, e = m.span()
        mon = g.group("m") if "m" in names else None
        if mon and mon.startswith("May") and _MAY_VERB.match(text, s):
            continue
        if kind == "month_rel" and not g.group("rel") and not m.group(0).lower().startswith("in "):
            continue  # a bare month name counts only after "in" ("in June") or with "this/last year"
        value, month, end_value = _resolve(kind, g, reference)  # type: ignore[arg-type]
        if kind == "month_rel" and m.group(0).lower().startswith("in "):
            s = g.start("m")
        explicit = (kind not in _MONTH_KINDS or bool(g.group("y") or g.group("rel"))) and kind not in _DAY_KINDS
        pos = e
        found.append(DateMention(s + offset, e + offset, text[s:e], value, month, end_value, explicit))
    return found


def detect_dateline(text: str) -> str | None:
    """A publication date from the first lines of a text ("Tuesday, November 30, 2021" or "12 March 2020")."""
    for line in text.split("\n", 6)[:6]:
        line = line.strip()
        if not line or len(line) > 60:
            continue
        m = re.fullmatch(
            r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:"
            + _MONTH.format(n="m")
            + r"\s+"
            + _DAY.format(n="d")
            + r",?\s+"
            + _YEAR.format(n="y")
            + r"|"
            + _DAY.format(n="d2")
            + r"\s+"
            + _MONTH.format(n="m2")
            + r",?\s+"
            + _YEAR.format(n="y2")
            + r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))",
            line,
        )
        if m:
            if m.group("iy"):
                return _iso(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            if m.group("m"):
                return _iso(int(m.group("y")), _month(m.group("m")), int(m.group("d")))
            return _iso(int(m.group("y2")), _month(m.group("m2")), int(m.group("d2")))
    return None


def normalise_date(value: object) -> str | None:
    """An ISO partial date from metadata (``2021-11-30``, ``2021-11-30T10:00:00Z``, ``2021``), or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"expected a date string, got {type(value).__name__}")
    m = re.match(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)
    found = find_dates(value)
    return next((d.value for d in found if d.value), None)
