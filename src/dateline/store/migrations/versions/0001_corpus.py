"""The corpus: articles, their facts with source spans, failures, and text search.

Text search is the database's own: an FTS5 index over quotes and articles on SQLite (kept
in step by triggers), expression GIN indexes over `to_tsvector` on PostgreSQL.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _pk() -> sa.Column[int]:
    return sa.Column("pk", sa.Integer(), primary_key=True)


def _article_pk() -> sa.Column[int]:
    return sa.Column(
        "article_pk", sa.Integer(), sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False
    )


def _span(prefix: str, with_text: bool = True) -> list[sa.Column[Any]]:
    columns: list[sa.Column[Any]] = [
        sa.Column(f"{prefix}_start", sa.Integer(), nullable=False),
        sa.Column(f"{prefix}_end", sa.Integer(), nullable=False),
    ]
    if with_text:
        columns.append(sa.Column(f"{prefix}_text", sa.Text(), nullable=False))
    return columns


def _index(table: str, *columns: str, unique: bool = False) -> None:
    op.create_index(f"ix_{table}_{'_'.join(columns)}", table, list(columns), unique=unique)


def upgrade() -> None:
    op.create_table(
        "articles",
        _pk(),
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("source_id", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.String(32)),
        sa.Column("language", sa.String(8)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("dateline_version", sa.String(32), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("id"),
    )
    _index("articles", "source_id")
    _index("articles", "published")
    op.create_table(
        "entities",
        _pk(),
        _article_pk(),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("role", sa.Text()),
        sa.Column("country", sa.String(3)),
        sa.Column("gender", sa.String(1)),
        sa.Column("corpus_key", sa.String(200)),
    )
    _index("entities", "article_pk")
    _index("entities", "name")
    _index("entities", "corpus_key")
    op.create_table(
        "mentions",
        _pk(),
        sa.Column(
            "entity_pk",
            sa.Integer(),
            sa.ForeignKey("entities.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        _article_pk(),
        *_span("span"),
    )
    _index("mentions", "entity_pk")
    _index("mentions", "article_pk")
    op.create_table(
        "quotes",
        _pk(),
        _article_pk(),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        *_span("span", with_text=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("speaker_local", sa.String(16)),
        sa.Column("speaker_name", sa.Text()),
        sa.Column("cue_start", sa.Integer()),
        sa.Column("cue_end", sa.Integer()),
        sa.Column("cue_text", sa.Text()),
        sa.Column("date", sa.String(32)),
        sa.Column("day", sa.String(32)),
        sa.Column("place_local", sa.String(16)),
        sa.Column("place_name", sa.Text()),
        sa.Column("confidence", sa.Float()),
        sa.Column("content_key", sa.String(64), nullable=False),
    )
    _index("quotes", "article_pk")
    _index("quotes", "speaker_name")
    _index("quotes", "day")
    _index("quotes", "content_key")
    op.create_table(
        "events",
        _pk(),
        _article_pk(),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.Text()),
        sa.Column("actor_local", sa.String(16)),
        sa.Column("actor_name", sa.Text()),
        sa.Column("recipient_local", sa.String(16)),
        sa.Column("recipient_name", sa.Text()),
        *_span("trigger"),
        *_span("sentence", with_text=False),
        sa.Column("date", sa.String(32)),
        sa.Column("day", sa.String(32)),
        sa.Column("place_local", sa.String(16)),
        sa.Column("place_name", sa.Text()),
        sa.Column("confidence", sa.Float()),
    )
    _index("events", "article_pk")
    _index("events", "actor_name")
    _index("events", "day")
    _index("events", "type", "day")
    op.create_table(
        "places",
        _pk(),
        _article_pk(),
        sa.Column("local_id", sa.String(16), nullable=False),
        *_span("span"),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("geonameid", sa.Integer()),
        sa.Column("feature", sa.String(32)),
    )
    _index("places", "article_pk")
    _index("places", "name")
    op.create_table(
        "times",
        _pk(),
        _article_pk(),
        sa.Column("local_id", sa.String(16), nullable=False),
        *_span("span"),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64)),
    )
    _index("times", "article_pk")
    op.create_table(
        "failures",
        _pk(),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )
    _index("failures", "input")
    if op.get_bind().dialect.name == "postgresql":
        _postgres_text_search()
    else:
        _sqlite_text_search()


def _sqlite_text_search() -> None:
    """FTS5 tables reading their text from `quotes` and `articles`, kept in step by triggers."""
    for table, columns in (("quotes", ["content"]), ("articles", ["title", "text"])):
        listed = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {table}_fts USING fts5({listed}, content='{table}', "
            "content_rowid='pk', tokenize='porter unicode61')"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts(rowid, {listed}) VALUES (new.pk, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {listed}) "
            f"VALUES ('delete', old.pk, {old}); END"
        )


def _postgres_text_search() -> None:
    op.execute(
        "CREATE INDEX ix_quotes_content_tsv ON quotes USING gin (to_tsvector('english', content))"
    )
    op.execute(
        "CREATE INDEX ix_articles_text_tsv ON articles "
        "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for table in ("quotes", "articles"):
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    for table in ("failures", "times", "places", "events", "quotes", "mentions", "entities"):
        op.drop_table(table)
    op.drop_table("articles")
