"""The tables of a storyline database, as SQLAlchemy Core ``Table`` objects.

This is the schema the queries use; the versioned migrations in ``migrations/versions``
create it (a test checks that the two agree). Full-text search tables are made by the
migrations only, because they differ by database: an FTS5 virtual table on SQLite and a
``tsvector`` column with a GIN index on PostgreSQL (see ``storyline.store.search``).

Dates are stored as ISO 8601 text (``2016-09-09`` or ``2016-09-09T10:00:00``) so that a
``date`` comes back a ``date`` and a ``datetime`` a ``datetime``.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "FTS_TABLE",
    "articles",
    "config",
    "digests",
    "metadata",
    "sentences",
    "stories",
    "storylines",
    "tracker",
]

FTS_TABLE = "article_fts"
"""The full-text index of article titles and kept sentences (made by the migrations)."""

metadata = MetaData()

storylines = Table(
    "storylines",
    metadata,
    Column("id", String, primary_key=True),
    Column("headline", Text, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String, primary_key=True),
    Column("headline", Text, nullable=False),
    Column("storyline_id", String, ForeignKey("storylines.id"), nullable=False, index=True),
    Column("first_seen", String),
    Column("last_seen", String, index=True),
    Column("articles_hash", String, nullable=False),
    Column("article_count", Integer, nullable=False, server_default="0"),
    Column("outlet_count", Integer, nullable=False, server_default="0"),
    Column("unknown_outlets", Integer, nullable=False, server_default="0"),
    Column("rank", Float, index=True),
)
"""``articles_hash`` is ``digests.articles_hash(ids)`` of the story's article ids now;
``article_count``, ``outlet_count`` (distinct known outlets), ``unknown_outlets`` (articles
of unknown outlet) and ``rank`` (``store.rank.rank_value``) are kept
by the writer (``store.rank.refresh_counts``)."""

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("content_hash", String, nullable=False, unique=True),
    Column("url", Text, unique=True),
    Column("title", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("outlet", Text, nullable=False),
    Column("published", String),
    Column("path", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("story_id", String, ForeignKey("stories.id"), nullable=False, index=True),
    Index("ix_articles_story_seq", "story_id", "seq"),
    Index("ix_articles_published", "published"),
)
"""``seq`` is the order articles were stored in; ``url`` is NULL when the article has none;
``outlet`` is the outlet name shown to users (``ingest.names.outlet_name``)."""

sentences = Table(
    "sentences",
    metadata,
    Column("article_id", String, ForeignKey("articles.id"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("paragraph", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
"""The kept sentences of each article (``storyline.clean.prose``): ``text == article.text[start:end]``."""

digests = Table(
    "digests",
    metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("articles_hash", String, nullable=False),
    Column("document", Text, nullable=False),
    Column("digest_key", String, nullable=False, server_default=""),
)
"""The ``storyline.digest/1`` JSON of each story, built from the articles whose ids hash to
``articles_hash`` with the options and code whose ``Config.digest_key()`` is ``digest_key``;
it is stale when either differs from now (``stories.articles_hash``, the saved config's
key). Digests stored before keys were kept have ``""``: stale."""

config = Table(
    "config",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("document", Text, nullable=False),
)
"""One row (``id = 1``): ``Config.to_dict()`` of the database, as JSON, saved when it was
created (or changed with ``Store.configure``)."""

tracker = Table(
    "tracker",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("articles", Integer, nullable=False),
    Column("state", Text, nullable=False),
)
"""One row (``id = 1``): the online ``StoryTracker`` state after the last stored article,
and how many articles it has seen."""
