"""Commands that analyse the articles of one story: digest, timeline, entities, quotes,
compare, and cluster (which splits a pile of articles into stories first)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from storyline.clean.prose import clean
from storyline.cli.app import (
    STDERR,
    Format,
    Listing,
    ListingOption,
    MaxBytes,
    Output,
    Paths,
    app,
    emit,
    finish,
    usage_errors,
)
from storyline.config import (
    DEFAULT_DATES,
    DEFAULT_MAX_BYTES,
    DEFAULT_PER_DATE,
    DEFAULT_WORDS,
    Config,
)
from storyline.digest import build_digest
from storyline.ingest import read_inputs
from storyline.model import Digest, Skipped
from storyline.render import print_text, render
from storyline.render.json import json_text

__all__ = ["cluster_command", "compare_command", "digest", "entities", "quotes", "timeline_command"]

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def digest(
    paths: Paths,
    words: Annotated[int, typer.Option(help="Word budget of the summary.")] = DEFAULT_WORDS,
    fmt: FormatOption = Format.text,
    output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Digest the articles of one story: headline, cited summary, timeline, people, quotes, sources."""
    with usage_errors():
        options = Config(words=words, max_bytes=max_bytes)
        read = read_inputs(paths, options)
        story = build_digest(read.articles, options, read.skipped)
    show_story(story, fmt, output)
    finish(story.skipped)


@app.command("timeline")
def timeline_command(
    paths: Paths,
    dates: Annotated[int, typer.Option(help="Number of dates on the timeline.")] = DEFAULT_DATES,
    per_date: Annotated[int, typer.Option(help="Sentences per date.")] = DEFAULT_PER_DATE,
    fmt: FormatOption = Format.text,
    output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """The dated timeline of one story: its key dates, each with cited sentences."""
    from storyline.timeline.build import timeline

    with usage_errors():
        options = Config(max_bytes=max_bytes, dates=dates, per_date=per_date)
        read = read_inputs(paths, options)
        result = timeline(read.articles, dates=options.dates, per_date=options.per_date)
    for note in result.notes:
        STDERR.print(f"note: {note}", markup=False)
    skipped = (*read.skipped, *result.skipped)
    if fmt is Format.json:
        emit(_json(result.to_dict(), skipped), output)
    else:
        show_story(Digest(result.headline, read.articles, (), skipped, timeline=result.entries), fmt, output)
    finish(skipped)


@app.command("compare")
def compare_command(
    paths: Paths, fmt: FormatOption = Format.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """How the outlets compare: corroborated facts, single-source claims, conflicts, copies."""
    from storyline.compare.comparison import compare_story

    with usage_errors():
        read = read_inputs(paths, Config(max_bytes=max_bytes))
        result, headline = compare_story(read.articles)
    if fmt is Format.json:
        emit(_json({"sources": result.to_dict()}, read.skipped), output)
    else:
        show_story(Digest(headline, read.articles, (), read.skipped, sources=result), fmt, output)
    finish(read.skipped)


@app.command()
def entities(
    paths: Paths, fmt: ListingOption = Listing.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Who is involved: people, organisations and places, merged across articles."""
    from storyline.entities.extract import extract_entities
    from storyline.render.people import entities_json, entities_text

    with usage_errors():
        read = read_inputs(paths, Config(max_bytes=max_bytes))
        found = extract_entities([clean(a) for a in read.articles])
    emit(entities_json(found) if fmt is Listing.json else entities_text(found), output)
    finish(read.skipped)


@app.command()
def quotes(
    paths: Paths, fmt: ListingOption = Listing.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Who said what: direct and reported quotes with their speakers."""
    from storyline.entities.extract import extract_entities
    from storyline.quotes.extract import extract_quotes
    from storyline.render.people import quotes_json, quotes_text

    with usage_errors():
        read = read_inputs(paths, Config(max_bytes=max_bytes))
        cleaned = [clean(a) for a in read.articles]
        found = extract_quotes(cleaned, extract_entities(cleaned))
    emit(quotes_json(found) if fmt is Listing.json else quotes_text(found), output)
    finish(read.skipped)


@app.command("cluster")
def cluster_command(
    paths: Paths, fmt: ListingOption = Listing.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Group articles into stories (one event each) and storylines (threads of stories)."""
    from storyline.cluster.batch import cluster
    from storyline.render.clusters import clusters_json, clusters_text

    with usage_errors():
        read = read_inputs(paths, Config(max_bytes=max_bytes))
        result = cluster(read.articles)
    emit(clusters_json(result) if fmt is Listing.json else clusters_text(result), output)
    finish(read.skipped)


def show_story(story: Digest, fmt: Format, output: Path | None) -> None:
    """Print ``story`` in colour on the terminal, or write it in ``fmt`` to ``output``/stdout."""
    if output is None and fmt is Format.text:
        print_text(story, Console(highlight=False))
    else:
        emit(render(story, fmt.value), output)


def _json(data: dict, skipped: tuple[Skipped, ...]) -> str:
    return json_text({**data, "skipped": [s.to_dict() for s in skipped]})
