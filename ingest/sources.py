"""Reading source files (.txt, .md, .html) and their metadata into :class:`SourceDoc` records.

Metadata comes, in order of precedence, from a ``NAME.meta.json`` sidecar, from HTML meta tags or
Markdown front matter, and from an in-text dateline. Every failure raises :class:`IngestError` with a
message that names the file and the reason.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hrkg.ingest.dates import detect_dateline, normalise_date
from hrkg.ingest.text import document_id, normalise_text
from hrkg.ontology.errors import IngestError

CONTENT_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
SIDECAR_SUFFIX = ".meta.json"
META_FIELDS = ("title", "url", "publisher", "published")
DEFAULT_MAX_BYTES = 20_000_000


@dataclass
class SourceDoc:
    """One source document: its normalised text (all offsets index it) and its metadata."""

    source: str
    text: str
    content_type: str = "text/plain"
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return document_id(self.text)


def iter_paths(paths: list[Path | str]) -> Iterator[tuple[str, Path | None, str | None]]:
    """``(source, path, error)`` for every document file found under ``paths``, folders recursively.

    Sidecars (``*.meta.json``) and hidden files are skipped. A path that does not exist yields an error.
    """
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield str(given), None, f"{given}: no such file or directory"
            continue
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                        continue
                    child = Path(root) / name
                    yield str(child), child, None
        else:
            yield str(given), path, None


def _check_meta(meta: dict[str, Any], where: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for key in META_FIELDS:
        if key not in meta or meta[key] is None:
            continue
        value = meta[key]
        if key == "published":
            try:
                out[key] = normalise_date(value)
            except TypeError as exc:
                raise IngestError(f"{where}: field 'published' {exc}") from None
            if out[key] is None:
                raise IngestError(f"{where}: field 'published' is not a date: {value!r}")
            continue
        if not isinstance(value, str):
            raise IngestError(f"{where}: field '{key}' must be a string, got {type(value).__name__}")
        out[key] = value.strip() or None
    return out


def sidecar_for(path: Path) -> Path | None:
    """The ``NAME.meta.json`` beside ``path`` (``NAME`` with or without the file's extension)."""
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> dict[str, str | None]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"{path}: cannot read metadata sidecar: {exc}") from None
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise IngestError(f"{path}: malformed metadata JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(meta, dict):
        raise IngestError(f"{path}: metadata must be a JSON object, got {type(meta).__name__}")
    return _check_meta(meta, str(path))


def decode(data: bytes, where: str) -> str:
    """UTF-8 text of ``data``; empty, binary and non-UTF-8 data are refused with a clear reason."""
    if not data.strip():
        raise IngestError(f"{where}: file is empty")
    if b"\x00" in data[:65536] or b"\x00" in data:
        raise IngestError(f"{where}: looks binary (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{where}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None


_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"```.*?```", re.S), ""),
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), ""),
    (re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", re.M), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`]*)`"), r"\1"),
]


def markdown_to_text(md: str) -> str:
    """Plain text of Markdown: markup removed, words and line structure kept."""
    out = md
    for pattern, repl in _MD_RULES:
        out = pattern.sub(repl, out)
    return out


def parse_markdown(raw: str, where: str) -> tuple[str, dict[str, str | None]]:
    import frontmatter
    import yaml

    try:
        post = frontmatter.loads(raw)
    except (yaml.YAMLError, ValueError) as exc:
        raise IngestError(f"{where}: malformed front matter: {exc}") from None
    meta = _check_meta(dict(post.metadata), f"{where} (front matter)")
    if post.metadata.get("author") and isinstance(post.metadata["author"], str):
        meta["author"] = post.metadata["author"]
    body = post.content
    if "title" not in meta:
        m = re.search(r"^\s{0,3}#\s+(.+?)\s*$", body, re.M)
        if m:
            meta["title"] = m.group(1).strip()
    return markdown_to_text(body), meta


def parse_html(raw: str, where: str) -> tuple[str, dict[str, str | None]]:
    import trafilatura

    meta: dict[str, str | None] = {}
    try:
        md = trafilatura.extract_metadata(raw)
    except Exception:  # trafilatura raises many kinds on odd markup; metadata is optional
        md = None
    if md is not None:
        meta["title"] = md.title or None
        meta["url"] = md.url or None
        meta["publisher"] = md.sitename or None
        meta["published"] = normalise_date(md.date) if md.date else None
        if md.author:
            meta["author"] = md.author
    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        text = trafilatura.html2txt(raw) or ""
    if not text.strip():
        raise IngestError(f"{where}: no readable text found in the HTML")
    title = meta.get("title")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    return text, {k: v for k, v in meta.items() if v}


def build_source(
    raw: str,
    *,
    source: str,
    content_type: str = "text/plain",
    meta: dict[str, str | None] | None = None,
) -> SourceDoc:
    """A :class:`SourceDoc` from decoded text; ``meta`` (e.g. from a sidecar) overrides what the text says."""
    if content_type == "text/html":
        body, found = parse_html(raw, source)
    elif content_type == "text/markdown":
        body, found = parse_markdown(raw, source)
    elif content_type == "text/plain":
        body, found = raw, {}
    else:
        raise IngestError(f"{source}: unknown content type '{content_type}'")
    text = normalise_text(body)
    if not text:
        raise IngestError(f"{source}: no text left after normalisation (empty document)")
    merged: dict[str, str | None] = {**found, **{k: v for k, v in (meta or {}).items() if v is not None}}
    if not merged.get("published"):
        merged["published"] = detect_dateline(text)
    return SourceDoc(
        source=source,
        text=text,
        content_type=content_type,
        title=merged.get("title"),
        url=merged.get("url"),
        publisher=merged.get("publisher"),
        published=merged.get("published"),
        author=merged.get("author"),
    )


def load_source(path: Path, source: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDoc:
    """Read one file (and its sidecar) into a :class:`SourceDoc`."""
    where = source or str(path)
    suffix = path.suffix.lower()
    if suffix not in CONTENT_TYPES:
        known = ", ".join(sorted(CONTENT_TYPES))
        raise IngestError(f"{where}: unknown format '{suffix or '(no extension)'}'; supported: {known}")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(f"{where}: not a regular file (a pipe, socket or device), not read")
        if info.st_size > max_bytes:
            raise IngestError(f"{where}: file is {info.st_size} bytes, over the limit of {max_bytes} bytes")
        data = path.read_bytes()
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(f"{where}: cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise IngestError(f"{where}: file is {len(data)} bytes, over the limit of {max_bytes} bytes")
    raw = decode(data, where)
    sidecar = sidecar_for(path)
    meta = read_sidecar(sidecar) if sidecar else None
    return build_source(raw, source=where, content_type=CONTENT_TYPES[suffix], meta=meta)
