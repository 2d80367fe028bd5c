"""What every ``storyline`` command shares: the Typer apps, option types and exit handling.

Exit codes: 0 everything was used, 1 something was skipped (each skip is warned about on
stderr, one line each), 2 the command was used wrongly.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from storyline import __version__
from storyline.errors import UsageError, warning_line
from storyline.model import Skipped

__all__ = [
    "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "STDERR", "Db", "EvalData", "Format", "Listing",
    "ListingOption", "MaxBytes", "Output", "Paths", "app", "emit", "eval_app", "finish",
    "need_data", "usage_errors",
]

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
EvalData = Annotated[Path, typer.Option("--data", help="The reference data to evaluate on.")]
Db = Annotated[str, typer.Option(
    "--db", envvar="STORYLINE_DB",
    help="Database: a file path (SQLite) or a URL such as postgresql+psycopg://USER@HOST/NAME.",
)]


class Format(StrEnum):
    """Output formats of commands that show a story."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class Listing(StrEnum):
    """Output formats of commands that list things (stories, hits, entities, quotes)."""

    text = "text"
    json = "json"


ListingOption = Annotated[Listing, typer.Option("--format", "-f", help="Output format.")]


def _print_version(value: bool) -> None:
    """``--version``: print ``storyline VERSION`` and exit 0."""
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.",
    )] = False,
) -> None:
    """storyline: stories from many outlets, every sentence cited."""


@contextmanager
def usage_errors() -> Iterator[None]:
    """Turn a ``UsageError`` raised inside into ``error: ...`` on stderr and exit code 2."""
    try:
        yield
    except UsageError as error:
        STDERR.print(f"error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


def need_data(path: Path) -> None:
    """Raise ``UsageError`` when the ``--data`` path of an evaluation does not exist."""
    if not path.exists():
        raise UsageError(f"--data {path} does not exist; give the path of the reference data")


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
