"""Generated texts of any length for the growth benchmark: three kinds that stress different
loops of the pipeline. Every word here is invented for the benchmark.

- prose: paragraphs of ordinary news prose with names, quotes, dates and places;
- marks: a wall of mixed quotation marks with a few letters between them;
- run_on: one paragraph of words with no punctuation at all.
"""

from __future__ import annotations

import random

KINDS = ("prose", "marks", "run_on")

_GIVEN = ["Maren", "Tobias", "Ilse", "Jonas", "Petra", "Anselm", "Greta", "Lukas", "Vera", "Emil"]
_FAMILY = ["Holmqvist", "Arvidson", "Brandt", "Kettering", "Sorel", "Vallin", "Dunmore", "Ostrova"]
_TOWNS = ["Geneva", "Oslo", "Lisbon", "Nairobi", "Ottawa", "Manila", "Cairo", "Lima"]
_MONTHS = ["March", "April", "May", "June", "October", "November"]
_SAYS = ["said", "told reporters", "added", "warned", "insisted"]
_CLAIMS = [
    "We will rebuild the harbour before the winter comes",
    "Nobody here has been paid for three months",
    "The talks are going nowhere and everyone knows it",
    "Our teams reached the valley late in the evening",
]
_PLAIN = [
    *[
        "the",
        "council",
        "and",
        "the",
        "workers",
        "met",
        "again",
        "for",
        "many",
        "hours",
        "while",
        "the",
        "ministers",
    ],
    *[
        "of",
        "the",
        "region",
        "waited",
        "outside",
        "the",
        "hall",
        "and",
        "nobody",
        "could",
        "say",
        "when",
        "the",
        "vote",
    ],
    *[
        "would",
        "come",
        "because",
        "the",
        "people",
        "of",
        "the",
        "valley",
        "wanted",
        "answers",
        "about",
        "the",
        "road",
    ],
]
_MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "``", "''"]


def _name(pick: random.Random) -> str:
    return f"{pick.choice(_GIVEN)} {pick.choice(_FAMILY)}"


def _prose_paragraph(pick: random.Random) -> str:
    speaker = _name(pick)
    other = _name(pick)
    town = pick.choice(_TOWNS)
    day = f"{pick.choice(_MONTHS)} {pick.randint(1, 28)}"
    surname = speaker.split()[1]
    return (
        f"{town.upper()}, {day} — {speaker}, the mayor of {town}, met {other} on {day}. "
        f"“{pick.choice(_CLAIMS)},” {surname} {pick.choice(_SAYS)} on Tuesday. "
        f"{other} said the workers had protested in {pick.choice(_TOWNS)} last week."
    )


def _run_on_words(pick: random.Random, size: int) -> str:
    words: list[str] = []
    length = 0
    while length < size:
        word = _name(pick) if pick.random() < 0.05 else pick.choice(_PLAIN)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)


def _mark_wall(pick: random.Random, size: int) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        piece = pick.choice(_MARKS)
        roll = pick.random()
        if roll < 0.3:
            piece += " "
        elif roll < 0.5:
            piece += pick.choice("abcdefgh")
        parts.append(piece)
        length += len(piece)
    return "".join(parts)


def generate(kind: str, size: int, seed: int = 13) -> str:
    """About `size` characters of text of `kind` (one of KINDS), the same for the same seed."""
    pick = random.Random(seed)
    if kind == "marks":
        return _mark_wall(pick, size)
    if kind == "run_on":
        return _run_on_words(pick, size)
    if kind != "prose":
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    paragraphs: list[str] = []
    length = 0
    while length < size:
        paragraph = _prose_paragraph(pick)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)
