"""Keys for names and place names, shared by every layer (pipeline, store, corpus): the one
home of accent folding and of how a name is compared (without the titles before it, whose
lists are `data/honorifics.csv` and `data/title_openers.txt`)."""

from __future__ import annotations

import re
import unicodedata

from dateline.vocabulary import HONORIFICS, word_set

# Words that start a title before the office itself ("Foreign Minister").
_ROLE_WORDS = word_set("dateline", "title_openers.txt")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def strip_accents(text: str) -> str:
    """`text` without its combining marks: "Rafaḩ" is "Rafah", "Peña" is "Pena"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(name: str) -> str:
    """Case- and accent-free key: "Rafaḩ" and "rafah" meet."""
    return strip_accents(name).casefold().strip()


def name_words(name: str) -> list[str]:
    """The words of a name, folded (case, accents, possessive), titles and honorifics off."""
    folded = strip_accents(name).encode("ascii", "ignore").decode().casefold()
    words = [w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(folded)]
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] in _ROLE_WORDS):
        words = words[1:]
    return words
