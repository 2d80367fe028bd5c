"""``storyline batch --db``: the finished run's results loaded into a storyline database.

Runs on the driver after the outputs are written. The stories and storylines come from
the digest tasks' rows (ids only, already in memory); the article texts are streamed one
shard at a time from the shard tasks' window files in ``OUTPUT/_work`` (one window file
in memory at a time), in shard order, leaving out the ids a shard repeated from an
earlier one, as the run did; the digests are streamed line by line from
``digests.jsonl``. ``Store.store_batch`` writes them in small transactions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from storyline.batch.outputs import DIGESTS
from storyline.batch.tasks import DigestResult, ShardResult
from storyline.batch.windows import window_sort_key
from storyline.batch.workdir import load
from storyline.config import Config
from storyline.model import Article, Story, Storyline

__all__ = ["load_into_store"]


def load_into_store(
    db: str, config: Config, output: Path, shards: Sequence[ShardResult],
    excluded: frozenset[tuple[str, str]], digests: Sequence[DigestResult],
) -> dict[str, int]:
    """Store the run's articles, stories, storylines and digests in ``db``, creating it
    (with ``config`` saved in it) when it does not exist; the digests are stored as built
    with ``config`` (rebuilt when shown if the database was created with other options).

    Returns:
        Counts for ``run.json``: ``db_articles_stored``, ``db_articles_known``,
        ``db_articles_skipped``, ``db_digests_stored``.

    Raises:
        UsageError: ``db`` cannot be opened.
    """
    from storyline.store import Store

    stories, lines = _stories(digests)
    with Store(db, config=config, create=True) as store:
        loaded = store.store_batch(stories, lines, _articles(shards, excluded),
                                   _documents(output / DIGESTS), built_with=config)
    return {"db_articles_stored": loaded.stored, "db_articles_known": loaded.known,
            "db_articles_skipped": len(loaded.skipped), "db_digests_stored": loaded.digests}


def _stories(digests: Sequence[DigestResult]) -> tuple[list[Story], list[Storyline]]:
    """The run's stories, and its storylines headed by their earliest story's headline."""
    stories = [Story(story_id, headline, ids, line)
               for result in digests for story_id, line, headline, ids in result.rows]
    members: dict[str, list[Story]] = {}
    for story in stories:
        members.setdefault(story.storyline, []).append(story)
    lines = [Storyline(line, group[0].headline, tuple(s.id for s in group))
             for line, group in members.items()]
    return stories, lines


def _articles(shards: Sequence[ShardResult], excluded: frozenset[tuple[str, str]]
              ) -> Iterator[Article]:
    """Each kept article once, shard by shard, one window file loaded at a time."""
    for shard in shards:
        seen: set[str] = set()
        for window in sorted(shard.windows, key=window_sort_key):
            file, _count = shard.windows[window]
            for article, _day, _sentences in load(file):
                if article.id in seen or (shard.key, article.id) in excluded:
                    continue
                seen.add(article.id)
                yield article


def _documents(path: Path) -> Iterator[dict]:
    """The digest objects of ``digests.jsonl``, one line at a time."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
