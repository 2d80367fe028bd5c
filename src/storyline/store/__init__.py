"""Persistence: articles, sentences, stories, storylines and digests in SQLite or PostgreSQL.

One job per module, along the data flow:

- ``engine``: ``--db`` to an engine (a path means SQLite, in WAL mode), schema migrations
  (Alembic, ``migrations/versions``) applied on open;
- ``schema``: the tables;
- ``ingest`` + ``writer``: online ingest, one transaction per small batch holding the
  articles, their sentences, story assignments and the tracker state - idempotent and
  resumable after a crash or ``kill -9``;
- ``batch_load``: the stories of a batch run (``storyline batch --db``) stored as computed;
- ``settings``: the ``Config`` the database was created with, used by every command on it;
- ``rank``: the "top" order of the story list (a score kept in stored columns) and its
  filters (dates, outlet, entity);
- ``read`` + ``digests``: story lists, articles and digests (rebuilt only when a story's
  articles, the config's digest options or the code's ``DIGEST_VERSION`` changed);
  ``search``: full-text search (FTS5 / ``tsvector``); ``check``: consistency rules;
- ``storylines``: storylines titled by their most central story, read with their stories;
  ``entities``: the people and organisations of every digest, indexed across stories,
  with their cited quotes;
- ``sqlalchemy_store``: the ``Store`` class that puts them together: the one interface
  the commands and the web app use.

Only a ``Store(..., create=True)`` (``storyline ingest``, ``storyline batch --db``) makes a
database; every other opening refuses a missing path or a file that is not a storyline
database with a one-line ``UsageError`` and makes nothing.

Example::

    with Store("stories.db", config=Config(words=80), create=True) as store:
        store.ingest(read("feeds/today"))
        for row in store.stories(limit=5):
            print(row.headline, row.article_count)
"""

from __future__ import annotations

from storyline.store.engine import DEFAULT_DB, database_url
from storyline.store.entities import EntityProfile, EntityQuote, EntityStory, entity_key
from storyline.store.ingest import DEFAULT_BATCH, IngestReport
from storyline.store.rank import SORTS, StoryQuery
from storyline.store.read import StoredArticle, StoryRow
from storyline.store.search import SearchHit
from storyline.store.sqlalchemy_store import Store
from storyline.store.storylines import StorylineProfile

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_DB",
    "EntityProfile",
    "EntityQuote",
    "EntityStory",
    "IngestReport",
    "SORTS",
    "SearchHit",
    "Store",
    "StoryQuery",
    "StoredArticle",
    "StoryRow",
    "StorylineProfile",
    "database_url",
    "entity_key",
]
