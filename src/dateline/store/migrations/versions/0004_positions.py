"""Positions: who stands where on what, when, and the quote or event that says so.

Revision ID: 0004_positions
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_positions"
down_revision = "0003_sources"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "positions",
        sa.Column("pk", sa.Integer(), primary_key=True),
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("holder_local", sa.String(16)),
        sa.Column("holder_name", sa.Text()),
        sa.Column("target_entity_local", sa.String(16)),
        sa.Column("target_text", sa.Text(), nullable=False),
        sa.Column("target_key", sa.String(200), nullable=False),
        sa.Column("target_start", sa.Integer(), nullable=False),
        sa.Column("target_end", sa.Integer(), nullable=False),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("cue_start", sa.Integer(), nullable=False),
        sa.Column("cue_end", sa.Integer(), nullable=False),
        sa.Column("cue_text", sa.Text(), nullable=False),
        sa.Column("condition", sa.Text()),
        sa.Column("date", sa.String(32)),
        sa.Column("day", sa.String(32)),
        sa.Column("evidence_kind", sa.String(8), nullable=False),
        sa.Column("evidence_local", sa.String(16), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
    )
    op.create_index("ix_positions_article_pk", "positions", ["article_pk"])
    op.create_index("ix_positions_holder_name", "positions", ["holder_name"])
    op.create_index("ix_positions_day", "positions", ["day"])
    op.create_index("ix_positions_target_key_day", "positions", ["target_key", "day"])


def downgrade() -> None:
    op.drop_table("positions")
