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
from storyline.render.view import CitedSentence, DigestView, SourceEntry, build_view

__all__ = ["print_text", "to_text"]

HEADLINE_STYLE = "bold"
META_STYLE = "dim"
HEADING_STYLE = "bold underline"
CITATION_STYLE = "cyan"
LOCATION_STYLE = "dim"


def to_text(digest: Digest, width: int = 100, color: bool = False) -> str:
    """Render ``digest`` as terminal text ``width`` columns wide; ANSI colour if ``color``."""
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
    print_text(digest, console)
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
