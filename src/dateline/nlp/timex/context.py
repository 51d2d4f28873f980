"""What every normalising rule reads and returns: the Context a value is anchored on and the
TimeValue it yields, kept apart so that the rule modules need nothing but each other's
arithmetic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

Tense = Literal["past", "present", "future"]
DateOrder = Literal["MDY", "DMY", "YMD"]
DATE_ORDERS: tuple[DateOrder, ...] = ("MDY", "DMY", "YMD")


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A TIMEX3 type (DATE, TIME, DURATION, SET) and value ("2024-05-01", "P3D")."""

    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Context:
    """What a value is anchored on: the article's date, the tense of the expression's verb,
    the last full date and the last quarter the narrative named, how numeric dates read."""

    anchor: date | None
    tense: Tense = "past"
    previous: date | None = None
    quarter: str | None = None
    date_order: DateOrder = "MDY"
    after: str = ""
    story_month: str | None = None


# A rule reads one kind of expression: its value, or None when the phrase is not its kind.
Rule = Callable[[str, Context], TimeValue | None]
