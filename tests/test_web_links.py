"""Links that work (issue 13 row 11): a speaker or actor the corpus has no entity for (a role
noun, a group noun) is shown without a link, and a crawl of every page of the sample corpus
through the ASGI client, no browser, meets no 404."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from dateline.server import ServerConfig, create_app
from dateline.store import open_store

from .store_fixtures import make_record, span
from .web_fixtures import AsgiClient, article_id, fill

# Our own story in which nobody the corpus knows speaks or acts: a group and a role.
CROWD = (
    "Pier Closed After Storm\n\n"
    "The harbour police closed the north pier on Friday after the storm broke its railings.\n\n"
    "“Nobody walks out there until it is mended,” police said.\n"
)
_HREF = re.compile(r'(?:href|src)="([^"]+)"')


def _crowd_record() -> dict[str, object]:
    said = span(CROWD, "Nobody walks out there until it is mended,")
    quote = {"id": "q1", "kind": "direct", **said, "content": said["text"], "speaker": None,
             "speaker_name": "police", "speaker_mention": span(CROWD, "police", said["end"]),
             "cue": span(CROWD, "said", said["end"]), "date": "2024-06-07", "place": None,
             "confidence": 0.7}  # fmt: skip
    quote.pop("text")
    event = {"id": "v1", "type": "COERCE", "mode": None, "actor": None,
             "actor_name": "The harbour police", "recipient": None, "recipient_name": None,
             "trigger": span(CROWD, "closed"), "sentence": {"start": 25, "end": 110},
             "date": "2024-06-07", "place": None, "confidence": 0.6}  # fmt: skip
    return make_record(article_id(CROWD), CROWD, published="2024-06-07", source_id="pier.txt",
                       quotes=[quote], events=[event])  # fmt: skip


@pytest.fixture
def client(tmp_path: Path) -> AsgiClient:
    db = str(tmp_path / "corpus.db")
    with open_store(db) as store:
        fill(store)
        store.save_records([_crowd_record()])
    return AsgiClient(create_app(ServerConfig(db=db)))


def _internal_links(page: str, base: str) -> list[str]:
    found = []
    for raw in _HREF.findall(page):
        url = urldefrag(urljoin(base, unescape(raw))).url
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            continue  # data: and mailto: lead nowhere on this server
        if not parts.netloc or parts.netloc == "testserver":
            found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def test_a_speaker_with_no_entity_has_no_link(client: AsgiClient) -> None:
    page = client.get(f"/articles/{article_id(CROWD)}").text
    assert "police" in page
    assert "/entities?name=" not in page


def test_every_link_of_every_page_leads_somewhere(client: AsgiClient) -> None:
    seen: set[str] = set()
    queue = ["/", "/quotes?words=harbour", "/events?type=COERCE", "/quotes?speaker=Varga"]
    broken: list[tuple[str, str, int]] = []
    while queue and len(seen) < 300:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow_redirects=True)
        if response.status_code == 404:
            broken.append((url, "", 404))
            continue
        assert response.status_code < 500, (url, response.text)
        if response.headers.get("content-type", "").startswith("text/html"):
            for link in _internal_links(response.text, "http://testserver" + url):
                if link not in seen:
                    queue.append(link)
    assert len(seen) > 10, seen
    assert not broken, broken
