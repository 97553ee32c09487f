"""Entry points for the CLI and the API: files or text in, validated :class:`Document` records out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from hrkg.ingest.extractors import DEFAULT_EXTRACTOR, get_extractor
from hrkg.ingest.sources import DEFAULT_MAX_BYTES, build_source, iter_paths, load_source
from hrkg.ontology.errors import IngestError
from hrkg.ontology.models import Document

CONTENT_TYPES = ("text/plain", "text/html", "text/markdown")


@dataclass
class Outcome:
    """One file's result: a document, or an error message naming the file and the reason."""

    source: str
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None


def iter_extractions(
    paths: Sequence[Path | str],
    *,
    extractor: str = DEFAULT_EXTRACTOR,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Outcome]:
    """Extract every document under ``paths`` (folders recursively), one :class:`Outcome` per file.

    A bad file yields an Outcome with ``error`` set and the others carry on.
    """
    engine = get_extractor(extractor)
    for source, path, error in iter_paths(list(paths)):
        if error is not None or path is None:
            yield Outcome(source=source, error=error or f"{source}: cannot be read")
            continue
        try:
            doc = load_source(path, source, max_bytes=max_bytes)
            yield Outcome(source=source, document=engine.extract(doc))
        except IngestError as exc:
            yield Outcome(source=source, error=str(exc))
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            yield Outcome(source=source, error=f"{source}: extraction produced an invalid document: {exc}")


def extract_text(
    text: str,
    *,
    source: str = "<text>",
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    content_type: str = "text/plain",
    extractor: str = DEFAULT_EXTRACTOR,
) -> Document:
    """Extract one document given as a string (plain text, Markdown or HTML) with its metadata."""
    if content_type not in CONTENT_TYPES:
        raise IngestError(f"{source}: unknown content type '{content_type}'; use one of {', '.join(CONTENT_TYPES)}")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(f"{source}: the document text is empty")
    if "\x00" in text:
        raise IngestError(f"{source}: looks binary (contains NUL characters), not a text document")
    from hrkg.ingest.sources import _check_meta

    meta = _check_meta({"title": title, "publisher": publisher, "published": published, "url": url}, source)
    doc = build_source(text, source=source, content_type=content_type, meta=meta)
    return get_extractor(extractor).extract(doc)
