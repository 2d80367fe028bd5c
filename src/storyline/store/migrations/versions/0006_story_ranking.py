"""Story counts and rank for the "top" story list (``storyline.store.rank``).

``stories`` gains ``article_count``, ``outlet_count`` (distinct known outlets),
``unknown_outlets`` (articles of unknown outlet) and ``rank`` (the stored part of the top
score, indexed: a page of top stories reads the highest ranks first), filled here for the
stories already stored; ``articles.published`` is indexed so that the newest article and a
story's recent articles are found without a scan.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storyline.store.ingest import chunked
from storyline.store.rank import refresh_counts

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COUNTS = ("article_count", "outlet_count", "unknown_outlets")


def upgrade() -> None:
    for name in _COUNTS:
        op.add_column("stories", sa.Column(name, sa.Integer, nullable=False, server_default="0"))
    op.add_column("stories", sa.Column("rank", sa.Float))
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_stories_rank", "stories", ["rank"])
    connection = op.get_bind()
    ids = connection.execute(sa.text("SELECT id FROM stories")).scalars().all()
    for chunk in chunked(ids, 500):
        refresh_counts(connection, chunk)


def downgrade() -> None:
    op.drop_index("ix_articles_published", table_name="articles")
    op.drop_index("ix_stories_rank", table_name="stories")
    for name in (*_COUNTS, "rank"):  # ALTER TABLE DROP COLUMN: no copy of the table, whose rows others point at
        op.drop_column("stories", name)
