"""Source profiles: every article's sources (kind, anonymity, country, gender, outlet, day)
and which of its quotes each gives, for the corpus's source mix.

Revision ID: 0003_sources
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_sources"
down_revision = "0002_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("pk", sa.Integer(), primary_key=True),
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("name", sa.Text()),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("entity_local", sa.String(16)),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("kind_from", sa.Text(), nullable=False),
        sa.Column("anonymity", sa.String(16), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("gender", sa.String(16), nullable=False),
        sa.Column("direct", sa.Integer(), nullable=False),
        sa.Column("reported", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.Text()),
        sa.Column("day", sa.String(32)),
    )
    for columns in (["article_pk"], ["kind"], ["outlet"], ["day"], ["label"]):
        op.create_index(f"ix_sources_{'_'.join(columns)}", "sources", columns)
    op.create_table(
        "source_quotes",
        sa.Column("pk", sa.Integer(), primary_key=True),
        sa.Column(
            "source_pk",
            sa.Integer(),
            sa.ForeignKey("sources.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("quote_local", sa.String(16), nullable=False),
    )
    op.create_index("ix_source_quotes_source_pk", "source_quotes", ["source_pk"])
    op.create_index(
        "ix_source_quotes_article_pk_quote_local", "source_quotes", ["article_pk", "quote_local"]
    )


def downgrade() -> None:
    op.drop_table("source_quotes")
    op.drop_table("sources")
