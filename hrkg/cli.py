"""The ``hrkg`` command line: the only entry point besides the API lifespan that creates a Neo4j driver."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from neo4j import Driver
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from hrkg.graph import server
from hrkg.graph.connection import check_connection, create_driver
from hrkg.graph.writer import LoadSummary
from hrkg.ontology.errors import GraphWriteError, HrkgError
from hrkg.settings import Settings, get_settings

app = typer.Typer(
    name="hrkg",
    help="Human-rights documents -> an evidence-backed knowledge graph in Neo4j.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
neo4j_app = typer.Typer(help="A local Neo4j 5 Community server on 127.0.0.1 (no Docker needed).", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

out = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"error: {message}", style="bold red", highlight=False, soft_wrap=True, markup=False)
    return typer.Exit(code)


def server_config(settings: Settings) -> server.ServerConfig:
    return server.ServerConfig(
        home=settings.neo4j_home,
        bolt_port=settings.neo4j_bolt_port,
        http_port=settings.neo4j_http_port,
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        tx_timeout=settings.neo4j_tx_timeout,
        password=settings.neo4j_password.get_secret_value(),
        start_timeout=settings.neo4j_start_timeout,
    )


@contextmanager
def connected(settings: Settings) -> Iterator[Driver]:
    """A driver for the configured server, checked before use and closed afterwards."""
    driver = create_driver(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password.get_secret_value())
    try:
        check_connection(driver, settings.neo4j_uri)
        yield driver
    finally:
        driver.close()


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Resolve Neo4j from Maven Central (first time), write its config and start it in the background."""
    cfg = server_config(get_settings())
    try:
        st, started = server.start(cfg)
    except HrkgError as exc:
        raise fail(str(exc)) from None
    if started:
        out.print(f"Neo4j {server.NEO4J_VERSION} started (pid {st.pid}).")
    else:
        out.print(f"Neo4j is already running (pid {st.pid}); nothing changed.")
    out.print(f"Bolt:    {st.bolt_url}\nBrowser: {st.browser_url}\nData:    {cfg.home / 'data'}", highlight=False)


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local server (SIGTERM, then wait; SIGKILL only as a last resort)."""
    cfg = server_config(get_settings())
    out.print("Neo4j stopped." if server.stop(cfg) else "Neo4j was not running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local server is up, with its ports and pid. Exit code 3 when it is down."""
    st = server.status(server_config(get_settings()))
    out.print(st.describe(), highlight=False)
    if not st.running:
        raise typer.Exit(3)


@app.command("init-db")
def init_db() -> None:
    """Create the constraints and indexes generated from the ontology (idempotent)."""
    from hrkg.graph.schema import apply_schema
    from hrkg.ontology import load_ontology

    settings = get_settings()
    try:
        with connected(settings) as driver:
            names = apply_schema(driver, load_ontology(), settings.neo4j_database)
    except HrkgError as exc:
        raise fail(str(exc)) from None
    out.print(f"Schema ready: {len(names)} constraints and indexes on database '{settings.neo4j_database}'.")


def failure_line(source: str, error: str | None) -> str:
    """One line naming the file and the reason (the reason may already start with the file's name)."""
    reason = (error or "nothing extracted").strip()
    if reason.startswith(f"{source}:"):
        reason = reason[len(source) + 1 :].strip()
    return f"failed {source}: {' '.join(reason.split())}"


def parse_param(text: str) -> tuple[str, object]:
    """``k=v`` -> (k, v) where v is read as JSON when it parses (numbers, null, lists) and as a string otherwise."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip().isidentifier():
        raise fail(f"--param {text!r}: expected NAME=VALUE")
    try:
        return key.strip(), json.loads(value)
    except json.JSONDecodeError:
        return key.strip(), value


@app.command("cypher")
def cypher(
    query_text: Annotated[str | None, typer.Argument(metavar="QUERY", help="A read-only Cypher query.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Run the query in this .cypher file.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help='Print {"columns": [...], "rows": [{...}]}.')] = False,
) -> None:
    """Run a read-only query (writes are refused); print a table or JSON."""
    from hrkg.graph.readonly import run_read_only

    if (query_text is None) == (file is None):
        raise fail("give either a QUERY or --file FILE")
    if file is not None:
        try:
            query_text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise fail(f"cannot read {file}: {exc.strerror}") from None
    params = dict(parse_param(p) for p in param or [])
    settings = get_settings()
    try:
        with connected(settings) as driver:
            result = run_read_only(
                driver, settings.neo4j_database, query_text or "", params,
                timeout=settings.cypher_timeout, max_rows=settings.cypher_max_rows,
            )  # fmt: skip
    except HrkgError as exc:
        raise fail(str(exc)) from None
    if as_json:
        doc = {"columns": result.columns, "rows": result.rows}
        if result.truncated:
            doc["truncated"] = True
        typer.echo(json.dumps(doc, default=str, ensure_ascii=False, indent=1))
        return
    table = Table(*result.columns, show_lines=False)
    for row in result.rows:
        table.add_row(*(_cell(row[c]) for c in result.columns))
    out.print(table)
    note = f" (truncated at {settings.cypher_max_rows})" if result.truncated else ""
    out.print(f"{len(result.rows)} row(s){note}")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, default=str, ensure_ascii=False)
    return str(value)


@app.command("remove")
def remove(doc_id: Annotated[str, typer.Argument(metavar="DOC_ID", help="The document's id (sha256).")]) -> None:
    """Remove a document and what only it supported; what other documents also support stays."""
    from hrkg.graph.writer import remove_document

    settings = get_settings()
    try:
        with connected(settings) as driver:
            removed = remove_document(driver, settings.neo4j_database, doc_id)
    except HrkgError as exc:
        raise fail(str(exc)) from None
    if removed is None:
        raise fail(f"no document with id {doc_id} in the graph")
    out.print(
        f"Removed document {doc_id}: {removed.claims} claims, {removed.relations} relationships and "
        f"{removed.entities} entities that no other document supported."
    )


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


PathsArg = Annotated[list[Path], typer.Argument(metavar="PATH...", help="Files or folders (.txt, .md, .html).")]


@app.command("extract")
def extract(
    paths: PathsArg,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="json (SPEC.md) or table.")] = OutputFormat.json,
    extractor: Annotated[str, typer.Option(help="Name of the extractor to use.")] = "rules",
) -> None:
    """Extract entities, relations and claims without touching the database; exit 1 if any file failed."""
    from hrkg.ingest.pipeline import iter_extractions

    settings = get_settings()
    documents = []
    failed = 0
    try:
        for outcome in iter_extractions(paths, extractor=extractor, max_bytes=settings.max_document_bytes):
            if outcome.error is not None:
                failed += 1
                err.print(
                    failure_line(outcome.source, outcome.error),
                    style="red",
                    highlight=False,
                    soft_wrap=True,
                    markup=False,
                )
            elif outcome.document is not None:
                documents.append(outcome.document)
    except HrkgError as exc:
        raise fail(str(exc)) from None
    if fmt is OutputFormat.json:
        payload = {"documents": [d.model_dump(mode="json") for d in documents]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        table = Table("source", "entities", "relations", "claims", "title")
        for d in documents:
            table.add_row(d.source, str(len(d.entities)), str(len(d.relations)), str(len(d.claims)), d.title or "")
        out.print(table)
    if failed:
        raise typer.Exit(1)


@app.command("ingest")
def ingest(
    paths: PathsArg,
    extractor: Annotated[str, typer.Option(help="Name of the extractor to use.")] = "rules",
) -> None:
    """Extract and load into Neo4j, one document per transaction; idempotent. Exit 1 if any file failed."""
    from hrkg.graph.schema import apply_schema
    from hrkg.graph.writer import load_document
    from hrkg.ingest.pipeline import iter_extractions
    from hrkg.ontology import load_ontology

    settings = get_settings()
    summary = LoadSummary()
    try:
        with connected(settings) as driver:
            apply_schema(driver, load_ontology(), settings.neo4j_database)
            with Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), console=err, transient=True,
            ) as progress:  # fmt: skip
                task = progress.add_task("ingesting", total=None)
                outcomes = iter_extractions(paths, extractor=extractor, max_bytes=settings.max_document_bytes)
                for outcome in outcomes:
                    progress.update(task, description=f"ingesting {escape(Path(outcome.source).name)}")
                    if outcome.error is not None or outcome.document is None:
                        summary.failures.append((outcome.source, outcome.error or "nothing extracted"))
                        progress.console.print(
                            failure_line(outcome.source, outcome.error),
                            style="red",
                            highlight=False,
                            soft_wrap=True,
                            markup=False,
                        )
                    else:
                        try:
                            summary.add(load_document(driver, settings.neo4j_database, outcome.document))
                        except GraphWriteError as exc:
                            summary.failures.append((outcome.source, str(exc)))
                            progress.console.print(
                                failure_line(outcome.source, str(exc)),
                                style="red",
                                highlight=False,
                                soft_wrap=True,
                                markup=False,
                            )
                    progress.advance(task)
    except HrkgError as exc:
        _print_summary(summary)
        raise fail(f"{exc} (documents loaded before this are complete; the current one was rolled back)") from None
    _print_summary(summary)
    if summary.failures:
        raise typer.Exit(1)


def _print_summary(summary: LoadSummary) -> None:
    out.print(
        f"documents {summary.documents}, entities {summary.entities}, relations {summary.relations}, "
        f"claims {summary.claims}, failures {len(summary.failures)}",
        highlight=False,
    )


@app.command("eval")
def evaluate(
    paths: PathsArg,
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold JSON files (one per document).")],
    extractor: Annotated[str, typer.Option(help="Name of the extractor to evaluate.")] = "rules",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every missed gold item and every spurious prediction.")
    ] = False,
) -> None:
    """Precision, recall and F1 of an extractor against gold annotations (../shared/eval/score.py's rules)."""
    from hrkg.ingest.evaluation import format_errors, format_scores, score
    from hrkg.ingest.pipeline import iter_extractions

    if not gold.is_dir():
        raise fail(f"--gold {gold} is not a folder")
    settings = get_settings()
    documents = []
    for outcome in iter_extractions(paths, extractor=extractor, max_bytes=settings.max_document_bytes):
        if outcome.error is not None:
            err.print(
                failure_line(outcome.source, outcome.error), style="red", highlight=False, soft_wrap=True, markup=False
            )
        elif outcome.document is not None:
            documents.append(outcome.document.model_dump(mode="json"))
    scores = score(gold, {"documents": documents}, with_errors=errors)
    if as_json:
        typer.echo(json.dumps(scores, indent=1))
        return
    if errors:
        typer.echo(format_errors(scores))
    typer.echo(format_scores(scores))


class RdfFormat(StrEnum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    xml = "xml"
    trig = "trig"
    nq = "nq"


@app.command("export")
def export(
    fmt: Annotated[RdfFormat, typer.Option("--format", help="RDF serialisation.")] = RdfFormat.ttl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the graph as RDF; N-Triples and N-Quads are streamed in bounded memory.

    TriG and N-Quads put each document's assertions in a named graph carrying its provenance.
    """
    from hrkg.graph.rdf_export import export as write_rdf
    from hrkg.ontology import load_ontology

    settings = get_settings()
    options = {"base_uri": settings.base_uri, "ontology": load_ontology()}
    try:
        with connected(settings) as driver:
            if output is None:
                write_rdf(driver, settings.neo4j_database, fmt.value, sys.stdout.buffer, **options)
                sys.stdout.buffer.flush()
                return
            part = output.with_name(output.name + ".part")
            try:
                with part.open("wb") as f:
                    size = write_rdf(driver, settings.neo4j_database, fmt.value, f, **options)
                part.replace(output)
            finally:
                part.unlink(missing_ok=True)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror}") from None
    except HrkgError as exc:
        raise fail(str(exc)) from None
    err.print(f"Wrote {size:,} bytes of {fmt.value} to {output}.", highlight=False)


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the HTTP API (/docs) and the browse page (/browse); starts even while Neo4j is down."""
    from hrkg.api.app import serve as run_api

    out.print(f"Browse: http://{host}:{port}/browse   API docs: http://{host}:{port}/docs", highlight=False)
    run_api(host, port)


SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@app.command("demo")
def demo(
    corpus: Annotated[Path, typer.Option(help="Folder to ingest before serving.")] = SAMPLE_CORPUS,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Start the local Neo4j, apply the schema, ingest the sample corpus and serve the API and browse page."""
    neo4j_start()
    init_db()
    try:
        ingest([corpus])
    except typer.Exit as exc:
        if exc.exit_code != 0:
            err.print("some sample documents failed (see above); serving what was ingested", style="yellow")
    st = server.status(server_config(get_settings()))
    out.print(f"Neo4j: Bolt {st.bolt_url}   Neo4j Browser {st.browser_url}", highlight=False)
    serve(host, port)


if __name__ == "__main__":
    app()
