"""Alembic's entry point: runs on the connection that `dateline.store.migrate` hands over."""

from __future__ import annotations

from alembic import context

from dateline.store.models import Base

connection = context.config.attributes["connection"]
# render_as_batch: SQLite cannot ALTER most things, so later migrations copy tables instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
