"""What the text says of a source: its kind (with the evidence), country and gender.

Kind comes from the source's own organisation (its sector in `dateline/data/
organisations.json`), else from the words that describe it (`data/source_words.csv`: a
strong word such as "army" or "professor" before a generic head such as "officer" or
"spokeswoman"), else from an organisation those words name, else from a place speaking as
itself ("Israel said": its government). A person the text gives no role, title or body is
`unknown`, not guessed: a famous politician and a passer-by are both named bare. Gender is
only what the text says: an honorific, a gendered word used of the source, or a pronoun that
refers to it; never a first name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from dateline.model import Entity, EntityType, Quote, Span
from dateline.nlp.common.lexicon import (
    country_of_demonym,
    country_of_name,
    organisation,
    region_of_demonym,
)
from dateline.nlp.sources.claimants import Claimant
from dateline.nlp.sources.words import (
    KindHit,
    best_hit,
    gendered_words,
    kind_hits,
    sector_kinds,
    words_of,
)
from dateline.vocabulary import TITLES


@dataclass(frozen=True, slots=True)
class Kind:
    kind: str
    evidence: str


def kind_of(claimants: list[Claimant], describing: list[Token]) -> Kind:
    """The source's kind and the evidence that decided it."""
    first = claimants[0]
    own = first.entity if first.entity is not None else None
    if own is not None and own.type is EntityType.ORG:
        known = _organisation_kind(own.name)
        if known is not None:
            return known
    role = first.entity.role if first.entity is not None else None
    hit = best_hit(kind_hits(words_of(role))) if role else None
    if hit is not None and hit.entry.strong:
        return _word_kind(hit)  # the title the text gives decides before other words
    hit = best_hit(kind_hits(_describing_words(first, describing)))
    if hit is not None and hit.entry.strong:
        return _word_kind(hit)
    named = _organisations_within(first, describing)
    for body in named:
        known = _organisation_kind(body)
        if known is not None:
            return known
    international = _international(own or first.affiliation)
    if international is not None and (hit is None or hit.entry.kind == "government"):
        return international
    belongs = _body_kind(first)
    if belongs is not None and (hit is None or not hit.entry.strong):
        return belongs
    if hit is not None:
        return _word_kind(hit)
    if own is not None and own.type is EntityType.GPE:
        return Kind("government", f"gazetteer: {own.name} speaking as a country")
    return Kind("unknown", "no role, organisation or office in the text")


_WORLD_WORDS = {"international", "world", "global", "united nations"}


def _international(entity: Entity | None) -> Kind | None:
    """A body named for a world region or the world ("European Space Agency") is
    international, whatever its generic noun says."""
    if entity is None or entity.type is not EntityType.ORG:
        return None
    words = entity.name.lower().split()
    for word in words:
        if region_of_demonym(word) or word in _WORLD_WORDS:
            return Kind("international_body", f"organisation name: {entity.name}")
    return None


def _body_kind(claimant: Claimant) -> Kind | None:
    """The kind of the body a person belongs to ("a commander of the group") or speaks for
    ("the company said …; a spokesperson said")."""
    if claimant.affiliation is not None and claimant.affiliation.type is EntityType.ORG:
        body = Claimant("", claimant.affiliation.name, claimant.affiliation, None, person=False)
        found = kind_of([body], claimant.affiliation_describing)
        if found.kind != "unknown":
            return Kind(found.kind, f"{found.evidence}, the body it belongs to")
    if claimant.speaks_for is not None:
        found = kind_of([claimant.speaks_for], claimant.speaks_for.describing)
        if found.kind != "unknown":
            return Kind(found.kind, f"{found.evidence}, the body it speaks for")
    return None


def _word_kind(hit: KindHit) -> Kind:
    return Kind(hit.entry.kind, f"role noun: {hit.entry.word}")


def _organisation_kind(name: str) -> Kind | None:
    known = organisation(name)
    if known is None:
        return None
    kind = sector_kinds().get(known.sector)
    return Kind(kind, f"organisation: {known.name} ({known.sector})") if kind else None


def _describing_words(claimant: Claimant, describing: list[Token]) -> list[str]:
    """The words that say what the source is: the entity's role and name (a title the
    entity stage left in the name, "Councillor Dev Anand"), then the describing tokens."""
    words: list[str] = []
    entity = claimant.entity
    if entity is not None:
        if entity.role:
            words += words_of(entity.role)
        words += words_of(entity.name)
    if claimant.affiliation is not None:
        words += words_of(claimant.affiliation.name)
    seen: set[int] = set()
    for token in describing:
        if token.i not in seen:
            seen.add(token.i)
            words += words_of(token.text)
    return words


def _organisations_within(claimant: Claimant, describing: list[Token]) -> list[str]:
    """Organisations the role or describing words name ("State Department spokesman"): each
    run of two to four words, longest first."""
    texts = [claimant.entity.role] if claimant.entity and claimant.entity.role else []
    texts.append(" ".join(t.text for t in sorted(set(describing), key=lambda t: t.i)))
    if claimant.affiliation is not None:
        texts.append(claimant.affiliation.name)
    found = []
    for text in texts:
        words = text.split()
        for size in range(min(4, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size]).strip(",.")
                if organisation(phrase) is not None:
                    found.append(phrase)
    return found


def country_of(claimants: list[Claimant], describing: list[Token]) -> tuple[str | None, str | None]:
    """The source's country and where it came from, in the entity stage's vocabulary."""
    first = claimants[0]
    if first.key.startswith("group:") and first.affiliation is not None:
        return first.affiliation.country, "text"  # "the Israeli side": its nationality word
    if first.entity is not None and first.entity.country:
        return first.entity.country, first.entity.country_source
    affiliation = first.affiliation
    if affiliation is not None and affiliation.country:
        return affiliation.country, affiliation.country_source or "text"
    for token in describing:
        country = country_of_demonym(token.text) or country_of_name(token.text)
        if country is not None:
            return country, "text"
    return None, None


_SEX_BY_TITLE = {t.word: t.sex for t in TITLES if t.sex and t.kind in {"courtesy", "nobility"}}
_HONORIFIC = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in _SEX_BY_TITLE) + r")\.?\s+$", re.IGNORECASE
)
_PRONOUN_SEX = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def gender_of(
    text: str, claimants: list[Claimant], describing: list[Token], quotes: list[Quote]
) -> tuple[str, Span | None]:
    """ "female", "male" or "unknown", with the words that say it: all the evidence must
    agree, else the text does not say."""
    if not any(c.person for c in claimants):
        return "unknown", None
    evidence = _honorifics(text, claimants[0].entity)
    evidence += _gendered_tokens(describing)
    # "Her coach said she would be fit": with a possessor in its phrase, the pronoun that
    # opens a source's words may be the possessor's, so only "she said" itself counts
    possessed = any(t.lower_ in {"his", "her"} and t.dep_ == "poss" for t in describing)
    evidence += _pronouns(quotes, leading=not possessed)
    sexes = {sex for sex, _ in evidence}
    if len(sexes) != 1:
        return "unknown", None
    return evidence[0][0], evidence[0][1]


def _honorifics(text: str, entity: Entity | None) -> list[tuple[str, Span]]:
    if entity is None:
        return []
    found = []
    for mention in entity.mentions:
        match = _HONORIFIC.search(text, max(0, mention.start - 8), mention.start)
        if match:
            sex = _SEX_BY_TITLE[match.group(1).lower()]
            end = match.end(1) + (1 if text[match.end(1) : match.end(1) + 1] == "." else 0)
            span = Span(match.start(1), end, text[match.start(1) : end])
            found.append(("female" if sex == "f" else "male", span))
    return found


def _gendered_tokens(describing: list[Token]) -> list[tuple[str, Span]]:
    table = gendered_words()
    found = []
    for token in sorted(set(describing), key=lambda t: t.i):
        sex = table.get(token.lower_)
        if sex is not None:
            found.append((sex, Span(token.idx, token.idx + len(token.text), token.text)))
    return found


# Subject pronouns only: "X said his client …" may mean someone else's client.
_LEADING_PRONOUN = re.compile(r"^(he|she)\b", re.IGNORECASE)


def _pronouns(quotes: list[Quote], leading: bool = True) -> list[tuple[str, Span]]:
    """ "he said", and the pronoun that opens what a source reports of itself ("Mark Doyle
    said he had waited"): English reported speech refers back to its speaker so."""
    found = []
    for quote in quotes:
        mention = quote.speaker_mention
        if mention is not None and mention.text.lower() in _PRONOUN_SEX:
            found.append((_PRONOUN_SEX[mention.text.lower()], mention))
        if leading and quote.kind == "indirect":
            match = _LEADING_PRONOUN.match(quote.span.text)
            if match:
                start = quote.span.start
                word = match.group(1)
                found.append((_PRONOUN_SEX[word.lower()], Span(start, start + len(word), word)))
    return found
