"""What a person sees, in a real browser: Debian's Chromium, headless, driven by Playwright
against `dateline serve`'s app on a loopback port.

Skips when no Chromium is found (install Debian's `chromium`; CI does). Playwright's own
browser download is never used. Screenshots go to tests/screenshots/ (ignored by git).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from dateline.server import ServerConfig, create_app
from dateline.store import open_store

from .store_fixtures import make_record, span
from .web_fixtures import article_id, fill

playwright_api = pytest.importorskip("playwright.sync_api")

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PASTED = (
    "Ferry Line Approved\n\n"
    "Port Minister Ilse Varga opened the new ferry line on Monday.\n\n"
    "“The river belongs to everyone,” Varga said.\n"
)
HOSTILE = (
    "Council Minutes Leak\n\n"
    "A clerk typed <script>window.__ran = 1; alert('script')</script> into the minutes, then "
    '"><img src=x onerror="window.__ran = 2; alert(1)"> and a link '
    "<a href=\"javascript:alert('link')\">javascript:alert('link')</a> for good measure.\n\n"
    "“Every line will be read twice,” Mayor Rosa Lind said.\n"
)


def chromium_path() -> str | None:
    given = os.environ.get("DATELINE_CHROMIUM")
    for candidate in (given, "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with a small corpus, served by uvicorn on a loopback port in a thread."""
    db = str(tmp_path_factory.mktemp("browser") / "browser.db")
    with open_store(db) as store:
        fill(store)
        store.save_record(hostile_record())
        store.save_record(sourced_record())
    with served(db) as address:
        yield address


@contextmanager
def served(db: str) -> Iterator[str]:
    """The app over the store at `db`, served by uvicorn on a loopback port in a thread,
    until the block ends; yields the address."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        create_app(ServerConfig(db=db)), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(10)


def hostile_record() -> dict[str, Any]:
    words = "Every line will be read twice,"
    return make_record(
        article_id(HOSTILE),
        HOSTILE,
        quotes=[
            {"id": "q1", "kind": "direct", **span(HOSTILE, words), "content": words,
             "speaker": None, "speaker_name": "Rosa Lind",
             "speaker_mention": span(HOSTILE, "Mayor Rosa Lind"), "cue": None, "date": None,
             "place": None, "confidence": 0.5}
        ],
    )  # fmt: skip


SOURCED = (
    "Dam Repairs Delayed\n\n"
    "“The inspection found new cracks,” Water Minister Greta Holm said on Monday.\n\n"
    "Two engineers said the work would take a year.\n"
)


def sourced_record() -> dict[str, Any]:
    """An article with its source profile: a named minister and two unnamed engineers."""
    said, engineers = "The inspection found new cracks,", "the work would take a year"
    quotes = [
        {"id": "q1", "kind": "direct", **span(SOURCED, said), "content": said,
         "speaker": "e1", "speaker_name": "Greta Holm", "speaker_mention": None, "cue": None,
         "date": None, "place": None, "confidence": 0.9},
        {"id": "q2", "kind": "indirect", **span(SOURCED, engineers), "content": engineers,
         "speaker": None, "speaker_name": "Two engineers", "speaker_mention": None,
         "cue": None, "date": None, "place": None, "confidence": 0.7},
    ]  # fmt: skip
    record = make_record(article_id(SOURCED), SOURCED, published="2024-06-03", quotes=quotes)
    common = {"country": None, "country_source": None, "gender": "unknown",
              "gender_evidence": None, "anonymity_cue": None}  # fmt: skip
    record["sources"] = [
        {**common, "id": "s1", "name": "Greta Holm", "entity": "e1", "mention": None,
         "kind": "government", "kind_from": "role noun: minister", "anonymity": "named",
         "quotes": ["q1"], "direct": 1, "reported": 0},
        {**common, "id": "s2", "name": None, "entity": None,
         "mention": span(SOURCED, "Two engineers"), "kind": "expert_academic",
         "kind_from": "role noun: engineers", "anonymity": "unnamed",
         "quotes": ["q2"], "direct": 0, "reported": 1},
    ]  # fmt: skip
    return record


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        if os.environ.get("DATELINE_REQUIRE_CHROMIUM"):  # CI installs it: missing is a failure
            pytest.fail("DATELINE_REQUIRE_CHROMIUM is set but no Chromium was found")
        pytest.skip("no Chromium found: apt-get install chromium (or set DATELINE_CHROMIUM)")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.dialogs = []  # every alert/confirm a page opens: none may
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    # Console errors: a script that failed, or anything the Content-Security-Policy refused.
    opened.errors = []
    opened.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    yield opened
    context.close()


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_paste_an_article_then_follow_its_speaker_to_the_timeline(page: Any) -> None:
    page.goto("/analyze")
    page.fill("textarea[name=content]", PASTED)
    page.click("button[type=submit]")
    quote = page.locator("#article-text .hl-quote")
    quote.first.wait_for()
    assert quote.first.inner_text() == "The river belongs to everyone,"
    speaker = page.locator("#article-text a.hl-speaker")
    assert speaker.first.inner_text() == "Varga"
    assert "Ilse Varga" in (speaker.first.get_attribute("title") or "")
    speaker.first.hover()
    assert "Ilse Varga" in page.locator("#fact-box").inner_text()
    shot(page, "analyse")
    speaker.first.click()
    page.wait_for_url("**/entities/person:ilse-varga")
    assert page.locator("h1.actor-name").inner_text() == "Ilse Varga"
    entries = page.locator("li.timeline-entry")
    assert entries.count() == 3
    assert "We have waited long enough" in entries.nth(1).inner_text()
    shot(page, "actor")
    assert page.dialogs == [] and page.errors == []


def test_search_finds_a_quote_and_links_its_sentence(page: Any) -> None:
    page.goto("/quotes")
    page.fill("input[name=speaker]", "varga")
    page.fill("input[name=words]", "river")
    page.click("form.filters button")
    results = page.locator("li.quote-result")
    results.first.wait_for()
    assert results.count() == 1
    assert "No family should pay more to cross the river" in results.first.inner_text()
    shot(page, "search")
    results.first.locator("blockquote a").click()
    page.wait_for_url("**/articles/**#at-*")
    assert page.locator(".hl-quote:target").inner_text().startswith("No family should pay")


def test_the_map_shows_points_on_country_outlines(page: Any) -> None:
    page.goto("/map")
    page.wait_for_selector("#map[data-points]")
    assert page.locator("#map").get_attribute("data-points") == "3"  # 2 places, 1 event
    assert page.locator("path.event-point").count() == 1
    assert page.locator("path.place-point").count() == 2
    # The outlines: one path per country, drawn in the same SVG as the points (a selector,
    # not wait_for_function: the page's CSP forbids the eval behind that).
    page.wait_for_selector("#map svg path:nth-of-type(150)", state="attached")
    assert "1 located events, 2 places" in page.locator("#map-status").inner_text()
    shot(page, "map")
    assert page.errors == []  # Leaflet and the outlines run under the CSP as they are


def test_hostile_text_is_shown_literally_and_runs_nothing(page: Any) -> None:
    page.goto(f"/articles/{article_id(HOSTILE)}")
    text = page.locator("#article-text")
    shown = text.inner_text()
    assert "<script>window.__ran = 1; alert('script')</script>" in shown
    assert '"><img src=x onerror="window.__ran = 2; alert(1)">' in shown
    assert "<a href=\"javascript:alert('link')\">" in shown
    assert text.locator("script, img, a[href^='javascript:']").count() == 0
    assert page.evaluate("window.__ran") is None
    shot(page, "hostile-stored")
    # The same text pasted into the analyse page, through the real pipeline.
    page.goto("/analyze")
    page.fill("textarea[name=content]", HOSTILE)
    page.click("button[type=submit]")
    page.locator("#article-text").wait_for()
    assert "<script>window.__ran = 1" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.evaluate("window.__ran") is None
    shot(page, "hostile-pasted")
    assert page.dialogs == []
    assert page.errors == []  # not even a script the CSP had to refuse, nor an image load


def test_the_sources_chart_draws_bars_and_a_bar_lists_its_quotes(page: Any) -> None:
    page.goto("/sources")
    chart = page.locator("section.source-chart[data-by=anonymity]")
    chart.wait_for()
    bars = chart.locator("a.bar")
    assert bars.count() == 2  # named, unnamed
    assert chart.locator("rect.bar-rect").first.bounding_box()["width"] > 10
    shot(page, "sources")
    chart.locator("a.bar[data-value=unnamed]").click()
    page.wait_for_url("**/quotes?source_by=anonymity&source_value=unnamed*")
    results = page.locator("li.quote-result")
    assert results.count() == 1
    assert "the work would take a year" in results.first.inner_text()
    assert page.errors == []
