"""Alembic migrations of the store, run by `dateline.store.open_store` when a store is opened."""
