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
    Boolean,
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
    "entity_index",
    "metadata",
    "sentences",
    "stories",
    "story_entities",
    "story_quotes",
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
    Column("title_key", String, nullable=False, server_default=""),
)
"""``headline`` is the storyline's title; ``title_key`` what it was derived from
(``storyline.store.storylines``): a storyline whose key no longer matches is named again."""

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
    Column("lead_hash", String),
    Index("ix_articles_story_seq", "story_id", "seq"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_lead_hash", "lead_hash"),
)
"""``seq`` is the order articles were stored in; ``url`` is NULL when the article has none;
``outlet`` is the outlet name shown to users (``ingest.names.outlet_name``); ``lead_hash``
hashes the first kept sentence (``store.banners.lead_hash``; NULL when none is kept)."""

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
    Column("built_at", String, nullable=False, server_default=""),
    Column("built_articles", Integer, nullable=False, server_default="0"),
    Column("built_outlets", Integer, nullable=False, server_default="0"),
)
"""The ``storyline.digest/1`` JSON of each story, built from the articles whose ids hash to
``articles_hash`` with the options and code whose ``Config.digest_key()`` is ``digest_key``;
it is stale when either differs from now (``stories.articles_hash``, the saved config's
key). Digests stored before keys were kept have ``""``: stale. ``built_at`` (ISO 8601 UTC),
``built_articles`` and ``built_outlets`` say when and from how many articles and outlets it
was built: a digest whose story changed only a little is kept (``digests.owes_rebuild``)."""

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


entity_index = Table(
    "entity_index",
    metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("built_from", String, nullable=False),
)
"""Which digest (``articles_hash/digest_key``) the ``story_entities`` and ``story_quotes`` rows
of each story were taken from (``storyline.store.entities``)."""

story_entities = Table(
    "story_entities",
    metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", String, primary_key=True, index=True),
    Column("name", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("aliases", Text, nullable=False),
    Column("salience", Float, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
)
"""One row per entity of a story's digest: ``entity_id`` is the key of its canonical name
(``storyline.store.entities.entity_key``), the same in every story; ``aliases`` one per line."""

story_quotes = Table(
    "story_quotes",
    metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("entity_id", String, nullable=False, index=True),
    Column("speaker", Text, nullable=False),
    Column("article", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("cue", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
)
"""The quotes of a story's digest whose speaker is a known entity: ``text ==
article.text[start:end]`` of the stored article ``article``."""
