"""Reading a storyline database: story lists, articles, digests (rebuilt when stale).

A digest is rebuilt when the ``Config.digest_key()`` it was built with differs from the
database's config's (another option that changes digests, or another ``DIGEST_VERSION`` of
the code), or when its story's articles (``stories.articles_hash``) changed enough to
matter (``store.digests.owes_rebuild``: a new outlet, a growth step, an age bound);
``story_digest`` and ``refresh_digests`` rebuild those with ``storyline.digest`` and store
them, and otherwise give back the stored JSON untouched. ``digest_built`` says when and
from how many articles a stored digest was built.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, Select, case, func, or_, select

from storyline.config import Config
from storyline.digest import build_digest, digest_story
from storyline.errors import UsageError
from storyline.ingest.names import UNKNOWN_OUTLET, outlet_key
from storyline.model import Article, CleanArticle, Digest, Sentence
from storyline.store.banners import banner_leads
from storyline.store.digests import (
    Built,
    articles_hash,
    built_now,
    digest_from_dict,
    owes_rebuild,
    parse_moment,
)
from storyline.store.prepare import worker_stream
from storyline.store.rank import StoryQuery, filtered, ordered
from storyline.store.schema import articles, digests, sentences, stories, storylines
from storyline.store.writer import take_headline, upsert

__all__ = [
    "StoredArticle", "StoryRow", "article_from_row", "count_stories", "digest_built",
    "find_article", "list_stories", "refresh_digests", "story_articles", "story_digest",
    "story_sentences", "story_storyline", "story_version",
]

_outlet_key = case((articles.c.outlet == UNKNOWN_OUTLET, articles.c.id), else_=articles.c.outlet)
"""``ingest.names.outlet_key`` in SQL: articles of unknown outlet count as one outlet each
(so an article of unknown outlet is a new outlet to the digest freshness rule)."""


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
    ``story_id``, in text order, less a first sentence that is its outlet's banner
    (``store.banners``); articles with none stored are left out."""
    query = (
        select(sentences).join(articles, articles.c.id == sentences.c.article_id)
        .where(articles.c.story_id == story_id).order_by(sentences.c.article_id, sentences.c.idx)
    )
    banners = banner_leads(connection, story_id)
    found: dict[str, list[Sentence]] = {}
    for row in connection.execute(query):
        kept = found.setdefault(row.article_id, [])
        if row.idx or row.article_id not in banners:
            kept.append(Sentence(row.article_id, row.idx, row.start, row.end, row.text, row.paragraph))
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
            _freshness().add_columns(digests.c.document).where(stories.c.id == story_id)
        ).first()
    if found is None:
        raise UsageError(
            f"no story '{story_id}' in the database; list them with 'storyline stories'"
        )
    if not owes_rebuild(_built(found), _now(found, config)):
        return digest_from_dict(json.loads(found.document))
    return _rebuild(engine, story_id, config)


def digest_built(connection: Connection, story_id: str) -> tuple[Built, int] | None:
    """What the stored digest of ``story_id`` was built from, and how many articles the
    story has now (``None`` when it has no stored digest)."""
    found = connection.execute(_freshness().where(stories.c.id == story_id)).first()
    built = None if found is None else _built(found)
    return None if built is None else (built, found.articles)


def _freshness() -> Select:
    """Per story: its article hash, articles and outlets now, and its digest's ``Built`` columns."""
    return (
        select(stories.c.id, stories.c.articles_hash.label("current"),
               func.count(articles.c.id).label("articles"),
               func.count(_outlet_key.distinct()).label("outlets"),
               digests.c.articles_hash, digests.c.digest_key, digests.c.built_articles,
               digests.c.built_outlets, digests.c.built_at)
        .join(articles, articles.c.story_id == stories.c.id)
        .outerjoin(digests, digests.c.story_id == stories.c.id)
        .group_by(stories.c.id, digests.c.story_id)
    )


def _built(row: Row[Any]) -> Built | None:
    """The ``Built`` of a ``_freshness`` row (``None`` when the story has no digest)."""
    if row.articles_hash is None:
        return None
    return Built(row.articles_hash, row.digest_key, row.built_articles, row.built_outlets,
                 row.built_at)


def _now(row: Row[Any], config: Config) -> Built:
    """The story of a ``_freshness`` row as a digest built now with ``config`` would record it."""
    return Built(row.current, config.digest_key(), row.articles, row.outlets, built_now())


def refresh_digests(
    engine: Engine, config: Config,
    progress: Callable[[str, int, int], None] | None = None, workers: int = 1,
) -> int:
    """Rebuild with ``config`` and store every digest that owes a rebuild
    (``digests.owes_rebuild``), one transaction each; returns how many.

    With ``workers`` above 1 the digests are built in that many processes
    (``storyline.store.prepare.worker_stream``), largest stories first so that no worker is
    left with a big one at the end; this process reads the next story and stores each digest
    as it comes while the workers build.
    """
    with engine.connect() as connection:
        rows = connection.execute(
            _freshness().where(or_(digests.c.articles_hash.is_(None),
                                   digests.c.articles_hash != stories.c.articles_hash,
                                   digests.c.digest_key != config.digest_key()))
            .order_by(stories.c.id)
        ).all()
    stale = [row for row in rows if owes_rebuild(_built(row), _now(row, config))]
    stale.sort(key=lambda row: -row.articles)
    build = functools.partial(_document, options=config)
    with worker_stream(workers) as run:
        loaded = (_load(engine, row.id) for row in stale)
        for done, ((story_id, story, _), document) in enumerate(run(build, loaded), start=1):
            _store(engine, (story_id, story), document, config)
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
           "document": document, "digest_key": config.digest_key(), "built_at": built_now(),
           "built_articles": len(members),
           "built_outlets": len({outlet_key(a) for a in members})}
    with engine.begin() as connection:
        if connection.scalar(select(stories.c.id).where(stories.c.id == story_id)):
            upsert(connection, digests, [row])
            take_headline(connection, story_id, json.loads(document)["headline"])
