"""Numbers and units as news writes them ("two and a half years", "nineteen ninety-six"),
read into counts, years and TIMEX3 durations."""

from __future__ import annotations

from dateline.nlp.timex.vocabulary import HALVES, NUMBERS, ONES, TENS, UNIT_SIZE, UNITS


def quantity(words: str) -> float | None:
    """The number a quantity writes: "3", "2 1/2", "twenty four", "a couple of", "two and
    a half"; None for vague ones ("several")."""
    words = " ".join(words.replace("-", " ").split())
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words.endswith(" 1/2"):
        words, half = words[:-4], 0.5
    if words.isdigit():
        return int(words) + half
    if words in NUMBERS:
        return NUMBERS[words] + half
    parts = words.split()
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def spelled_year(words: str) -> int | None:
    """ "nineteen ninety-six" is 1996, "two thousand" 2000."""
    words = " ".join(words.replace("-", " ").split())
    if words.startswith("nineteen "):
        rest = words[len("nineteen ") :]
        if rest == "hundred":
            return 1900
        number = quantity(rest)
        return 1900 + int(number) if number is not None and number < 100 else None
    if words.startswith("two thousand"):
        rest = words[len("two thousand") :].strip()
        if not rest:
            return 2000
        number = NUMBERS.get(rest.removeprefix("and ").strip())
        return 2000 + number if number is not None else None
    return None


def year_number(text: str) -> int | None:
    """A year in digits or in words."""
    return int(text) if text.isdigit() else spelled_year(text)


def unit_name(word: str) -> str:
    """The singular key of UNITS for a unit as written: "centuries" is "century"."""
    word = word.rstrip("s")
    return "century" if word.startswith("centur") else word


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P2Y, PT3H, P2Y6M, PXW; decades and centuries in years."""
    time_part, letter = UNITS[unit]
    if amount is None:
        return f"P{time_part}X{letter}"
    whole = int(amount)
    if amount == whole:
        return f"P{time_part}{whole * UNIT_SIZE.get(unit, 1)}{letter}"
    if unit in HALVES:
        lead = f"{whole}{letter}" if whole else ""
        rest = HALVES[unit]
        if unit == "day":
            return f"P{lead}T{rest}"
        return f"P{time_part}{lead}{rest}"
    return f"P{time_part}{amount * UNIT_SIZE.get(unit, 1):g}{letter}"
