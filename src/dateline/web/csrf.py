"""CSRF protection for the web forms: a random nonce in a SameSite=Strict cookie, and in
the form its HMAC under the server's secret. A post is taken only when the two agree, so a
page on another site can neither read the form's value nor make one."""

from __future__ import annotations

import hashlib
import hmac
import secrets

COOKIE = "dateline_csrf"
FIELD = "csrf_token"


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def form_token(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, nonce.encode("utf-8"), hashlib.sha256).hexdigest()


def is_valid(secret: bytes, nonce: str | None, token: str | None) -> bool:
    """Whether a posted form token belongs to the cookie's nonce (compared in constant time)."""
    if not nonce or not token:
        return False
    return hmac.compare_digest(form_token(secret, nonce), token)
