"""A small in-process cache of story digests for the web app, keyed by what they were built from.

``Store.digest`` reads and parses the stored digest JSON on every call (tens of ms for a
big story). The web app asks for the same few stories again and again, so it keeps the
parsed ``Digest`` keyed by ``(story id, Store.digest_version(story id))``: when a story
gains an article (or the store's digest options change) its version changes and the next
request goes back to the store (which rebuilds it).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from storyline.errors import UsageError
from storyline.model import Digest
from storyline.store import Store

__all__ = ["DigestCache"]


class DigestCache:
    """Parsed digests of the ``size`` most recently read stories of ``store``."""

    def __init__(self, store: Store, size: int = 256) -> None:
        self.store = store
        self.size = size
        self._items: OrderedDict[tuple[str, str], Digest] = OrderedDict()
        self._derived: dict[tuple[int, str], Any] = {}
        self._lock = threading.Lock()

    def digest(self, story_id: str) -> Digest:
        """The digest of ``story_id``, as ``Store.digest`` gives it.

        Raises:
            UsageError: there is no story ``story_id``.
        """
        version = self.store.digest_version(story_id)
        if version is None:
            raise UsageError(f"no story '{story_id}' in the database")
        key = (story_id, version)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        found = self.store.digest(story_id)
        with self._lock:
            self._items[key] = found
            while len(self._items) > self.size:
                _key, dropped = self._items.popitem(last=False)
                self._derived = {k: v for k, v in self._derived.items() if k[0] != id(dropped)}
        return found

    def derived(self, story_id: str, name: str, build: Callable[[Digest], Any]) -> tuple[Digest, Any]:
        """The digest of ``story_id`` and ``build(digest)``, built once per cached digest."""
        found = self.digest(story_id)
        key = (id(found), name)
        with self._lock:
            if key in self._derived:
                return found, self._derived[key]
        value = build(found)
        with self._lock:
            if any(found is kept for kept in self._items.values()):
                self._derived[key] = value
        return found, value
