"""Writing one batch of ingested articles, inside the caller's transaction.

A batch is everything one commit holds: the new articles with their kept sentences and
search rows, the stories and storylines the tracker changed (with article membership),
the stories merged away, and the tracker state after the last article. ``write_batch``
writes it in an order the foreign keys accept: storylines, stories, articles, sentences,
moves, deletions, tracker state.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from storyline.model import Article, CleanArticle, Story, Storyline
from storyline.ingest.names import outlet_name
from storyline.store.banners import lead_hash
from storyline.store.digests import articles_hash
from storyline.store.rank import refresh_counts
from storyline.store.schema import articles, sentences, stories, storylines, tracker
from storyline.store.search import index_articles

__all__ = ["Batch", "content_hash", "iso", "take_headline", "upsert", "write_batch"]

TRACKER_ROW = 1


@dataclass
class Batch:
    """What one transaction writes (built by ``storyline.store.ingest``).

    Attributes:
        cleaned: the new articles, cleaned, in the order they were tracked.
        seqs: ``articles.seq`` of each new article id.
        home: the story each new article belongs to after the batch.
        stories: the stories whose rows or articles changed (as the tracker has them now).
        storylines: the storylines that changed.
        merged: story id merged away -> the story it was folded into.
        moves: story id -> stored articles that joined it in this batch (after a merge,
            or all its older articles when a resumed run first writes it).
        state: ``StoryTracker.to_state()`` after the last article, as JSON text;
            ``seen``: how many articles the tracker has taken in all.
    """

    cleaned: list[CleanArticle] = field(default_factory=list)
    seqs: dict[str, int] = field(default_factory=dict)
    home: dict[str, str] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)
    storylines: list[Storyline] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)
    moves: dict[str, list[str]] = field(default_factory=dict)
    state: str = ""
    seen: int = 0


def iso(moment: date | None) -> str | None:
    """``date``/``datetime`` as ISO 8601 text, ``None`` as ``None``."""
    return moment.isoformat() if moment is not None else None


def content_hash(article: Article) -> str:
    """SHA-1 of the article text with runs of white space folded: same text, same hash."""
    folded = " ".join(article.text.split())
    return hashlib.sha1(folded.encode("utf-8", "surrogatepass")).hexdigest()


def write_batch(connection: Connection, batch: Batch) -> None:
    """Write ``batch`` on ``connection`` (the caller commits)."""
    upsert(connection, storylines, [{"id": s.id, "headline": s.headline} for s in batch.storylines])
    upsert(connection, stories, _story_rows(connection, batch.stories))
    _insert_articles(connection, batch)
    _move_articles(connection, batch)
    if batch.merged:
        connection.execute(delete(stories).where(stories.c.id.in_(list(batch.merged))))
    refresh_counts(connection, {*(s.id for s in batch.stories), *batch.home.values(),
                                *batch.merged.values(), *batch.moves})
    _drop_empty_storylines(connection)
    upsert(connection, tracker, [{"id": TRACKER_ROW, "articles": batch.seen, "state": batch.state}])


def _story_rows(connection: Connection, changed: list[Story]) -> list[dict[str, Any]]:
    """The rows of the ``changed`` stories; a stored story whose articles are the same
    keeps its stored headline (its digest's, see ``take_headline``): the tracker's
    headline stands only until the digest of a new set of articles is built."""
    rows = [_story_row(s) for s in changed]
    stored = {row.id: row for row in connection.execute(
        select(stories.c.id, stories.c.articles_hash, stories.c.headline)
        .where(stories.c.id.in_([s.id for s in changed]))
    )} if changed else {}
    for row in rows:
        if (kept := stored.get(row["id"])) is not None and kept.articles_hash == row["articles_hash"]:
            row["headline"] = kept.headline
    return rows


def _story_row(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "storyline_id": story.storyline,
        "first_seen": iso(story.first_seen),
        "last_seen": iso(story.last_seen),
        "articles_hash": articles_hash(story.articles),
    }


def _insert_articles(connection: Connection, batch: Batch) -> None:
    if not batch.cleaned:
        return
    connection.execute(articles.insert(), [_article_row(c, batch) for c in batch.cleaned])
    connection.execute(
        sentences.insert(),
        [
            {"article_id": s.article, "idx": s.index, "start": s.start, "end": s.end,
             "paragraph": s.paragraph, "text": s.text}
            for c in batch.cleaned
            for s in c.sentences
        ],
    )
    index_articles(
        connection,
        [{"id": c.article.id, "title": c.article.title,
          "body": "\n".join(s.text for s in c.sentences)} for c in batch.cleaned],
    )


def _article_row(cleaned: CleanArticle, batch: Batch) -> dict[str, Any]:
    article = cleaned.article
    return {
        "id": article.id,
        "seq": batch.seqs[article.id],
        "content_hash": content_hash(article),
        "url": article.url or None,
        "title": article.title,
        "source": article.source,
        "outlet": outlet_name(article),
        "published": iso(article.published),
        "path": article.path,
        "text": article.text,
        "story_id": batch.home[article.id],
        "lead_hash": lead_hash(cleaned.sentences[0].text) if cleaned.sentences else None,
    }


def _move_articles(connection: Connection, batch: Batch) -> None:
    """Point stored articles at the story they belong to now (after merges)."""
    for old, into in batch.merged.items():
        connection.execute(update(articles).where(articles.c.story_id == old).values(story_id=into))
    for story_id, moved in batch.moves.items():
        connection.execute(
            update(articles)
            .where(articles.c.id.in_(moved), articles.c.story_id != story_id)
            .values(story_id=story_id)
        )


def _drop_empty_storylines(connection: Connection) -> None:
    """Delete storylines no story points at any more (folded into another)."""
    used = select(stories.c.storyline_id)
    connection.execute(delete(storylines).where(storylines.c.id.not_in(used)))


def upsert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table``, replacing the rows with the same primary key."""
    if not rows:
        return
    dialect = sqlite if connection.dialect.name == "sqlite" else postgresql
    statement = dialect.insert(table)
    keys = [column.name for column in table.primary_key.columns]
    replaced = {name: statement.excluded[name] for name in rows[0] if name not in keys}
    connection.execute(
        statement.on_conflict_do_update(index_elements=keys, set_=replaced), rows
    )


def take_headline(connection: Connection, story_id: str, headline: str) -> None:
    """Give story ``story_id`` its digest's ``headline`` (``""`` too: the story has none,
    and every list shows it untitled, as its page does)."""
    connection.execute(update(stories).where(stories.c.id == story_id).values(headline=headline))
