"""Consistency checks of a storyline database: what must hold after any committed batch.

``check`` lists every broken rule, one line each (an empty list: consistent). The kill -9
tests run it on databases left behind by killed ingests.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, select, text

from storyline.store.digests import articles_hash
from storyline.store.schema import (
    FTS_TABLE,
    articles,
    sentences,
    stories,
    storylines,
    tracker,
)

__all__ = ["check"]


def check(connection: Connection) -> list[str]:
    """Every rule the database breaks, as one line each; ``[]`` when consistent.

    Rules: each story's ``articles_hash`` matches the articles filed under it and no story
    or storyline is empty; each article has its kept sentences, numbered from 0, each
    equal to its span of the article text; the search index holds exactly the stored
    articles; the tracker state has seen exactly the stored articles.
    """
    return [*_stories(connection), *_sentences(connection), *_index_and_tracker(connection)]


def _stories(connection: Connection) -> list[str]:
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, story_id in connection.execute(select(articles.c.id, articles.c.story_id)):
        members[story_id].append(article_id)
    problems = []
    for story_id, stored_hash in connection.execute(select(stories.c.id, stories.c.articles_hash)):
        if story_id not in members:
            problems.append(f"story {story_id} has no articles")
        elif articles_hash(members[story_id]) != stored_hash:
            problems.append(f"story {story_id}: articles_hash does not match its articles")
    used = set(connection.scalars(select(stories.c.storyline_id)))
    for line_id in connection.scalars(select(storylines.c.id)):
        if line_id not in used:
            problems.append(f"storyline {line_id} has no stories")
    return problems


def _sentences(connection: Connection) -> list[str]:
    problems = []
    texts = dict(connection.execute(select(articles.c.id, articles.c.text)).all())
    seen: dict[str, list[int]] = defaultdict(list)
    rows = connection.execute(
        select(sentences.c.article_id, sentences.c.idx, sentences.c.start, sentences.c.end,
               sentences.c.text)
    )
    for article_id, idx, start, end, sentence in rows:
        seen[article_id].append(idx)
        if texts.get(article_id, "")[start:end] != sentence:
            problems.append(f"article {article_id} sentence {idx}: text is not its span")
    for article_id in texts:
        numbers = sorted(seen.get(article_id, []))
        if not numbers or numbers != list(range(len(numbers))):
            problems.append(f"article {article_id}: sentences missing or misnumbered")
    return problems


def _index_and_tracker(connection: Connection) -> list[str]:
    problems = []
    stored = set(connection.scalars(select(articles.c.id)))
    indexed = list(connection.scalars(text(f"SELECT article_id FROM {FTS_TABLE}")))
    if len(indexed) != len(set(indexed)) or set(indexed) != stored:
        problems.append(f"search index holds {len(indexed)} rows for {len(stored)} articles")
    saved = connection.execute(select(tracker.c.articles, tracker.c.state)).first()
    seen = saved.articles if saved else 0
    if seen != len(stored):
        problems.append(f"tracker state has seen {seen} articles, {len(stored)} are stored")
    if saved is not None:
        json.loads(saved.state)
    return problems
