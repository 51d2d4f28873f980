"""API tokens: made by `dateline token create`, kept in the store as SHA-256 digests only,
checked in constant time.

A token is 32 random bytes (URL-safe text after a `dl_` prefix), so a plain digest is enough
to keep it safe at rest: there is nothing to guess that a slow hash would protect. The table
lives beside the corpus tables, made on first use, so one store serves one set of tokens to
every server process in front of it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, delete, insert, select

from dateline.errors import DatelineError
from dateline.store import Store, write_transaction

PREFIX = "dl_"
_metadata = MetaData()
api_tokens = Table(
    "api_tokens",
    _metadata,
    Column("pk", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("digest", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


class TokenError(DatelineError):
    """A token cannot be made or removed as asked."""

    code = "D501"


@dataclass(frozen=True, slots=True)
class TokenInfo:
    name: str
    created_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _ensure_table(store: Store) -> None:
    _metadata.create_all(store.engine, checkfirst=True)


def create_token(store: Store, name: str) -> str:
    """A new token named `name` (who or what uses it); only its digest is kept, so this is
    the one time it can be seen."""
    name = name.strip()
    if not name:
        raise TokenError("a token needs a name: say who or what will use it (--name)")
    _ensure_table(store)
    token = PREFIX + secrets.token_urlsafe(32)
    with write_transaction(store.engine) as connection:
        if connection.scalar(select(api_tokens.c.pk).where(api_tokens.c.name == name)):
            raise TokenError(f"a token named {name!r} exists; revoke it first or pick another")
        connection.execute(
            insert(api_tokens).values(
                name=name, digest=_digest(token), created_at=datetime.now(UTC)
            )
        )
    return token


def list_tokens(store: Store) -> list[TokenInfo]:
    _ensure_table(store)
    with store.engine.connect() as connection:
        found = connection.execute(
            select(api_tokens.c.name, api_tokens.c.created_at).order_by(api_tokens.c.pk)
        )
        return [TokenInfo(name, created_at) for name, created_at in found]


def revoke_token(store: Store, name: str) -> bool:
    """Remove the token named `name`; False when there was none."""
    _ensure_table(store)
    with write_transaction(store.engine) as connection:
        gone = connection.execute(delete(api_tokens).where(api_tokens.c.name == name))
    return bool(gone.rowcount)


def token_name(store: Store, token: str) -> str | None:
    """The name of the token given, or None when it is not one of the store's.

    Every stored digest is compared, each with `hmac.compare_digest`, so the time taken does
    not tell how much of a guess was right, nor which token matched.
    """
    if not token.startswith(PREFIX):
        return None
    _ensure_table(store)
    presented = _digest(token)
    with store.engine.connect() as connection:
        rows = connection.execute(select(api_tokens.c.name, api_tokens.c.digest)).all()
    matched = None
    for name, digest in rows:
        if hmac.compare_digest(presented, digest):
            matched = name
    return matched
