"""Persistence: articles, sentences, stories, storylines and digests in SQLite or PostgreSQL.

One job per module, along the data flow:

- ``engine``: ``--db`` to an engine (a path means SQLite, in WAL mode), schema migrations
  (Alembic, ``migrations/versions``) applied on open;
- ``schema``: the tables;
- ``ingest`` + ``writer``: online ingest, one transaction per small batch holding the
  articles, their sentences, story assignments and the tracker state - idempotent and
  resumable after a crash or ``kill -9``;
- ``batch_load``: the stories of a batch run (``storyline batch --db``) stored as computed;
- ``read`` + ``digests``: story lists and digests (rebuilt only when a story's articles
  changed); ``search``: full-text search (FTS5 / ``tsvector``); ``check``: consistency rules;
- ``sqlalchemy_store``: the ``Store`` class that puts them together.

Example::

    with Store("stories.db") as store:
        store.ingest(read("feeds/today"))
        for row in store.stories(limit=5):
            print(row.headline, row.article_count)
"""

from __future__ import annotations

from storyline.store.engine import DEFAULT_DB, database_url
from storyline.store.ingest import DEFAULT_BATCH, IngestReport
from storyline.store.read import StoryRow
from storyline.store.search import SearchHit
from storyline.store.sqlalchemy_store import Store

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_DB",
    "IngestReport",
    "SearchHit",
    "Store",
    "StoryRow",
    "database_url",
]
