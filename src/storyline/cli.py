"""The ``storyline`` command: one sub-command per user task.

Exit codes: 0 everything was used, 1 something was skipped (each skip is warned about on
stderr, one line each), 2 the command was used wrongly.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from storyline.clean import clean
from storyline.config import DEFAULT_DATES, DEFAULT_MAX_BYTES, DEFAULT_PER_DATE, DEFAULT_WORDS, Options
from storyline.digest import build_digest
from storyline.entities import extract_entities
from storyline.errors import UsageError, warning_line
from storyline.evaluate import conll, polnear
from storyline.evaluate.timelines import evaluate as evaluate_timelines
from storyline.evaluate.timelines import format_breakdown as format_timeline_breakdown
from storyline.evaluate.timelines import format_table as format_timeline_table
from storyline.ingest import read_inputs
from storyline.quotes import extract_quotes
from storyline.model import Digest, Skipped
from storyline.timeline import timeline
from storyline.render import print_text, render
from storyline.render.people import entities_json, entities_text, quotes_json, quotes_text
from storyline.render.listing import hits_json, hits_text, ingest_line, progress_bar, stories_json, stories_text
from storyline.store import DEFAULT_BATCH, DEFAULT_DB, Store

__all__ = ["app", "main"]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
STDERR = Console(stderr=True, highlight=False, soft_wrap=True)

app = typer.Typer(
    help="Turn news articles from many outlets into cited story digests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure storyline against reference data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

Paths = Annotated[list[Path], typer.Argument(help="Article files or directories (.txt, .html, .htm, .jsonl).")]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of the terminal.")]
MaxBytes = Annotated[int, typer.Option(help="Skip inputs larger than this many bytes.")]


class Format(StrEnum):
    """Output formats of ``storyline digest``."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.callback()
def _root() -> None:
    """storyline: stories from many outlets, every sentence cited."""


@app.command()
def digest(
    paths: Paths,
    words: Annotated[int, typer.Option(help="Word budget of the summary.")] = DEFAULT_WORDS,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Digest the articles of one story: headline, cited summary, sources."""
    with usage_errors():
        options = Options(words=words, max_bytes=max_bytes)
        read = read_inputs(paths, options)
        story = build_digest(read.articles, options, read.skipped)
    if output is None and fmt is Format.text:
        print_text(story, Console(highlight=False))
    else:
        emit(render(story, fmt.value), output)
    finish(story.skipped)


@app.command("timeline")
def timeline_command(
    paths: Paths,
    dates: Annotated[int, typer.Option(help="Number of dates on the timeline.")] = DEFAULT_DATES,
    per_date: Annotated[int, typer.Option(help="Sentences per date.")] = DEFAULT_PER_DATE,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """The dated timeline of one story: its key dates, each with cited sentences."""
    with usage_errors():
        options = Options(max_bytes=max_bytes, dates=dates, per_date=per_date)
        read = read_inputs(paths, options)
        result = timeline(read.articles, dates=options.dates, per_date=options.per_date)
    for note in result.notes:
        STDERR.print(f"note: {note}", markup=False)
    skipped = (*read.skipped, *result.skipped)
    story = Digest(result.headline, read.articles, (), skipped, timeline=result.entries)
    if fmt is Format.json:
        emit(json.dumps({**result.to_dict(), "skipped": [s.to_dict() for s in skipped]},
                        ensure_ascii=False, indent=2) + "\n", output)
    elif output is None and fmt is Format.text:
        print_text(story, Console(highlight=False))
    else:
        emit(render(story, fmt.value), output)
    finish(skipped)


@app.command("compare")
def compare_command(
    paths: Paths,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """How the outlets compare: corroborated facts, single-source claims, conflicts, copies."""
    from storyline.compare import compare

    with usage_errors():
        read = read_inputs(paths, Options(max_bytes=max_bytes))
        result = compare(read.articles)
    story = Digest("", read.articles, (), read.skipped, sources=result)
    if fmt is Format.json:
        emit(json.dumps({"sources": result.to_dict(), "skipped": [s.to_dict() for s in read.skipped]},
                        ensure_ascii=False, indent=2) + "\n", output)
    elif output is None and fmt is Format.text:
        print_text(story, Console(highlight=False))
    else:
        emit(render(story, fmt.value), output)
    finish(read.skipped)


@eval_app.command("compare")
def eval_compare(
    data: EvalData = Path("../shared/data/multinews/validation.csv"),
    clusters: Annotated[int, typer.Option(help="Multi-News clusters to build cases from.")] = 120,
    seed: Annotated[int, typer.Option(help="Seed of the random choices (same seed, same cases).")] = 13,
) -> None:
    """Precision and recall of copies and conflicts planted in real Multi-News stories."""
    from storyline.evaluate import compare as compare_eval

    with usage_errors():
        _need(data)
        emit(compare_eval.format_table(*compare_eval.evaluate(data, clusters, seed)), None)


@eval_app.command("timelines")
def eval_timelines(
    data: Annotated[Path, typer.Option(help="Timeline17 folder (topic folders with InputDocs/).")],
    window: Annotated[bool, typer.Option(
        help="Limit candidate days to each gold timeline's span (standard), "
             "else the collection's publication span.")] = True,
    by_collection: Annotated[bool, typer.Option(
        help="Also print date F1 / alignment ROUGE-1 for each gold timeline.")] = False,
) -> None:
    """Date F1, concat and alignment ROUGE of storyline's timelines and two baselines."""
    with usage_errors():
        results = evaluate_timelines(data, window=window)
    emit(format_timeline_table(results), None)
    if by_collection:
        emit(format_timeline_breakdown(results), None)


class ClusterFormat(StrEnum):
    """Output formats of ``storyline cluster``."""

    text = "text"
    json = "json"


class ClusterMode(StrEnum):
    """What ``storyline eval clusters`` runs."""

    all = "all"
    batch = "batch"
    online = "online"
    peer = "peer"


@app.command("cluster")
def cluster_command(
    paths: Paths,
    fmt: Annotated[ClusterFormat, typer.Option("--format", "-f", help="Output format.")] = ClusterFormat.text,
    output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Group articles into stories (one event each) and storylines (threads of stories)."""
    from storyline.cluster import cluster
    from storyline.render.clusters import clusters_json, clusters_text

    with usage_errors():
        read = read_inputs(paths, Options(max_bytes=max_bytes))
        result = cluster(read.articles)
    emit(clusters_json(result) if fmt is ClusterFormat.json else clusters_text(result), output)
    finish(read.skipped)


@eval_app.command("clusters")
def eval_clusters(
    data: Annotated[Path, typer.Option(help="ECB+ folder, or Timeline17 folder (collections with InputDocs/).")],
    mode: Annotated[ClusterMode, typer.Option(help="Run batch, online, the peer, or all three.")] = ClusterMode.all,
) -> None:
    """B-cubed and pairwise P/R/F1 of stories / storylines: batch, online and a TF-IDF peer."""
    from storyline.evaluate.clustering import evaluate_path

    modes = ("batch", "online", "peer") if mode is ClusterMode.all else (mode.value,)
    with usage_errors():
        _need(data)
        table = evaluate_path(data, modes)
    emit(table, None)


Db = Annotated[str, typer.Option(
    "--db", envvar="STORYLINE_DB",
    help="Database: a file path (SQLite) or a URL such as postgresql+psycopg://USER@HOST/NAME.",
)]


class ListFormat(StrEnum):
    """Output formats of ``storyline stories`` and ``storyline search``."""

    text = "text"
    json = "json"


ListFormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def ingest(
    paths: Paths,
    db: Db = DEFAULT_DB,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = DEFAULT_BATCH,
    digests: Annotated[bool, typer.Option(help="Build the digests of changed stories.")] = True,
) -> None:
    """Store articles in a database, grouped into stories and storylines (safe to rerun)."""
    with usage_errors():
        read = read_inputs(paths, Options(max_bytes=max_bytes))
        with Store(db) as store, progress_bar(STDERR) as progress:
            report = store.ingest(
                read.articles, batch_size=batch_size, digests=digests, progress=progress
            )
    STDERR.print(ingest_line(report), markup=False)
    finish((*read.skipped, *report.skipped))


class BatchEngine(StrEnum):
    """Where ``storyline batch`` runs its tasks."""

    local = "local"
    dask = "dask"


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Shards: .jsonl, .jsonl.gz, .warc, .warc.gz files, folders, or quoted glob patterns.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Folder for stories.parquet, digests.jsonl and run.json; "
                               "a rerun with the same folder skips finished work.")],
    engine: Annotated[BatchEngine, typer.Option(help="Run here, or on Dask.")] = BatchEngine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="A running Dask scheduler, e.g. tcp://HOST:8786 (with --engine dask).")] = None,
    workers: Annotated[int | None, typer.Option(
        help="Worker processes of a local Dask cluster (with --engine dask; default: one per core).")] = None,
    window_days: Annotated[float, typer.Option(help="Days per clustering window.")] = 30.0,
    overlap_days: Annotated[float, typer.Option(help="Days each window shares with the next.")] = 3.0,
    words: Annotated[int, typer.Option(help="Word budget of each summary.")] = DEFAULT_WORDS,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Process a sharded archive into stories, storylines and digests, here or on Dask."""
    from storyline.batch import BatchOptions, WindowPlan, open_engine, run_batch

    with usage_errors():
        settings = BatchOptions(Options(words=words, max_bytes=max_bytes),
                                WindowPlan(days=window_days, overlap=overlap_days))
        with open_engine(engine.value, scheduler, workers) as runner, progress_bar(STDERR) as progress:
            report = run_batch(inputs, output, runner, settings, progress)
    STDERR.print(report.line(), markup=False)
    finish(report.skipped)


@app.command()
def stories(
    db: Db = DEFAULT_DB,
    fmt: ListFormatOption = ListFormat.text,
    limit: Annotated[int | None, typer.Option(help="Show at most this many stories.")] = None,
) -> None:
    """List stored stories, newest activity first, with article and outlet counts."""
    with usage_errors(), Store(db) as store:
        rows = store.stories(limit)
    emit(stories_json(rows) if fmt is ListFormat.json else stories_text(rows), None)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="Story id, as listed by 'storyline stories'.")],
    db: Db = DEFAULT_DB,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Output = None,
) -> None:
    """Print the digest of one stored story (rebuilt only when its articles changed)."""
    with usage_errors(), Store(db) as store:
        story_digest = store.digest(story)
    if output is None and fmt is Format.text:
        print_text(story_digest, Console(highlight=False))
    else:
        emit(render(story_digest, fmt.value), output)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
    db: Db = DEFAULT_DB,
    fmt: ListFormatOption = ListFormat.text,
    limit: Annotated[int, typer.Option(help="Show at most this many articles.")] = 10,
) -> None:
    """Full-text search of stored articles, best match first, with the matching sentence."""
    with usage_errors(), Store(db) as store:
        hits = store.search(query, limit)
    emit(hits_json(query, hits) if fmt is ListFormat.json else hits_text(hits), None)


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option(help="Accept POST /api/articles.")] = False,
) -> None:
    """Serve the web app and JSON API: browse stories, read digests, follow every citation."""
    import uvicorn

    from storyline.web import create_app

    with usage_errors():
        web_app = create_app(db, allow_ingest=allow_ingest)
    STDERR.print(f"storyline: serving {db} on http://{host}:{port}/ (Ctrl+C stops)", markup=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


class PeopleFormat(StrEnum):
    """Output formats of ``storyline entities`` and ``storyline quotes``."""

    text = "text"
    json = "json"


PeopleFormatOption = Annotated[PeopleFormat, typer.Option("--format", "-f", help="Output format.")]
EvalData = Annotated[Path, typer.Option("--data", help="The reference data to evaluate on.")]


@app.command()
def entities(
    paths: Paths, fmt: PeopleFormatOption = PeopleFormat.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Who is involved: people, organisations and places, merged across articles."""
    with usage_errors():
        read = read_inputs(paths, Options(max_bytes=max_bytes))
        found = extract_entities([clean(a) for a in read.articles])
    emit(entities_json(found) if fmt is PeopleFormat.json else entities_text(found), output)
    finish(read.skipped)


@app.command()
def quotes(
    paths: Paths, fmt: PeopleFormatOption = PeopleFormat.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Who said what: direct and reported quotes with their speakers."""
    with usage_errors():
        read = read_inputs(paths, Options(max_bytes=max_bytes))
        cleaned = [clean(a) for a in read.articles]
        found = extract_quotes(cleaned, extract_entities(cleaned))
    emit(quotes_json(found) if fmt is PeopleFormat.json else quotes_text(found), output)
    finish(read.skipped)


@eval_app.command("entities")
def eval_entities(data: EvalData = Path("../shared/data/conllpp/conllpp_dev.txt")) -> None:
    """Entity mentions on CoNLL++ (exact span P/R/F1, untyped and typed) with a peer."""
    with usage_errors():
        _need(data)
        emit(conll.table(conll.evaluate(data)), None)


@eval_app.command("quotes")
def eval_quotes(data: EvalData = Path("../shared/data/polnear/dev")) -> None:
    """Attributions on PolNeAR (content P/R/F1, speaker accuracy) with a peer."""
    with usage_errors():
        _need(data)
        emit(polnear.table(polnear.evaluate(data)), None)


@eval_app.command("summaries")
def eval_summaries(
    data: Annotated[Path, typer.Option(help="Multi-News .csv file, or a directory of .jsonl clusters.")],
    words: Annotated[int, typer.Option(help="Word budget every summary is cut to.")] = 250,
    methods: Annotated[list[str] | None, typer.Option(
        help="Methods to run (repeat or comma-separate): storyline, lead, centroid, lexrank, "
             "textrank, lsa, oracle. Default: all.")] = None,
    limit: Annotated[int | None, typer.Option(help="Use only the first N clusters.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write per-cluster scores here (JSONL).")] = None,
) -> None:
    """ROUGE-1/2/Lsum F1 (95% bootstrap CI) and seconds per cluster of storyline and its peers."""
    from storyline.evaluate import summaries

    with usage_errors():
        Options(words=words)
        names = summaries.method_names(methods or [])
        clusters, skipped = summaries.load_for_eval(data, limit)
        with progress_bar(STDERR) as update:
            scores = summaries.evaluate(clusters, names, words, lambda k: update("clusters", k, len(clusters)))
    emit(summaries.format_table(summaries.table(scores), words), None)
    if output is not None:
        summaries.write_jsonl(scores, output)
        STDERR.print(f"wrote {output}", markup=False)
    finish(skipped)


def _need(path: Path) -> None:
    if not path.exists():
        raise UsageError(f"--data {path} does not exist; give the path of the reference data")


@contextmanager
def usage_errors() -> Iterator[None]:
    """Turn a ``UsageError`` raised inside into ``error: ...`` on stderr and exit code 2."""
    try:
        yield
    except UsageError as error:
        STDERR.print(f"error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


def emit(document: str, output: Path | None) -> None:
    """Write ``document`` to ``output`` (creating folders), or to stdout when ``None``."""
    if output is None:
        sys.stdout.write(document)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(document, encoding="utf-8")
    STDERR.print(f"wrote {output}", markup=False)


def finish(skipped: Sequence[Skipped]) -> NoReturn:
    """Warn once per skipped input, then exit 1 when anything was skipped, else 0."""
    for item in skipped:
        STDERR.print(f"warning: {warning_line(item)}", markup=False)
    if skipped:
        STDERR.print(f"{len(skipped)} input(s) skipped; see the warnings above", markup=False)
    raise typer.Exit(EXIT_PARTIAL if skipped else EXIT_OK)


def main() -> None:
    """Entry point of the ``storyline`` script."""
    app()
