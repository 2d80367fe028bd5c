"""``Store``: one storyline database (SQLite or PostgreSQL) behind a small interface."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from types import TracebackType
from typing import Any, Self

from storyline.config import Config
from storyline.model import Article, Digest, Story, Storyline
from storyline.store.batch_load import BatchLoad, load_batch
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
        workers: int = 1,
    ) -> IngestReport:
        """Store ``articles`` (a stream, in order) and, with ``digests``, refresh stale digests.

        See ``storyline.store.ingest.ingest_articles`` for the arguments and guarantees.
        """
        report = ingest_articles(
            self.engine, articles, batch_size=batch_size, tracker_type=tracker_type,
            progress=progress, workers=workers,
        )
        if not digests:
            return report
        built = refresh_digests(self.engine, Config(), progress, workers=workers)
        return replace(report, digests=built)

    def store_batch(
        self,
        stories: Sequence[Story],
        storylines: Sequence[Storyline],
        articles: Iterable[Article],
        digests: Iterable[dict[str, Any]],
        *,
        batch_size: int = DEFAULT_BATCH,
    ) -> BatchLoad:
        """Store the results of a batch run: its stories as computed, not re-clustered.

        ``stories`` hold article ids; ``articles`` is a stream (any order) of the texts,
        written ``batch_size`` at a time, one transaction each, with the rows of the stories
        they join; ``digests`` are the ``digests.jsonl`` objects (with ``story_id``), stored
        when their story holds exactly their articles. Idempotent: an article already
        stored (by id, or by URL or text under another id) is not stored again, so a rerun
        or a resumed load stores only what is missing (see ``storyline.store.batch_load``).

        The online tracker does not learn the batch stories: a database without tracker
        state gets the state of a new tracker, one with state keeps it (only its article
        count grows). A later ``storyline ingest`` into this database therefore never adds
        new articles to batch stories; they start new stories (or join the stories of
        earlier online ingests).
        """
        return load_batch(self.engine, stories, storylines, articles, digests,
                          batch_size=batch_size)

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
