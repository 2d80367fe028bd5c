"""Commands that analyse the articles of one story: digest, timeline, entities, quotes,
compare, and cluster (which splits a pile of articles into stories first). ``digest`` finds
the storylines of what it reads first and digests one of them (or each, ``--all``)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from textwrap import shorten
from typing import Annotated, NoReturn, TypeVar

import typer
from rich.console import Console

from storyline.cli.app import (
    EXIT_PARTIAL,
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
from storyline.clean import clean_story
from storyline.digest import digest_story
from storyline.errors import UsageError, warning_line
from storyline.ingest import ReadResult, read_inputs
from storyline.model import (
    CleanArticle, Clustering, Digest, EntityList, QuoteList, Skipped, StoryComparison, Timeline,
)
from storyline.render import print_text, render
from storyline.render.json import json_text
from storyline.render.view import UNTITLED_STORY

__all__ = [
    "Thread", "cluster_command", "compare_command", "digest", "entities", "quotes", "report",
    "show_story", "storylines_of", "timeline_command", "with_read_skips",
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
    line_id: Annotated[str | None, typer.Option(
        "--storyline", metavar="ID", help="Digest only this storyline (an id the notes or `cluster` list).",
    )] = None,
    every: Annotated[bool, typer.Option(
        "--all", help="Digest every storyline, largest first (with --output: one file each).",
    )] = False,
) -> None:
    """Digest the articles of one story: headline, cited summary, timeline, people, quotes, sources.

    The articles are split into storylines first: when they hold several, the largest is
    digested and the others are listed on stderr with the command that digests each."""
    with usage_errors():
        _check_all(every=every, line_id=line_id, fmt=fmt, output=output)
        options = Config(words=words, max_bytes=max_bytes)
        read = read_inputs(paths, options)
        kept, emptied = clean_story(read.articles)
        lines = storylines_of(kept)
        skipped = (*read.skipped, *emptied)
        _require_prose(lines, skipped)
        chosen = _chosen(lines, line_id=line_id, every=every)
        stories = [digest_story([c for c in kept if c.article.id in t.articles], options, skipped)
                   for t in chosen]
    if every:
        _show_all(list(zip(chosen, stories)), fmt, output)
    else:
        show_story(stories[0], fmt, output)
        if line_id is None and len(lines) > 1:
            _list_others(lines, command=_digest_command(paths, max_bytes))
    report(skipped)


@app.command("timeline")
def timeline_command(
    paths: Paths,
    dates: Annotated[int, typer.Option(help="Number of dates on the timeline.")] = DEFAULT_DATES,
    per_date: Annotated[int, typer.Option(help="Sentences per date.")] = DEFAULT_PER_DATE,
    since: Annotated[datetime | None, typer.Option(
        formats=["%Y-%m-%d"], help="First day the timeline may show (YYYY-MM-DD).")] = None,
    until: Annotated[datetime | None, typer.Option(
        formats=["%Y-%m-%d"], help="Last day the timeline may show (YYYY-MM-DD).")] = None,
    fmt: FormatOption = Format.text,
    output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """The dated timeline of one story: its key dates, each with cited sentences."""
    from storyline.timeline.build import timeline

    with usage_errors():
        options = Config(max_bytes=max_bytes, dates=dates, per_date=per_date)
        read = read_inputs(paths, options)
        result = with_read_skips(read, timeline(
            read.articles, dates=options.dates, per_date=options.per_date,
            since=since.date() if since else None, until=until.date() if until else None))
    _require_prose(result.articles, result.skipped)
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
    _require_prose(result.articles, result.skipped)
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


@dataclass(frozen=True)
class Thread:
    """One storyline of the articles given to ``digest``: its id, headline and article ids."""

    id: str
    headline: str
    articles: tuple[str, ...]


def storylines_of(kept: Sequence[CleanArticle]) -> list[Thread]:
    """The storylines the cleaned articles ``kept`` hold (``cluster.batch.cluster_cleaned``),
    most articles first (ties: earliest first)."""
    from storyline.cluster.batch import cluster_cleaned

    clustering = cluster_cleaned(kept)
    story = {s.id: s for s in clustering.stories}
    lines = [Thread(line.id, line.headline, tuple(a for s in line.stories for a in story[s].articles))
             for line in clustering.storylines]
    return sorted(lines, key=lambda t: -len(t.articles))


def _check_all(*, every: bool, line_id: str | None, fmt: Format, output: Path | None) -> None:
    """Raise ``UsageError`` for ``--all`` with ``--storyline``, or with HTML and no ``--output``."""
    if every and line_id is not None:
        raise UsageError("give --storyline ID or --all, not both")
    if every and fmt is Format.html and output is None:
        raise UsageError("--all --format html writes one page per storyline; give --output FILE")


def _chosen(lines: Sequence[Thread], *, line_id: str | None, every: bool) -> list[Thread]:
    """The storylines to digest: ``--storyline``'s, all (``--all``) or the largest.

    Raises:
        UsageError: ``line_id`` names no storyline of ``lines``.
    """
    if line_id is None:
        return list(lines) if every else list(lines[:1])
    match = [t for t in lines if t.id == line_id]
    if not match:
        raise UsageError(f"no storyline {line_id!r} in these articles; "
                         "run without --storyline to see their storylines")
    return match


def _digest_command(paths: Sequence[Path], max_bytes: int) -> str:
    """The ``storyline digest`` command line that reads ``paths`` as this one did."""
    limit = [] if max_bytes == DEFAULT_MAX_BYTES else ["--max-bytes", str(max_bytes)]
    return shlex.join(["storyline", "digest", *map(str, paths), *limit])


def _list_others(lines: Sequence[Thread], *, command: str) -> None:
    """On stderr: how many storylines ``lines`` holds (the first was digested), then one line
    per other storyline with its headline, article count and the command that digests it."""
    STDERR.print(f"note: these articles hold {len(lines)} storylines; this digest is the largest "
                 f"({lines[0].id}, {_count(lines[0])}); digest another with its command below, "
                 "or every one with --all:", markup=False)
    for t in lines[1:]:
        headline = shorten(t.headline or UNTITLED_STORY, width=80, placeholder="...")
        STDERR.print(f"  {headline} ({_count(t)}): {command} --storyline {t.id}", markup=False)


def _count(line: Thread) -> str:
    """``"1 article"``, ``"5 articles"``: how many articles ``line`` holds."""
    return f"{len(line.articles)} article{'' if len(line.articles) == 1 else 's'}"


def _show_all(shown: Sequence[tuple[Thread, Digest]], fmt: Format, output: Path | None) -> None:
    """``--all``: with ``output``, one file per storyline (``NAME-1.EXT``, ``NAME-2.EXT``, ...);
    else a JSON array, or the digests one after another, each under a ``===`` line (text) or
    after a ``---`` rule (Markdown)."""
    if output is not None:
        for n, (line, story) in enumerate(shown, 1):
            emit(_document(line, story, fmt), output.with_name(f"{output.stem}-{n}{output.suffix}"))
    elif fmt is Format.json:
        emit(json_text([_with_line(line, story) for line, story in shown]), None)
    else:
        for n, (line, story) in enumerate(shown, 1):
            gap = "\n" if n > 1 else ""
            if fmt is Format.text:
                title = f"=== storyline {n} of {len(shown)}: {line.id} ({_count(line)}) ==="
                Console(highlight=False).print(f"{gap}{title}\n", markup=False)
            elif gap:
                emit(f"{gap}---\n\n", None)
            show_story(story, fmt, None)


def _document(line: Thread, story: Digest, fmt: Format) -> str:
    """``story`` in ``fmt``; its JSON object names its storyline (``storyline_id``)."""
    return json_text(_with_line(line, story)) if fmt is Format.json else render(story, fmt.value)


def _with_line(line: Thread, story: Digest) -> dict[str, object]:
    """``story.to_dict()`` with ``storyline_id`` added: one object of the ``--all`` JSON."""
    return {**story.to_dict(), "storyline_id": line.id}


def show_story(story: Digest, fmt: Format, output: Path | None) -> None:
    """Print ``story`` in colour on the terminal, or write it in ``fmt`` to ``output``/stdout."""
    if output is None and fmt is Format.text:
        print_text(story, Console(highlight=False))
    else:
        emit(render(story, fmt.value), output)


def with_read_skips(read: ReadResult, result: Analysis) -> Analysis:
    """``result`` with the inputs skipped while reading listed first under its ``skipped``."""
    return replace(result, skipped=(*read.skipped, *result.skipped))


def _require_prose(used: Sequence[object], skipped: Sequence[Skipped]) -> None:
    """Return when ``used`` (the articles or storylines a command found prose in) is not empty;
    else warn about each of ``skipped``, say on one ``error:`` line that nothing usable was
    read, and exit 1 without writing anything (no empty digest is shown as if real)."""
    if used:
        return
    for item in skipped:
        STDERR.print(f"warning: {warning_line(item)}", markup=False)
    counted = f"all {len(skipped)} inputs were" if len(skipped) > 1 else "the one input was"
    why = f"{counted} skipped (see the warnings above)" if skipped else "no article files were found"
    STDERR.print(f"error: nothing usable was read: {why}; no output written", markup=False)
    raise typer.Exit(EXIT_PARTIAL)


def report(skipped: Sequence[Skipped], notes: Sequence[str] = ()) -> NoReturn:
    """How every story command ends: one ``note:`` line per note, then one ``warning:`` line
    per skipped input (``finish``) and exit code 1 when anything was skipped, else 0."""
    for note in notes:
        STDERR.print(f"note: {note}", markup=False)
    finish(skipped)
