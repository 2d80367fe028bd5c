"""Reading a storyline database: story lists, articles, digests (rebuilt when stale).

A digest is stale when the hash of its story's article ids (``stories.articles_hash``)
differs from the hash it was built from, or when the ``Config.digest_key()`` it was built
with differs from the database's config's (another option that changes digests, or
another ``DIGEST_VERSION`` of the code); ``story_digest`` and ``refresh_digests`` rebuild
stale digests with ``storyline.digest.build_digest`` and store them, and otherwise give
back the stored JSON untouched.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, or_, select

from storyline.config import Config
from storyline.digest import build_digest, digest_story
from storyline.errors import UsageError
from storyline.model import Article, CleanArticle, Digest, Sentence
from storyline.store.digests import articles_hash, digest_from_dict, parse_moment
from storyline.store.ingest import chunked
from storyline.store.prepare import worker_map
from storyline.store.rank import StoryQuery, filtered, ordered
from storyline.store.schema import articles, digests, sentences, stories, storylines
from storyline.store.writer import take_headline, upsert

__all__ = [
    "DIGESTS_PER_ROUND", "StoredArticle", "StoryRow", "article_from_row", "count_stories",
    "find_article", "list_stories", "refresh_digests", "story_articles", "story_digest",
    "story_sentences", "story_storyline", "story_version",
]

DIGESTS_PER_ROUND = 8
"""Stale stories read from the database per worker before their digests are built."""


@dataclass(frozen=True)
class StoredArticle:
    """A stored article, its outlet name and the story it is filed under."""

    article: Article
    outlet: str
    story: str


@dataclass(frozen=True)
class StoryRow:
    """One line of ``storyline stories``: a story, its size and its storyline.

    ``outlet_count`` counts distinct known outlets; ``unknown_outlets`` the articles whose
    outlet is unknown (never counted as outlets).
    """

    id: str
    headline: str
    article_count: int
    outlet_count: int
    first_seen: str | None
    last_seen: str | None
    storyline: str
    storyline_headline: str
    unknown_outlets: int = 0

    def to_dict(self) -> dict[str, object]:
        """The JSON object of ``storyline stories --format json``."""
        return {
            "id": self.id,
            "headline": self.headline,
            "article_count": self.article_count,
            "outlet_count": self.outlet_count,
            "unknown_outlet_count": self.unknown_outlets,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "storyline": self.storyline,
            "storyline_headline": self.storyline_headline,
        }


def list_stories(
    connection: Connection, limit: int | None = None, offset: int = 0,
    storyline: str | None = None, query: StoryQuery | None = None,
) -> list[StoryRow]:
    """Stories (of ``storyline`` only, when given) that ``query`` keeps, in its order
    (newest activity first when ``None``: latest article date, then latest stored
    article), skipping the first ``offset``. Counts and rank are stored columns, so a page
    of a large database reads no article of a story it does not show.

    Raises:
        UsageError: ``limit`` is given and below 1, or ``offset`` is negative.
    """
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, got {limit}")
    if offset < 0:
        raise UsageError(f"offset must be at least 0, got {offset}")
    query = query or StoryQuery(sort="recent")
    chosen = select(
        stories.c.id, stories.c.headline, stories.c.article_count, stories.c.outlet_count,
        stories.c.first_seen, stories.c.last_seen, storylines.c.id, storylines.c.headline,
        stories.c.unknown_outlets,
    ).join(storylines, storylines.c.id == stories.c.storyline_id)
    if storyline is not None:
        chosen = chosen.where(stories.c.storyline_id == storyline)
    chosen = ordered(connection, filtered(chosen, query), query,
                     needed=None if limit is None else limit + offset)
    return [StoryRow(*row) for row in connection.execute(chosen.limit(limit).offset(offset or None))]


def count_stories(connection: Connection, query: StoryQuery | None = None) -> int:
    """How many stories the database holds (that ``query`` keeps, when given)."""
    chosen = select(func.count()).select_from(stories)
    return connection.scalar(filtered(chosen, query) if query else chosen) or 0


def find_article(connection: Connection, article_id: str) -> StoredArticle | None:
    """The stored article ``article_id`` (``None`` when there is none)."""
    row = connection.execute(select(articles).where(articles.c.id == article_id)).first()
    return None if row is None else StoredArticle(article_from_row(row), row.outlet, row.story_id)


def story_storyline(connection: Connection, story_id: str) -> tuple[str, str] | None:
    """``(storyline id, storyline headline)`` of ``story_id`` (``None`` when there is none)."""
    row = connection.execute(
        select(storylines.c.id, storylines.c.headline)
        .join(stories, stories.c.storyline_id == storylines.c.id)
        .where(stories.c.id == story_id)
    ).first()
    return (row[0], row[1]) if row else None


def story_version(connection: Connection, story_id: str) -> str | None:
    """What ``story_id``'s digest is built from now (the hash of its article ids; ``None``
    when there is no such story): equal versions, equal digests, for one config."""
    return connection.scalar(select(stories.c.articles_hash).where(stories.c.id == story_id))


def story_articles(connection: Connection, story_id: str) -> list[Article]:
    """The stored articles of ``story_id`` in the order they were stored."""
    rows = connection.execute(
        select(articles).where(articles.c.story_id == story_id).order_by(articles.c.seq)
    )
    return [article_from_row(row) for row in rows]


def story_sentences(connection: Connection, story_id: str) -> dict[str, tuple[Sentence, ...]]:
    """The kept sentences (``storyline.clean.prose``, as stored at ingest) of each article of
    ``story_id``, in text order; articles with none stored are left out."""
    query = (
        select(sentences).join(articles, articles.c.id == sentences.c.article_id)
        .where(articles.c.story_id == story_id).order_by(sentences.c.article_id, sentences.c.idx)
    )
    found: dict[str, list[Sentence]] = {}
    for row in connection.execute(query):
        found.setdefault(row.article_id, []).append(
            Sentence(row.article_id, row.idx, row.start, row.end, row.text, row.paragraph))
    return {article: tuple(kept) for article, kept in found.items()}


def article_from_row(row: Row[Any]) -> Article:
    """The ``Article`` stored in a row of the ``articles`` table."""
    return Article(
        text=row.text, id=row.id, title=row.title, source=row.source,
        url=row.url or "", published=parse_moment(row.published), path=row.path,
    )


def story_digest(engine: Engine, story_id: str, config: Config) -> Digest:
    """The digest of ``story_id``: the stored one, or a new one built with ``config``
    (stored) when stale.

    Raises:
        UsageError: there is no story ``story_id``.
    """
    with engine.connect() as connection:
        found = connection.execute(
            select(stories.c.articles_hash, digests.c.articles_hash, digests.c.digest_key,
                   digests.c.document)
            .outerjoin(digests, digests.c.story_id == stories.c.id)
            .where(stories.c.id == story_id)
        ).first()
    if found is None:
        raise UsageError(
            f"no story '{story_id}' in the database; list them with 'storyline stories'"
        )
    current, built, key, document = found
    if current == built and key == config.digest_key():
        return digest_from_dict(json.loads(document))
    return _rebuild(engine, story_id, config)


def refresh_digests(
    engine: Engine, config: Config,
    progress: Callable[[str, int, int], None] | None = None, workers: int = 1,
) -> int:
    """Rebuild with ``config`` and store every stale digest, one transaction each; returns
    how many.

    With ``workers`` above 1 the digests are built in that many processes
    (``storyline.store.prepare.worker_map``), ``DIGESTS_PER_ROUND`` per worker at a time.
    """
    with engine.connect() as connection:
        stale = connection.scalars(
            select(stories.c.id)
            .outerjoin(digests, digests.c.story_id == stories.c.id)
            .where(or_(digests.c.articles_hash.is_(None),
                       digests.c.articles_hash != stories.c.articles_hash,
                       digests.c.digest_key != config.digest_key()))
            .order_by(stories.c.id)
        ).all()
    build = functools.partial(_document, options=config)
    done = 0
    with worker_map(workers) as run_map:
        for chunk in chunked(stale, DIGESTS_PER_ROUND * workers):
            loaded = [_load(engine, story_id) for story_id in chunk]
            for (story_id, story, _), document in zip(loaded, run_map(build, loaded), strict=True):
                _store(engine, (story_id, story), document, config)
                done += 1
                if progress:
                    progress("digests", done, len(stale))
    return len(stale)


def _rebuild(engine: Engine, story_id: str, options: Config) -> Digest:
    """Build the digest of ``story_id`` from its stored articles, store it and return it."""
    _, story, kept = _load(engine, story_id)
    digest = _digest(story, kept, options)
    _store(engine, (story_id, story), _json(digest), options)
    return digest


_Loaded = tuple[str, list[Article], dict[str, tuple[Sentence, ...]]]
"""A story's id, its stored articles, and their stored sentences by article id."""


def _load(engine: Engine, story_id: str) -> _Loaded:
    """The stored articles and sentences of story ``story_id``."""
    with engine.connect() as connection:
        articles_of = story_articles(connection, story_id)
        return story_id, articles_of, story_sentences(connection, story_id)


def _digest(
    story: list[Article], kept: dict[str, tuple[Sentence, ...]], options: Config
) -> Digest:
    """The digest of a stored story, from its stored sentences when every article has them."""
    if all(article.id in kept for article in story):
        return digest_story([CleanArticle(a, kept[a.id], ()) for a in story], options)
    return build_digest(story, options)


def _document(loaded: _Loaded, options: Config) -> str:
    """The stored JSON of the digest of a loaded story (run in worker processes)."""
    _, story, kept = loaded
    return _json(_digest(story, kept, options))


def _json(digest: Digest) -> str:
    return json.dumps(digest.to_dict(), ensure_ascii=False)


def _store(
    engine: Engine, story: tuple[str, list[Article]], document: str, config: Config
) -> None:
    """Store ``document`` (built with ``config``) as the digest of ``story`` (its id and
    articles) unless the story is gone meanwhile; the story takes the digest's headline, so
    the stories list, the API and every page show the one headline."""
    story_id, members = story
    row = {"story_id": story_id, "articles_hash": articles_hash(a.id for a in members),
           "document": document, "digest_key": config.digest_key()}
    with engine.begin() as connection:
        if connection.scalar(select(stories.c.id).where(stories.c.id == story_id)):
            upsert(connection, digests, [row])
            take_headline(connection, story_id, json.loads(document)["headline"])
