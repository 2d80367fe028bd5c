"""The ``storyline`` command: one sub-command per user task.

Exit codes: 0 everything was used, 1 something was skipped (each skip is warned about on
stderr, one line each), 2 the command was used wrongly.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from storyline.config import DEFAULT_MAX_BYTES, DEFAULT_WORDS, Options
from storyline.digest import build_digest
from storyline.errors import UsageError, warning_line
from storyline.ingest import read_inputs
from storyline.model import Skipped
from storyline.render import print_text, render

__all__ = ["app", "main"]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    help="Turn news articles from many outlets into cited story digests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories (.txt, .html, .htm, .jsonl).")],
    words: Annotated[int, typer.Option(help="Word budget of the summary.")] = DEFAULT_WORDS,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of the terminal.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Skip inputs larger than this many bytes.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Digest the articles of one story: headline, cited summary, sources."""
    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        options = Options(words=words, max_bytes=max_bytes)
        read = read_inputs(paths, options)
        story = build_digest(read.articles, options, read.skipped)
    except UsageError as error:
        stderr.print(f"error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    _warn(stderr, story.skipped)
    if output is None and fmt is Format.text:
        print_text(story, Console(highlight=False))
    elif output is None:
        sys.stdout.write(render(story, fmt.value))
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(render(story, fmt.value), encoding="utf-8")
        stderr.print(f"wrote {output}", markup=False)
    raise typer.Exit(EXIT_PARTIAL if story.skipped else EXIT_OK)


def _warn(stderr: Console, skipped: tuple[Skipped, ...]) -> None:
    """One warning line per skipped input, then a count."""
    for item in skipped:
        stderr.print(f"warning: {warning_line(item)}", markup=False)
    if skipped:
        stderr.print(f"{len(skipped)} input(s) skipped; see the warnings above", markup=False)


def main() -> None:
    """Entry point of the ``storyline`` script."""
    app()
