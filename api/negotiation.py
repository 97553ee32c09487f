"""HTTP content negotiation: pick the best offered media type for an ``Accept`` header (RFC 9110 §12.5.1)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches ``media_type``: 2 exact, 1 ``type/*``, 0 ``*/*``, -1 not at all."""
        t, _, s = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != t:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == s else -1


def parse_accept(header: str) -> list[MediaRange]:
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        t, _, s = media.partition("/")
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(t.strip(), s.strip(), q))
    return ranges


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers (first offer on ties and when there is no Accept); ``None`` for 406."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    if not ranges:
        return None
    best: tuple[float, int] | None = None
    chosen = None
    for index, offer in enumerate(offers):
        specificity, quality = -1, 0.0
        for r in ranges:
            m = r.matches(offer)
            if m > specificity:
                specificity, quality = m, r.q
        if specificity < 0 or quality <= 0:
            continue
        key = (quality, -index)
        if best is None or key > best:
            best, chosen = key, offer
    return chosen
