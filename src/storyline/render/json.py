"""The JSON view of a digest (the ``storyline.digest/1`` object of ``Digest.to_dict``), and the
JSON text format every command's ``--format json`` output shares."""

from __future__ import annotations

import json

from storyline.model import Digest

__all__ = ["json_text", "to_json"]


def to_json(digest: Digest) -> str:
    """Return ``digest.to_dict()`` as indented UTF-8 JSON text ending in a newline.

    Example:
        >>> to_json(Digest("h", (), ())).splitlines()[1]
        '  "schema": "storyline.digest/1",'
    """
    return json_text(digest.to_dict())


def json_text(data: object) -> str:
    """``data`` as the JSON every command prints: indented, non-ASCII kept, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
