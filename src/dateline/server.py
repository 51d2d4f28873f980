"""The server behind `dateline serve`: the REST API (dateline.api) and the web pages
(dateline.web) on one FastAPI app, an adapter over the store and the pipeline, which know
nothing of it. The API and the pages share only dateline.service.

    from dateline.server import ServerConfig, create_app
    app = create_app(ServerConfig(db="corpus.db"))    # an ASGI app: uvicorn, or httpx in tests
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from dateline.api import install_api
from dateline.service.config import ServerConfig
from dateline.service.middleware import BodyLimit, SecurityHeaders
from dateline.service.problems import install_problem_handlers
from dateline.store import open_store
from dateline.version import VERSION
from dateline.web import install_web

__all__ = ["ServerConfig", "create_app"]


def create_app(config: ServerConfig | None = None) -> FastAPI:
    """The whole server: the API under /api (its OpenAPI description at /api/openapi.json),
    the web pages and their assets under /."""
    config = config or ServerConfig.from_env()
    store = open_store(config.db, create=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    # The interactive docs pages load their scripts from a CDN, so they are off: the
    # description itself is served, for any OpenAPI tool to read.
    app = FastAPI(
        title="Dateline",
        version=VERSION,
        description="News articles as data: who said what, who did what to whom, when and "
        "where, each fact with the span of text it came from.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.store = store
    install_problem_handlers(app)
    install_api(app)
    install_web(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=config.max_body_bytes)
    return app
