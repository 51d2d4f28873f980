"""Fetching pages and feeds over HTTP(S), for the command line only.

Library code and the REST API never fetch: `dateline ingest URL` hands `fetcher(...)` to the
reader. Every fetch has a timeout, refuses bodies over a size limit (checked while reading,
not trusted from headers), and only speaks http and https.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from dateline.errors import DatelineError
from dateline.ingest.sources import Fetch
from dateline.version import VERSION


class FetchError(DatelineError):
    """A URL could not be fetched: network error, HTTP error, too large, not http(s)."""

    code = "D107"


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """timeout: seconds to connect and between reads; max_bytes: the largest body taken."""

    timeout: float = 20.0
    max_bytes: int = 10_000_000


def fetcher(limits: FetchLimits | None = None) -> Fetch:
    """A fetch function with these limits, for `dateline.ingest.sources.read_inputs`."""
    limits = limits or FetchLimits()

    def fetch(url: str) -> bytes:
        return fetch_url(url, limits)

    return fetch


def fetch_url(url: str, limits: FetchLimits) -> bytes:
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: only http and https URLs are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": f"dateline/{VERSION}"})
    try:
        with urllib.request.urlopen(request, timeout=limits.timeout) as response:
            body: bytes = response.read(limits.max_bytes + 1)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        raise FetchError(f"{url}: could not fetch it ({error})") from error
    if len(body) > limits.max_bytes:
        raise FetchError(f"{url}: larger than the limit of {limits.max_bytes:,} bytes")
    return body
