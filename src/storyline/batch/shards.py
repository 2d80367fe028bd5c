"""Sharded input for ``storyline batch``: finding the shards, and reading one of them.

A shard is what one task reads: one JSONL file (``.jsonl`` or ``.jsonl.gz``), one WARC file
(``.warc`` or ``.warc.gz``), or a group of up to ``FILES_PER_SHARD`` loose article files
(``.txt``, ``.html``, ``.htm``) from one folder. Inputs are paths, folders (walked by
``storyline.ingest.files.find_sources``, so hidden and README files are left out the same
way) or glob patterns (``archive/2016-*.jsonl.gz``, ``**`` allowed).

Reading reuses the readers of ``storyline.ingest``: JSONL lines go through the JSONL reader
(a ``.gz`` file is decompressed as a stream), and every HTML response of a WARC file goes
through the HTML reader (``storyline.ingest.html.parse_html``), so a page reads the same
from a WARC record as from a file. Article ids follow the ingest rules: a JSONL line keeps
its ``id`` field or gets ``<shard id>:<line>``; a WARC page gets ``<shard id>:<record>``
(its 1-based record number in the file, also given as ``line`` when it is skipped).
Non-HTML WARC records (requests, metadata, images) are not articles and are passed over.
"""

from __future__ import annotations

import dataclasses
import glob
import gzip
import hashlib
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from storyline.config import Config
from storyline.errors import UsageError, skip
from storyline.ingest import READERS
from storyline.ingest.decode import decode
from storyline.ingest.files import Found, Source, find_sources, os_reason, regular_file
from storyline.ingest.html import parse_html
from storyline.ingest.jsonl import read_jsonl, read_jsonl_handle
from storyline.model import Skipped

__all__ = ["FILES_PER_SHARD", "HTML_TYPES", "SHARD_SUFFIXES", "Shard", "find_shards", "read_shard"]

SHARD_SUFFIXES: dict[str, str] = {
    ".jsonl.gz": "jsonl.gz",
    ".warc.gz": "warc",
    ".warc": "warc",
    ".jsonl": "jsonl",
}
"""File suffix (lower case, longest first) -> shard kind; warcio reads both WARC forms."""

FILES_PER_SHARD = 256
"""Loose article files of one folder grouped into one shard."""

HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")
"""HTTP content types of WARC responses read as articles."""


@dataclass(frozen=True)
class Shard:
    """One unit of input: ``kind`` is "jsonl", "jsonl.gz", "warc" or "files".

    ``sources`` holds the one file of a JSONL or WARC shard, or the loose files of a
    "files" shard; ``key`` names the shard's work files (a hash of kind and paths).
    """

    kind: str
    sources: tuple[Source, ...]

    @property
    def path(self) -> str:
        """The shard's file (its first file for a "files" shard)."""
        return self.sources[0].path

    @property
    def key(self) -> str:
        """16 hex digits naming this shard; the same paths give the same key."""
        text = "\0".join((self.kind, *(s.path for s in self.sources)))
        return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def find_shards(patterns: Sequence[str]) -> tuple[list[Shard], list[Skipped]]:
    """The shards under ``patterns`` (paths, folders or globs), in the order given.

    Returns:
        The shards, and a ``Skipped`` ("unsupported", "unreadable") for each file that
        is no input.

    Raises:
        UsageError: a path does not exist, or a glob matches nothing.
    """
    shards: list[Shard] = []
    skipped: list[Skipped] = []
    for root in _expand(patterns):
        loose: list[Source] = []
        for item in find_sources(root):
            found = _shard_of(item, root)
            if isinstance(found, Source):
                loose = _add_loose(loose, found, shards)
            elif isinstance(found, Shard):
                shards.append(found)
            else:
                skipped.append(found)
        _flush(loose, shards)
    return shards, skipped


def _expand(patterns: Sequence[str]) -> list[str]:
    roots: list[str] = []
    for pattern in patterns:
        if os.path.lexists(pattern):
            roots.append(pattern)
        elif glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                raise UsageError(f"{pattern}: no file matches this pattern")
            roots.extend(matches)
        else:
            raise UsageError(f"{pattern}: no such file or directory")
    return roots


def _shard_of(item: Source | Skipped, root: str) -> Shard | Source | Skipped:
    """A JSONL or WARC shard, a loose article file (``Source``), or the ``Skipped`` as is."""
    path = item.path
    suffix = next((s for s in SHARD_SUFFIXES if path.lower().endswith(s)), None)
    if suffix is None:
        return item
    if isinstance(item, Skipped) and item.code != "unsupported":
        return item
    relative = os.path.basename(path) if path == root else os.path.relpath(path, root)
    parts = PurePath(relative[: -len(suffix)]).parts
    return Shard(SHARD_SUFFIXES[suffix], (Source(path, "/".join(parts), suffix),))


def _add_loose(loose: list[Source], source: Source, shards: list[Shard]) -> list[Source]:
    """Add a loose file to the current group, closing the group first when it is full or
    the file is in another folder."""
    if loose and (len(loose) >= FILES_PER_SHARD
                  or os.path.dirname(loose[0].path) != os.path.dirname(source.path)):
        _flush(loose, shards)
        loose = []
    loose.append(source)
    return loose


def _flush(loose: list[Source], shards: list[Shard]) -> None:
    if loose:
        shards.append(Shard("files", tuple(loose)))


def read_shard(shard: Shard, options: Config) -> Iterator[Found | Skipped]:
    """Every article and every skipped input of ``shard``, in file order.

    Bad input never raises: a corrupt ``.gz`` or WARC file ends with one "unreadable"
    ``Skipped`` after the articles read before the damage.

    Raises:
        ImportError: an HTML page is read and trafilatura is not installed.
    """
    if shard.kind == "files":
        for source in shard.sources:
            yield from READERS[source.suffix](source, options)
    elif shard.kind == "jsonl":
        yield from read_jsonl(shard.sources[0], options)
    elif shard.kind == "jsonl.gz":
        yield from _guarded(shard.sources[0], _gzip_jsonl(shard.sources[0], options))
    else:
        yield from _guarded(shard.sources[0], _warc_pages(shard.sources[0], options))


def _guarded(source: Source, items: Iterator[Found | Skipped]) -> Iterator[Found | Skipped]:
    """``items``, ending in one "unreadable" record when the compressed stream is damaged."""
    checked = regular_file(source.path, sys.maxsize)
    if isinstance(checked, Skipped):
        yield checked
        return
    try:
        yield from items
    except OSError as err:
        yield skip(source.path, "unreadable", detail=os_reason(err))
    except (EOFError, zlib.error, ValueError) as err:
        yield skip(source.path, "unreadable", detail=f"{type(err).__name__}: {err}"[:200])


def _gzip_jsonl(source: Source, options: Config) -> Iterator[Found | Skipped]:
    with gzip.open(source.path, "rb") as handle:
        yield from read_jsonl_handle(handle, source, options)  # type: ignore[arg-type]


def _warc_pages(source: Source, options: Config) -> Iterator[Found | Skipped]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(source.path, "rb") as handle:
        try:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if record.format != "warc":  # warcio would read anything as an old ARC file
                    raise ValueError("not a WARC file: no WARC/1.x record header")
                if record.rec_type == "response" and _is_html(record):
                    yield _warc_page(record, source, number, options)
        except ArchiveLoadFailed as err:
            raise ValueError(f"not a WARC file ({err})"[:200]) from None


def _is_html(record: Any) -> bool:
    headers = record.http_headers
    kind = (headers.get_header("Content-Type", "") if headers else "").lower()
    return kind.startswith(HTML_TYPES)


def _warc_page(record: Any, source: Source, number: int, options: Config) -> Found | Skipped:
    """One HTML response record as an article, or ``Skipped`` with its record number."""
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        return skip(source.path, "too_large", line=number, size=len(payload),
                    limit=options.max_bytes)
    if not payload.strip():
        return skip(source.path, "empty", line=number)
    page = Source(source.path, f"{source.id}:{number}", ".html")
    found = parse_html(decode(payload), page)
    if isinstance(found, Skipped):
        return dataclasses.replace(found, line=number)
    url = found.article.url or record.rec_headers.get_header("WARC-Target-URI", "")
    return Found(dataclasses.replace(found.article, url=url), line=number)
