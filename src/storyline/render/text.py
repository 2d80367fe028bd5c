"""The terminal view of a digest, laid out with Rich.

Every article-derived string goes into a ``rich.text.Text`` object, never through
console markup, so text such as ``[bold]`` or ``:smile:`` prints exactly as written.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from storyline.model import Digest
from storyline.render.view import (
    CitedSentence,
    DigestView,
    FactEntry,
    SourceEntry,
    SourcesSection,
    build_view,
)

__all__ = ["plain_text", "print_text", "to_text"]

HEADLINE_STYLE = "bold"
META_STYLE = "dim"
HEADING_STYLE = "bold underline"
CITATION_STYLE = "cyan"
LOCATION_STYLE = "dim"


def to_text(digest: Digest, width: int = 100, color: bool = False) -> str:
    """Render ``digest`` as terminal text ``width`` columns wide; ANSI colour if ``color``."""
    return plain_text(text_renderable(build_view(digest)), width, color)


def plain_text(renderable: RenderableType, width: int, color: bool = False) -> str:
    """``renderable`` laid out ``width`` columns wide as a string (ANSI colour if ``color``),
    console markup, emoji codes and highlighting off, trailing spaces cut from each line."""
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "".join(line.rstrip(" ") + "\n" for line in out.splitlines())


def print_text(digest: Digest, console: Console) -> None:
    """Print ``digest`` to ``console`` (the console decides width and colour)."""
    console.print(text_renderable(build_view(digest)), highlight=False, emoji=False)


def text_renderable(view: DigestView) -> RenderableType:
    """One Rich renderable holding every section of ``view``, separated by blank lines."""
    parts: list[RenderableType] = [
        Text(view.headline, style=HEADLINE_STYLE),
        Text(view.meta, style=META_STYLE),
    ]
    for paragraph in view.paragraphs:
        parts += [Text(), _paragraph(paragraph)]
    if view.timeline:
        parts += [Text(), Text("Timeline", style=HEADING_STYLE), _timeline(view)]
    if view.entities:
        parts += [Text(), Text("Who is involved", style=HEADING_STYLE), _entities(view)]
    if view.speakers:
        parts += [Text(), Text("Who said what", style=HEADING_STYLE), _speakers(view)]
    if view.comparison:
        parts += [Text(), Text("How the outlets compare", style=HEADING_STYLE), _comparison(view.comparison)]
    parts += [Text(), Text("Sources", style=HEADING_STYLE), _sources(view.sources)]
    if view.skipped:
        parts += [Text(), Text("Skipped", style=HEADING_STYLE)]
        parts += [Text(entry.line) for entry in view.skipped]
    return Group(*parts)


def _paragraph(sentences: tuple[CitedSentence, ...]) -> Text:
    text = Text()
    for position, sentence in enumerate(sentences):
        if position:
            text.append(" ")
        text.append(sentence.text)
        if sentence.numbers:
            text.append(" ")
            text.append("".join(f"[{n}]" for n in sentence.numbers), style=CITATION_STYLE)
    return text


def _timeline(view: DigestView) -> RenderableType:
    """One row per date: the date, then its cited sentences (and the dating note, if any)."""
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(no_wrap=True, style=HEADLINE_STYLE)
    grid.add_column(overflow="fold")
    for day in view.timeline:
        grid.add_row(Text(day.date), _paragraph(day.sentences))
    if not view.timeline_note:
        return grid
    return Group(grid, Text(view.timeline_note, style=META_STYLE))


def _entities(view: DigestView) -> RenderableType:
    """One line per key entity: name, type, other names, number of articles."""
    lines = []
    for entry in view.entities:
        line = Text(entry.name, style=HEADLINE_STYLE)
        line.append(f" ({entry.type.lower()}, {entry.articles} article(s))", style=META_STYLE)
        if entry.aliases:
            line.append(" also " + ", ".join(entry.aliases))
        lines.append(line)
    return Group(*lines)


def _speakers(view: DigestView) -> RenderableType:
    """Each speaker, then their quotes with the number of the source they come from."""
    parts: list[RenderableType] = []
    for group in view.speakers:
        parts.append(Text(group.speaker, style=HEADLINE_STYLE))
        for quote in group.quotes:
            line = Text("  - ")
            line.append(f"\u201c{quote.text}\u201d" if quote.direct else quote.text)
            if quote.numbers:
                line.append(" " + "".join(f"[{n}]" for n in quote.numbers), style=CITATION_STYLE)
            parts.append(line)
    return Group(*parts)


def _sources(entries: tuple[SourceEntry, ...]) -> Table:
    """A two-column grid, so a long entry wraps under its text, not under its number."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for entry in entries:
        text = Text(entry.byline)
        if entry.location:
            text.append(f" ({entry.location})", style=LOCATION_STYLE)
        grid.add_row(Text(f"[{entry.number}]", style=CITATION_STYLE), text)
    return grid


def _comparison(section: SourcesSection) -> RenderableType:
    """Coverage table per outlet, then corroborated facts, single-source claims, conflicts, copies."""
    table = Table(box=None, pad_edge=False, header_style=HEADLINE_STYLE)
    for name, justify in (("Outlet", "left"), ("Articles", "right"), ("Words", "right"),
                          ("Unique facts", "right"), ("Shared", "right")):
        table.add_column(name, justify=justify, overflow="fold")
    for row in section.outlets:
        table.add_row(Text(row.name), str(row.articles), str(row.words), str(row.unique), row.shared)
    parts: list[RenderableType] = [table]
    parts += _facts(f"Corroborated ({section.corroborated_total})", section.corroborated)
    parts += _facts(f"Only one outlet ({section.single_total})", section.single_source)
    if section.conflicts:
        parts.append(Text(f"Conflicts ({len(section.conflicts)})", style=HEADLINE_STYLE))
        for conflict in section.conflicts:
            parts.append(Text(f"  - {conflict.kind} ({conflict.about}): {conflict.line}"))
            parts += [Text(f"      {text}", style=META_STYLE) for text in conflict.texts]
    if section.copies:
        parts.append(Text(f"Shared text ({len(section.copies)})", style=HEADLINE_STYLE))
        for copy in section.copies:
            line = Text(f"  - [{copy.numbers[0]}] and [{copy.numbers[1]}]: {copy.kind}, {copy.shared} shared")
            parts.append(line)
            parts += [Text(f"      \u201c{p}\u201d", style=META_STYLE) for p in copy.passages]
    return Group(*parts)


def _facts(heading: str, facts: tuple[FactEntry, ...]) -> list[RenderableType]:
    if not facts:
        return []
    lines: list[RenderableType] = [Text(heading, style=HEADLINE_STYLE)]
    for fact in facts:
        line = Text(f"  - {fact.text} ")
        line.append("".join(f"[{n}]" for n in fact.numbers), style=CITATION_STYLE)
        line.append(f" ({', '.join(fact.outlets)})", style=META_STYLE)
        lines.append(line)
    return lines
