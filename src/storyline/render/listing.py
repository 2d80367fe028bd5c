"""Lists from a store: ``storyline stories`` and ``storyline search`` as text or JSON.

Text goes through ``rich.text.Text`` objects (never console markup), so stored article
text prints exactly as written; JSON is one object per command (``{"stories": [...]}``,
``{"query": ..., "hits": [...]}``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from storyline.ingest.names import clean_display
from storyline.render.json import json_text
from storyline.render.text import plain_text
from storyline.render.view import UNTITLED_STORY
from storyline.store import IngestReport, SearchHit, StoryRow

__all__ = [
    "SAME_HEADLINE",
    "hits_json",
    "hits_text",
    "ingest_line",
    "outlets_cell",
    "progress_bar",
    "stories_json",
    "stories_text",
]

SAME_HEADLINE = "same"
"""The ``stories`` table's storyline column when the storyline's headline is the story's own."""


def stories_json(rows: Sequence[StoryRow]) -> str:
    """``{"stories": [{"id", "headline", "article_count", "outlet_count", ...}]}``."""
    return json_text({"stories": [r.to_dict() for r in rows]})


def stories_text(rows: Sequence[StoryRow], width: int = 100) -> str:
    """A table, one line per story: id, headline (cut with an ellipsis to fit ``width``;
    ``UNTITLED_STORY`` when it has none), articles, outlets (``outlets_cell``), last
    article date, and its storyline's headline - or ``same`` when that is the story's own
    headline."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("story", "headline", "articles", "outlets", "last seen", "storyline"):
        # only the headline columns give way (their text is cut, never wrapped)
        table.add_column(name, justify="right" if name in ("articles", "outlets") else "left",
                         no_wrap=name not in ("headline", "storyline"),
                         max_width=width // 5 if name == "storyline" else None)
    for r in rows:
        headline, line = clean_display(r.headline), clean_display(r.storyline_headline)
        table.add_row(
            Text(r.id), _one_line(headline or UNTITLED_STORY), str(r.article_count), outlets_cell(r),
            Text(r.last_seen or "-"), _one_line(SAME_HEADLINE if line == headline else line),
        )
    return plain_text(table, width) if rows else "no stories stored yet\n"


def outlets_cell(row: StoryRow) -> str:
    """The outlets of a listed story: how many known ones, and how many articles are of
    unknown outlet (``"2"``, ``"unknown"``, ``"2 + 1 unknown"``); never an invented count."""
    if row.outlet_count == 0 and row.unknown_outlets:
        return "unknown"
    return f"{row.outlet_count} + {row.unknown_outlets} unknown" if row.unknown_outlets else str(row.outlet_count)


def _one_line(text: str) -> Text:
    """``text`` as a table cell that is cut with an ellipsis instead of wrapping."""
    return Text(text, no_wrap=True, overflow="ellipsis")


def hits_json(query: str, hits: Sequence[SearchHit]) -> str:
    """``{"query": QUERY, "hits": [{"article", "title", ..., "text", "start", "end"}]}``."""
    return json_text({"query": query, "hits": [asdict(hit) for hit in hits]})


def hits_text(hits: Sequence[SearchHit], width: int = 100) -> str:
    """Each hit: title, outlet and date, story, then its best sentence with its offsets."""
    if not hits:
        return "no matching articles\n"
    lines: list[Text] = []
    for number, hit in enumerate(hits, 1):
        when = f", {hit.published[:10]}" if hit.published else ""
        lines.append(Text(f"{number}. {clean_display(hit.title) or hit.article}", style="bold"))
        lines.append(Text(f"   {clean_display(hit.outlet)}{when} - story {hit.story}: "
                          f"{clean_display(hit.story_headline)}"))
        if hit.text:
            lines.append(Text(f"   \"{clean_display(hit.text)}\" [{hit.article} {hit.start}-{hit.end}]"))
    return plain_text(Text("\n").join(lines), width)


def ingest_line(report: IngestReport) -> str:
    """One line summing up an ingest, e.g. ``stored 12 articles (3 already stored), 4 digests``."""
    line = f"stored {report.stored} new article{'s' * (report.stored != 1)}"
    if report.known:
        line += f" ({report.known} already stored)"
    return f"{line}; built {report.digests} digest{'s' * (report.digests != 1)}"


@contextmanager
def progress_bar(console: Console) -> Iterator[Callable[[str, int, int], None]]:
    """A Rich progress bar on ``console`` (shown only on a terminal), as an ingest callback."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        tasks: dict[str, int] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = progress.add_task(phase, total=total)
            progress.update(tasks[phase], completed=done, total=total)

        yield update
