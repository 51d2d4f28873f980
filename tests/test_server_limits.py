"""A server that cannot be tied up (issue 13 row 5): analyses run in a bounded pool of worker
processes, each with a time limit; a full pool answers 503 and a late analysis 504, both as
problem details, while reads go on."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.server import ServerConfig, create_app
from dateline.service.config import ServerConfig as Config
from dateline.service.pool import shared_pool
from dateline.store import open_store

from .web_fixtures import AsgiClient, fill

SHORT = "Harbour master Ines Quay said on Monday that the new crane would arrive in June.\n"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "corpus.db")
    with open_store(path) as store:
        fill(store)
    return path


def test_the_limits_are_configurable_from_the_environment() -> None:
    env = {"DATELINE_API_ANALYSIS_WORKERS": "3", "DATELINE_API_ANALYSIS_TIMEOUT": "2.5"}
    config = Config.from_env(env)
    assert (config.analysis_workers, config.analysis_timeout) == (3, 2.5)


def test_an_analysis_past_its_time_limit_is_a_504(db: str) -> None:
    client = AsgiClient(create_app(ServerConfig(db=db, analysis_workers=1, analysis_timeout=0.001)))
    response = client.post("/api/analyze", json={"text": SHORT * 200})
    assert response.status_code == 504, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "DATELINE_API_ANALYSIS_TIMEOUT" in response.json()["detail"]
    assert client.get("/api/quotes").status_code == 200  # reads go on


def test_a_full_pool_is_a_503_and_a_free_one_analyses(db: str) -> None:
    config = ServerConfig(db=db, analysis_workers=1, analysis_timeout=120.0)
    client = AsgiClient(create_app(config))
    pool = shared_pool(config.settings, 1, 120.0)
    with pool.slot():  # the only worker is taken, as by a long analysis
        busy = client.post("/api/analyze", json={"text": SHORT})
        assert busy.status_code == 503, busy.text
        assert "busy" in busy.json()["detail"]
        assert client.get("/api/quotes", params={"about": "harbour"}).status_code == 200
    done = client.post("/api/analyze", json={"text": SHORT})
    assert done.status_code == 200, done.text
    assert "Ines Quay" in {e["name"] for e in done.json()["entities"]}
