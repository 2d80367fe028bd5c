"""Loading the results of a batch run (``storyline batch --db``) into a storyline database.

The stories and storylines come ready-made (as ``storyline.batch`` computed them); the
online ``StoryTracker`` is not asked. Articles arrive as a stream and are written a small
chunk at a time, each chunk in ONE transaction (through ``storyline.store.writer``): the
new articles with their kept sentences and search rows, and the row of every story they
join, whose ``articles_hash`` then covers exactly the articles filed under it. A load
killed at any moment thus leaves a consistent database (``storyline.store.check``) in
which some stories hold part of their articles; the same load run again stores the rest.

Articles already stored (same id) are left alone; one with the URL or text of a stored
article under another id is skipped with the reason ``already_stored``. Digests come
last: the batch digest of a story is stored, with the digest key of the config it was
built with, when the story's stored articles are exactly the ones it was built from; otherwise the story keeps no digest and one is built from its
stored articles when it is first shown (``storyline.store.read``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, select

from storyline.clean.prose import clean
from storyline.errors import skip
from storyline.model import Article, Skipped, Story, Storyline
from storyline.store.digests import articles_hash, parse_moment
from storyline.store.ingest import DEFAULT_BATCH, chunked, new_articles
from storyline.store.schema import articles, digests, stories, tracker
from storyline.store.writer import Batch, iso, take_headline, upsert, write_batch

__all__ = ["BatchLoad", "load_batch"]


@dataclass(frozen=True)
class BatchLoad:
    """What one load did.

    Attributes:
        stored: articles stored by this load.
        known: articles given that were already stored (same id) and left alone.
        skipped: articles not stored, with the reason (``already_stored``, ``nothing_left``).
        digests: batch digests stored (a digest already stored for the same articles is
            left alone).
    """

    stored: int
    known: int
    skipped: tuple[Skipped, ...]
    digests: int


def load_batch(
    engine: Engine,
    batch_stories: Sequence[Story],
    batch_lines: Sequence[Storyline],
    stream: Iterable[Article],
    documents: Iterable[dict],
    *,
    digest_key: str,
    batch_size: int = DEFAULT_BATCH,
) -> BatchLoad:
    """Store ``stream`` under ``batch_stories``, then the digests in ``documents``.

    Args:
        engine: a migrated store engine.
        batch_stories: the batch's stories (``articles`` holds ids only).
        batch_lines: their storylines (``headline`` is stored; ``stories`` is not used).
        stream: the articles, in any order, each once or more; articles no story lists
            are not stored.
        documents: ``storyline.digest/1`` objects, each with its ``story_id`` key.
        digest_key: ``Config.digest_key()`` of the config the documents were built with.
        batch_size: articles per transaction.
    """
    home = {a: s.id for s in batch_stories for a in s.articles}
    by_id = {s.id: s for s in batch_stories}
    lines = {line.id: line for line in batch_lines}
    stored = known = 0
    skipped: list[Skipped] = []
    for chunk in chunked((a for a in stream if a.id in home), batch_size):
        fresh, n_known, dropped = new_articles(engine, chunk)
        known, skipped = known + n_known, skipped + dropped
        stored += _write_chunk(engine, fresh, home, (by_id, lines), skipped)
    written = sum(_write_digests(engine, pending, digest_key)
                  for pending in chunked(documents, batch_size))
    return BatchLoad(stored, known, tuple(skipped), written)


def _write_chunk(
    engine: Engine, fresh: list[Article], home: dict[str, str],
    found: tuple[dict[str, Story], dict[str, Storyline]], skipped: list[Skipped],
) -> int:
    """Write the articles of ``fresh`` that keep sentences, and their stories; how many."""
    batch = Batch()
    for article in fresh:
        cleaned = clean(article)
        if cleaned.sentences:
            batch.cleaned.append(cleaned)
        else:
            skipped.append(skip(article.path or article.id, "nothing_left"))
    if not batch.cleaned:
        return 0
    with engine.begin() as connection:
        _fill(connection, batch, home, found)
        write_batch(connection, batch)
    return len(batch.cleaned)


def _fill(
    connection: Connection, batch: Batch, home: dict[str, str],
    found: tuple[dict[str, Story], dict[str, Storyline]],
) -> None:
    """Numbers, homes, story rows (over all their stored articles) and the tracker row."""
    by_id, lines = found
    seq = connection.execute(select(func.max(articles.c.seq))).scalar() or 0
    joining: dict[str, list[tuple[str, str | None]]] = {}
    for offset, cleaned in enumerate(batch.cleaned, 1):
        article = cleaned.article
        batch.seqs[article.id] = seq + offset
        batch.home[article.id] = home[article.id]
        joining.setdefault(home[article.id], []).append((article.id, iso(article.published)))
    for story_id, new in joining.items():
        rows = connection.execute(select(articles.c.id, articles.c.published)
                                  .where(articles.c.story_id == story_id)).all()
        batch.stories.append(_story(by_id[story_id], [*map(tuple, rows), *new]))
    used = {s.storyline for s in batch.stories}
    batch.storylines = [lines.get(i) or Storyline(i, by_id[_first(batch, i)].headline, ())
                        for i in sorted(used)]
    saved = connection.execute(select(tracker.c.state, tracker.c.articles)).first()
    batch.state = saved.state if saved else _fresh_state()
    batch.seen = (saved.articles if saved else 0) + len(batch.cleaned)


def _story(story: Story, members: list[tuple[str, str | None]]) -> Story:
    """``story`` holding ``members`` (``(id, ISO date)``), first and last dates from them."""
    moments = sorted(m for _, m in members if m)
    return Story(story.id, story.headline, tuple(i for i, _ in members), story.storyline,
                 parse_moment(moments[0]) if moments else None,
                 parse_moment(moments[-1]) if moments else None)


def _first(batch: Batch, line: str) -> str:
    return next(s.id for s in batch.stories if s.storyline == line)


def _fresh_state() -> str:
    """The state of a new online tracker (one that knows no story yet)."""
    from storyline.cluster.tracker import StoryTracker

    return json.dumps(StoryTracker().to_state(), separators=(",", ":"))


def _write_digests(engine: Engine, documents: list[dict], key: str) -> int:
    """Store, in one transaction, each digest whose story holds exactly its articles and
    has no digest of the same articles and ``key`` yet; how many were stored."""
    with engine.begin() as connection:
        return _digest_rows(connection, documents, key)


def _digest_rows(connection: Connection, documents: list[dict], key: str) -> int:
    wanted = {d["story_id"] for d in documents}
    current = {row.id: row for row in connection.execute(
        select(stories.c.id, stories.c.articles_hash, digests.c.articles_hash.label("built"),
               digests.c.digest_key)
        .outerjoin(digests, digests.c.story_id == stories.c.id)
        .where(stories.c.id.in_(wanted)))}
    rows = []
    for document in documents:
        built = articles_hash(item["id"] for item in document["articles"])
        row = current.get(document["story_id"])
        if row is None or row.articles_hash != built or (row.built, row.digest_key) == (built, key):
            continue
        body = {k: v for k, v in document.items() if k not in ("story_id", "storyline_id")}
        rows.append({"story_id": document["story_id"], "articles_hash": built,
                     "document": json.dumps(body, ensure_ascii=False), "digest_key": key})
        take_headline(connection, document["story_id"], document["headline"])
    upsert(connection, digests, rows)
    return len(rows)
