"""An issue page in a real browser (Debian's Chromium through Playwright, as in
test_browser.py, whose browser and page fixtures this uses): two holders with opposite
stances on one issue, drawn on the timeline, each mark linking to its words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dateline.store import open_store

from .positions_fixtures import fill_positions
from .test_browser import browser, page, served, shot  # noqa: F401  (the shared fixtures)

pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the two tunnel articles, served by uvicorn on a loopback port."""
    db = str(tmp_path_factory.mktemp("browser-positions") / "positions.db")
    with open_store(db) as store:
        fill_positions(store)
    with served(db) as address:
        yield address


def test_an_issue_page_shows_two_holders_with_opposite_stances(page: Any) -> None:  # noqa: F811
    page.goto("/issues")
    page.click("text=harbour tunnel")
    page.wait_for_url("**/issues/harbour%20tunnel")
    lanes = page.locator("svg.issue-chart g.lane")
    assert lanes.count() == 3
    stances = {
        lanes.nth(i).get_attribute("data-holder"): lanes.nth(i).get_attribute("data-stance")
        for i in range(3)
    }
    # two holders stand on opposite sides now; the mayor has changed hers
    assert stances == {"Rosa Dyke": "oppose", "Tom Rees": "oppose", "Lena Moss": "support"}
    moss = page.locator('g.lane[data-holder="Lena Moss"] circle.stance-support')
    rees = page.locator('g.lane[data-holder="Tom Rees"] circle.stance-oppose')
    assert moss.count() == 1 and rees.count() == 1
    assert moss.is_visible() and rees.is_visible()
    assert moss.bounding_box()["y"] != rees.bounding_box()["y"]  # each on its own lane
    spring = page.locator('g.lane[data-holder="Rosa Dyke"] circle.stance-support')
    assert spring.bounding_box()["x"] < rees.bounding_box()["x"]  # spring before summer
    shot(page, "issue")
    spring.click()
    page.wait_for_url("**/articles/**")
    assert "she supports the harbour tunnel" in page.locator("#article-text").inner_text()
    assert page.dialogs == [] and page.errors == []
