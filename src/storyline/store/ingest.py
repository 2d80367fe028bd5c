"""Online ingest: articles in, stored with their sentences, stories and storylines.

Articles are taken in the order given (a stream: publication order), a small batch at a
time. For each batch the articles already stored are left out (same id: already there;
same URL or same text under another id: skipped with a reason), the rest are cleaned
(``storyline.clean.prose``, in worker processes one batch ahead: ``storyline.store.prepare``)
and assigned by the online ``StoryTracker``, and ONE transaction
then writes the articles, their sentences and search rows, every story and storyline the
tracker changed, and the tracker state after the batch. A run killed at any moment thus
leaves a database where stored articles, stories and tracker state agree; the same
command run again resumes from the saved tracker state and stores exactly the rest.

Digests come last: every story whose article set changed since its digest was built gets
a new one, each in its own transaction (killed half-way, the next run builds the rest).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, TypeVar

from sqlalchemy import Engine, func, or_, select

from storyline.config import ClusterConfig
from storyline.errors import UsageError, skip
from storyline.model import Article, CleanArticle, Skipped, Story, Storyline
from storyline.store.prepare import Prepared, prepare, worker_map
from storyline.store.schema import articles, tracker
from storyline.store.writer import Batch, content_hash, write_batch

__all__ = ["DEFAULT_BATCH", "IngestReport", "Progress", "chunked", "ingest_articles", "new_articles"]

DEFAULT_BATCH = 128
"""Articles per transaction: small enough that a killed run loses under a second of work,
large enough that saving the tracker state after each one costs little."""

T = TypeVar("T")

Progress = Callable[[str, int, int], None]
"""Called as ``progress(phase, done, total)``; phase is ``"articles"`` or ``"digests"``."""


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did.

    Attributes:
        stored: new articles stored by this run.
        known: articles given that were already stored (same id) and left alone.
        skipped: articles not stored, with the reason (``already_stored`` for the same URL
            or text under another id, ``nothing_left`` when cleaning kept no sentence).
        digests: story digests built by this run.
    """

    stored: int
    known: int
    skipped: tuple[Skipped, ...]
    digests: int


@dataclass
class _Run:
    """The state of one ingest run: the tracker and what is already written."""

    tracker: Any
    seen: int
    next_seq: int
    stories: dict[str, Story]
    storylines: dict[str, Storyline]


def ingest_articles(
    engine: Engine,
    stream: Iterable[Article],
    *,
    batch_size: int = DEFAULT_BATCH,
    tracker_type: Any = None,
    cluster: ClusterConfig | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> IngestReport:
    """Store the articles of ``stream`` (in order) that are not stored yet.

    Args:
        engine: a migrated store engine (``storyline.store.engine``).
        stream: the articles, in arrival (publication) order.
        batch_size: articles per transaction.
        tracker_type: the ``StoryTracker`` class (``storyline.cluster.tracker.StoryTracker``
            when ``None``); a fresh database starts ``tracker_type.from_config(cluster)``, a
            resumed one ``tracker_type.from_state(saved)`` (the state holds its parameters).
        cluster: the clustering options of a fresh tracker (the defaults when ``None``).
        progress: called after each batch with ``("articles", done, total)``.
        workers: processes that clean and encode articles, one batch ahead of the
            assigning and writing (``storyline.store.prepare``); 1 does it all here.

    Returns:
        An ``IngestReport`` (``digests`` is 0: see ``storyline.store.read.refresh_digests``).

    Raises:
        UsageError: ``batch_size`` or ``workers`` is below 1, or the saved tracker state
            cannot be read.
    """
    if batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, got {batch_size}")
    items = stream if isinstance(stream, Sequence) else list(stream)
    run = _start(engine, tracker_type, cluster or ClusterConfig())
    stored = known = done = 0
    skipped: list[Skipped] = []
    with worker_map(workers) as run_map:
        ahead: _Chunk | None = None
        for chunk in chain(chunked(items, batch_size), [None]):  # None: store the last one
            current = None
            if chunk is not None:
                fresh, n_known, dropped = new_articles(engine, chunk, ahead.fresh if ahead else ())
                current = _Chunk(len(chunk), fresh, run_map(prepare, fresh))
                skipped += dropped
                known += n_known
            if ahead is not None:
                stored += _store(engine, run, ahead, skipped)
                done += ahead.size
                if progress:
                    progress("articles", done, len(items))
            ahead = current
    return IngestReport(stored, known, tuple(skipped), 0)


@dataclass(frozen=True)
class _Chunk:
    """One chunk of the stream: its size, the articles to store and their preparation."""

    size: int
    fresh: list[Article]
    prepared: Iterator[Prepared]


def _store(engine: Engine, run: _Run, chunk: _Chunk, skipped: list[Skipped]) -> int:
    """Assign the prepared articles of ``chunk`` and write them in one transaction; how many."""
    batch = _track(run, chunk, skipped)
    if batch.cleaned:
        with engine.begin() as connection:
            write_batch(connection, batch)
    return len(batch.cleaned)


def _start(engine: Engine, tracker_type: Any, cluster: ClusterConfig) -> _Run:
    """Restore the saved tracker (or start a new one) and find the next article number."""
    if tracker_type is None:
        from storyline.cluster.tracker import StoryTracker as tracker_type
    with engine.connect() as connection:
        saved = connection.execute(select(tracker.c.state, tracker.c.articles)).first()
        last_seq = connection.execute(select(func.max(articles.c.seq))).scalar()
    if saved is None:
        return _Run(tracker_type.from_config(cluster), 0, (last_seq or 0) + 1, {}, {})
    try:
        restored = tracker_type.from_state(json.loads(saved.state))
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(
            f"cannot resume from the tracker state saved in this database ({error}); it was "
            "written by another storyline version: ingest into a new database"
        ) from None
    return _Run(restored, saved.articles, (last_seq or 0) + 1, {}, {})


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def new_articles(
    engine: Engine, chunk: Sequence[Article], pending: Sequence[Article] = ()
) -> tuple[list[Article], int, list[Skipped]]:
    """Split ``chunk`` into articles to store, a count already stored, and duplicates.

    ``pending`` are articles on their way into the store (not written yet): one of
    ``chunk`` with the same URL or text is a duplicate of it too.
    """
    hashes = {a.id: content_hash(a) for a in (*pending, *chunk)}
    urls = [a.url for a in chunk if a.url]
    with engine.connect() as connection:
        rows = connection.execute(
            select(articles.c.id, articles.c.url, articles.c.content_hash).where(
                or_(
                    articles.c.id.in_([a.id for a in chunk]),
                    articles.c.url.in_(urls),
                    articles.c.content_hash.in_(list(hashes.values())),
                )
            )
        ).all()
    ids = {row.id for row in rows} | {a.id for a in pending}
    by_url = {row.url: row.id for row in rows if row.url} | {a.url: a.id for a in pending if a.url}
    by_hash = {row.content_hash: row.id for row in rows} | {hashes[a.id]: a.id for a in pending}
    fresh: list[Article] = []
    dropped: list[Skipped] = []
    known = 0
    for article in chunk:
        if article.id in ids:
            known += 1
            continue
        other = _duplicate_of(article, hashes[article.id], by_url, by_hash)
        if other is not None:
            dropped.append(skip(_where(article), "already_stored", what=other[0], other=other[1]))
            continue
        ids.add(article.id)
        by_hash[hashes[article.id]] = article.id
        if article.url:
            by_url[article.url] = article.id
        fresh.append(article)
    return fresh, known, dropped


def _where(article: Article) -> str:
    """Where a skipped article came from: its file, with its id when the file holds many."""
    if not article.path:
        return article.id
    if article.path.lower().endswith(".jsonl"):
        return f"{article.path} [{article.id}]"
    return article.path


def _duplicate_of(
    article: Article, digest: str, by_url: dict[str, str], by_hash: dict[str, str]
) -> tuple[str, str] | None:
    if article.url and article.url in by_url:
        return "URL", by_url[article.url]
    if digest in by_hash:
        return "text", by_hash[digest]
    return None


def _track(run: _Run, chunk: _Chunk, skipped: list[Skipped]) -> Batch:
    """Assign the prepared articles of ``chunk``; return the batch that writes the result
    (an empty batch, with the tracker untouched, when no article is left to store)."""
    batch = Batch()
    for article, (cleaned, tracked) in zip(chunk.fresh, chunk.prepared, strict=True):
        if not cleaned.sentences:
            skipped.append(skip(_where(article), "nothing_left"))
            continue
        assignment = run.tracker.add(article, tracked)
        _record(batch, cleaned, assignment, run)
    if not batch.cleaned:
        return batch
    _changes(run, batch)
    batch.state = json.dumps(run.tracker.to_state(), separators=(",", ":"))
    batch.seen = run.seen
    return batch


def _record(batch: Batch, cleaned: CleanArticle, assignment: Any, run: _Run) -> None:
    article_id = cleaned.article.id
    batch.cleaned.append(cleaned)
    batch.seqs[article_id] = run.next_seq
    batch.home[article_id] = assignment.story
    for old in assignment.merged:
        batch.merged[old] = assignment.story
    run.next_seq += 1
    run.seen += 1


def _changes(run: _Run, batch: Batch) -> None:
    """Fill in the stories and storylines that differ from what is written, then forget
    the ones the tracker closed (they will not change again)."""
    current = run.tracker.stories()
    alive = {story.id for story in current}
    # a story merged away may be back under the same id, split off again by a later article
    final = {old: _final(old, batch.merged) for old in batch.merged if old not in alive}
    batch.merged = final
    batch.home = {a: _final(s, final) for a, s in batch.home.items()}
    batch.stories = [s for s in current if run.stories.get(s.id) != s]
    lines = run.tracker.storylines()
    batch.storylines = [s for s in lines if run.storylines.get(s.id) != s]
    for story in batch.stories:
        batch.home.update({a: story.id for a in story.articles if a in batch.home})
        before = set(run.stories[story.id].articles) if story.id in run.stories else set()
        moved = [a for a in story.articles if a not in batch.home and a not in before]
        if moved:
            batch.moves[story.id] = moved
    run.stories.update({s.id: s for s in batch.stories})
    run.storylines.update({s.id: s for s in batch.storylines})
    for old in final:
        run.stories.pop(old, None)
    pop_closed = getattr(run.tracker, "pop_closed", None)
    if pop_closed is not None:
        closed = pop_closed()
        for story in getattr(closed, "stories", ()):
            run.stories.pop(story.id, None)
        for line in getattr(closed, "storylines", ()):
            run.storylines.pop(line.id, None)


def _final(story: str, merged: dict[str, str]) -> str:
    while story in merged:
        story = merged[story]
    return story
