"""Keys for names and place names, shared by every layer (pipeline, store, corpus): the one
home of accent folding and of the words a name is compared by."""

from __future__ import annotations

import re
import unicodedata

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "gen", "general", "col", "colonel", "capt", "captain", "sen", "senator", "rep",
    "gov", "governor", "president", "minister", "secretary", "chancellor", "premier",
    "ambassador", "mayor", "king", "queen", "prince", "princess", "sheikh", "judge",
}  # fmt: skip
# Words that start a title before the office itself ("Foreign Minister").
_ROLE_WORDS = {"foreign", "defence", "defense", "prime", "deputy", "vice", "interior", "trade",
               "finance", "energy", "health", "transport", "chief", "state", "home"}  # fmt: skip
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
