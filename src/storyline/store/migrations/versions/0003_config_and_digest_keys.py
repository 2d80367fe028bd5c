"""The store's saved ``Config``, and the digest key each stored digest was built with.

A ``config`` table holds one row, the ``Config`` the database was created with (written by
``storyline.store``, not here: a database migrated from 0002 has none and reads as the
defaults). ``digests.digest_key`` is the ``Config.digest_key()`` a digest was built with;
digests stored before get ``""``, which no key equals, so they are rebuilt when next shown.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "digests", sa.Column("digest_key", sa.String, nullable=False, server_default="")
    )
    op.create_table(
        "config",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("document", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("config")
    with op.batch_alter_table("digests") as batch:
        batch.drop_column("digest_key")
