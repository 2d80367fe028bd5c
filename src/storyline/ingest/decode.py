"""Bytes to text: the one place that decides how an input file's bytes become a ``str``.

The rules are the contract (kept by hand rather than guessed by charset-normalizer, so
that they are simple, fast and predictable):

1. A byte-order mark decides: UTF-8, UTF-16 LE/BE or UTF-32 LE/BE; the BOM is removed.
2. Without a BOM: UTF-8 if the bytes are valid UTF-8, else cp1252 (Windows "smart
   quotes"), else latin-1, which decodes any byte sequence.

Nothing else is changed: newlines and whitespace are kept exactly, because every later
character offset points into the decoded text.

Example:
    >>> decode(b"caf\\xe9 \\x93quoted\\x94")
    'café “quoted”'
    >>> decode(b"\\xef\\xbb\\xbfhello\\r\\n")
    'hello\\r\\n'
"""

from __future__ import annotations

import codecs

__all__ = ["BOMS", "bom_encoding", "decode", "decode_plain", "decode_with_encoding", "is_binary"]

BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE first: its BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Byte-order marks we recognise, with the codec that decodes what follows them."""

FALLBACKS: tuple[str, ...] = ("utf-8", "cp1252")
"""Codecs tried strictly, in order, on bytes without a BOM; latin-1 comes last."""


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """Return ``(codec, bom_length)`` when ``data`` starts with a known BOM, else ``None``."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def is_binary(data: bytes) -> bool:
    """Return True when ``data`` holds NUL bytes and is not UTF-16/32 text with a BOM.

    Example:
        >>> is_binary(b"GIF89a\\x00\\x01"), is_binary(b"\\xff\\xfeh\\x00i\\x00")
        (True, False)
    """
    if b"\x00" not in data:
        return False
    found = bom_encoding(data)
    return found is None or found[0] == "utf-8"


def decode_plain(data: bytes) -> tuple[str, str]:
    """Decode bytes without a BOM: UTF-8, else cp1252, else latin-1.

    Returns:
        ``(text, codec)``; never raises.
    """
    for codec in FALLBACKS:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def decode_with_encoding(data: bytes) -> tuple[str, str]:
    """Decode ``data`` by the rules in the module docstring.

    Args:
        data: the raw bytes of a file (or of one line of it).

    Returns:
        ``(text, codec)``: the text without its BOM and the codec that produced it.
        Never raises: malformed UTF-16/32 is decoded with U+FFFD replacements.
    """
    found = bom_encoding(data)
    if found is None:
        return decode_plain(data)
    codec, skip = found
    return data[skip:].decode(codec, errors="replace"), codec


def decode(data: bytes) -> str:
    """Decode ``data`` by the rules in the module docstring and return only the text."""
    return decode_with_encoding(data)[0]
