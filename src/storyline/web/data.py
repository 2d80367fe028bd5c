"""A page of the story list, as the HTML pages and the JSON API both show it.

Everything the web app reads comes through the public ``Store`` interface
(``storyline.store``); this module only cuts the story list into numbered pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.store import Store, StoryRow

__all__ = ["MAX_PER_PAGE", "StoryPage", "story_page"]

MAX_PER_PAGE = 100
"""The most stories one page (HTML or JSON) lists."""


@dataclass(frozen=True)
class StoryPage:
    """One page of the story list: its rows, 1-based page number and whether more follow."""

    rows: tuple[StoryRow, ...]
    page: int
    per_page: int
    total: int

    @property
    def has_next(self) -> bool:
        return self.page * self.per_page < self.total

    @property
    def last_page(self) -> int:
        """The number of the last page that lists stories (1 when there are none)."""
        return max(1, -(-self.total // self.per_page))


def story_page(store: Store, page: int = 1, per_page: int = 20) -> StoryPage:
    """Stories ``(page - 1) * per_page`` to ``page * per_page``, newest activity first.

    Raises:
        ValueError: ``page`` below 1 or ``per_page`` outside 1..MAX_PER_PAGE.
    """
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise ValueError(f"page must be >= 1 and per_page 1..{MAX_PER_PAGE}")
    total = store.story_count()
    rows = store.stories(per_page, (page - 1) * per_page) if total else []
    return StoryPage(tuple(rows), page, per_page, total)
