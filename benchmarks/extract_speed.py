"""Pages/s of Dateline's HTML extraction alone (text, title, byline, dates; no NLP) beside
trafilatura's own on the same pages, in one process.

    python benchmarks/extract_speed.py [--limit N]

Pages: the first N of each extract dev set under ../shared/eval/extract (evaluation data,
read here and never copied), HTML already in memory. Each extractor runs once over the
pages after a warm-up over the first five (htmldate and dateparser load their tables on
first use).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from dateline.errors import DatelineError
from dateline.ingest.html import article_from_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_cv import SETS, read_pages


def _dateline(html: str) -> object:
    try:
        return article_from_html(html, None)
    except DatelineError:
        return None


def _trafilatura(html: str) -> object:
    return trafilatura.extract(html, include_comments=False)


def _trafilatura_metadata(html: str) -> object:
    return trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)


def pages_per_second(pages: list[str], run: Callable[[str], object]) -> float:
    for html in pages[:5]:
        run(html)
    started = time.perf_counter()
    for html in pages:
        run(html)
    return len(pages) / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="pages from each dev set")
    args = parser.parse_args(argv)
    if not all(path.is_file() for path in SETS.values()):
        print("extract dev sets not found under ../shared/eval/extract", file=sys.stderr)
        return 1
    pages = [p["html"] for path in SETS.values() for p in read_pages(path, args.limit)]
    print(f"{len(pages)} pages")
    for label, run in (
        ("dateline article_from_html", _dateline),
        ("trafilatura.extract (defaults)", _trafilatura),
        ("trafilatura.bare_extraction + metadata", _trafilatura_metadata),
    ):
        print(f"{label:<40} {pages_per_second(pages, run):7.1f} pages/s")
    print("command: python benchmarks/extract_speed.py " + " ".join(argv or sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
