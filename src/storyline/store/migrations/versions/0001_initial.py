"""The first schema: articles, sentences, stories, storylines, digests, tracker state, search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE article_fts USING fts5("
    "article_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)
POSTGRES_FTS = (
    (
        "CREATE TABLE article_fts ("
        "article_id VARCHAR PRIMARY KEY REFERENCES articles (id), document TSVECTOR NOT NULL)"
    ),
    "CREATE INDEX ix_article_fts_document ON article_fts USING GIN (document)",
)


def upgrade() -> None:
    op.create_table(
        "storylines",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("headline", sa.Text, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("storyline_id", sa.String, sa.ForeignKey("storylines.id"), nullable=False),
        sa.Column("first_seen", sa.String),
        sa.Column("last_seen", sa.String),
        sa.Column("articles_hash", sa.String, nullable=False),
    )
    op.create_index("ix_stories_storyline_id", "stories", ["storyline_id"])
    _create_articles()
    _create_sentences()
    op.create_table(
        "digests",
        sa.Column(
            "story_id",
            sa.String,
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("articles_hash", sa.String, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
    )
    op.create_table(
        "tracker",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
    )
    _create_search()


def _create_articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("content_hash", sa.String, nullable=False, unique=True),
        sa.Column("url", sa.Text, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("outlet", sa.Text, nullable=False),
        sa.Column("published", sa.String),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("story_id", sa.String, sa.ForeignKey("stories.id"), nullable=False),
    )
    op.create_index("ix_articles_story_id", "articles", ["story_id"])


def _create_sentences() -> None:
    op.create_table(
        "sentences",
        sa.Column("article_id", sa.String, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("paragraph", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )


def _create_search() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(SQLITE_FTS)
    elif dialect == "postgresql":
        for statement in POSTGRES_FTS:
            op.execute(statement)
    else:
        raise NotImplementedError(f"full-text search is not implemented for {dialect}")


def downgrade() -> None:
    op.execute("DROP TABLE article_fts")
    for table in ("tracker", "digests", "sentences", "articles", "stories", "storylines"):
        op.drop_table(table)
