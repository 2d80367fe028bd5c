"""What the web app reads from a ``Store`` beyond its public methods: pages of stories,
one article with its story, and the stories of one storyline.

Read-only queries over the store's tables (``storyline.store.schema``); the store's own
``list_stories`` orders, pages (``limit``/``offset``) and counts stories.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from storyline.model import Article, Sentence
from storyline.store import Store, StoryRow
from storyline.store.read import article_from_row, list_stories, story_sentences
from storyline.store.schema import articles, stories, storylines

__all__ = ["MAX_PER_PAGE", "StoredArticle", "StoryPage", "find_article", "kept_sentences", "story_page",
           "story_storyline", "storyline_stories"]

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


@dataclass(frozen=True)
class StoredArticle:
    """A stored article, its outlet name and the story it is filed under."""

    article: Article
    outlet: str
    story: str


def story_page(store: Store, page: int = 1, per_page: int = 20) -> StoryPage:
    """Stories ``(page - 1) * per_page`` to ``page * per_page``, newest activity first.

    Raises:
        ValueError: ``page`` below 1 or ``per_page`` outside 1..MAX_PER_PAGE.
    """
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise ValueError(f"page must be >= 1 and per_page 1..{MAX_PER_PAGE}")
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(stories)) or 0
        rows = list_stories(connection, per_page, (page - 1) * per_page) if total else []
    return StoryPage(tuple(rows), page, per_page, total)


def find_article(store: Store, article_id: str) -> StoredArticle | None:
    """The stored article ``article_id`` (``None`` when there is none)."""
    with store.engine.connect() as connection:
        row = connection.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    return StoredArticle(article_from_row(row), row.outlet, row.story_id)


def kept_sentences(store: Store, story_id: str) -> dict[str, tuple[Sentence, ...]]:
    """The kept sentences (``storyline.clean.prose``, as stored at ingest) of each article of
    ``story_id``, in text order; articles with none stored are left out."""
    with store.engine.connect() as connection:
        return story_sentences(connection, story_id)


def storyline_stories(store: Store, storyline_id: str) -> list[StoryRow]:
    """The stories of one storyline, oldest activity first (``[]`` when there is none)."""
    with store.engine.connect() as connection:
        rows = [row for row in list_stories(connection) if row.storyline == storyline_id]
    return rows[::-1]


def story_storyline(store: Store, story_id: str) -> tuple[str, str] | None:
    """``(storyline id, storyline headline)`` of ``story_id`` (``None`` when there is none)."""
    with store.engine.connect() as connection:
        row = connection.execute(
            select(storylines.c.id, storylines.c.headline)
            .join(stories, stories.c.storyline_id == storylines.c.id)
            .where(stories.c.id == story_id)
        ).first()
    return (row[0], row[1]) if row else None
