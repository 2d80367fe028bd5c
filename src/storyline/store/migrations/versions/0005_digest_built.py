"""What each stored digest was built from: when, and how many articles and outlets.

``digests.built_at`` (ISO 8601 UTC), ``built_articles`` and ``built_outlets`` let a stale
digest be kept while its story has not changed enough to matter (``store.digests.owes_rebuild``)
and let the web page say when it was built. Digests stored before get ``""`` and 0: they
are rebuilt whenever their story changes, as before.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("digests", sa.Column("built_at", sa.String, nullable=False, server_default=""))
    op.add_column("digests", sa.Column("built_articles", sa.Integer, nullable=False, server_default="0"))
    op.add_column("digests", sa.Column("built_outlets", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("digests") as batch:
        batch.drop_column("built_outlets")
        batch.drop_column("built_articles")
        batch.drop_column("built_at")
