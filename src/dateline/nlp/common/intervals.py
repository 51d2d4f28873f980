"""Stretches of text looked up by offset in logarithmic time, not by a scan of them all.

Stages ask "does this span overlap one already taken?", "which quote holds this offset?"
once per candidate; a scan of every stretch makes an article with many names or quote marks
quadratic. `Intervals` answers over a fixed set, `SpanSet` over a set that grows.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Intervals:
    """A fixed set of (start, end) stretches, sorted by start, with the running maximum of
    their ends: whatever overlaps a point lies between the first stretch whose running end
    passes it and the last that starts before it."""

    def __init__(self, stretches: Iterable[tuple[int, int]]) -> None:
        self.items = sorted(stretches)
        self._starts = [start for start, _ in self.items]
        self._reach = list(accumulate((end for _, end in self.items), max))

    def _first_reaching(self, offset: int) -> int:
        """The position of the first stretch (in start order) ending after `offset`."""
        return bisect_right(self._reach, offset)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Every stretch sharing a character with [start, end), in start order."""
        last = bisect_left(self._starts, end)
        for position in range(self._first_reaching(start), last):
            low, high = self.items[position]
            if low < end and start < high:
                yield low, high

    def overlaps(self, start: int, end: int) -> bool:
        return next(self.overlapping(start, end), None) is not None

    def containing(self, start: int, end: int) -> bool:
        """Whether one stretch holds all of [start, end)."""
        last = bisect_right(self._starts, start)
        return last > 0 and self._reach[last - 1] >= end

    def first_around(self, offset: int) -> tuple[int, int] | None:
        """The first stretch (in start order) with start < offset < end."""
        position = self._first_reaching(offset)
        if position < len(self.items) and self.items[position][0] < offset:
            return self.items[position]
        return None


class SpanSet:
    """A growing set of (start, end) stretches, kept sorted, that tells whether a new one
    overlaps any of them: only those starting within the longest length before it can."""

    def __init__(self, stretches: Iterable[tuple[int, int]] = ()) -> None:
        self._items: list[tuple[int, int]] = []
        self._longest = 0
        for start, end in stretches:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        insort(self._items, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        first = bisect_left(self._items, (start - self._longest, start - self._longest))
        for position in range(first, len(self._items)):
            low, high = self._items[position]
            if low >= end:
                return False
            if start < high:
                return True
        return False


class ByStart(Generic[T]):
    """Facts looked up by where they start: those starting in [start, end), in the order of
    the list they came from (so a `min` over them breaks ties as a scan of the list would)."""

    def __init__(self, items: Sequence[T], start: Callable[[T], int]) -> None:
        self._order = sorted(range(len(items)), key=lambda i: start(items[i]))
        self._items = [items[i] for i in self._order]
        self._starts = [start(item) for item in self._items]

    def within(self, start: int, end: int) -> list[T]:
        low, high = bisect_left(self._starts, start), bisect_left(self._starts, end)
        picked = sorted(range(low, high), key=self._order.__getitem__)
        return [self._items[position] for position in picked]
