"""``Store``: one storyline database (SQLite or PostgreSQL) behind a small interface."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from types import TracebackType
from typing import Any, Self

from sqlalchemy import or_, select

from storyline.config import Config
from storyline.model import Article, Digest, Sentence, Story, Storyline
from storyline.store import read
from storyline.store.batch_load import BatchLoad, load_batch
from storyline.store.check import check
from storyline.store.engine import DEFAULT_DB, create_store_engine, database_url, migrate
from storyline.store.digests import Built
from storyline.store.entities import (
    EntityProfile, entity_profile, find_entities, index_entities, storyline_entities,
)
from storyline.store.ingest import DEFAULT_BATCH, IngestReport, Progress, ingest_articles
from storyline.store.rank import StoryQuery
from storyline.store.read import StoredArticle, StoryRow
from storyline.store.schema import articles as article_table
from storyline.store.search import SearchHit, search
from storyline.store.settings import load_config, save_config
from storyline.store.storylines import StorylineProfile, name_storylines, storyline_profile

__all__ = ["Store"]


class Store:
    """A storyline database, migrated to the newest schema when opened.

    Args:
        db: a file path (SQLite) or a URL (``sqlite:///PATH``,
            ``postgresql+psycopg://USER@HOST:PORT/NAME``).
        config: the options saved in the database when ``create`` makes it (or it has
            none saved yet); a database keeps the config it was created with
            (``configure`` changes it), and ``self.config`` is the one in use.
        create: make the database (and an SQLite file's folders) when it does not exist;
            without it, only an existing storyline database is opened and nothing is made.

    Raises:
        UsageError: ``db`` is not a supported path or URL, cannot be opened, does not exist
            (without ``create``) or is not a storyline database.

    Example:
        >>> from storyline.model import Article
        >>> with Store(":memory:", create=True) as store:
        ...     report = store.ingest([Article("Flood waters rose in Dresden on Monday.", id="a")])
        ...     [row.article_count for row in store.stories()], store.check()
        ([1], [])
    """

    def __init__(
        self, db: str | os.PathLike[str] = DEFAULT_DB, *, config: Config | None = None,
        create: bool = False,
    ) -> None:
        self.url = database_url(db)
        self.engine = create_store_engine(db, create=create)
        try:
            self.version = migrate(self.engine, create=create, db=db)
            self.config = self._open_config(config, create)
        except BaseException:
            self.engine.dispose()
            raise

    def _open_config(self, given: Config | None, create: bool) -> Config:
        """The saved config; else ``given`` (or the defaults), saved when ``create``."""
        with self.engine.connect() as connection:
            saved = load_config(connection)
        if saved is not None:
            return saved
        config = given or Config()
        if create:
            with self.engine.begin() as connection:
                save_config(connection, config)
        return config

    def configure(self, config: Config) -> None:
        """Save ``config`` as the database's config; digests built with options that
        ``config.digest_key()`` tells apart become stale (rebuilt when shown or refreshed)."""
        with self.engine.begin() as connection:
            save_config(connection, config)
        self.config = config

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

        A new tracker is made with ``self.config.cluster``. See
        ``storyline.store.ingest.ingest_articles`` for the arguments and guarantees.
        """
        report = ingest_articles(
            self.engine, articles, batch_size=batch_size, tracker_type=tracker_type,
            cluster=self.config.cluster, progress=progress, workers=workers,
        )
        if not digests:
            return report
        return replace(report, digests=self.refresh(progress, workers=workers))

    def refresh(self, progress: Progress | None = None, *, workers: int = 1) -> int:
        """Rebuild (with ``self.config``) and store every stale digest; how many.

        A digest is stale when its story's articles, the config's ``digest_key()`` or the
        code's ``DIGEST_VERSION`` changed since it was built. Then the entity index and the
        storyline titles are brought up to date (``derive``).
        """
        rebuilt = read.refresh_digests(self.engine, self.config, progress, workers=workers)
        self.derive()
        return rebuilt

    def derive(self) -> None:
        """Index the entities and quotes of digests changed since last indexed
        (``storyline.store.entities``), then title the storylines whose stories changed
        (``storyline.store.storylines``)."""
        index_entities(self.engine)
        name_storylines(self.engine)

    def store_batch(
        self,
        stories: Sequence[Story],
        storylines: Sequence[Storyline],
        articles: Iterable[Article],
        digests: Iterable[dict[str, Any]],
        *,
        batch_size: int = DEFAULT_BATCH,
        built_with: Config | None = None,
    ) -> BatchLoad:
        """Store the results of a batch run: its stories as computed, not re-clustered.

        ``stories`` hold article ids; ``articles`` is a stream (any order) of the texts,
        written ``batch_size`` at a time, one transaction each, with the rows of the stories
        they join; ``digests`` are the ``digests.jsonl`` objects (with ``story_id``), built
        with ``built_with`` (``self.config`` when ``None``), stored when their story holds
        exactly their articles (they are stale, and rebuilt when shown, when the two
        configs' digest keys differ). Idempotent: an article already stored (by id, or by
        URL or text under another id) is not stored again, so a rerun or a resumed load
        stores only what is missing (see ``storyline.store.batch_load``).

        The online tracker does not learn the batch stories: a database without tracker
        state gets the state of a new tracker, one with state keeps it (only its article
        count grows). A later ``storyline ingest`` into this database therefore never adds
        new articles to batch stories; they start new stories (or join the stories of
        earlier online ingests).
        """
        key = (built_with or self.config).digest_key()
        loaded = load_batch(self.engine, stories, storylines, articles, digests,
                            digest_key=key, batch_size=batch_size)
        self.derive()
        return loaded

    def stories(
        self, limit: int | None = None, offset: int = 0, *, storyline: str | None = None,
        query: StoryQuery | None = None,
    ) -> list[StoryRow]:
        """Stories (of ``storyline`` only, when given) that ``query`` keeps, in its order
        (``storyline.store.rank``; newest activity first when ``None``), skipping the first
        ``offset``."""
        with self.engine.connect() as connection:
            return read.list_stories(connection, limit, offset, storyline, query)

    def story_count(self, query: StoryQuery | None = None) -> int:
        """How many stories the database holds (that ``query`` keeps, when given)."""
        with self.engine.connect() as connection:
            return read.count_stories(connection, query)

    def storyline_of(self, story_id: str) -> tuple[str, str] | None:
        """``(storyline id, storyline headline)`` of ``story_id`` (``None``: no such story)."""
        with self.engine.connect() as connection:
            return read.story_storyline(connection, story_id)

    def storyline(self, storyline_id: str) -> StorylineProfile | None:
        """The storyline ``storyline_id``, its title and stories, oldest first (``None``:
        no such storyline)."""
        with self.engine.connect() as connection:
            return storyline_profile(connection, storyline_id)

    def entity(self, entity_id: str) -> EntityProfile | None:
        """The person, organisation or other entity ``entity_id`` across the stored stories:
        its stories and cited quotes (``None``: no indexed story names it)."""
        with self.engine.connect() as connection:
            return entity_profile(connection, entity_id)

    def storyline_entities(self, storyline_id: str) -> list[tuple[str, str, str, int]]:
        """``(id, name, type, story count)`` of the people and organisations storyline
        ``storyline_id`` names in the most stories, most first."""
        with self.engine.connect() as connection:
            return storyline_entities(connection, storyline_id)

    def find_entities(self, name: str) -> list[tuple[str, str, int]]:
        """``(id, name, story count)`` of the entities called ``name`` (or whose id holds
        it), those in the most stories first."""
        with self.engine.connect() as connection:
            return find_entities(connection, name)

    def digest(self, story_id: str) -> Digest:
        """The digest of ``story_id`` (rebuilt with ``self.config`` and stored when stale).

        Raises:
            UsageError: there is no story ``story_id``.
        """
        return read.story_digest(self.engine, story_id, self.config)

    def digest_built(self, story_id: str) -> tuple[Built, int] | None:
        """When and from how many articles the stored digest of ``story_id`` was built, and
        how many articles the story has now (``None``: no stored digest)."""
        with self.engine.connect() as connection:
            return read.digest_built(connection, story_id)

    def digest_version(self, story_id: str) -> str | None:
        """What the digest of ``story_id`` is built from now, as a short string (``None``:
        no such story); while it stays the same, so does ``digest(story_id)``."""
        with self.engine.connect() as connection:
            articles_hash = read.story_version(connection, story_id)
        return None if articles_hash is None else f"{articles_hash}/{self.config.digest_key()}"

    def article(self, article_id: str) -> StoredArticle | None:
        """The stored article ``article_id``, its outlet and story (``None``: no such article)."""
        with self.engine.connect() as connection:
            return read.find_article(connection, article_id)

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` already stored: as an article's URL (its canonical URL) or as
        the path it was read from (the URL a live source fetched it from).

        Example:
            >>> with Store(":memory:", create=True) as store:
            ...     _ = store.ingest([Article("Flood waters rose in Dresden on Monday.",
            ...                               id="a", url="https://example.org/a")])
            ...     sorted(store.known_urls(["https://example.org/a", "https://example.org/b"]))
            ['https://example.org/a']
        """
        wanted = sorted(set(urls))
        found: set[str] = set()
        with self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                asked = set(chunk)
                rows = connection.execute(
                    select(article_table.c.url, article_table.c.path).where(
                        or_(article_table.c.url.in_(chunk), article_table.c.path.in_(chunk))
                    )
                ).all()
                found.update(value for row in rows for value in row if value in asked)
        return found

    def sentences(self, story_id: str) -> dict[str, tuple[Sentence, ...]]:
        """The kept sentences (``storyline.clean.prose``, as stored at ingest) of each article
        of ``story_id``, in text order; articles with none stored are left out."""
        with self.engine.connect() as connection:
            return read.story_sentences(connection, story_id)

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
