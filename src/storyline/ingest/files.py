"""Finding input files and reading their bytes safely.

Input is the list of paths a user gave (files or directories); output is one ``Source``
per article file, in a deterministic order, plus a ``Skipped`` record for every file that
cannot be used. Nothing here raises for bad input, except ``UsageError`` for a path that
does not exist at all.

Article ids are derived from paths (``source_id``): the path relative to the directory
argument it was found under, without its suffix, with ``/`` as separator; a file given
directly gets its file name without suffix. So ``data/seeds`` and
``data/seeds/000_fedc441ce172bc4f.txt`` both give the id ``000_fedc441ce172bc4f``, and a
file ``data/x/2016/a.txt`` found under ``data/x`` gets ``2016/a``. Ids depend only on the
paths, never on the working directory or the clock, so they are stable across runs.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from storyline.errors import UsageError, skip
from storyline.ingest.decode import decode, is_binary
from storyline.model import Article, Skipped

__all__ = [
    "ARTICLE_SUFFIXES",
    "IGNORED_NAMES",
    "Found",
    "Source",
    "check_exists",
    "find_sources",
    "os_reason",
    "read_bytes",
    "read_text",
    "regular_file",
    "source_id",
]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl")
"""File suffixes read as articles (compared in lower case)."""

IGNORED_NAMES: tuple[str, ...] = ("readme*", "license*", ".*")
"""Names (lower-case glob patterns) skipped quietly in a directory walk: project files and
hidden files or folders such as ``.git`` and ``.gitkeep``. A file given directly is never
ignored."""


@dataclass(frozen=True)
class Source:
    """One article file to read.

    Attributes:
        path: the path as given or as walked (``os.path.join`` of the directory argument
            and the walked names).
        id: the article id derived from the path (see the module docstring).
        suffix: the lower-case suffix that picks the reader, e.g. ``".txt"``.
    """

    path: str
    id: str
    suffix: str


@dataclass(frozen=True)
class Found:
    """An article a reader produced, with the JSONL line it came from (if any)."""

    article: Article
    line: int | None = None


def check_exists(paths: Sequence[str]) -> None:
    """Raise ``UsageError`` for the first path that does not exist.

    A dangling symbolic link exists (it is reported as unreadable later, not as a usage
    error).
    """
    for path in paths:
        if not os.path.lexists(path):
            raise UsageError(f"{path}: no such file or directory")


def source_id(relative: str) -> str:
    """Return the article id for a path relative to its directory argument.

    Example:
        >>> source_id(os.path.join("2016", "a.b.txt"))
        '2016/a.b'
    """
    parts = PurePath(relative).parts
    stem = PurePath(parts[-1]).stem
    return "/".join((*parts[:-1], stem))


def find_sources(path: str) -> Iterator[Source | Skipped]:
    """Yield the article files under ``path`` (a file or a directory), in sorted order.

    Args:
        path: an existing path (see ``check_exists``).

    Yields:
        ``Source`` for each file with a supported suffix, ``Skipped`` ("unsupported",
        "unreadable") for anything else that looks like input. Files matching
        ``IGNORED_NAMES`` inside a directory are left out quietly.
    """
    if os.path.isdir(path):
        yield from _walk(path)
    else:
        yield _classify(path, os.path.basename(path))


def _classify(path: str, relative: str) -> Source | Skipped:
    suffix = os.path.splitext(relative)[1].lower()
    if suffix not in ARTICLE_SUFFIXES:
        return skip(path, "unsupported", suffix=suffix or "(no suffix)")
    return Source(path=path, id=source_id(relative), suffix=suffix)


def _ignored(name: str) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern) for pattern in IGNORED_NAMES)


def _walk(root: str) -> Iterator[Source | Skipped]:
    """Depth-first, name-sorted walk that follows links but never loops."""
    stack: list[tuple[str, str, frozenset[tuple[int, int]]]] = [(root, "", frozenset())]
    while stack:
        path, relative, ancestors = stack.pop()
        try:
            info = os.stat(path)
            if not stat.S_ISDIR(info.st_mode):
                yield _classify(path, relative)
                continue
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield skip(path, "unreadable", detail="directory loop (links to a folder above)")
                continue
            names = sorted(name for name in os.listdir(path) if not _ignored(name))
        except OSError as err:
            yield skip(path, "unreadable", detail=os_reason(err))
            continue
        inner = ancestors | {key}
        for name in reversed(names):
            stack.append((os.path.join(path, name), os.path.join(relative, name), inner))


def os_reason(err: OSError) -> str:
    """Return the operating system's short reason for ``err`` (e.g. "Permission denied")."""
    return err.strerror or str(err) or type(err).__name__


def regular_file(path: str, max_bytes: int) -> os.stat_result | Skipped:
    """Check that ``path`` is a regular file no larger than ``max_bytes``.

    Returns:
        The file's ``stat`` result, or ``Skipped`` ("unreadable" for a missing file, a
        FIFO, a device or an OS error; "too_large" with size and limit).
    """
    try:
        info = os.stat(path)
    except OSError as err:
        return skip(path, "unreadable", detail=os_reason(err))
    if not stat.S_ISREG(info.st_mode):
        return skip(path, "unreadable", detail="not a regular file")
    if info.st_size > max_bytes:
        return skip(path, "too_large", size=info.st_size, limit=max_bytes)
    return info


def read_bytes(path: str, max_bytes: int) -> bytes | Skipped:
    """Read a whole file of at most ``max_bytes`` bytes.

    The size is checked with ``stat`` first, so an oversized file is never read, and
    again while reading (a file may grow, and some files report size 0).

    Returns:
        The bytes, or ``Skipped`` ("unreadable", "too_large").
    """
    checked = regular_file(path, max_bytes)
    if isinstance(checked, Skipped):
        return checked
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        return skip(path, "unreadable", detail=os_reason(err))
    if len(data) > max_bytes:
        return skip(path, "too_large", size=max(len(data), checked.st_size), limit=max_bytes)
    return data


def read_text(path: str, max_bytes: int) -> str | Skipped:
    """Read and decode a whole text file (see ``storyline.ingest.decode``).

    Returns:
        The decoded text exactly (BOM removed, nothing else changed), or ``Skipped``:
        "unreadable", "too_large", "empty" (no bytes, or only whitespace) or "binary".
    """
    data = read_bytes(path, max_bytes)
    if isinstance(data, Skipped):
        return data
    if not data:
        return skip(path, "empty")
    if is_binary(data):
        return skip(path, "binary", detail="it contains NUL bytes")
    text = decode(data)
    if not text.strip():
        return skip(path, "empty")
    return text
