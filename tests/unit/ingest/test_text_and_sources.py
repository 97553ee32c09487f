from __future__ import annotations

import json
from pathlib import Path

import pytest

from hrkg.ingest.pipeline import Outcome, extract_text, iter_extractions
from hrkg.ingest.sources import load_source
from hrkg.ingest.text import document_id, normalise_text
from hrkg.ontology.errors import IngestError


def test_normalise_quotes_dashes_spaces_and_paragraphs() -> None:
    raw = "\u201cFree them\u201d \u2014 the group\u2019s  call\u00a0today.\r\n\r\n\r\n\tNext\u202fline  "
    assert normalise_text(raw) == '"Free them" - the group\'s call today.\n\nNext line'


def test_document_id_is_sha256_of_normalised_text() -> None:
    text = normalise_text("A  short\u00a0note.")
    assert document_id(text) == document_id("A short note.")
    assert len(document_id(text)) == 64


def test_markdown_front_matter_and_markup(tmp_path: Path) -> None:
    p = tmp_path / "note.md"
    p.write_text("---\ntitle: Field note\npublished: 2023-04-02\npublisher: Desk\n---\n# Heading\n\n**Bold** text.\n")
    doc = load_source(p)
    assert (doc.title, doc.published, doc.publisher) == ("Field note", "2023-04-02", "Desk")
    assert doc.text == "Heading\n\nBold text."


def test_html_main_text_and_meta(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Verdict day</title><meta property='og:site_name' content='Wire'>"
        "<meta property='article:published_time' content='2022-05-06T10:00:00Z'></head>"
        "<body><nav>Home | About</nav><article><h1>Verdict day</h1><p>The court in Lyon delivered its verdict "
        "on Friday after a long trial that lasted several months and drew many observers.</p></article>"
        "</body></html>"
    )
    doc = load_source(p)
    assert "court in Lyon" in doc.text
    assert doc.published == "2022-05-06"
    assert doc.publisher == "Wire"


def test_sidecar_overrides_and_dateline(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Monday, March 4, 2024\nThe rally went ahead.")
    assert load_source(p).published == "2024-03-04"
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "T", "published": "2024-03-05", "url": "u"}))
    doc = load_source(p)
    assert (doc.title, doc.published, doc.url) == ("T", "2024-03-05", "u")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"  \n", "empty"),
        ("bin.txt", b"abc\x00def", "binary"),
        ("latin.txt", b"caf\xe9 au lait", "UTF-8"),
        ("data.csv", b"a,b", "unknown format"),
    ],
)
def test_bad_files_are_refused_with_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(IngestError, match=reason) as exc:
        load_source(p)
    assert name in str(exc.value)


def test_size_limit_and_malformed_sidecar(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 100)
    with pytest.raises(IngestError, match="over the limit"):
        load_source(p, max_bytes=50)
    q = tmp_path / "q.txt"
    q.write_text("Some text.")
    (tmp_path / "q.meta.json").write_text("{not json")
    with pytest.raises(IngestError, match="malformed metadata JSON"):
        load_source(q)
    (tmp_path / "q.meta.json").write_text(json.dumps({"title": 5}))
    with pytest.raises(IngestError, match="'title' must be a string"):
        load_source(q)


def test_folder_walk_skips_sidecars_and_hidden_and_goes_on_after_errors(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ok.txt").write_text("Reporters gathered in the square.")
    (tmp_path / "sub" / "ok.meta.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    outcomes = list(iter_extractions([tmp_path, tmp_path / "missing.txt"]))
    assert all(isinstance(o, Outcome) for o in outcomes)
    by_name = {Path(o.source).name: o for o in outcomes}
    assert set(by_name) == {"ok.txt", "bad.txt", "missing.txt"}
    assert by_name["ok.txt"].document is not None
    assert "binary" in (by_name["bad.txt"].error or "")
    assert "no such file" in (by_name["missing.txt"].error or "")


def test_extract_text_rejects_bad_input() -> None:
    with pytest.raises(IngestError, match="empty"):
        extract_text("   ")
    with pytest.raises(IngestError, match="content type"):
        extract_text("Text.", content_type="application/pdf")
