"""A corpus of malformed input next to good files with awkward names: each bad file is refused with one line
naming it and the reason, the good ones land in the graph, script content never reaches it, exit code 1."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from neo4j import Driver

from tests.integration.conftest import wipe
from tests.reliability.helpers import run_hrkg

pytestmark = [pytest.mark.integration, pytest.mark.reliability]

SCRIPT_MARKER = "XSCRIPTMARKER7731"
IFRAME_MARKER = "XIFRAMEMARKER5512"
STYLE_MARKER = "XSTYLEMARKER0042"
HANDLER_MARKER = "XHANDLERMARKER9090"
MARKERS = (SCRIPT_MARKER, IFRAME_MARKER, STYLE_MARKER, HANDLER_MARKER)

STORY = (
    "{who} said on Tuesday that {person}, a 34-year-old lawyer, was arrested in {city} on 3 May 2021. "
    "The group said at least {n} people were detained in the crackdown that followed."
)

HTML_WITH_SCRIPT = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Lawyer detained in Minsk</title>
<meta property="og:site_name" content="Example Monitor">
<meta property="article:published_time" content="2021-05-04T08:00:00+00:00">
<style>body::after {{ content: "{STYLE_MARKER} Human Rights Watch said 77 people were killed in Minsk."; }}</style>
<script>var note = "{SCRIPT_MARKER} Amnesty International said 900 people were executed in Tehran.";
document.write("<p>" + note + "</p>");</script>
</head><body>
<article onclick="alert('{HANDLER_MARKER}')">
<h1>Lawyer detained in Minsk</h1>
<p>{STORY.format(who="Human Rights Watch", person="Ales Kaminski", city="Minsk", n=120)}</p>
<script type="text/javascript">
  // {SCRIPT_MARKER}: Iran Human Rights said Reza Moradi was executed in Shiraz on 2 June 2021.
  window.tracker = "{SCRIPT_MARKER}";
</script>
<iframe src="https://evil.example/{IFRAME_MARKER}"
        srcdoc="<p>{IFRAME_MARKER} Human Rights Watch said Reza Moradi was executed in Shiraz.</p>">
  {IFRAME_MARKER} The UN Human Rights Office said 300 people were killed in Minsk.
</iframe>
<p>Viasna, a rights group, said the lawyer had been held in solitary confinement since his arrest in Minsk.</p>
</article></body></html>
"""


def good_text(i: int) -> str:
    people = ["Leyla Moradi", "Tomas Vellner", "Amina Osei", "Karim Haddad", "Elena Petrov", "Sipho Nkosi"]
    cities = ["Tehran", "Almaty", "Khartoum", "Caracas", "Yangon", "Harare"]
    return STORY.format(who="Amnesty International", person=people[i], city=cities[i], n=40 + i) + "\n"


# name -> the document's own Document.source basename; all must be ingested
GOOD: dict[str, str] = {}
# name -> words one of which the reason must contain
BAD: dict[str, tuple[str, ...]] = {}


def make_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "sub dir").mkdir(parents=True)
    goods = {
        "plain good.txt": good_text(0),
        "a..b report..txt": good_text(1),
        "Téhéran \u2013 rapport ü 日本 ✓.txt": good_text(2),
        'it\'s "quoted" `tick`.txt': good_text(3),
        "-leading-dash.txt": good_text(4),
        "sub dir/ nested  spaces .md": "---\ntitle: Nested\npublished: 2021-05-03\n---\n\n" + good_text(5),
    }
    for name, text in goods.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "plain good.meta.json").write_text(
        json.dumps({"title": "Arrest in Tehran", "published": "2021-05-03", "publisher": "Example Wire"})
    )
    (corpus / "script.html").write_text(HTML_WITH_SCRIPT, encoding="utf-8")
    GOOD.clear()
    GOOD.update({Path(n).name: n for n in [*goods, "script.html"]})

    bad: dict[str, tuple[bytes | str, tuple[str, ...]]] = {
        "empty.txt": (b"", ("empty",)),
        "blank.md": ("  \n\t\n \n", ("empty",)),
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, ("binary",)),
        "binary.html": (b"<html>\x00\x00\x00</html>", ("binary",)),
        "latin1.txt": ("Caf\xe9 de la Paix, Gen\xe8ve: a witness said.".encode("latin-1"), ("utf-8",)),
        "truncated-utf8.txt": (b"Amnesty International said " + "日本".encode()[:4], ("utf-8",)),
        "scan.pdf": (b"%PDF-1.7 not supported", ("format",)),
        "bad front matter.md": ("---\ntitle: [unclosed\npublished: 2021\n---\n\nText of it.\n", ("front matter",)),
        '-dash "quoted" ü..x.txt': (b"", ("empty",)),
    }
    for name, (content, _) in bad.items():
        path = corpus / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    sidecars = {
        "bad-json": ('{"title": "unterminated', ("json",)),
        "published-number": ('{"title": "Numbers", "published": 12}', ("published",)),
        "title-list": ('{"title": ["a", "b"], "published": "2021-05-03"}', ("title",)),
        "unknown-date": ('{"title": "When?", "published": "the spring festival"}', ("published", "date")),
        "array-sidecar": ("[1, 2, 3]", ("object",)),
        "latin1-sidecar": ('{"title": "Gen\xe8ve"}', ("utf-8", "utf8", "decode", "metadata")),
    }
    for stem, (meta, _) in sidecars.items():
        (corpus / f"{stem}.txt").write_text(good_text(0).replace("Amnesty", "Amnesty-" + stem), encoding="utf-8")
        sidecar = corpus / f"{stem}.meta.json"
        if stem.startswith("latin1"):
            sidecar.write_bytes(meta.encode("latin-1"))
        else:
            sidecar.write_text(meta, encoding="utf-8")
    # 50 MB of plausible text: over the default HRKG_MAX_DOCUMENT_BYTES of 20 MB.
    chunk = ("Protesters gathered in the square while Amnesty International observers watched. " * 12800).encode()
    with (corpus / "huge.txt").open("wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    BAD.clear()
    BAD.update({name: words for name, (_, words) in bad.items()})
    BAD.update({f"{stem}.txt": words for stem, (_, words) in sidecars.items()})
    BAD["huge.txt"] = ("limit", "bytes")
    return corpus


def stored_graph_text(driver: Driver, database: str) -> str:
    nodes = driver.execute_query("MATCH (n) RETURN properties(n) AS p", database_=database).records
    rels = driver.execute_query("MATCH ()-[r]->() RETURN properties(r) AS p", database_=database).records
    return json.dumps([r["p"] for r in [*nodes, *rels]], ensure_ascii=False, default=str)


def test_bad_files_are_refused_by_name_good_ones_land_and_no_script_content_is_stored(
    empty_graph: Driver, database: str, tmp_path: Path
) -> None:
    wipe(empty_graph, database)
    corpus = make_corpus(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "HRKG_MAX_DOCUMENT_BYTES"}  # the default limit, 20 MB
    proc = run_hrkg("ingest", str(corpus), env=env, timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr

    failed = [line for line in proc.stderr.splitlines() if line.startswith("failed ")]
    for name, words in BAD.items():
        path = str(corpus / name)
        lines = [line for line in failed if line.startswith(f"failed {path}: ")]
        assert len(lines) == 1, f"expected one line naming {path!r}, got {lines}\n{proc.stderr}"
        reason = lines[0][len(f"failed {path}: ") :].lower()
        assert any(w in reason for w in words), f"{name}: the reason {reason!r} does not say {words}"
    assert len(failed) == len(BAD), "\n".join(failed)
    assert f"documents {len(GOOD)}," in proc.stdout and f"failures {len(BAD)}" in proc.stdout, proc.stdout

    docs = {Path(r["source"]).name: r.data() for r in empty_graph.execute_query(
        "MATCH (d:Document) OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(d) "
        "RETURN d.source AS source, d.title AS title, d.published AS published, count(e) AS entities",
        database_=database).records}  # fmt: skip
    assert set(docs) == set(GOOD), sorted(docs)
    for name, rel in GOOD.items():
        assert docs[name]["source"] == str(corpus / rel)  # the name is stored as given, not mangled
        assert docs[name]["entities"] >= 2, docs[name]
    assert docs["plain good.txt"]["title"] == "Arrest in Tehran"
    assert docs[" nested  spaces .md"]["title"] == "Nested"
    assert docs["script.html"]["title"] == "Lawyer detained in Minsk"

    stored = stored_graph_text(empty_graph, database)
    for marker in MARKERS:
        assert marker not in stored, f"{marker} (inside <script>, <style>, <iframe> or an attribute) was stored"
    evidence = empty_graph.execute_query(
        """MATCH (:Document {source: $src})<-[:MENTIONED_IN]-(e:Entity) RETURN collect(e.name) AS names""",
        src=str(corpus / "script.html"), database_=database,
    ).records[0]["names"]  # fmt: skip
    assert any("Kaminski" in n for n in evidence), evidence  # the article body itself was read

    from hrkg.ingest.sources import load_source

    text = load_source(corpus / "script.html").text
    assert "Ales Kaminski" in text and not any(m in text for m in MARKERS), text


def test_failure_lines_name_files_with_square_brackets(empty_graph: Driver, tmp_path: Path) -> None:
    corpus = tmp_path / "brackets"
    corpus.mkdir()
    (corpus / "report [draft] [bold]v2.txt").write_bytes(b"")
    (corpus / "notes [red].txt").write_text(good_text(1), encoding="utf-8")
    proc = run_hrkg("extract", str(corpus), "--format", "table", timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"failed {corpus / 'report [draft] [bold]v2.txt'}: file is empty" in proc.stderr, proc.stderr


def test_a_fifo_in_the_folder_is_refused_not_waited_on(tmp_path: Path) -> None:
    from hrkg.ingest.pipeline import iter_extractions

    corpus = tmp_path / "fifo"
    corpus.mkdir()
    fifo = corpus / "pipe.txt"
    os.mkfifo(fifo)
    (corpus / "zz-good.txt").write_text(good_text(2), encoding="utf-8")
    outcomes: list = []
    worker = threading.Thread(target=lambda: outcomes.extend(iter_extractions([corpus])), daemon=True)
    worker.start()
    worker.join(timeout=8)
    hung = worker.is_alive()
    if hung:  # unblock the reader: open the FIFO for writing and close it (EOF)
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(timeout=30)
    assert not hung, "reading a FIFO blocked the extraction"
    by_name = {Path(o.source).name: o for o in outcomes}
    assert by_name["pipe.txt"].error and by_name["zz-good.txt"].ok
