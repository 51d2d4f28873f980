"""Titles and roles of people, and the countries they serve, read from the words around a name.

News gives a person's role in two places: before the name ("Israeli Foreign Minister Israel
Katz", "State Department spokesman Matthew Miller") and in an apposition after it ("Hugh Hill,
a doctor at the hospital,"). A nationality word or a country's name before the role is the
country, not part of the role; an organisation in the role ("State Department spokesman")
lends its country. In a list of titled people, a nationality given once holds for the whole
list ("Israeli Prime Minister A, President B, and War Cabinet member C").
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc, Token

from dateline.nlp.common.lexicon import country_of_word, is_role_noun, organisation
from dateline.nlp.entities.mentions import HONORIFICS, Mention
from dateline.nlp.stage import article_text
from dateline.vocabulary import word_rows

_CONNECTORS = {"of", "for"}
# Words that qualify a role in time rather than name it: "former President X" is a president.
_QUALIFIERS = frozenset(
    row["word"]
    for row in word_rows("dateline.nlp.entities", "role_qualifiers.csv")
    if row["kind"] == "time"
)
_POSSESSIVE = {"'s", "’s", "'", "’"}
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|&)\s*$")


def read_roles(doc: Doc, mentions: list[Mention]) -> None:
    """Set `role`, its span and `country` on every person mention that has them."""
    people = [m for m in mentions if m.label == "PERSON" and m.token_start >= 0]
    for mention in people:
        found = (
            _premodifier_role(doc, mention)
            or _appositive_role(doc, mention)
            or _preceding_role(doc, mention)
        )
        if found is not None:
            mention.role, mention.role_start, mention.role_end, mention.country = found
    _share_list_nationality(doc, people)


def _premodifier_role(doc: Doc, mention: Mention) -> tuple[str, int, int, str | None] | None:
    tokens = _title_tokens(doc, mention.token_start)
    if not tokens:
        return None
    found = _split_role(tokens)
    if found is not None and found[3] is None:
        role, start, end, _ = found
        return role, start, end, _possessor_country(doc, tokens)
    return found


def _title_tokens(doc: Doc, name_start: int) -> list[Token]:
    """The run of title-like words right before a name, nearest last."""
    tokens: list[Token] = []
    index = name_start - 1
    while index >= 0:
        token = doc[index]
        word = token.text
        if token.is_space or token.lower_ in HONORIFICS or token.ent_type_ == "PERSON":
            break
        if word in _CONNECTORS and tokens:
            tokens.insert(0, token)
        elif word == "-" and tokens and index > 0 and not doc[index - 1].whitespace_:
            tokens.insert(0, token)  # "Secretary-General": one title, not "General"
        elif token.is_punct and word not in {"-"}:
            break
        elif is_role_noun(word) or word[:1].isupper() or _modifies_title(token, name_start):
            tokens.insert(0, token)
        else:
            break
        index -= 1
    while tokens and tokens[0].text in _CONNECTORS:
        tokens.pop(0)
    return tokens


def _modifies_title(token: Token, name_start: int) -> bool:
    """A lower-case word inside a title ("government" in "government spokeswoman")."""
    return (
        token.dep_ in {"compound", "amod", "nmod"}
        and token.pos_ in {"NOUN", "ADJ", "PROPN"}
        and token.i < token.head.i <= name_start + 3
        and token.lower_ not in _QUALIFIERS
    )


def _possessor_country(doc: Doc, tokens: list[Token]) -> str | None:
    """ "Nepal's Prime Minister X": the country that owns the title."""
    first = tokens[0].i
    if first >= 2 and doc[first - 1].text in _POSSESSIVE:
        for size in (3, 2, 1):
            if first - 1 - size >= 0:
                words = doc[first - 1 - size : first - 1].text
                country = country_of_word(words)
                if country is not None:
                    return country
    return None


def _split_role(tokens: list[Token]) -> tuple[str, int, int, str | None] | None:
    """(role, start, end, country) from title words, or None when no role noun heads them."""
    if _role_head(tokens) is None:
        return None
    country: str | None = None
    nationality = _nationality(tokens)
    if nationality is not None:
        country, used = nationality
        tokens = tokens[used:]
    if not tokens or _role_head(tokens) is None:
        return None
    if country is None:
        country = _organisation_country(tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return _text(tokens), start, end, country


def _role_head(tokens: list[Token]) -> int | None:
    """Index of the role noun heading the title: the last word, or X in "X of Y"."""
    if is_role_noun(tokens[-1].text):
        return len(tokens) - 1
    for index in range(len(tokens) - 1, 0, -1):
        if tokens[index].text in _CONNECTORS and is_role_noun(tokens[index - 1].text):
            return index - 1
    return None


def _nationality(tokens: list[Token]) -> tuple[str, int] | None:
    """(country, words used) for a nationality or country name opening the title."""
    for size in (3, 2, 1):
        if len(tokens) > size:
            country = country_of_word(_text(tokens[:size]))
            if country is not None:
                return country, size
    return None


def _organisation_country(tokens: list[Token]) -> str | None:
    for size in range(len(tokens) - 1, 0, -1):
        known = organisation(_text(tokens[:size]))
        if known is not None:
            return known.country
    return None


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _appositive_role(doc: Doc, mention: Mention) -> tuple[str, int, int, str | None] | None:
    """ "Jane Roe, a senior State Department official," -> that role."""
    for token in doc[mention.token_start : mention.token_end]:
        for child in token.children:
            if child.dep_ != "appos" or child.i < mention.token_end or not is_role_noun(child.text):
                continue
            owners = [t for t in child.children if t.dep_ == "poss"]
            owned = {t.i for owner in owners for t in owner.subtree}
            words = [
                t
                for t in child.subtree
                if t.i <= child.i and t.i not in owned and t.dep_ not in {"det", "punct", "case"}
            ]
            if not words:
                continue
            owner_country = _owner_country(owners)
            nationality = _nationality(words)
            country: str | None = None
            if nationality is not None:
                country, used = nationality
                words = words[used:]
            role_words = [t for t in words if t.lower_ not in _QUALIFIERS]
            if not role_words:
                continue
            country = country or owner_country or _organisation_country(role_words)
            start = role_words[0].idx
            end = role_words[-1].idx + len(role_words[-1].text)
            return article_text(doc)[start:end], start, end, country
    return None


# What opens a noun phrase naming a role before its holder: "the provincial minister, X".
_ROLE_OPENERS = frozenset({"the", "his", "her", "its", "their", "our"})


def _preceding_role(doc: Doc, mention: Mention) -> tuple[str, int, int, str | None] | None:
    """ "In Solwezi, the provincial minister, Elias Kasonde, said", "The club's Portuguese
    coach, Jorge Jesus": a role in its own phrase, a comma, then its holder; a nationality
    opening the role, or a country owning it, is the holder's country."""
    start = mention.token_start
    if start < 3 or doc[start - 1].text != ",":
        return None
    head = doc[start - 2]
    if not (is_role_noun(head.text) or (head.pos_ == "NOUN" and head.text.islower())):
        return None
    index = start - 3
    while (
        index >= 0
        and doc[index].pos_ in {"ADJ", "NOUN", "PROPN"}
        and doc[index].lower_ not in _ROLE_OPENERS
    ):
        index -= 1
    if index < 0 or not (doc[index].lower_ in _ROLE_OPENERS or doc[index].text in _POSSESSIVE):
        return None
    words = list(doc[index + 1 : start - 1])
    country: str | None = None
    nationality = _nationality(words)
    if nationality is not None:
        country, used = nationality
        words = words[used:]
    words = [t for t in words if t.lower_ not in _QUALIFIERS]
    if not words or (country is None and not is_role_noun(head.text)):
        return None  # "the coach, X" says nothing; "the Portuguese coach, X" says his country
    if country is None and doc[index].text in _POSSESSIVE and index >= 1:
        country = country_of_word(doc[index - 1].text)
    first, last = words[0].idx, words[-1].idx + len(words[-1].text)
    return article_text(doc)[first:last], first, last, country


def _owner_country(owners: list[Token]) -> str | None:
    """ "Canada's defence minister", "the State Department's spokesman": the owner's country."""
    for owner in owners:
        words = [t for t in owner.subtree if t.dep_ not in {"det", "case", "punct"}]
        text = _text(words)
        known = organisation(text)
        country = known.country if known is not None else country_of_word(text)
        if country is not None:
            return country
    return None


def _share_list_nationality(doc: Doc, people: list[Mention]) -> None:
    """A nationality stated once before a list of titled people holds for the whole list."""
    for previous, current in pairwise(people):
        if current.country or previous.country is None or current.role_start is None:
            continue
        if _LIST_GAP.match(article_text(doc)[previous.end : current.role_start]):
            current.country = previous.country
