"""Indexes for paging the story list: stories by last activity, articles by story and order.

``list_stories`` orders stories by ``last_seen`` and then by their latest stored article
(``max(articles.seq)`` per story); with these two indexes a page of a large database is
read without aggregating every story first.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stories_last_seen", "stories", ["last_seen"])
    op.create_index("ix_articles_story_seq", "articles", ["story_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_articles_story_seq", table_name="articles")
    op.drop_index("ix_stories_last_seen", table_name="stories")
