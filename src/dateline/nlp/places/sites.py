"""Names before the word for a site that world news names: "the Dadaab refugee camps", "the
Lachin corridor", "the Torkham border crossing".

The small tagger reads a camp's, a corridor's or a crossing's name as a person's, a body's or
a nationality's: it has seen few of them. The noun after the name says what it is, and the
name is the place the gazetteer knows by it (a town, or a site of the project's list) among
the article's countries: a camp or a crossing takes the name of the town it stands by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc

from dateline.model import Analysis, Span
from dateline.nlp.common.gazetteer import KnownPlace

Resolver = Callable[[str], KnownPlace | None]

# The words that name a site by the name before them, and the words that may stand between
# ("the Dadaab refugee camps", "the Torkham border crossing").
_SITE_NOUNS = frozenset({"camp", "camps", "corridor", "crossing", "crossings", "checkpoint"})
_SITE_KINDS = frozenset({"refugee", "border", "displacement", "transit"})
# Only the tagger's guess is overruled: a title or a pronoun that made a person stands.
_GUESSED = {None, "ner"}
_NOT_PLACES = {"PERSON", "ORG", "NORP"}
# A site's name is a place's, never a country's or a continent's ("the Syrian refugee camps"
# are camps of Syrians, wherever they stand).
_TOO_WIDE = {"country", "continent"}


def site_places(
    doc: Doc, analysis: Analysis, places: list[Span], resolve: Resolver
) -> Iterator[tuple[Span, KnownPlace]]:
    """Each mention the tagger guessed a person, body or nationality that stands right before
    a site's noun, and the place its name is."""
    taken = [(s.start, s.end) for s in places]
    for entity in analysis.entities:
        if entity.type.value not in _NOT_PLACES or entity.type_from not in _GUESSED:
            continue
        for mention in entity.mentions:
            if any(s < mention.end and mention.start < e for s, e in taken):
                continue
            if not _before_site(doc, mention):
                continue
            known = resolve(mention.text)
            if known is not None and known.feature not in _TOO_WIDE:
                taken.append((mention.start, mention.end))
                yield mention, known


def _before_site(doc: Doc, mention: Span) -> bool:
    """Whether a site's noun follows the mention, after at most one word of its kind."""
    tokens = doc.char_span(mention.start, mention.end)
    if tokens is None:
        return False
    following = [t.lower_ for t in doc[tokens.end : tokens.end + 2] if t.is_lower]
    if following[:1] and following[0] in _SITE_KINDS:
        following = following[1:]
    return bool(following) and following[0] in _SITE_NOUNS
