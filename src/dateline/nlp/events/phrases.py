"""The words the text uses for a side of an event, where they name the side itself.

An event's side is linked to an entity for its identity, but the sentence names it "Kenyan
President William Ruto", "the head of the mission" or "Poland's interior minister, Agata
Wozniak": that phrase is what a reader (and an annotator marking source and target) sees.
It is read from the parse around the words the side was found in: a modifier ("Philippine")
climbs to the noun it is part of ("government"); the noun takes its left modifiers and, to
the right, the "of" phrases and appositions that say which one; relative clauses,
participles and conjuncts are left out (a conjunct is a party of its own). The caller says
when the phrase must name the entity itself: "Israeli forces" is a part of Israel.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dateline.model import Span
from dateline.nlp.stage import article_text

# Dependencies of a word that is part of the noun it hangs on ("Philippine government",
# "Sudan's government"): the phrase is the noun's.
_INSIDE_NOUN = frozenset({"compound", "amod", "poss", "nmod"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# The preposition whose phrase says which one a noun is ("the head of the mission",
# "President Ruto of Kenya"); "in", "at" and "from" phrases are as often where the act was
# done ("met Ruto in Nairobi", "residents advised in the north") as part of the name.
_IDENTIFYING = frozenset({"of"})
# What an act is done to is also told by where it is ("a convoy near Homs", "positions in the
# hills"): the caller asks for those phrases when the side is the one acted on.
_LOCATING = frozenset({"in", "at", "near", "along", "across", "inside", "outside", "around"})
_MAX_CLIMB = 3


def phrase_of(
    doc: Doc, mention: Span, names: Sequence[Span] | None = None, located: bool = False
) -> Span | None:
    """The noun phrase the words of a mention stand in, as a span of the article's text.
    With `names` (an entity's mentions), only a phrase whose head is one of them: "Kenyan
    President William Ruto" names Ruto, while "Israeli forces" names a part of Israel.
    `located` keeps the phrases of place the parser hung on the noun ("a base near Homs")."""
    tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    head = _noun_head(tokens.root)
    if names is not None and not any(n.start <= head.idx < n.end for n in names):
        return None
    preps = _IDENTIFYING | _LOCATING if located else _IDENTIFYING
    first, last = _left_end(head), _right_end(head, preps)
    words = [t for t in doc[first : last + 1]]
    while words and words[-1].is_punct:
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return Span(start, end, article_text(doc)[start:end])


def _noun_head(token: Token) -> Token:
    """ "Philippine" in "the Philippine government": the noun the word is part of."""
    current = token
    for _ in range(_MAX_CLIMB):
        head = current.head
        inside = current.dep_ in _INSIDE_NOUN and head.pos_ in _NOUNS and head.i > current.i
        coordinated = any(c.dep_ == "cc" for c in current.children)  # a party of its own
        if not inside or coordinated:
            break
        current = head
    return current


def _left_end(head: Token) -> int:
    """The first word of the phrase: the noun's modifiers on its left, after the last
    coordinating word among them ("Mr. Varga and Defence Minister Piotr Nowak", where the
    parser hung the first name on the second: each is a party of its own)."""
    first = head.left_edge.i
    joins = [t.i for t in head.doc[first : head.i] if t.dep_ == "cc"]
    return joins[-1] + 1 if joins else first


def _right_end(head: Token, preps: frozenset[str]) -> int:
    """The last word of the phrase: through the identifying prepositional phrases and
    appositions right after the noun, up to the first word that is not one of them."""
    last = head.i
    for child in head.rights:
        if child.dep_ == "punct" and child.text == ",":
            continue  # the comma before an apposition; trailing ones are trimmed
        identifying = child.dep_ == "prep" and child.lower_ in preps
        if not (identifying or child.dep_ == "appos"):
            break
        last = child.right_edge.i
    return last
