"""Commands that analyse the articles of one story: digest, timeline, entities, quotes,
compare, and cluster (which splits a pile of articles into stories first)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer
from rich.console import Console

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
from storyline.ingest import ReadResult, read_inputs
from storyline.model import Clustering, Digest, EntityList, QuoteList, Skipped, StoryComparison, Timeline
from storyline.render import print_text, render
from storyline.render.json import json_text

__all__ = [
    "cluster_command", "compare_command", "digest", "entities", "quotes", "report", "show_story",
    "timeline_command", "with_read_skips",
]

Analysis = TypeVar("Analysis", Timeline, EntityList, QuoteList, StoryComparison, Clustering)
"""The result of one analysis a command runs; each lists what it skipped and its notes."""
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
    report(story.skipped)


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
        result = with_read_skips(read, timeline(read.articles, dates=options.dates, per_date=options.per_date))
    if fmt is Format.json:
        emit(json_text(result.to_dict()), output)
    else:
        show_story(Digest(result.headline, result.articles, (), result.skipped, timeline=result.entries), fmt, output)
    report(result.skipped, result.notes)


@app.command("compare")
def compare_command(
    paths: Paths, fmt: FormatOption = Format.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """How the outlets compare: corroborated facts, single-source claims, conflicts, copies."""
    from storyline.compare.comparison import compare

    with usage_errors():
        read = read_inputs(paths, Config(max_bytes=max_bytes))
        result = with_read_skips(read, compare(read.articles))
    if fmt is Format.json:
        emit(json_text(result.to_dict()), output)
    else:
        show_story(Digest(result.headline, result.articles, (), result.skipped, sources=result.sources), fmt, output)
    report(result.skipped, result.notes)


@app.command()
def entities(
    paths: Paths, fmt: ListingOption = Listing.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Who is involved: people, organisations and places, merged across articles."""
    from storyline.entities.extract import entities as find_entities
    from storyline.render.people import entities_text

    with usage_errors():
        read = read_inputs(paths, Config(max_bytes=max_bytes))
        result = with_read_skips(read, find_entities(read.articles))
    emit(json_text(result.to_dict()) if fmt is Listing.json else entities_text(result.entities), output)
    report(result.skipped, result.notes)


@app.command()
def quotes(
    paths: Paths, fmt: ListingOption = Listing.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Who said what: direct and reported quotes with their speakers."""
    from storyline.quotes.extract import quotes as find_quotes
    from storyline.render.people import quotes_text

    with usage_errors():
        read = read_inputs(paths, Config(max_bytes=max_bytes))
        result = with_read_skips(read, find_quotes(read.articles))
    emit(json_text(result.to_dict()) if fmt is Listing.json else quotes_text(result.quotes), output)
    report(result.skipped, result.notes)


@app.command("cluster")
def cluster_command(
    paths: Paths, fmt: ListingOption = Listing.text, output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Group articles into stories (one event each) and storylines (threads of stories)."""
    from storyline.cluster.batch import cluster_stories
    from storyline.render.clusters import clusters_text

    with usage_errors():
        read = read_inputs(paths, Config(max_bytes=max_bytes))
        result = with_read_skips(read, cluster_stories(read.articles))
    emit(json_text(result.to_dict()) if fmt is Listing.json else clusters_text(result), output)
    report(result.skipped, result.notes)


def show_story(story: Digest, fmt: Format, output: Path | None) -> None:
    """Print ``story`` in colour on the terminal, or write it in ``fmt`` to ``output``/stdout."""
    if output is None and fmt is Format.text:
        print_text(story, Console(highlight=False))
    else:
        emit(render(story, fmt.value), output)


def with_read_skips(read: ReadResult, result: Analysis) -> Analysis:
    """``result`` with the inputs skipped while reading listed first under its ``skipped``."""
    return replace(result, skipped=(*read.skipped, *result.skipped))


def report(skipped: Sequence[Skipped], notes: Sequence[str] = ()) -> NoReturn:
    """How every story command ends: one ``note:`` line per note, then one ``warning:`` line
    per skipped input (``finish``) and exit code 1 when anything was skipped, else 0."""
    for note in notes:
        STDERR.print(f"note: {note}", markup=False)
    finish(skipped)
