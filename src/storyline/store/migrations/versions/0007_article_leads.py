"""The hash of each article's first kept sentence, to find an outlet's banners.

``articles`` gains ``lead_hash`` (``storyline.store.banners.lead_hash``), indexed: a lead
line that opens pages of one outlet in several stories is that outlet's banner and is left
out of digests (``store.banners``). It is filled here from the stored sentences of the
articles already stored (NULL where an article kept none).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storyline.store.banners import lead_hash

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_ROWS_PER_UPDATE = 1000


def upgrade() -> None:
    op.add_column("articles", sa.Column("lead_hash", sa.String))
    op.create_index("ix_articles_lead_hash", "articles", ["lead_hash"])
    connection = op.get_bind()
    leads = connection.execute(sa.text("SELECT article_id, text FROM sentences WHERE idx = 0")).all()
    update = sa.text("UPDATE articles SET lead_hash = :lead WHERE id = :id")
    for start in range(0, len(leads), _ROWS_PER_UPDATE):
        connection.execute(update, [{"id": article_id, "lead": lead_hash(text)}
                                    for article_id, text in leads[start:start + _ROWS_PER_UPDATE]])


def downgrade() -> None:
    op.drop_index("ix_articles_lead_hash", table_name="articles")
    op.drop_column("articles", "lead_hash")
