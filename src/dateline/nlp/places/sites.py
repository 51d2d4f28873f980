"""Sites and features of world news the tagger reads in pieces or as something else: names
before the word for a site ("the Dadaab refugee camps", "the Lachin corridor", "the Torkham
border crossing"), and listed features it cuts ("the Bay of Bengal" as "Bay of" and Bengal).

The small tagger reads a camp's, a corridor's or a crossing's name as a person's, a body's or
a nationality's: it has seen few of them. The noun after the name says what it is, and the
name is the place the gazetteer knows by it (a town, or a site of the project's list) among
the article's countries: a camp or a crossing takes the name of the town it stands by.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from spacy.tokens import Doc

from dateline.model import Analysis, Span
from dateline.names import fold
from dateline.nlp.common.gazetteer import KnownPlace, regions_by_name

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


# The kinds of the project's own list (data/places.json) that no person or body is named
# like: "the Danube", "the Urals", "the Twin Cities", read as places whatever the tagger said
# (textscan's `_Scan._feature`, `_mistyped_features`).
FEATURE_KINDS = frozenset(
    {"river", "lake", "mountain", "sea", "ocean", "strait", "canal", "region"}
)
# Those, and the sites of this module.
_WHOLE_KINDS = FEATURE_KINDS | {"camp", "crossing"}


# The small words a feature's name holds in lower case ("Bay of Bengal", "Bab el-Mandeb").
_SMALL_WORDS = frozenset({"of", "the", "and", "el", "al", "de", "del", "la"})


def _capitalised(name: str) -> bool:
    """Whether every word of a name but its small words is capitalised."""
    words = re.split(r"[\s-]+", name)
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words if w)


@cache
def _listed_names() -> re.Pattern[str] | None:
    """One pattern for the listed features' names of two words or more, longest first."""
    names = sorted(
        (n for n, k in regions_by_name().items() if k.feature in _WHOLE_KINDS and " " in n),
        key=len,
        reverse=True,
    )
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def feature_names(text: str) -> tuple[tuple[int, int, KnownPlace], ...]:
    """Where the text writes a listed feature's whole name of two words or more, capitalised,
    and the feature: the pattern's one pass over the text, made once an article
    (`TextScan.features`) for `whole_features` in each of its readings."""
    pattern = _listed_names()
    if pattern is None:
        return ()
    found: list[tuple[int, int, KnownPlace]] = []
    for match in pattern.finditer(text):
        if not _capitalised(match.group()):
            continue  # "the Naf river" names the river by "Naf", the tagger's own span
        known = regions_by_name().get(fold(match.group()))
        if known is not None:
            found.append((match.start(), match.end(), known))
    return tuple(found)


def whole_features(
    analysis: Analysis, places: list[Span], names: tuple[tuple[int, int, KnownPlace], ...]
) -> Iterator[tuple[Span, KnownPlace]]:
    """ "A silt island in the Bay of Bengal": the tagger made "Bay of" a thing and "Bengal" a
    place (West Bengal, to the gazetteer). A listed feature's whole name, capitalised, where
    the tagger's spans hold only parts of it, is that feature, and replaces the parts
    (`names`: where the text writes them, `feature_names`)."""
    if not names:
        return
    spans = [(m.start, m.end) for e in analysis.entities for m in e.mentions]
    spans += [(p.start, p.end) for p in places]
    for start, end, known in names:
        inside = [(s, e) for s, e in spans if s < end and start < e]
        if not inside or (start, end) in inside:
            continue  # no piece to mend, or the tagger read it whole already
        if any(s < start or e > end for s, e in inside):
            continue  # a longer name holds it ("the Gulf of Oman Desalination Company")
        yield analysis.article.span(start, end), known


# Words that stand between a preposition of place and a place's name, and say it is one:
# a place neighbours another ("in neighbouring Amhara"), no person or body does.
_NEIGHBOURING = frozenset({"neighbouring", "neighboring"})


def after_preposition(doc: Doc, i: int, prepositions: frozenset[str]) -> bool:
    """ "Clashes in neighbouring Amhara": token i follows a preposition of place and a word
    that only a place takes."""
    return i > 1 and doc[i - 1].lower_ in _NEIGHBOURING and doc[i - 2].lower_ in prepositions
