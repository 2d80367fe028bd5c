"""The JSON view of a digest: the ``storyline.digest/1`` object of ``Digest.to_dict``."""

from __future__ import annotations

import json

from storyline.model import Digest

__all__ = ["to_json"]


def to_json(digest: Digest) -> str:
    """Return ``digest.to_dict()`` as indented UTF-8 JSON text ending in a newline.

    Example:
        >>> to_json(Digest("h", (), ())).splitlines()[1]
        '  "schema": "storyline.digest/1",'
    """
    return json.dumps(digest.to_dict(), ensure_ascii=False, indent=2) + "\n"
