"""Identity across articles: each entity's surname (what resolves one article's people
against the corpus without reading all of it), and the analyst's overrides of identities.

`entities.placed` says the entity's article resolves its name as a place ("Lorca", the
town, which the tagger may type as an organisation): a surname that is also a place needs
more evidence to be read as a person's. `entities.surname` is the last word of the name as
identity compares names (`dateline.names.person_words`), indexed, so the entities that may
be the same person as a new article's are found at once. `identity_overrides` keeps each
`dateline entities merge` and `split`, by corpus key and article id, both stable across
re-analysis.

Revision ID: 0002_identity
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dateline.names import surname

revision = "0002_identity"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    op.add_column("entities", sa.Column("surname", sa.String(100)))
    op.add_column(
        "entities", sa.Column("placed", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.create_index("ix_entities_surname", "entities", ["surname"])
    op.create_table(
        "identity_overrides",
        sa.Column("pk", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("target", sa.String(200)),
        sa.Column("article_id", sa.String(80)),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_identity_overrides_key", "identity_overrides", ["key"])
    _fill_surnames()
    op.execute(
        "UPDATE entities SET placed = EXISTS (SELECT 1 FROM places p "
        "WHERE p.article_pk = entities.article_pk "
        "AND (lower(p.name) = lower(entities.name) OR lower(p.span_text) = lower(entities.name)))"
    )


def _fill_surnames() -> None:
    """The surname of every entity stored before this revision."""
    connection = op.get_bind()
    entities = sa.table("entities", sa.column("pk"), sa.column("name"), sa.column("surname"))
    found = connection.execute(sa.select(entities.c.pk, entities.c.name)).all()
    rows = [{"b_pk": pk, "b_surname": surname(name)} for pk, name in found]
    statement = (
        entities.update()
        .where(entities.c.pk == sa.bindparam("b_pk"))
        .values(surname=sa.bindparam("b_surname"))
    )
    for start in range(0, len(rows), _BATCH):
        connection.execute(statement, rows[start : start + _BATCH])


def downgrade() -> None:
    op.drop_index("ix_identity_overrides_key", table_name="identity_overrides")
    op.drop_table("identity_overrides")
    with op.batch_alter_table("entities") as batch:  # SQLite drops a column by copying
        batch.drop_index("ix_entities_surname")
        batch.drop_column("surname")
        batch.drop_column("placed")
