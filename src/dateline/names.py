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
    if text.isascii():
        return text  # no ASCII character decomposes or combines; most names are ASCII
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


# Head nouns of roles ("Comedian Ellen Roe", "Actress Jo Doe"): the project's one list.
_ROLE_NOUNS = word_set("dateline", "role_nouns.txt")
# Lower-case words that belong inside a person's name ("Ursula von der Leyen", "Charles de
# Gaulle"), so a lower-case word before the name is a description only when not one of them.
NAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "den", "der", "di", "dos", "du", "la", "le",
     "van", "von"}
)  # fmt: skip
# What follows a name to tell a father from a son ("Jr."); the same person across articles
# is written with and without it, so it is not part of the identity.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def person_words(name: str) -> list[str]:
    """The words of a person's name as identity compares them: `name_words`, and also
    without what describes the person rather than names them. The tagger's span often
    takes in a lower-case description ("comedian Ellen Roe", "unemployed Jo Doe"), a role
    noun opening a sentence ("Actress Jo Doe") or a suffix ("Jo Doe Jr.")."""
    raw = _WORD.findall(strip_accents(name))
    while len(raw) > 1 and _describes(raw[0], raw[1]):
        raw = raw[1:]
    words = name_words(" ".join(raw))
    while len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words


def _describes(word: str, following: str) -> bool:
    """Whether `word`, before `following` in a name, describes its bearer: a lower-case
    word that is no name particle, or a role noun before a capitalised word."""
    if word[:1].islower():
        return word not in NAME_PARTICLES
    return word.casefold() in _ROLE_NOUNS and following[:1].isupper()


def surname(name: str) -> str | None:
    """The last word of a name as identity compares names: what a bare surname and the full
    names it may belong to share (at most 100 characters, the store's column)."""
    words = person_words(name)
    return words[-1][:100] if words else None
