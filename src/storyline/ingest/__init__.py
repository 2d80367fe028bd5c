"""Input readers: files and folders of ``.txt``, ``.html``/``.htm`` and ``.jsonl`` to ``Article``.

One module per job: ``files`` finds inputs and reads bytes, ``decode`` turns bytes into
text, and ``text``, ``html`` and ``jsonl`` each read one format. This module runs them
over the paths a user gave and returns every article read and every input skipped, with
its reason. Bad input never raises; a path that does not exist raises ``UsageError``.

Article ids come from paths (see ``storyline.ingest.files``): ``data/seeds`` gives
``000_fedc441ce172bc4f`` for ``data/seeds/000_fedc441ce172bc4f.txt``; JSONL lines use
their ``id`` field or ``<file id>:<line>``. A second article with an id already read in
the same run is skipped as ``duplicate_id``.

Example (from the repository root)::

    result = read_inputs(["../shared/data/seeds"], Config())
    result.articles[0].id  # '000_fedc441ce172bc4f'
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from storyline.config import DEFAULT_MAX_BYTES, Config
from storyline.errors import StorylineWarning, skip, warning_line
from storyline.ingest.files import Found, Source, check_exists, find_sources
from storyline.ingest.html import read_html
from storyline.ingest.jsonl import read_jsonl
from storyline.ingest.text import read_txt
from storyline.model import Article, Skipped

__all__ = ["READERS", "ReadResult", "read", "read_inputs"]

Reader = Callable[[Source, Config], Iterable[Found | Skipped]]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}
"""The reader for each supported suffix (lower case)."""


@dataclass(frozen=True)
class ReadResult:
    """What reading the inputs gave: the articles in input order, and what was skipped."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def read_inputs(
    paths: Sequence[str | os.PathLike[str]], options: Config | None = None
) -> ReadResult:
    """Read every article under ``paths``.

    Args:
        paths: files and folders; folders are walked recursively in name order, leaving
            out hidden entries and ``README*``/``LICENSE*`` files.
        options: the run's options (``max_bytes``); ``Config()`` when omitted.

    Returns:
        A ``ReadResult``: articles in a deterministic order (paths in the order given,
        files by name, JSONL lines in file order) and one ``Skipped`` per problem
        (codes: unsupported, unreadable, too_large, empty, binary, no_html_text,
        bad_html, bad_json, not_object, no_text, bad_field, duplicate_id).

    Raises:
        UsageError: a path does not exist (checked for all paths before reading any).
        TypeError: ``paths`` is a single path rather than a sequence of paths.
        ImportError: an HTML page is read and trafilatura is not installed.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(
            f"paths must be a list of paths, not one path; use read_inputs([{paths!r}])"
        )
    options = options or Config()
    given = [os.fsdecode(path) for path in paths]
    check_exists(given)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for item in _read_all(given, options):
        if isinstance(item, Skipped):
            skipped.append(item)
        elif item.article.id in seen:
            other = seen[item.article.id]
            skipped.append(
                skip(item.article.path, "duplicate_id", item.line, id=item.article.id, other=other)
            )
        else:
            seen[item.article.id] = item.article.path
            articles.append(item.article)
    return ReadResult(articles=tuple(articles), skipped=tuple(skipped))


def _read_all(paths: Sequence[str], options: Config) -> Iterator[Found | Skipped]:
    for path in paths:
        for source in find_sources(path):
            if isinstance(source, Skipped):
                yield source
            else:
                yield from READERS[source.suffix](source, options)


def read(*paths: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read articles, warning once per skipped input; the short form of ``read_inputs``.

    Returns:
        The articles read.

    Raises:
        UsageError: a path does not exist, or ``max_bytes`` is below 1.

    Warns:
        StorylineWarning: one per skipped input, as ``skipped PATH[:LINE]: REASON``.
    """
    result = read_inputs(paths, Config(max_bytes=max_bytes))
    for skipped in result.skipped:
        warnings.warn(warning_line(skipped), StorylineWarning, stacklevel=2)
    return list(result.articles)
