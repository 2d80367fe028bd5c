"""A page of the story list, as the HTML pages and the JSON API both show it.

Everything the web app reads comes through the public ``Store`` interface
(``storyline.store``); this module only cuts the story list into numbered pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from storyline.errors import UsageError
from storyline.store import Store, StoryQuery, StoryRow

__all__ = ["MAX_PER_PAGE", "StoryPage", "query_string", "story_page", "story_query"]

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


def story_page(
    store: Store, page: int = 1, per_page: int = 20, query: StoryQuery | None = None,
) -> StoryPage:
    """Stories ``(page - 1) * per_page`` to ``page * per_page`` of those ``query`` keeps,
    in its order (top stories first when ``None``).

    Raises:
        ValueError: ``page`` below 1 or ``per_page`` outside 1..MAX_PER_PAGE.
    """
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise ValueError(f"page must be >= 1 and per_page 1..{MAX_PER_PAGE}")
    query = query or StoryQuery()
    total = store.story_count(query)
    rows = store.stories(per_page, (page - 1) * per_page, query=query) if total else []
    return StoryPage(tuple(rows), page, per_page, total)


def story_query(
    sort: Annotated[Literal["top", "recent"], Query(
        description="top: most articles, outlets and growth, most recent first; recent: newest activity first.")] = "top",
    since: Annotated[date | None, Query(description="Only stories with articles on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Only stories with articles on or before this day.")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Only stories with an article from this outlet.")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Only stories whose digest names this entity.")] = None,
) -> StoryQuery:
    """The ``StoryQuery`` of a request's query parameters (a FastAPI dependency).

    Raises:
        HTTPException: 422 when ``since`` is after ``until``.
    """
    try:
        return StoryQuery(sort, since, until, outlet or None, entity or None)
    except UsageError as error:
        raise HTTPException(422, str(error)) from None


def query_string(query: StoryQuery) -> str:
    """``query`` as URL parameters (``&sort=recent&outlet=bbc``, defaults left out), to
    follow a page number in links."""
    given = {"sort": query.sort if query.sort != "top" else None, "since": query.since,
             "until": query.until, "outlet": query.outlet, "entity": query.entity}
    kept = {name: str(value) for name, value in given.items() if value is not None}
    return "&" + urlencode(kept) if kept else ""
