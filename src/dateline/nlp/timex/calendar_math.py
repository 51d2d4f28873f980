"""Date arithmetic the rules share: which year a year-less date falls in, moving a date by
units of time, writing it at a precision, and the quarters earnings reports speak of."""

from __future__ import annotations

from datetime import date, timedelta

from dateline.nlp.timex.context import Tense
from dateline.vocabulary import MONTHS


def nearest_year(month: int, day: int | None, anchor: date | None, tense: Tense) -> int | None:
    """The year that puts a year-less date nearest the anchor, unless the tense points the
    other way by more than a few weeks ("Nov. 22" said in the past tense in late October is
    still this year's; "Oct. 23" said in the past tense in May is last year's)."""
    if anchor is None:
        return None
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day or 15))
        except ValueError:
            continue
    if not candidates:
        return None
    slack = timedelta(days=45 if day else 60)
    nearest = min(candidates, key=lambda c: abs((c - anchor).days))
    if tense == "past" and nearest > anchor + slack:
        before = [c for c in candidates if c <= anchor + slack]
        return max(before).year if before else nearest.year
    if tense == "future" and nearest < anchor - slack:
        after = [c for c in candidates if c >= anchor - slack]
        return min(after).year if after else nearest.year
    return nearest.year


def iso_date(year: int | None, month: int, day: int | None = None) -> str:
    """ "2024-05", "2024-05-01", or "XXXX-05-01" when the year is unknown."""
    head = f"{year:04d}" if year else "XXXX"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day else "")


def month_number(word: str) -> int | None:
    """1 to 12 for a month's name or abbreviation ("Oct." is 10)."""
    return MONTHS.get(word.rstrip(".").lower())


def shift(anchor: date, unit: str, amount: int) -> tuple[date, str]:
    """The anchor moved by `amount` units, and the precision its value should have."""
    if unit in {"day", "hour", "minute", "second"}:
        return anchor + timedelta(days=amount if unit == "day" else 0), "day"
    if unit in {"week", "fortnight"}:
        return anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)), "day"
    if unit in {"month", "quarter"}:
        month_index = anchor.month - 1 + amount * (3 if unit == "quarter" else 1)
        year, month = anchor.year + month_index // 12, month_index % 12 + 1
        return date(year, month, min(anchor.day, 28)), "month"
    years = amount * {"year": 1, "decade": 10, "century": 100}[unit]
    return date(anchor.year + years, anchor.month, min(anchor.day, 28)), "year"


def at_precision(moment: date, precision: str) -> str:
    """The date written to the day, the month or the year, as `shift` says it is known."""
    if precision == "day":
        return moment.isoformat()
    if precision == "month":
        return moment.isoformat()[:7]
    return f"{moment.year:04d}"


def quarter_of(moment: date) -> tuple[int, int]:
    """The year and the number (1-4) of the quarter a date is in."""
    return moment.year, (moment.month - 1) // 3 + 1


def last_quarter(anchor: date) -> str:
    """The quarter a report of this date is about: the one that ended last."""
    year, number = quarter_of(anchor)
    return f"{year - 1}-Q4" if number == 1 else f"{year}-Q{number - 1}"


def quarter_years_back(quarter: str, years: int) -> str:
    """ "2024-Q3" two years back is "2022-Q3"."""
    return f"{int(quarter[:4]) - years}{quarter[4:]}"
