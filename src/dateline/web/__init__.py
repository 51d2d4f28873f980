"""The web pages: server-rendered templates over the store and the pipeline, a little
JavaScript, every asset served from here (Leaflet from its PyPI package, the country outlines
from `static/vendor`), so the pages work offline.

Pages: the article view (text with its facts marked, the facts beside it), the analyse page
(the same view of pasted text or HTML, nothing stored), quote search, the actor page, the
event list, the map, and the issue pages (every holder's stance on one issue over time).
"""

from __future__ import annotations

from pathlib import Path

import xstatic.pkg.leaflet
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from dateline.web.issues import router as issues_router
from dateline.web.pages import router

STATIC = Path(__file__).resolve().parent / "static"
LEAFLET = Path(xstatic.pkg.leaflet.BASE_DIR)


def install_web(app: FastAPI) -> None:
    """Mount the pages and their static files on the app."""
    app.mount("/static/leaflet", StaticFiles(directory=LEAFLET), name="leaflet")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(router)
    app.include_router(issues_router)
