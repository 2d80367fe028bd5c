"""Storylines named by their content, and an index of the people and organisations in stories.

``storylines.title_key`` says what a storyline's title (``storylines.headline``) was
derived from (``storyline.store.storylines``): while it matches, the title is kept.
``story_entities`` and ``story_quotes`` hold the entities and quotes of each stored digest,
one row each, indexed by ``entity_id`` so that an entity's page reads only its own rows;
``entity_index`` says which digest (articles hash and digest key) each story's rows come
from (``storyline.store.entities``). Rows go with their story (``ON DELETE CASCADE``).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None



def _story() -> sa.Column:
    """The ``story_id`` key column of an index table, going with its story."""
    return sa.Column("story_id", sa.String, sa.ForeignKey("stories.id", ondelete="CASCADE"),
                     primary_key=True)


def upgrade() -> None:
    op.add_column("storylines", sa.Column("title_key", sa.String, nullable=False, server_default=""))
    op.create_table(
        "entity_index",
        _story(),
        sa.Column("built_from", sa.String, nullable=False),
    )
    op.create_table(
        "story_entities",
        _story(),
        sa.Column("entity_id", sa.String, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("aliases", sa.Text, nullable=False),
        sa.Column("salience", sa.Float, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_entities_entity_id", "story_entities", ["entity_id"])
    op.create_table(
        "story_quotes",
        _story(),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("entity_id", sa.String, nullable=False),
        sa.Column("speaker", sa.Text, nullable=False),
        sa.Column("article", sa.String, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("direct", sa.Boolean, nullable=False),
    )
    op.create_index("ix_story_quotes_entity_id", "story_quotes", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_story_quotes_entity_id", table_name="story_quotes")
    op.drop_table("story_quotes")
    op.drop_index("ix_story_entities_entity_id", table_name="story_entities")
    op.drop_table("story_entities")
    op.drop_table("entity_index")
    with op.batch_alter_table("storylines") as batch:
        batch.drop_column("title_key")
