"""When was the article published? From the best evidence the input has, and say which.

Order of trust: the page's own metadata, a wire dateline, a photo caption's date, the date
given with the input (JSONL `published`), and last, the latest full date the text reports.
A dateline or caption date without a year takes the year from the other evidence, so that
"GENEVA, March 3 —" in a story that mentions 2025 is 2025-03-03, and stays `XXXX-03-03` when
nothing tells.
"""

from __future__ import annotations

from dateline.ingest.dates import CalendarDate, find_dates, years_in
from dateline.model import FACT_BLOCKS, Article


def decide_published(article: Article) -> Article:
    """Set `article.published` and `article.published_from`."""
    body_dates = _body_dates(article)
    known_years = [d.year for d in body_dates if d.year] or _years_mentioned(article)
    fallback_year = _year_of(article.metadata_date) or _year_of(article.given_date)
    candidates: list[tuple[str, str | None]] = [("metadata", article.metadata_date)]
    if article.dateline is not None:
        candidates.append(
            ("dateline", _first_date(article.dateline.text, fallback_year, known_years))
        )
    for caption in article.captions:
        candidates.append(("caption", _first_date(caption.span.text, fallback_year, known_years)))
    candidates.append(("given", article.given_date))
    candidates.append(("inferred", _latest_full_date(body_dates)))
    for source, value in candidates:
        if value:
            article.published, article.published_from = value, source
            break
    return article


def _year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def _first_date(text: str, fallback_year: int | None, known_years: list[int]) -> str | None:
    for found in find_dates(text):
        year = found.year or fallback_year or (max(known_years) if known_years else None)
        return found.iso(year)
    return None


def _years_mentioned(article: Article) -> list[int]:
    """Years the story names ("its 2025 appeal", "in April 2023"): a year-less dateline
    belongs to the latest of them."""
    years: list[int] = []
    for block in article.blocks:
        if block.kind in FACT_BLOCKS:
            years.extend(years_in(article.text[block.start : block.end]))
    return years


def _body_dates(article: Article) -> list[CalendarDate]:
    dates: list[CalendarDate] = []
    for block in article.blocks:
        if block.kind in FACT_BLOCKS:
            dates.extend(find_dates(article.text[block.start : block.end]))
    return dates


def _latest_full_date(dates: list[CalendarDate]) -> str | None:
    full = [d for d in dates if d.year]
    if not full:
        return None
    latest = max(full, key=lambda d: (d.year, d.month, d.day))
    return latest.iso()
