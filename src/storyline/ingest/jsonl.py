"""JSON Lines (``.jsonl``): one article per line, each line a JSON object.

Fields: ``text`` (required, a non-empty string, kept exactly), and optionally ``id``
(string or integer), ``title``, ``url``, ``source`` (strings) and ``published`` (an ISO
date or datetime string, see ``storyline.ingest.published``); ``null`` (and an empty
``id``, ``title`` or ``published``) counts as absent, and other keys are ignored. Without
an id, a line gets ``"<file id>:<line number>"`` (1-based). A missing title stays empty:
unlike a ``.txt`` file, a record's text need not start with its headline, and a title
taken from its first paragraph would make cleaning drop that paragraph as a repeat.

The file is streamed, never read whole: ``max_bytes`` limits each line, not the file, so
an archive of many articles can be read. Every bad line is skipped on its own with its
line number (``bad_json``, ``not_object``, ``no_text``, ``bad_field``, ``too_large``);
the good lines around it are kept. Blank lines are ignored. Lines are UTF-8 (cp1252 and
latin-1 as fallbacks, line by line); a file that starts with a UTF-16/32 BOM is decoded
as such.

Example:
    >>> record = {"text": "Kerry spoke.", "published": "2016-09-16"}
    >>> found = parse_line(json.dumps(record), Source("a.jsonl", "a", ".jsonl"), 3)
    >>> found.article.id, found.article.published
    ('a:3', datetime.date(2016, 9, 16))
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

from storyline.config import Config
from storyline.errors import skip
from storyline.ingest.decode import bom_encoding, decode_plain
from storyline.ingest.files import Found, Source, os_reason, regular_file
from storyline.ingest.published import parse_published
from storyline.model import Article, Skipped

__all__ = ["SNIFF_BYTES", "STRING_FIELDS", "parse_line", "read_jsonl", "read_jsonl_handle"]

SNIFF_BYTES = 8192
"""How much of the start of a file is checked for a BOM and for NUL bytes (binary)."""

STRING_FIELDS: tuple[str, ...] = ("title", "url", "source")
"""Optional fields that must be strings when present."""

PUBLISHED_EXPECTED = "an ISO date or datetime string such as 2016-09-16 or 2016-09-16T14:30:00Z"

Line = tuple[int, str | None, int]
"""``(line number, decoded line or None when too large, size in bytes)``."""


class _Rejected(Exception):
    """Internal: a line is skipped; carries the ``Skipped`` record (never leaves this module)."""

    def __init__(self, skipped: Skipped) -> None:
        super().__init__(skipped.reason)
        self.skipped = skipped


class _Short:
    """A value whose ``repr`` is cut to a readable length for messages."""

    def __init__(self, value: object) -> None:
        self.value = value

    def __repr__(self) -> str:
        text = repr(self.value)
        return text if len(text) <= 60 else text[:57] + "..."


def read_jsonl(source: Source, options: Config) -> Iterator[Found | Skipped]:
    """Read one JSONL file, line by line.

    Args:
        source: the file, with its derived id.
        options: ``max_bytes`` limits each line.

    Yields:
        A ``Found`` per good line and a ``Skipped`` per bad one, in file order; or one
        file-level ``Skipped`` ("unreadable", "binary", "empty"). An OS error in the
        middle of the file keeps the lines read before it.
    """
    checked = regular_file(source.path, sys.maxsize)
    if isinstance(checked, Skipped):
        yield checked
        return
    try:
        with open(source.path, "rb") as handle:
            yield from _read_handle(handle, source, options.max_bytes)
    except OSError as err:
        yield skip(source.path, "unreadable", detail=os_reason(err))


def read_jsonl_handle(handle: BinaryIO, source: Source, options: Config) -> Iterator[Found | Skipped]:
    """Read JSONL from an open binary handle (e.g. ``gzip.open``), as ``read_jsonl`` does a file.

    The handle must support ``seek(0)`` once, after the first bytes are sniffed.
    """
    yield from _read_handle(handle, source, options.max_bytes)


def _read_handle(handle: BinaryIO, source: Source, max_bytes: int) -> Iterator[Found | Skipped]:
    head = handle.read(SNIFF_BYTES)
    handle.seek(0)
    found = bom_encoding(head)
    if found is not None and found[0] != "utf-8":
        lines = _wide_lines(handle, found, max_bytes)
    elif b"\x00" in head:
        yield skip(source.path, "binary", detail="it contains NUL bytes")
        return
    else:
        lines = _byte_lines(handle, max_bytes)
    yield from _records(lines, source, max_bytes)


def _records(lines: Iterator[Line], source: Source, max_bytes: int) -> Iterator[Found | Skipped]:
    seen = False
    for number, text, size in lines:
        if text is None:
            seen = True
            yield skip(source.path, "too_large", line=number, size=size, limit=max_bytes)
        elif text.strip():
            seen = True
            yield parse_line(text, source, number)
    if not seen:
        yield skip(source.path, "empty")


def _split_lines(
    readline: Callable[[int], Any], limit: int, measure: Callable[[Any], int]
) -> Iterator[tuple[int, Any, int]]:
    """Yield ``(number, line without "\\n" or None if longer than limit, size)``.

    ``readline(limit)`` returns at most ``limit`` units; a longer line is drained in
    pieces so that memory stays bounded, and only its size is kept.
    """
    number = 0
    while chunk := readline(limit):
        number += 1
        if len(chunk) < limit or chunk[-1:] in (b"\n", "\n"):
            content = chunk[:-1] if chunk[-1:] in (b"\n", "\n") else chunk
            yield number, content, measure(content)
            continue
        size = measure(chunk)
        while piece := readline(limit):
            done = piece[-1:] in (b"\n", "\n")
            size += measure(piece[:-1] if done else piece)
            if done:
                break
        yield number, None, size


def _byte_lines(handle: BinaryIO, max_bytes: int) -> Iterator[Line]:
    for number, content, size in _split_lines(handle.readline, max_bytes + 1, len):
        if content is None or size > max_bytes:
            yield number, None, size
            continue
        if number == 1 and content.startswith(codecs.BOM_UTF8):
            content = content[len(codecs.BOM_UTF8) :]
        yield number, decode_plain(content)[0], size


def _wide_lines(handle: BinaryIO, found: tuple[str, int], max_bytes: int) -> Iterator[Line]:
    """Lines of a UTF-16/32 file (after its BOM); sizes are counted in encoded bytes."""
    codec, bom_length = found
    unit = 2 if codec.startswith("utf-16") else 4
    handle.seek(bom_length)
    wrapper = io.TextIOWrapper(handle, encoding=codec, errors="replace", newline="\n")

    def measure(text: str) -> int:
        return len(text.encode(codec, "surrogatepass"))

    for number, content, size in _split_lines(wrapper.readline, max_bytes // unit + 1, measure):
        yield number, (None if content is None or size > max_bytes else content), size
    wrapper.detach()


def parse_line(text: str, source: Source, number: int) -> Found | Skipped:
    """Turn one non-blank JSONL line into an article.

    Args:
        text: the decoded line.
        source: the file it came from.
        number: its 1-based line number.

    Returns:
        ``Found`` with the article, or ``Skipped`` ("bad_json", "not_object", "no_text",
        "bad_field") carrying ``number`` as its line.
    """
    try:
        record = json.loads(text)
    except (ValueError, RecursionError) as err:
        return skip(source.path, "bad_json", line=number, detail=_json_problem(err))
    if not isinstance(record, dict):
        return skip(source.path, "not_object", line=number, kind=_json_kind(record))
    try:
        return Found(_article(record, source, number), line=number)
    except _Rejected as rejected:
        return rejected.skipped


def _article(record: dict[str, Any], source: Source, number: int) -> Article:
    """Build the article from a JSON object; raise ``_Rejected`` for a bad field."""
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise _Rejected(_bad_field(source, number, "text", "a string", text))
    if text is None or not text.strip():
        raise _Rejected(skip(source.path, "no_text", line=number))
    fields = {name: _string(record, name, source, number) for name in STRING_FIELDS}
    return Article(
        text=text,
        id=_identifier(record, source, number),
        title=fields["title"],
        source=fields["source"],
        url=fields["url"],
        published=_published(record, source, number),
        path=source.path,
    )


def _string(record: dict[str, Any], name: str, source: Source, number: int) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Rejected(_bad_field(source, number, name, "a string", value))
    return value


def _identifier(record: dict[str, Any], source: Source, number: int) -> str:
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is not None and not isinstance(value, str):
        raise _Rejected(_bad_field(source, number, "id", "a string or an integer", value))
    return value if value and value.strip() else f"{source.id}:{number}"


def _published(record: dict[str, Any], source: Source, number: int) -> date | datetime | None:
    value = record.get("published")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = parse_published(value) if isinstance(value, str) else None
    if parsed is None:
        raise _Rejected(_bad_field(source, number, "published", PUBLISHED_EXPECTED, value))
    return parsed


def _bad_field(source: Source, number: int, name: str, expected: str, value: object) -> Skipped:
    return skip(
        source.path, "bad_field", line=number, name=name, expected=expected, value=_Short(value)
    )


def _json_problem(err: Exception) -> str:
    """What is wrong with one JSONL line, for the ``bad_json`` message: the decoder's
    message and column (``"Unterminated string starting at column 26"``; its messages that
    end in "at" lose it, so the column is not given as "at at")."""
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg.removesuffix(' at')} at column {err.colno}"
    if isinstance(err, RecursionError):
        return "nested too deeply"
    return str(err)[:100] or type(err).__name__


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    return "a number"
