"""Places the tagger missed, found by matching the gazetteer against the text itself.

The small spaCy model misses a third of the places news names, most of them towns it has never
seen ("in Manbij", "stores in Nitra, Presov and Kosice"). A capitalised run of words that the
gazetteer knows is read as a place only where the text says so: after a preposition of place,
in "the town of X", "residents of X" or "north of X", before "-based", followed by a comma and
a state or country ("Gainesville, Va.", "Paris, Texas"), in a list beside another place, or
where the same name is a place elsewhere in the article. A name that is also an ordinary word
(a stop word, or a word the article itself uses in lower case) or a part of a person's name the
article gives is never read as a place by itself. "City, State" pairs resolve together: the
city is the state's town of that name, and the state (in AP style, "Va.", or postal, "VA") is a
place too. The wire dateline ("ALLENDALE, N.J. --") names the place it was filed from.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
from spacy.attrs import IS_LOWER, IS_PUNCT, IS_SPACE, IS_UPPER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.model import FACT_BLOCKS, Analysis, BlockKind, Span
from dateline.names import fold
from dateline.nlp.common.gazetteer import (
    City,
    KnownPlace,
    cities_named,
    country_place,
    division_named,
    division_of,
    km,
    local_towns,
    nation_division,
    region_named,
    regions_by_name,
    transliterated,
    us_state,
    zip_listed,
)
from dateline.nlp.common.intervals import SpanSet
from dateline.nlp.common.lexicon import country_of_name
from dateline.nlp.common.sentences import tokens_with
from dateline.nlp.places.embedded import standalone_place
from dateline.nlp.places.sites import (
    FEATURE_KINDS,
    after_preposition,
    feature_names,
    site_places,
    whole_features,
)
from dateline.vocabulary import MONTHS, WEEKDAYS

Resolver = Callable[[str], KnownPlace | None]
# The US states an article names, read when a rule first asks (`TextScan.states`).
States = Callable[[], frozenset[int]]

_BLOCKS = FACT_BLOCKS | {BlockKind.CAPTION}
_MAX_WORDS = 4
# A longer capitalised run is read only for the place it opens with.
_MAX_RUN = 8
# A name the tagger called an organisation is read as a place in a place's context only
# where the place is this big (or a division): "flights to Harare", not "at Harvard" (a
# village of Illinois).
_BODY_TOWN = 20_000
# What an entity's type came from when only the tagger guessed it (None: no reading said).
_GUESSED = {None, "ner"}
# Named-entity types that are not places: a date ("May", but see `_misdated`), a sum, a
# person or a body. (The
# small model calls towns it does not know products: "between Marietta and Kennesaw".)
_NOT_PLACE_TYPES = {"", "GPE", "LOC", "FAC", "NORP", "PRODUCT"}
_CONNECTORS = {",", "and", "or", "&"}
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.]")
_PASSES = 2
# Towns a story lists together lie within a short drive of each other.
_LIST_KM = 150.0
_LOCAL_FEATURES = frozenset({"city", "county"})


@dataclass(frozen=True, slots=True)
class _Cues:
    prepositions: frozenset[str]
    place_nouns: frozenset[str]
    dwellers: frozenset[str]
    local_bodies: frozenset[str]
    directions: frozenset[str]
    us_states: dict[str, str]


@cache
def _cues() -> _Cues:
    raw = resources.files("dateline.data").joinpath("place_cues.json").read_text("utf-8")
    data = json.loads(raw)
    return _Cues(
        frozenset(data["prepositions"]),
        frozenset(data["place_nouns"]),
        frozenset(data["dwellers"]),
        frozenset(data["local_bodies"]),
        frozenset(data["directions"]),
        dict(data["us_states"]),
    )


@dataclass(frozen=True, slots=True)
class Found:
    """A place the text names, and whether it replaces what the entity reading gave there."""

    span: Span
    place: KnownPlace
    overrides: bool = False


@dataclass(frozen=True, slots=True)
class TextScan:
    """What the scan reads once per article, whatever the names around it resolve to: the
    "City, State" pairs and the dateline's pair (which need no resolver), the capitalised
    runs, the words of its people's names, the words it uses in lower case and where it
    writes a listed feature's whole name. The places stage reads the text twice (a preview
    among the entities' first guesses, then among their settled places): finding all this
    once keeps the second reading to resolving."""

    doc: Doc
    analysis: Analysis
    pairs: tuple[Found, ...]
    dateline_pair: tuple[Found, ...]
    runs: tuple[tuple[int, int], ...]
    person_words: frozenset[str]
    lowercase: frozenset[str]
    # where the text writes a listed feature's whole name (`sites.feature_names`)
    features: tuple[tuple[int, int, KnownPlace], ...]
    # what is read only when a rule asks: the US states the article names (`states`)
    memo: dict[str, frozenset[int]] = field(default_factory=dict)
    # whether each token range is no date, person or common word (`_unambiguous`), as read
    unambiguous: dict[tuple[int, int], bool] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, analysis: Analysis) -> TextScan:
        """The article's scan; its entities' names and types must not change after."""
        return cls(
            doc,
            analysis,
            tuple(_pairs(doc, analysis)),
            tuple(_dateline_pair(doc, analysis)),
            tuple(_capitalised_runs(doc, analysis)),
            frozenset(
                w.lower()
                for e in analysis.entities
                if e.type.value == "PERSON"
                for w in e.name.split()
            ),
            frozenset(re.findall(r"\b[a-z][a-z'-]+\b", analysis.article.text)),
            feature_names(analysis.article.text),
        )

    def states(self) -> frozenset[int]:
        """The US states the article names (GeoNames ids), where its small towns lie: read
        once, and only for an article a rule asks it of (most name no township or creek)."""
        known = self.memo.get("states")
        if known is None:
            known = self.memo["states"] = frozenset(_article_states(self.doc, self.analysis))
        return known

    def _story_states(self, home: KnownPlace | None) -> frozenset[int]:
        """The US states the article names, else the state of the town it is filed from
        ("BARNSTABLE —" alone, a Cape Cod police log that names no state)."""
        named = self.states()
        if named or home is None or home.country != "USA":
            return named
        state = _state_of(home)
        return frozenset() if state is None else frozenset({state})

    def home(self, places: list[Span], resolve: Resolver) -> KnownPlace | None:
        """The town the story is filed from: its dateline pair's town, else the US town its
        dateline's capitals name as the entity reading placed them."""
        paired = next((f.place for f in self.dateline_pair if f.place.feature == "city"), None)
        if paired is not None:
            return paired
        start = _dateline_start(self.analysis)
        span = next((p for p in places if p.start == start), None) if start >= 0 else None
        known = resolve(span.text) if span is not None else None
        # the rules that read it are for US local news, whose small towns the ZIP list holds
        return known if known is not None and (known.feature, known.country) == _US_TOWN else None

    def _local_features(
        self,
        places: list[Span],
        found: list[Span],
        anchors: _Anchors,
        home: KnownPlace | None,
    ) -> Iterator[Found]:
        """ "the Greenbrier River", "Killbuck Creek", "Chimney Rock State Park": local
        news names rivers, creeks, lakes and parks no offline gazetteer holds (GeoNames'
        hydrographic and park classes are on no package index). In a story of a state it
        names, a capitalised name ending in such a word is a place: at the town or county
        whose name it carries, in the article's states and near its other places, else at
        the town the story is filed from (a feature a local story names lies near it);
        with neither, it is left unread. It replaces the entity reading's place of the
        whole name where that is a town of another state ("New River", Arizona, for West
        Virginia's river)."""
        doc = self.doc
        states = self._story_states(home)
        for i, j in self.runs:
            while j - i > 1 and doc[i].lower_ in STOP_WORDS:
                i += 1
            kind, first, last = _feature_kind(doc, i, j)
            if kind is None or j - i < 2 or j - i > _MAX_WORDS or not states:
                continue
            i = _hyphened_start(doc, i)  # "Selway-Bitterroot Wilderness", whole
            span = doc[i:j]
            if _overlaps(span.start_char, span.end_char, _ranges(found)):
                continue
            overrides = _overlaps(span.start_char, span.end_char, _ranges(places))
            if overrides and not self._read_elsewhere(span, places, anchors):
                continue
            if any(t.lower_ in self.person_words for t in span):
                continue
            if _listed_feature(span.text) is not None:
                continue  # the project's list places it (`_Scan._feature`)
            words = [t.text for t in doc[first:last] if t.lower_ not in _FEATURE_QUALIFIERS]
            where = self.analysis.article.span(span.start_char, span.end_char)
            # "Bainbridge Island", "Three Rivers": a town's whole name is that town
            whole = _namesake_near(span.text, states, anchors, where, home)
            if whole is not None:
                yield Found(where, whole, overrides=overrides)
                continue
            point = _namesake_near(" ".join(words), states, anchors, where, home) or home
            if point is not None:
                yield Found(
                    where,
                    KnownPlace(where.text, "USA", point.lat, point.lon, None, kind),
                    overrides=overrides,
                )

    def _read_elsewhere(self, span: TokenSpan, places: list[Span], anchors: _Anchors) -> bool:
        """The resolver reads the feature's whole name, or every place the entity reading
        found inside it, as a town of a state the article does not name ("San Juan", Puerto
        Rico, in "the San Juan Islands" of a Washington story)."""
        if self._elsewhere(span.text, anchors):
            return True
        start, end = span.start_char, span.end_char
        inside = [p for p in places if p.start < end and start < p.end]
        return all(
            start <= p.start and p.end <= end and self._elsewhere(p.text, anchors) for p in inside
        )

    def _elsewhere(self, name: str, anchors: _Anchors) -> bool:
        """The resolver reads `name` as a town of a state the article does not name."""
        known = anchors.resolve(name)
        return (
            known is not None and known.feature == "city" and _state_of(known) not in self.states()
        )

    def paired(self) -> list[Found]:
        """The "City, State" pairs and the dateline's pair alone, before anything else is
        read: the places resolution takes as fixed, and the states they name as the
        article's focus."""
        return [*self.pairs, *self.dateline_pair]

    def places(self, places: list[Span], resolve: Resolver) -> list[Found]:
        """Places in the text beyond the entity reading's `places` (their spans)."""
        doc, analysis = self.doc, self.analysis
        occupied = [(m.start, m.end) for e in analysis.entities for m in e.mentions]
        occupied += [(p.start, p.end) for p in places]
        found: list[Found] = list(self.pairs)
        found.extend(_plural_divisions(doc, analysis, resolve))
        found.extend(_mistyped_features(analysis))
        anchors = _Anchors([*self.pairs, *self.dateline_pair], places, resolve)
        found.extend(
            _bare_counties(doc, analysis, self.lowercase, _spans(found), anchors, self.states)
        )
        found.extend(_townships(doc, analysis, self.states, places + _spans(found), anchors))
        home = self.home(places, resolve)
        found.extend(
            _split_counties(doc, analysis, places + _spans(found), resolve, self.person_words)
        )
        found.extend(self._local_features(places, _spans(found), anchors, home))
        if home is not None:
            found.extend(_home_towns(doc, analysis, places + _spans(found), home))
            found.extend(_headed_towns(doc, analysis, self.runs, places + _spans(found), home))
        found.extend(_mistyped_bodies(doc, analysis, places + _spans(found), resolve, self.states))
        found.extend(_mistyped_people(doc, analysis, places + _spans(found), resolve))
        sites = site_places(doc, analysis, places + _spans(found), resolve)
        found.extend(Found(span, known, overrides=True) for span, known in sites)
        pieces = whole_features(analysis, places + _spans(found), self.features)
        found.extend(Found(span, known, overrides=True) for span, known in pieces)
        found.extend(self.dateline_pair)
        # Every run is checked against what is taken, token by token: a sorted set keeps
        # that check to the few stretches near the run, not the article's every mention.
        taken = SpanSet([*occupied, *((f.span.start, f.span.end) for f in found)])
        scan = _Scan(
            self,
            resolve,
            {fold(p.text) for p in places} | {fold(f.span.text) for f in found},
        )
        # A second pass reads the names listed before a place the first pass found
        # ("between Marietta and Kennesaw", where only the second had a cue of its own).
        for _ in range(_PASSES):
            before = len(found)
            for i, j in self.runs:
                item = scan.read(i, j, taken, places, found)
                if item is not None:
                    found.append(item)
                    taken.add(item.span.start, item.span.end)
            # "Salem with Keizer, Silverton and Independence": a person's name the list
            # makes a town lets the next pass read the names listed beside it.
            for item in _listed_people(doc, analysis, places + _spans(found), resolve):
                found.append(item)
                taken.add(item.span.start, item.span.end)
            if len(found) == before:
                break
        if not self.dateline_pair and not any(
            f.overrides and f.span.start == _dateline_start(analysis) for f in found
        ):
            found.extend(_dateline(analysis, taken, resolve))
        return found


def text_places(doc: Doc, analysis: Analysis, places: list[Span], resolve: Resolver) -> list[Found]:
    """Places in the text beyond the entity reading's `places`, read once (see `TextScan`)."""
    return TextScan.of(doc, analysis).places(places, resolve)


@dataclass(frozen=True, slots=True)
class _Scan:
    """What reading one capitalised run needs: the article, and the words that rule a run
    out (people's names, words the article uses in lower case) or in (names it places)."""

    text: TextScan
    resolve: Resolver
    names: set[str]

    def read(
        self, i: int, j: int, taken: SpanSet, places: list[Span], found: list[Found]
    ) -> Found | None:
        """The place tokens i..j name, where the text says they name one, beside the
        entity reading's `places` and those `found` so far."""
        doc = self.text.doc
        whole = _cut(doc, i, j, taken, self.text.person_words)
        cut, j = whole != j, whole
        span = doc[i:j]
        if j == i or taken.overlaps(span.start_char, span.end_char):
            return None
        if not cut and (feature := self._feature(i, j)) is not None:
            return feature
        if not self._unambiguous(i, j):
            return None
        dated = any(t.ent_type_ == "DATE" for t in doc[i:j])
        if _part_of_a_name(doc, j):
            return None
        # A run longer than a place's name ("New York Attorney General Eric Adler") may
        # still open with one.
        # A run cut before a person's name must be a place sure enough to stand alone
        # ("Kazakhstan Arystan Kakikenov", not "Lombard" of "Lombard Odier").
        known: KnownPlace | None = None
        division = _division_word(doc, j)
        if division and j - i <= _MAX_WORDS and (named := division_named(span.text, division)):
            # "the Kharkiv region": the division, not the city whose name it shares
            return Found(
                self.text.analysis.article.span(span.start_char, span.end_char), _known(named)
            )
        if j - i <= _MAX_WORDS:
            known = standalone_place(span.text, self.resolve) if cut else self.resolve(span.text)
        if known is None:
            j, known = _leading_place(doc, i, j, self.resolve)
            span = doc[i:j]
        if known is None or (dated and not _big_enough(known)):
            return None
        if fold(span.text) in self.names or _place_context(doc, i, j, places + _spans(found)):
            return Found(self.text.analysis.article.span(span.start_char, span.end_char), known)
        if known.feature == "county" and doc[j - 1].lower_ in _COUNTY_NAME_WORDS:
            # "Police log: Westmoreland County": the word says it is a county
            return Found(self.text.analysis.article.span(span.start_char, span.end_char), known)
        return None

    def _feature(self, i: int, j: int) -> Found | None:
        """ "across the Rio Grande", "The Zambezi fell": a run the project's list of
        features names (after a sentence's "The") is that feature wherever it stands and
        whatever type the tagger's tokens took, unless a person of the article bears one of
        its words."""
        doc = self.text.doc
        if doc[i].lower_ == "the" and j - i > 1:
            i += 1
        if doc[i].lower_ not in _feature_heads() or j - i > _MAX_WORDS:
            return None  # most runs: no listed feature opens with their word
        if any(t.lower_ in self.text.person_words for t in doc[i:j]):
            return None
        known = _listed_feature(doc[i:j].text)
        if known is None:
            return None
        span = doc[i:j]
        return Found(self.text.analysis.article.span(span.start_char, span.end_char), known)

    def _unambiguous(self, i: int, j: int) -> bool:
        """`_unambiguous`, once a token range: each run is read in every pass of every
        reading, and its words do not change."""
        known = self.text.unambiguous.get((i, j))
        if known is None:
            text = self.text
            known = _unambiguous(text.doc, i, j, text.person_words, text.lowercase)
            text.unambiguous[(i, j)] = known
        return known


@cache
def _feature_heads() -> frozenset[str]:
    """The first words, in lower case, of the listed features' names: a cheap test that
    spares every other run the look-up."""
    return frozenset(
        name.split()[0].lower()
        for name, known in regions_by_name().items()
        if known.feature in FEATURE_KINDS and name
    )


def _listed_feature(text: str) -> KnownPlace | None:
    """The river, lake, mountain, sea or region of the project's list called `text`."""
    known = region_named(text)
    return known if known is not None and known.feature in FEATURE_KINDS else None


def _mistyped_features(analysis: Analysis) -> Iterator[Found]:
    """ "sailed up the Danube" (a person to the tagger), "the Urals" (a body): a mention the
    tagger guessed a person, body or nationality that is wholly a feature of the project's
    list is that feature; the entity reading's own evidence for its type is left alone."""
    for entity in analysis.entities:
        if entity.type.value not in ("ORG", "PERSON", "NORP") or entity.type_from not in _GUESSED:
            continue
        head = entity.name.split()[0].lower() if entity.name.split() else ""
        if head not in _feature_heads() or _listed_feature(entity.name) is None:
            continue  # "Ray Everest" is a person also where the text says "Everest"
        for mention in entity.mentions:
            known = _listed_feature(mention.text)
            if known is not None:  # replaces a place its name opens with ("Ohio")
                yield Found(mention, known, overrides=True)


def _mistyped_bodies(
    doc: Doc,
    analysis: Analysis,
    places: list[Span],
    resolve: Resolver,
    states: States,
) -> Iterator[Found]:
    """ "flights between London and Harare", "the cities of Suwon and Incheon": a name the
    tagger called an organisation is the place the gazetteer knows by that whole name where
    the words around it say it is a place (see `_place_context`), and the place is no
    village whose name a body might share, unless the village lies in a state the article
    names (`states`): "fans from Long Pine" in a story filed from Ainsworth, Neb. Only the
    tagger's guess is overruled: "lost to Morecambe" is a team, by the entity reading's own
    evidence."""
    known = list(places)  # "Suwon and Incheon": the second is listed beside the first
    for entity in analysis.entities:
        if entity.type.value != "ORG" or entity.name.isupper() or entity.type_from not in _GUESSED:
            continue
        for mention in entity.mentions:
            if _overlaps(mention.start, mention.end, _ranges(known)):
                continue
            read = _body_as_place(doc, analysis, mention, known, resolve, states)
            listed = [read] if read is not None else _listed_towns(doc, mention, known, resolve)
            known.extend(f.span for f in listed)
            yield from listed


def _listed_towns(doc: Doc, mention: Span, places: list[Span], resolve: Resolver) -> list[Found]:
    """ "Crews from Troy and Potlatch": the tagger read two towns joined by "and" as one
    body. Each name of such a list is the town the gazetteer knows by it where the words
    before the list say it is a place and the towns lie near each other; bodies named so
    ("Marks and Spencer") name no two neighbouring towns."""
    tokens = doc.char_span(mention.start, mention.end)
    if tokens is None or not _place_context(doc, tokens.start, tokens.end, places):
        return []
    names = _list_parts(doc, tokens.start, tokens.end)
    found = [resolve(doc[i:j].text) for i, j in names]
    towns = [k for k in found if k is not None and k.feature in _LOCAL_FEATURES]
    if len(names) < 2 or len(towns) != len(names) or not _neighbours(towns):
        return []
    spans = [doc[i:j] for i, j in names]
    return [
        Found(Span(s.start_char, s.end_char, s.text), town)
        for s, town in zip(spans, towns, strict=True)
    ]


def _list_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The token ranges of the names a list "A, B and C" holds (none where a part is no
    capitalised name of at most `_MAX_WORDS` words)."""
    parts: list[tuple[int, int]] = []
    begin = start
    for k in range(start, end + 1):
        if k < end and doc[k].lower_ not in _CONNECTORS:
            continue
        if k == begin:
            if start < k < end and doc[k].lower_ in {"and", "or"} and doc[k - 1].text == ",":
                begin = k + 1  # the serial comma
                continue
            return []
        if k - begin > _MAX_WORDS or not all(_capitalised(t) for t in doc[begin:k]):
            return []
        parts.append((begin, k))
        begin = k + 1
    return parts


def _neighbours(towns: list[KnownPlace]) -> bool:
    """Every town within `_LIST_KM` of the first: the places a local story lists together."""
    return all(km(towns[0], town) <= _LIST_KM for town in towns[1:])


# Where a name after one of these words is a place, not a person: "in", not "to" or "with"
# ("according to Lowell", "a talk with Austin").
_PLACE_NOT_PERSON = frozenset({"in", "near", "outside", "inside", "throughout", "across"})


def _mistyped_people(
    doc: Doc, analysis: Analysis, places: list[Span], resolve: Resolver
) -> Iterator[Found]:
    """ "a crash near Cumming", "Braselton residents": a name the tagger called a person is
    the town the gazetteer knows by it where a mention stands after "in" or "near", or before
    "residents" or "police", and no other person of the article bears it ("Tom Lowell ...
    Lowell said" is a man). Every such mention is the town; the others stay the person's."""
    names = [e.name.split() for e in analysis.entities if e.type.value == "PERSON"]
    known = list(places)
    for entity in analysis.entities:
        if entity.type.value != "PERSON" or entity.type_from not in _GUESSED:
            continue  # a title or a pronoun made it a person
        if _borne_by_another(entity.name, names):
            continue
        for mention in entity.mentions:
            read = _person_as_place(doc, analysis, mention, resolve)
            if read is not None and not _overlaps(mention.start, mention.end, _ranges(known)):
                known.append(mention)
                yield read


def _listed_people(
    doc: Doc, analysis: Analysis, places: list[Span], resolve: Resolver
) -> Iterator[Found]:
    """ "Residents of Juliaetta and Genesee": a one-word name the tagger called a person,
    listed right beside a place the text names, is the town the gazetteer knows by it where
    that town lies near the place beside it ("Moscow and Lavrov" lists no two towns), and
    no other person of the article bears the name."""
    names = [e.name.split() for e in analysis.entities if e.type.value == "PERSON"]
    known = list(places)
    for entity in analysis.entities:
        if entity.type.value != "PERSON" or entity.type_from not in _GUESSED:
            continue
        if len(entity.name.split()) != 1 or _borne_by_another(entity.name, names):
            continue
        for mention in entity.mentions:
            if _overlaps(mention.start, mention.end, _ranges(known)):
                continue
            tokens = _standalone_name(doc, analysis, mention)
            beside = _listed_beside(doc, tokens, known) if tokens is not None else None
            town = resolve(mention.text) if beside is not None else None
            near = resolve(beside.text) if beside is not None and town is not None else None
            if town is None or near is None or not _neighbours([near, town]):
                continue
            if {town.feature, near.feature} <= _LOCAL_FEATURES:
                known.append(mention)
                yield Found(mention, town, overrides=True)


def _listed_beside(doc: Doc, tokens: TokenSpan, places: list[Span]) -> Span | None:
    """The place listed right before or after a one-word name ("A and B", "A, B")."""
    i, j = tokens.start, tokens.end
    if i > 1 and doc[i - 1].lower_ in _CONNECTORS:
        end = doc[i - 2].idx + len(doc[i - 2])
        before = [p for p in places if p.end == end]
        if before:
            return before[0]
    if j + 1 < len(doc) and doc[j].lower_ in _CONNECTORS:
        after = [p for p in places if p.start == doc[j + 1].idx]
        if after:
            return after[0]
    return None


def _borne_by_another(name: str, names: list[list[str]]) -> bool:

    words = name.split()
    return any(other != words and set(words) & set(other) for other in names)


def _standalone_name(doc: Doc, analysis: Analysis, mention: Span) -> TokenSpan | None:
    """The tokens of a mistyped mention that may be read again as a place: in the article's
    prose, capitalised throughout, and not the first part of a longer name."""
    block = analysis.article.block_at(mention.start)
    if block is None or block.kind not in _BLOCKS:
        return None
    tokens = doc.char_span(mention.start, mention.end)
    if tokens is None or not all(_capitalised(t) for t in tokens):
        return None
    return None if _part_of_a_name(doc, tokens.end) else tokens


def _person_as_place(
    doc: Doc, analysis: Analysis, mention: Span, resolve: Resolver
) -> Found | None:
    """The town a person's mention names, where the words around it say it is one."""
    tokens = _standalone_name(doc, analysis, mention)
    if tokens is None:
        return None
    before = doc[tokens.start - 1].lower_ if tokens.start > 0 else ""
    after = doc[tokens.end] if tokens.end < len(doc) else None
    if before not in _PLACE_NOT_PERSON and not (after is not None and _local_word(after)):
        return None
    known = resolve(mention.text)
    return Found(mention, known, overrides=True) if known is not None else None


def _ranges(spans: list[Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def _body_as_place(
    doc: Doc,
    analysis: Analysis,
    mention: Span,
    places: list[Span],
    resolve: Resolver,
    states: States,
) -> Found | None:
    """The place an organisation's mention names, where its words and context say so."""
    tokens = _standalone_name(doc, analysis, mention)
    if tokens is None:
        return None
    known = resolve(mention.text)
    if known is None:
        return None
    # "the borough of Myerstown", "Prospect, a village": words that name the kind of place
    # say so of a town of any size; a bare preposition only of a big one ("at Harvard").
    if _named_a_place(doc, tokens.start, tokens.end):
        return Found(mention, known, overrides=True)
    if not _place_context(doc, tokens.start, tokens.end, places):
        return None
    if _big_enough(known) or _listed_near(doc, tokens, places, known, resolve):
        return Found(mention, known, overrides=True)
    if _state_of(known) in states():  # "at Harvard" is Illinois' village in an Illinois story
        return Found(mention, known, overrides=True)
    return None


def _state_of(known: KnownPlace) -> int | None:
    """The first-order division (GeoNames id) of a town or county the gazetteer gave."""
    return division_of(known) if known.feature in _LOCAL_FEATURES else None


_TOWNSHIP_WORDS = frozenset({"township", "twp."})
# The last words of the local features a story names, and the kind each makes the place.
_FEATURE_WORDS = {
    "river": "river",
    "creek": "river",
    "lake": "lake",
    "reservoir": "lake",
    "bay": "lake",
    "dam": "dam",
    "park": "park",
    "forest": "park",
    "pass": "mountain",
    "pond": "lake",
    "sound": "lake",
    "wash": "river",
    "delta": "region",
    "valley": "region",
    "peninsula": "region",
    "island": "region",
    "islands": "region",
    "hills": "mountain",
    "mountain": "mountain",
    "mountains": "mountain",
    "wilderness": "park",
}
# The first words of the local features a story names ("Bayou Terrebonne", "Lake Kaweah").
_FEATURE_OPENERS = {"bayou": "river", "lake": "lake"}
# How near the town a story is filed from a feature's namesake must lie.
_HOME_KM = 50.0
# Words between a feature's namesake and its kind: "Chimney Rock State Park".
_FEATURE_QUALIFIERS = frozenset({"state", "national", "county", "memorial", "regional"})


def _namesake_near(
    name: str, states: frozenset[int], anchors: _Anchors, span: Span, home: KnownPlace | None
) -> KnownPlace | None:
    """The town or county called `name` in one of the article's `states`, near its other
    places and, in a story filed from a town, within `_HOME_KM` of it: the one a feature
    named after it lies by ("Greenbrier River"), not a namesake town two counties off
    ("Beaver Creek" by New Hartford, Iowa, is no creek of Beaver, Iowa)."""
    if not name:
        return None
    named = [*cities_named(name), *cities_named(f"{name} County"), *local_towns(name)]
    for city in named:
        if city.feature in _LOCAL_FEATURES and city.region in states:
            known = _known(city)
            if home is not None and km(home, known) > _HOME_KM:
                continue
            if anchors.near(known, [span]):
                return known
    return None


def _hyphened_start(doc: Doc, i: int) -> int:
    """Where a name joined to the word before it by a hyphen ("Yukon-Kuskokwim") starts."""
    while (
        i > 1
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and _capitalised(doc[i - 2])
    ):
        i -= 2
    return i


def _feature_kind(doc: Doc, i: int, j: int) -> tuple[str | None, int, int]:
    """The kind of local feature tokens i..j name by their last word ("Salt Pond") or their
    first ("Bayou Terrebonne"), and the token range of the name it carries."""
    kind = _FEATURE_WORDS.get(doc[j - 1].lower_)
    if kind is not None:
        return kind, i, j - 1
    return _FEATURE_OPENERS.get(doc[i].lower_), i + 1, j


_US_TOWN = ("city", "USA")
# How near the town a story is filed from a town the tagger mistyped must lie: a local
# story's towns are a county or two apart ("Surry, Brooksville and Sedgwick" around Blue
# Hill, Maine), and a person's name is seldom also a town that near.
_NEAR_HOME_KM = 80.0
_MISTYPED = frozenset({"PERSON", "ORG", "NORP"})


def _town_near(name: str, home: KnownPlace) -> KnownPlace | None:
    """The town called `name` by its own name (not an alternate one: "Falmouth" is also an
    old name of Portland, Maine) nearest `home`, if within `_NEAR_HOME_KM` of it."""
    towns = [c for c in cities_named(name) if c.feature == "city" and c.by_name]
    towns += local_towns(name)
    near = [(km(home, known), known) for known in map(_known, towns)]
    best = min(near, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] <= _NEAR_HOME_KM else None


def _home_towns(
    doc: Doc, analysis: Analysis, places: list[Span], home: KnownPlace
) -> Iterator[Found]:
    """ "shares with Surry, Brooksville and Sedgwick", "Karen Berg of Eau Claire", "beat
    Washington 58-49" in a story from Jasper, Ind.: the small towns around the town a story
    is filed from are names the tagger has never seen, and it guesses them people or bodies.
    A name it guessed so (no title, pronoun or other evidence) is the town of that name
    within `_NEAR_HOME_KM` of the story's town, unless a person of the article bears a word
    of it ("Hatch said" after "Ellen Hatch")."""
    names = [e.name.split() for e in analysis.entities if e.type.value == "PERSON"]
    known = list(places)
    for entity in analysis.entities:
        if entity.type.value not in _MISTYPED or entity.type_from not in _GUESSED:
            continue
        if entity.name.isupper() or _borne_by_another(entity.name, names):
            continue
        if len(entity.name.split()) > _MAX_WORDS or fold(entity.name) == fold(home.name):
            continue
        town = _town_near(entity.name, home)
        if town is None:
            yield from _hyphened_towns(doc, analysis, entity.mentions, known, home)
            continue
        for mention in entity.mentions:
            if _overlaps(mention.start, mention.end, _ranges(known)):
                continue
            if _standalone_name(doc, analysis, mention) is None:
                continue
            known.append(mention)
            yield Found(mention, town, overrides=True)


def _hyphened_towns(
    doc: Doc, analysis: Analysis, mentions: list[Span], known: list[Span], home: KnownPlace
) -> Iterator[Found]:
    """ "the Port Townsend-Coupeville route": two towns a hyphen joins into one body's name,
    each a town near the story's own."""
    for mention in mentions:
        parts = mention.text.split("-")
        if len(parts) != 2 or _overlaps(mention.start, mention.end, _ranges(known)):
            continue
        towns = [_town_near(part, home) for part in parts]
        block = analysis.article.block_at(mention.start)
        if None in towns or block is None or block.kind not in _BLOCKS:
            continue
        cut = mention.start + len(parts[0])
        spans = [
            analysis.article.span(mention.start, cut),
            analysis.article.span(cut + 1, mention.end),
        ]
        known.append(mention)
        for span, town in zip(spans, towns, strict=True):
            if town is not None:
                yield Found(span, town, overrides=True)


def _headed_towns(
    doc: Doc,
    analysis: Analysis,
    runs: tuple[tuple[int, int], ...],
    places: list[Span],
    home: KnownPlace,
) -> Iterator[Found]:
    """ "Hyannis: A man was arrested...", "Falmouth: Police were called...": a police log or
    a roundup heads each item with its town and a colon. A capitalised name opening a
    paragraph before a colon is the town of that name near the story's own town."""
    for i, j in runs:
        block = analysis.article.block_at(doc[i].idx)
        if block is None or block.start != doc[i].idx or j >= len(doc) or doc[j].text != ":":
            continue
        span = doc[i:j]
        if j - i > _MAX_WORDS or _overlaps(span.start_char, span.end_char, _ranges(places)):
            continue
        town = _town_near(span.text, home)
        if town is not None:
            yield Found(analysis.article.span(span.start_char, span.end_char), town, True)


# "Terrebonne Parish President Jason Landry": the tagger cut the county from its word.
_COUNTY_SPLIT_TYPES = frozenset({"NORP", "ORG", "PERSON", "GPE", ""})


def _split_counties(
    doc: Doc, analysis: Analysis, places: list[Span], resolve: Resolver, people: frozenset[str]
) -> Iterator[Found]:
    """ "Terrebonne Parish President Jason Landry" (to the tagger a place "Terrebonne" and
    a people "Parish"), "Lafourche Parish" (a body "Lafourche"): a capitalised name and
    "County" or "Parish" that the gazetteer holds whole as a county is that county wherever
    the tagger cut it, and the name alone elsewhere in the article ("in Terrebonne and
    Lafourche") is the same county unless it reads as a town near the story's places."""
    taken = list(places)
    done: set[tuple[int, int]] = set()  # the spans read so far
    read: set[str] = set()  # the names whose bare mentions were read
    for token in tokens_with(doc, "LOWER", _COUNTY_NAME_WORDS):
        if not token.text[:1].isupper() or token.ent_type_ not in _COUNTY_SPLIT_TYPES:
            continue
        start = _name_before(doc, token.i, _capitalised)
        if start >= token.i:
            continue
        span = doc[start : token.i + 1]
        if any(p.start < span.start_char and span.end_char <= p.end for p in taken):
            continue  # inside a longer place's name
        block = analysis.article.block_at(span.start_char)
        if block is None or block.kind not in _BLOCKS:
            continue
        whole = any((p.start, p.end) == (span.start_char, span.end_char) for p in taken)
        name = doc[start : token.i].text
        if whole and (name in read or not _bare_mentions(doc, analysis, name, taken, people)):
            continue  # found whole, and never named alone: nothing to resolve (most)
        if not any(c.feature == "county" for c in cities_named(span.text)):
            continue
        county = resolve(span.text)
        if county is None or county.feature != "county":
            continue
        if not whole:
            where = analysis.article.span(span.start_char, span.end_char)
            taken.append(where)
            yield Found(where, county, overrides=True)
        read.add(name)
        for found in _bare_county(doc, analysis, name, county, taken, resolve, people):
            if (found.span.start, found.span.end) not in done:
                done.add((found.span.start, found.span.end))
                yield found


def _bare_county(
    doc: Doc,
    analysis: Analysis,
    name: str,
    county: KnownPlace,
    taken: list[Span],
    resolve: Resolver,
    people: frozenset[str],
) -> Iterator[Found]:
    """Each other mention of a county's name alone (see `_split_counties`)."""
    mentions = _bare_mentions(doc, analysis, name, taken, people)
    town = resolve(name) if mentions else None
    if town is not None and town.feature == "city" and km(town, county) <= _LIST_KM:
        return  # "Jackson" beside Jackson County: the town
    for start, end in mentions:
        where = analysis.article.span(start, end)
        taken.append(where)
        yield Found(where, county, overrides=True)


def _bare_mentions(
    doc: Doc, analysis: Analysis, name: str, taken: list[Span], people: frozenset[str]
) -> list[tuple[int, int]]:
    """Where the article names a county's `name` alone: a name of its own in its prose,
    not a part of a longer one ("Smith Center" beside Smith County) or a person's ("Coach
    Smith": a word of the article's `people`, `TextScan.person_words`)."""
    found: list[tuple[int, int]] = []
    for match in re.finditer(rf"\b{re.escape(name)}\b", analysis.article.text):
        start, end = match.span()
        after = analysis.article.text[end : end + 8].lower()
        if after.startswith((" parish", " county")):
            continue
        if any(s < end and start < e and (s, e) != (start, end) for s, e in _ranges(taken)):
            continue  # a part of another name; the entity reading's town of it is replaced
        tokens = doc.char_span(start, end)
        block = analysis.article.block_at(start)
        if tokens is None or block is None or block.kind not in _BLOCKS:
            continue
        if _whole_run(doc, tokens) and tokens[0].lower_ not in people:
            found.append((start, end))
    return found


def _whole_run(doc: Doc, tokens: TokenSpan) -> bool:
    """The tokens are a capitalised run of their own: no capitalised word just before or after."""
    before = doc[tokens.start - 1] if tokens.start > 0 else None
    after = doc[tokens.end] if tokens.end < len(doc) else None
    return not any(t is not None and _capitalised(t) for t in (before, after))


def _name_before(doc: Doc, i: int, word: Callable[[Token], bool]) -> int:
    """Where the name of words that are each `word` before the kind word at token i starts
    ("Hempfield Township", "Terrebonne Parish"): at most `_MAX_WORDS` words with the kind,
    and no opening stop word; i where no such word stands before it."""
    start = i
    while start > 0 and i - start < _MAX_WORDS - 1 and word(doc[start - 1]):
        start -= 1
    return _without_opening_stop_word(doc, start, i)[0]


def _townships(
    doc: Doc, analysis: Analysis, states: States, places: list[Span], anchors: _Anchors
) -> Iterator[Found]:
    """ "Hempfield Township supervisors", "OSHTEMO TOWNSHIP, Mich.": no offline gazetteer
    holds the townships of the Midwest and Pennsylvania, but most are named after a town or
    village inside or beside them. A capitalised "X Township" is a place wherever it
    stands (the word says so), placed at the town of X in a state the article names that
    lies near the article's other places; one whose X is no such town is left unread (no
    point to give it: Lancaster County's Penn Township is not beside the borough of Penn,
    300 km west), unless the article names one county alone, which holds it ("Police log:
    Westmoreland County")."""
    for token in tokens_with(doc, "LOWER", _TOWNSHIP_WORDS):
        if not token.text[:1].isupper():
            continue
        start = _name_before(doc, token.i, _town_word)
        if start >= token.i:
            continue
        span = doc[start : token.i + 1]
        block = analysis.article.block_at(span.start_char)
        if block is None or block.kind not in _BLOCKS:
            continue
        if _overlaps(span.start_char, span.end_char, _ranges(places)):
            continue
        where = analysis.article.span(span.start_char, span.end_char)
        town = _township_town(doc[start : token.i].text.title(), states(), anchors, where)
        if town is not None:
            yield Found(where, KnownPlace(where.text, "USA", town.lat, town.lon, None, "city"))


def _township_town(
    name: str, states: frozenset[int], anchors: _Anchors, span: Span
) -> KnownPlace | None:
    """The town a township is named after, in one of the article's `states` and near its
    other places."""
    towns = [c for c in cities_named(name) if c.feature == "city" and c.region in states]
    towns += [c for c in local_towns(name) if c.region in states]
    town = next((_known(c) for c in towns if anchors.near(_known(c), [span])), None)
    return town or anchors.only_county()


def _named_a_place(doc: Doc, i: int, j: int) -> bool:
    """ "the borough of X", "the town of X", or "X, a village (to the south)": the text
    calls tokens i..j a place by the noun for its kind."""
    nouns = _cues().place_nouns
    if i > 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in nouns:
        return doc[i - 3].lower_ == "the"
    return _apposed_place_noun(doc, j)


def _apposed_place_noun(doc: Doc, j: int) -> bool:
    """ "Prospect, a village to the south", "Keene, a small city in New Hampshire": a comma,
    an article and (after at most one word) a place noun that heads its phrase ("Acme, a
    city contractor" names a firm)."""
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in {"a", "an"}:
        return False
    for k in (j + 2, j + 3):
        if k < len(doc) and doc[k].lower_ in _cues().place_nouns:
            after = doc[k + 1] if k + 1 < len(doc) else None
            return after is None or after.pos_ not in {"NOUN", "PROPN"}
    return False


def _listed_near(
    doc: Doc, tokens: TokenSpan, places: list[Span], town: KnownPlace, resolve: Resolver
) -> bool:
    """The town is listed right beside a place the text names, and lies near it: "drivers
    from Mars, Evans City and Harmony"."""
    beside = _listed_beside(doc, tokens, places)
    near = resolve(beside.text) if beside is not None else None
    return (
        near is not None
        and {town.feature, near.feature} <= _LOCAL_FEATURES
        and (_neighbours([near, town]))
    )


def _big_enough(known: KnownPlace) -> bool:
    """A division, or a town of `_BODY_TOWN` people or more."""
    if known.feature != "city":
        return True
    people = [c.population for c in cities_named(known.name) if c.geonameid == known.geonameid]
    return max(people, default=0) >= _BODY_TOWN


def _cut(doc: Doc, i: int, j: int, taken: SpanSet, person_words: frozenset[str]) -> int:
    """ "the Minister of Development of Kazakhstan Arystan Kakikenov": a run that runs on into
    a person's name (or another entity) is read up to it. A run that opens with one is left
    whole, for `_Scan.read` to rule out."""
    for k in range(i, j):
        token = doc[k]
        start, end = token.idx, token.idx + len(token)
        if (
            taken.overlaps(start, end)
            or (token.ent_type_ not in _NOT_PLACE_TYPES and not _misdated(token))
            or token.lower_ in person_words
        ):
            return k if k > i else j
    return j


def _spans(found: list[Found]) -> list[Span]:
    return [f.span for f in found]


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _capitalised_runs(doc: Doc, analysis: Analysis) -> Iterator[tuple[int, int]]:
    """Token ranges of capitalised words ("New", "Ulm") in blocks that state facts."""
    caps = _capitalised_flags(doc)
    i = 0
    while i < len(doc):
        if not caps[i]:
            i += 1
            continue
        j = i
        # "Flowery Branch Mayor Tom Ellis": a local office ends the run that names its town.
        while j < len(doc) and caps[j] and not (j > i and _local_word(doc[j])):
            j += 1
        # "In Douma", "The Hague": a stop word opening a sentence is no part of the name;
        # within a sentence it is ("water from Many Farms").
        if doc[i].lower_ in STOP_WORDS and j - i > 1 and doc[i].lower_ != "the":
            i += 1 if _opens_sentence(doc, i) else 0
        block = analysis.article.block_at(doc[i].idx)
        if block is not None and block.kind in _BLOCKS and j - i <= _MAX_RUN:
            yield i, j
        i = j


def _opens_sentence(doc: Doc, i: int) -> bool:
    """The token opens a sentence, a quotation or a line ("Hyannis: A man ...")."""
    if i == 0 or doc[i].is_sent_start:
        return True
    before = doc[i - 1]
    return (before.is_punct and before.text not in {",", "-", "(", "&"}) or "\n" in before.text


def _town_word(token: Token) -> bool:
    """A word of a town's name before its state: capitalised, or in a dateline's capitals
    ("ALLENDALE, N.J. --" also where the page puts the dateline after a photo credit)."""
    return _capitalised(token) or (token.is_alpha and token.text.isupper() and len(token) > 1)


def state_name(abbreviation: str) -> str | None:
    """The US state an AP-style or postal abbreviation names ("Md." or "Md", "MD")."""
    states = _cues().us_states
    return states.get(abbreviation) or states.get(abbreviation + ".")


def _local_word(token: Token) -> bool:
    """A word for a town's people or bodies ("residents", "police", "Mayor")."""
    return token.lower_ in _local_words()


@cache
def _local_words() -> frozenset[str]:
    cues = _cues()
    return cues.dwellers | cues.local_bodies


def _capitalised_flags(doc: Doc) -> list[bool]:
    """`_capitalised` of every token, asked only of the tokens neither all in lower case
    nor all in capitals nor punctuation (picked on spaCy's arrays): most tokens are not
    capitalised, and making a Python object of each costs more than the answer."""
    caps = [False] * len(doc)
    if not caps:
        return caps
    flags = doc.to_array([IS_LOWER, IS_UPPER, IS_PUNCT, IS_SPACE]).astype(bool)
    for index in np.nonzero(~flags.any(axis=1))[0]:
        caps[int(index)] = _capitalised(doc[int(index)])
    return caps


def _capitalised(token: Token) -> bool:
    word = token.text.replace("-", "").replace("'", "").replace("’", "")
    return word.isalpha() and token.text[:1].isupper() and not token.text.isupper()


def _leading_place(doc: Doc, i: int, j: int, resolve: Resolver) -> tuple[int, KnownPlace | None]:
    """ "Atlanta Mayor Jane Roe": a run that is no place may open with one sure enough to
    stand alone (see `embedded.standalone_place`)."""
    for end in range(j - 1, i, -1):
        known = standalone_place(doc[i:end].text, resolve)
        if known is not None:
            return end, known
    return j, None


def _part_of_a_name(doc: Doc, j: int) -> bool:
    """ "Nenagh MDC", "Eva's Village": a name followed by an acronym or a possessive names
    something of its own, not the place."""
    after = doc[j] if j < len(doc) else None
    if after is None:
        return False
    return (after.text.isupper() and after.is_alpha) or after.lower_ in {"'s", "’s"}


def _unambiguous(
    doc: Doc, i: int, j: int, person_words: frozenset[str], lowercase: frozenset[str]
) -> bool:
    """Not a date, a person's name or an ordinary word that happens to be a town somewhere."""
    tokens = doc[i:j]
    if any(t.ent_type_ not in _NOT_PLACE_TYPES and not _misdated(t) for t in tokens):
        return False
    if any(t.lower_ in person_words for t in tokens):
        return False
    if j - i > 1:
        return True
    word = tokens[0].lower_
    return word not in STOP_WORDS and word not in lowercase and len(word) > 2


def _misdated(token: Token) -> bool:
    """ "in Manbij" tagged a date: a word the tagger read as a date that no calendar names
    (a month, a weekday, a season) may be a town; `_Scan.read` asks that it be a big one. A
    word that is no number but took the type of the number before it may be one too."""
    word = token.lower_.rstrip(".")
    if token.ent_type_ in _NUMERIC_TYPES:
        return token.is_alpha and not token.like_num  # "706 Orange County residents"
    return (
        token.ent_type_ == "DATE"
        and token.is_alpha
        and word not in MONTHS
        and word not in WEEKDAYS
        and word not in _SEASONS
    )


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
# A number's type spills onto the capitalised word after it; no name is a number.
_NUMERIC_TYPES = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _place_context(doc: Doc, i: int, j: int, places: list[Span]) -> bool:
    """The words around tokens i..j say they name a place."""
    cues = _cues()
    before = doc[i - 1].lower_ if i > 0 else ""
    if before in cues.prepositions or after_preposition(doc, i, cues.prepositions):
        return True
    of_place = cues.place_nouns | cues.directions | cues.dwellers  # "the town / residents of X"
    if before == "of" and i > 1 and doc[i - 2].lower_ in of_place:
        return True
    if before == "of" and i > 1 and doc[i - 2].text == ",":
        return True  # "Dana Roe, 34, of Braselton": where a person in the news lives
    if before == "of" and i > 1 and doc[i - 2].ent_type_ == "PERSON" and _capitalised(doc[i - 2]):
        return True  # "Sen. Dale Brekke of Aberdeen", "Karen Berg of Eau Claire"
    after = [t.lower_ for t in doc[j : j + 2]]
    if after[:2] == ["-", "based"] or (after and after[0] == "-based"):
        return True
    if j < len(doc) and _local_word(doc[j]):
        return True  # "X residents", "X police"
    if before == "(" and after[:1] == [")"] and i > 1 and _capitalised(doc[i - 2]):
        return True  # "Blue Fern Bakery (Braselton)": a business's or a person's town
    if _apposed_place_noun(doc, j):
        return True  # "Prospect, a village to the south"

    return _listed_with_place(doc, i, j, places)


def _listed_with_place(doc: Doc, i: int, j: int, places: list[Span]) -> bool:
    """ "Nitra, Presov and Kosice": a name listed beside a place is one of its kind."""
    ends = {p.end for p in places}
    starts = {p.start for p in places}
    if i > 1 and doc[i - 1].lower_ in _CONNECTORS and doc[i - 2].idx + len(doc[i - 2]) in ends:
        return True
    return j + 1 < len(doc) and doc[j].lower_ in _CONNECTORS and doc[j + 1].idx in starts


def _pairs(doc: Doc, analysis: Analysis) -> Iterator[Found]:
    """ "Gainesville, Va.", "Paris, Texas", "London, Ontario", "Hyderabad, Pakistan": a
    capitalised name, a comma, a US state (or another country's first-order division, or a
    country): the town of that division, and the division. An existing place on the town's
    span is replaced."""
    for token in tokens_with(doc, "LOWER", _COMMA):  # no Python object for every token
        if token.i == 0 or token.i + 1 >= len(doc):
            continue
        division = _division_after(doc, token.i + 1)
        if division is None:
            continue
        state_end, holds, state, countries = division
        start = token.i
        while start > 0 and token.i - start < _MAX_WORDS and _town_word(doc[start - 1]):
            start -= 1
        if start == token.i:
            continue
        town = _town_where(doc[start : token.i].text, holds, countries)
        if town is None:
            continue
        block = analysis.article.block_at(doc[start].idx)
        if block is None or block.kind not in _BLOCKS:
            continue
        first = doc[start].idx
        last = doc[token.i - 1].idx + len(doc[token.i - 1])
        yield Found(analysis.article.span(first, last), _known(town), overrides=True)
        second, end = doc[token.i + 1].idx, doc[state_end - 1].idx + len(doc[state_end - 1])
        yield Found(analysis.article.span(second, end), state, overrides=True)


_PLURAL_DIVISIONS = {
    "counties": "County",
    "parishes": "Parish",
    "provinces": "Province",
    "districts": "District",
}
# The lower-case words after a name that make it a division ("the Donetsk region", "Quezon
# province", "Washington state"): what the division is called by, for `division_named`.
_DIVISION_NOUNS = frozenset(
    {"region", "province", "oblast", "governorate", "district", "department", "prefecture", "state"}
)
_COUNTY_TALK = frozenset({"county", "counties"})
_LIST_WORDS = frozenset({"and", "or"})


def _division_word(doc: Doc, j: int) -> str | None:
    """The division noun right after tokens ..j, in lower case as a noun of the text (not
    "Ohio State", a body's name)."""
    if j >= len(doc) or doc[j].text not in _DIVISION_NOUNS:
        return None
    after = doc[j + 1] if j + 1 < len(doc) else None
    if after is not None and _capitalised(after):
        return None  # "the Kharkiv region Governor ..."
    return doc[j].text


@dataclass
class _Anchors:
    """The article's towns and counties as far as the entity reading and the pairs place
    them, resolved only when a rule asks (most articles never do)."""

    pairs: list[Found]
    places: list[Span]
    resolve: Resolver
    _points: list[tuple[Span, KnownPlace]] | None = None

    def near(self, place: KnownPlace, own: list[Span]) -> bool:
        """Whether a place other than the `own` spans lies within a list's drive of it."""
        return any(
            km(place, k) <= _LIST_KM
            for s, k in self._read()
            if not any(s.start < o.end and o.start < s.end for o in own)
        )

    def only_county(self) -> KnownPlace | None:
        """The county the article's places name, where they name one alone."""
        counties = {k.geonameid: k for _, k in self._read() if k.feature == "county"}
        return next(iter(counties.values())) if len(counties) == 1 else None

    def _read(self) -> list[tuple[Span, KnownPlace]]:
        if self._points is None:
            read = [(f.span, f.place) for f in self.pairs]
            read += [(s, k) for s in self.places if (k := self.resolve(s.text)) is not None]
            self._points = [(s, k) for s, k in read if k.feature in _LOCAL_FEATURES]
        return self._points


def _bare_counties(
    doc: Doc,
    analysis: Analysis,
    lowercase: frozenset[str],
    taken: list[Span],
    anchors: _Anchors,
    article_states: States,
) -> Iterator[Found]:
    """ "officials in Latah and Nez Perce", "Deaf Smith and Oldham": local news names its
    counties without the word where the story is about counties. Names listed together are
    the counties of one state the article names (its dateline's, a pair's, or a state it
    writes out), where every name is one of its counties, the article speaks of counties,
    and another of its towns lies near them: otherwise "Jackson and Lincoln" would be
    counties in any story of a state that has both. Names that are towns among the
    article's places stay towns ("Madison and Jasper", across the line from Valdosta)."""
    if not _COUNTY_TALK & lowercase:
        return
    states = set(article_states())
    if not states:
        return
    people = [m for e in analysis.entities if e.type.value == "PERSON" for m in e.mentions]
    for token in tokens_with(doc, "LOWER", _LIST_WORDS):
        end = token.i + 1
        while end < len(doc) and end - token.i <= _MAX_WORDS and _capitalised(doc[end]):
            end += 1
        if end == token.i + 1 or (end < len(doc) and doc[end].lower_ in _COUNTY_WORDS_AFTER):
            continue
        names = [_without_opening_stop_word(doc, a, b) for a, b in _listed_names(doc, end)]
        counties = _counties_in_one_state(doc, names, states, people)
        spans = [_token_span(doc, analysis, a, b) for a, b in names]
        if not counties or not all(anchors.near(_known(c), spans) for c in counties):
            continue
        if any(_local_town(anchors, s, spans) for s in spans):
            continue  # "in Madison and Jasper" across the line from Valdosta: two towns
        for (start, stop), county in zip(names, counties, strict=True):
            span = doc[start:stop]
            block = analysis.article.block_at(span.start_char)
            if block is None or block.kind not in _BLOCKS:
                continue
            if _overlaps(span.start_char, span.end_char, _ranges(taken)):
                continue
            yield Found(analysis.article.span(span.start_char, span.end_char), _known(county), True)


def _local_town(anchors: _Anchors, span: Span, own: list[Span]) -> bool:
    """The name is a town the resolver places among the article's other places."""
    known = anchors.resolve(span.text)
    if known is None or known.feature != "city" or zip_listed(known.geonameid):
        return False  # "Latah and Nez Perce": a ZIP list hamlet is no town beside a county
    return anchors.near(known, own)


def _token_span(doc: Doc, analysis: Analysis, start: int, stop: int) -> Span:
    return analysis.article.span(doc[start].idx, doc[stop - 1].idx + len(doc[stop - 1]))


_COUNTY_NAME_WORDS = frozenset({"county", "parish"})
_COUNTY_WORDS_AFTER = frozenset({"county", "counties", "parish", "parishes", "'s", "’s"})


def _without_opening_stop_word(doc: Doc, start: int, stop: int) -> tuple[int, int]:
    """ "In Deaf Smith and Oldham": a stop word opening a sentence is no part of the name."""
    if stop - start > 1 and doc[start].lower_ in STOP_WORDS:
        return start + 1, stop
    return start, stop


def _counties_in_one_state(
    doc: Doc, names: list[tuple[int, int]], states: set[int], people: list[Span]
) -> list[City]:
    """Each listed name's county in one of `states` that holds a county of every name, or
    nothing: a person, a state's or a country's name is no bare county."""
    if not names:
        return []
    per_name: list[dict[int, City]] = []
    for start, stop in names:
        text = doc[start:stop].text
        first, last = doc[start].idx, doc[stop - 1].idx + len(doc[stop - 1])
        if _overlaps(first, last, _ranges(people)):
            return []  # the entity reading's person, not the tagger's first guess
        if us_state(text) is not None or country_of_name(text):
            return []
        counties = {
            c.region: c
            for c in reversed(cities_named(f"{text} County"))
            if c.feature == "county" and c.region in states
        }
        if not counties:
            return []
        per_name.append(counties)
    common = set.intersection(*(set(c) for c in per_name))
    if not common:
        return []
    state = min(common)  # one state holds them all in practice; any pick is stable
    return [counties[state] for counties in per_name]


def _article_states(doc: Doc, analysis: Analysis) -> set[int]:
    """The GeoNames ids of the US states the article names: by an entity's name or by a
    state's name or abbreviation after a comma ("Carbondale, Colo.")."""
    states = {s.geonameid for e in analysis.entities if (s := us_state(e.name)) is not None}
    for token in tokens_with(doc, "LOWER", _COMMA):
        if token.i + 1 < len(doc) and (found := _state_tokens(doc, token.i + 1)) is not None:
            states.add(found[1].geonameid)
    return states


_COMMA = frozenset({","})


def _plural_divisions(doc: Doc, analysis: Analysis, resolve: Resolver) -> Iterator[Found]:
    """ "Hall and Forsyth counties", "Cobb, Fulton and DeKalb counties": each name before
    the plural is that county, whatever the tagger or the town of its name says."""
    for token in tokens_with(doc, "LOWER", frozenset(_PLURAL_DIVISIONS)):
        kind = _PLURAL_DIVISIONS[token.lower_]
        if token.i < 3:
            continue
        block = analysis.article.block_at(token.idx)
        if block is None or block.kind not in _BLOCKS:
            continue
        names = _listed_names(doc, token.i)
        chosen = _counties_of_one_state([f"{doc[i:j].text} {kind}" for i, j in names], resolve)
        for (start, end), known in zip(names, chosen, strict=True):
            if known is not None:
                span = doc[start:end]
                yield Found(
                    analysis.article.span(span.start_char, span.end_char), known, overrides=True
                )


def _counties_of_one_state(names: list[str], resolve: Resolver) -> list[KnownPlace | None]:
    """Counties listed together lie in one state: the state that has a county of most of
    the names (the resolver's own picks break a tie), and each name's county there; a name
    that state lacks keeps the resolver's pick."""
    candidates = [[c for c in cities_named(n) if c.feature == "county"] for n in names]
    picks = [resolve(n) for n in names]
    votes: Counter[int] = Counter()
    for counties, pick in zip(candidates, picks, strict=True):
        for county in counties:
            if county.region is not None:
                mine = pick is not None and pick.geonameid == county.geonameid
                votes[county.region] += 2 if mine else 1  # one more for the resolver's pick
    if not votes:
        return [p if p is not None and p.feature == "county" else None for p in picks]
    state = max(votes, key=lambda r: votes[r])
    chosen: list[KnownPlace | None] = []
    for counties, pick in zip(candidates, picks, strict=True):
        there = [c for c in counties if c.region == state]
        chosen.append(
            _known(there[0]) if there else pick if pick and pick.feature == "county" else None
        )
    return chosen


def _listed_names(doc: Doc, end: int) -> list[tuple[int, int]]:
    """The token ranges of the names listed right before token `end` ("A, B and C"), if it
    is a list of two or more."""
    names: list[tuple[int, int]] = []
    while True:
        start = end
        while start > 0 and end - start < _MAX_WORDS and _capitalised(doc[start - 1]):
            start -= 1
        if start == end:
            break
        names.append((start, end))
        if start < 2 or doc[start - 1].lower_ not in _CONNECTORS:
            break
        end = start - 1
        if doc[end - 1].text == "," and doc[end].lower_ in {"and", "or"}:
            end -= 1  # the serial comma: "A, B, and C"
    return names if len(names) > 1 else []


def _state_tokens(doc: Doc, i: int) -> tuple[int, City] | None:
    """The US state whose name or abbreviation starts at token i, and where it ends."""
    states = _cues().us_states
    for size in (3, 2, 1):
        words = doc[i : i + size]
        if len(words) < size:
            continue
        text = words.text
        name = states.get(text) or text
        if not name[:1].isupper():
            continue
        found = us_state(name)
        if found is not None:
            return i + size, found
    return None


def _town_in(name: str, state: City) -> City | None:
    """The biggest town of `name` in `state`: "LEBANON, Pa." is Pennsylvania's Lebanon,
    though Lebanon is a country too (a state after a comma makes a pair, not a list)."""
    return _town_where(name, lambda c: c.region == state.geonameid, countries=True)


def _town_where(name: str, holds: Callable[[City], bool], countries: bool = False) -> City | None:
    """The biggest town (or county) of `name` by its own name that the division `holds`,
    else a town of the ZIP list there; a country's name only where `countries` allows
    ("France, Germany" is a list, not a pair, but "Lebanon, Pa." is). A transliteration is
    its own name ("ZAPORIZHZHIA, Ukraine" is the city GeoNames spells Zaporizhzhya, not the
    village it spells so)."""
    if not countries and country_of_name(name):
        return None
    towns = [
        c
        for c in cities_named(name)
        if transliterated(c, name) and c.feature != "region" and holds(c)
    ]
    if towns:
        return towns[0]
    # "Athol, Kan.": a town too small for GeoNames, which the ZIP list holds in the state
    return next((c for c in local_towns(name) if holds(c)), None)


def _division_after(
    doc: Doc, i: int
) -> tuple[int, Callable[[City], bool], KnownPlace, bool] | None:
    """The division whose name starts at token i: where it ends, which places it holds, and
    the place itself, and whether a country's name may be the town's (after a state yes,
    "Lebanon, Pa."; after a country no, "France, Germany"). A US state first (also by
    abbreviation), then a country, then another country's first-order division by its own
    name ("Ontario")."""
    if not doc[i].text[:1].isupper():
        return None  # every state, abbreviation and country opens with a capital
    state = _state_tokens(doc, i)
    if state is not None:
        end, region = state
        return end, lambda c: c.region == region.geonameid, _known(region), True
    for size in (3, 2, 1):
        words = doc[i : i + size]
        if len(words) < size or not all(_capitalised(t) for t in words):
            continue
        code = country_of_name(words.text)
        home = nation_division(words.text) if code else None
        if home is not None:  # "CAMBRIDGE, England —": England's town, at England's point
            return i + size, lambda c, r=home.geonameid: c.region == r, _known(home), False
        country = country_place(code) if code else None
        if country is not None:
            return i + size, lambda c, code=code: c.country == code, country, False
        named = _first_region(words.text, lambda c: c.by_name)
        if named is not None:
            return i + size, lambda c, r=named.geonameid: c.region == r, _known(named), True
    return None


def _first_region(name: str, holds: Callable[[City], bool]) -> City | None:
    """The most populous first-order division called `name` that `holds`."""
    return next((c for c in cities_named(name) if c.feature == "region" and holds(c)), None)


def _known(city: City) -> KnownPlace:
    return KnownPlace(city.name, city.country, city.lat, city.lon, city.geonameid, city.feature)


def _dateline_start(analysis: Analysis) -> int:
    """Where the dateline's place starts (-1: no dateline place)."""
    dateline = analysis.article.dateline
    match = _DATELINE_PLACE.match(dateline.text) if dateline is not None else None
    return dateline.start + match.start() if dateline is not None and match else -1


def _dateline_pair(doc: Doc, analysis: Analysis) -> list[Found]:
    """ "DUBLIN, Ohio —", "SPRINGFIELD, Ill. (AP) —": a town in capitals and its state, read
    as a pair: the state's town of that name, not the biggest namesake."""
    dateline = analysis.article.dateline
    if dateline is None:
        return []
    match = _DATELINE_PLACE.match(dateline.text)
    if match is None or "," in match.group():
        return []
    start = dateline.start + match.start()
    end = start + len(match.group().rstrip(". "))
    comma = next((t for t in doc if t.idx >= end), None)
    if comma is None or comma.text != "," or comma.i + 1 >= len(doc):
        return []
    state_tokens = _state_tokens(doc, comma.i + 1)
    if state_tokens is None:
        return []
    state_end, state = state_tokens
    town = _town_in(analysis.article.text[start:end].title(), state)
    last = doc[state_end - 1]
    named = Found(
        analysis.article.span(doc[comma.i + 1].idx, last.idx + len(last)),
        _known(state),
        overrides=True,
    )
    if town is None:
        # "TOWER, Minn. —", a town too small for the gazetteer: still the state (with its
        # full stop), and the capitals are not read alone for a namesake abroad
        return [named]
    return [Found(analysis.article.span(start, end), _known(town), overrides=True), named]


def _dateline(analysis: Analysis, taken: SpanSet, resolve: Resolver) -> list[Found]:
    """ "LONDON (Reuters) -", "ALLENDALE, N.J. --": the capitals opening the dateline."""
    dateline = analysis.article.dateline
    if dateline is None:
        return []
    match = _DATELINE_PLACE.match(dateline.text)
    if match is None:
        return []
    words = match.group().split(",")[0].strip()
    start = dateline.start + match.start()
    end = start + len(words)
    if not words or taken.overlaps(start, end):
        return []
    known = resolve(words.title())
    return [Found(analysis.article.span(start, end), known)] if known else []
