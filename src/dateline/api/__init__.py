"""The REST API under /api: JSON over the store and the pipeline, with tokens for writes.

- routes.py: the endpoints; formats.py: query parameters and result payloads;
- tokens.py: API tokens, kept in the store.

The app that serves it beside the web pages is dateline/server.py.
"""

from __future__ import annotations

from fastapi import FastAPI

from dateline.api.routes import router


def install_api(app: FastAPI) -> None:
    """Add the API's routes to the app."""
    app.include_router(router)


__all__ = ["install_api"]
