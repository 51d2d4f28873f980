"""The word lists the source stage reads (`data/`, each file says where it came from): what a
word in a role or describing phrase says of a source's kind, the organisation sectors'
kinds, the gendered words, and the phrases that mark an unnamed source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline.vocabulary import word_rows

PACKAGE = "dateline.nlp.sources"
KINDS = (
    "government",
    "military_police",
    "international_body",
    "party_politician",
    "armed_group",
    "expert_academic",
    "ngo_civil_society",
    "business",
    "media",
    "citizen_witness",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class KindWord:
    """One entry of `source_words.csv`: the kind a word says, whether it names a person or an
    institution, and whether it decides the kind on its own (strong) or only as a last resort
    (weak, a generic head such as "officer" or "sources")."""

    word: str
    kind: str
    person: bool
    strong: bool


@cache
def kind_words() -> dict[str, KindWord]:
    rows = word_rows(PACKAGE, "source_words.csv")
    return {
        row["word"]: KindWord(
            row["word"], row["kind"], row["refers_to"] == "person", row["strength"] == "strong"
        )
        for row in rows
    }


@cache
def _longest_phrase() -> int:
    return max(len(word.split()) for word in kind_words())


# C-suite titles ("chief financial officer") name a company's officer whatever the middle word.
_CHIEF_OFFICER = re.compile(r"\bchief(?: \w+)? officer\b")


# Word endings that name a kind whatever the stem ("seismologist", "chipmaker").
_ENDINGS = (
    ("ologist", "ologists", "expert_academic", True),
    ("maker", "makers", "business", False),
)


def _by_ending(word: str) -> KindWord | None:
    for singular, plural, kind, person in _ENDINGS:
        if len(word) >= len(singular) + 2 and word.endswith((singular, plural)):
            return KindWord(f"-{singular}", kind, person, True)
    return None


@dataclass(frozen=True, slots=True)
class KindHit:
    """A kind word found in a phrase, and where (word index) it stands."""

    entry: KindWord
    position: int


def kind_hits(words: list[str]) -> list[KindHit]:
    """Every kind word or phrase among `words` (lower case), longest phrase first at each
    position, in text order."""
    table = kind_words()
    hits: list[KindHit] = []
    index = 0
    while index < len(words):
        for size in range(min(_longest_phrase(), len(words) - index), 0, -1):
            entry = table.get(" ".join(words[index : index + size]))
            if entry is not None:
                hits.append(KindHit(entry, index + size - 1))
                index += size
                break
        else:
            word = words[index]
            plural = table.get(word[:-1]) if len(word) > 3 and word.endswith("s") else None
            if plural is not None:  # "candidates": the row says "candidate"
                hits.append(KindHit(plural, index))
                index += 1
                continue
            by_ending = _by_ending(word)
            if by_ending is not None:
                hits.append(KindHit(by_ending, index))
            index += 1
    joined = " ".join(words)
    if _CHIEF_OFFICER.search(joined):
        hits.append(KindHit(KindWord("chief … officer", "business", True, True), len(words)))
    return hits


def best_hit(hits: list[KindHit]) -> KindHit | None:
    """The hit that says the kind: a strong word before any weak one, a weak word with a kind
    before a generic head ("agency" in "agency head"), and of equals the last (the head of an
    English noun phrase stands last: "army officer", "union leader")."""
    if not hits:
        return None
    strong = [h for h in hits if h.entry.strong]
    kinded = [h for h in hits if h.entry.kind != "unknown"]
    return max(strong or kinded or hits, key=lambda h: h.position)


@cache
def sector_kinds() -> dict[str, str]:
    return {row["sector"]: row["kind"] for row in word_rows(PACKAGE, "sectors.csv")}


@cache
def gendered_words() -> dict[str, str]:
    return {row["word"]: row["sex"] for row in word_rows(PACKAGE, "gendered_words.csv")}


@cache
def unnamed_phrases(kind: str) -> tuple[str, ...]:
    """The phrases of `unnamed_cues.csv` of one kind (qualifier, passive), longest first."""
    found = [row["phrase"] for row in word_rows(PACKAGE, "unnamed_cues.csv") if row["kind"] == kind]
    return tuple(sorted(found, key=len, reverse=True))


def words_of(text: str) -> list[str]:
    """A phrase's words as the lists hold them: lower case, curly apostrophes straightened,
    without possessives."""
    text = text.replace("’", "'").lower()
    table = kind_words()
    found = re.findall(r"[\w.-]+", text)  # a possessive "'s" is left out: "the team's"
    return [w if w in table or not w.endswith(".") else w.rstrip(".") for w in found]
