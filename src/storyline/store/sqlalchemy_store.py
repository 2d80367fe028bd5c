"""``Store``: one storyline database (SQLite or PostgreSQL) behind a small interface."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from types import TracebackType
from typing import Any, Self

from storyline.config import Options
from storyline.model import Article, Digest
from storyline.store.check import check
from storyline.store.engine import (
    DEFAULT_DB,
    create_store_engine,
    database_url,
    migrate,
)
from storyline.store.ingest import (
    DEFAULT_BATCH,
    IngestReport,
    Progress,
    ingest_articles,
)
from storyline.store.read import StoryRow, list_stories, refresh_digests, story_digest
from storyline.store.search import SearchHit, search

__all__ = ["Store"]


class Store:
    """A storyline database, migrated to the newest schema when opened.

    Args:
        db: a file path (SQLite) or a URL (``sqlite:///PATH``,
            ``postgresql+psycopg://USER@HOST:PORT/NAME``).

    Raises:
        UsageError: ``db`` is not a supported path or URL, or cannot be opened.

    Example:
        >>> from storyline.model import Article
        >>> with Store(":memory:") as store:
        ...     report = store.ingest([Article("Flood waters rose in Dresden on Monday.", id="a")])
        ...     [row.article_count for row in store.stories()], store.check()
        ([1], [])
    """

    def __init__(self, db: str | os.PathLike[str] = DEFAULT_DB) -> None:
        self.url = database_url(db)
        self.engine = create_store_engine(db)
        try:
            self.version = migrate(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def ingest(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = DEFAULT_BATCH,
        digests: bool = True,
        tracker_type: Any = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Store ``articles`` (a stream, in order) and, with ``digests``, refresh stale digests.

        See ``storyline.store.ingest.ingest_articles`` for the arguments and guarantees.
        """
        report = ingest_articles(
            self.engine, articles, batch_size=batch_size, tracker_type=tracker_type,
            progress=progress,
        )
        if not digests:
            return report
        return replace(report, digests=refresh_digests(self.engine, Options(), progress))

    def stories(self, limit: int | None = None, offset: int = 0) -> list[StoryRow]:
        """Stories, newest activity first, skipping the first ``offset``."""
        with self.engine.connect() as connection:
            return list_stories(connection, limit, offset)

    def digest(self, story_id: str) -> Digest:
        """The digest of ``story_id`` (rebuilt and stored only when its articles changed)."""
        return story_digest(self.engine, story_id)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Full-text search: the ``limit`` best-matching articles, best first."""
        with self.engine.connect() as connection:
            return search(connection, query, limit)

    def check(self) -> list[str]:
        """Every consistency rule the database breaks (``[]`` when consistent)."""
        with self.engine.connect() as connection:
            return check(connection)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
