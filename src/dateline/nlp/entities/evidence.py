"""An entity's type from the strongest evidence the article gives, and which evidence it was.

The tagger's label is the weakest evidence: it reads one sentence and calls a camp an
organisation, an armed group a person, a state a person. After the mentions are resolved, each
name is retyped where the article says more:
- a title alone ("Cmdr.", "Lt. Gen.") is a title, never a person: it is dropped;
- "Operation X" is an operation, a name that ends in an organisation word ("militia",
  "brigade") or follows "the group" is a body;
- a name the gazetteer knows, used where the text says place ("in X", "the town of X") and
  never with a person's title, is a place; a name that ends in a place word ("camp",
  "crossing", "base", "berm") is a location.
`type_from` says which evidence decided: "ner" (the tagger, settled by the majority of an
article's mentions), "title", "organisation context", "gazetteer", "place word", and from
the cues of `cues.py` "storm", "vessel", "dateline", "organisation list", "club".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc

from dateline.nlp.common.gazetteer import (
    cities_named,
    country_place,
    division_named,
    largest_city,
    spelled_like,
)
from dateline.nlp.common.lexicon import country_of_name, country_of_word, is_role_noun, organisation
from dateline.nlp.entities.mentions import (
    Mention,
    in_place_context,
    is_organisation_word,
    is_titled,
    owns,
    place_kind,
)
from dateline.nlp.stage import article_text

_ORG_ENDINGS = {"militia", "brigade", "brigades", "group", "army", "front", "movement", "forces",
                "command", "agency", "ministry", "party", "commission", "fleet", "navy",
                "guards", "corps"}  # fmt: skip
_ORG_BEFORE = {"group", "militia", "faction", "movement", "coalition"}
# A town's own word closing its name: "George Town with Bayan Lepas" names no person.
_TOWN_WORDS = frozenset({"Town", "City"})
_PLACE_ENDINGS = {"camp", "crossing", "base", "berm", "checkpoint", "border", "airbase"}
# A town this big is a place wherever the text puts it in place context; a smaller one also
# needs the name to be nobody's surname in the article.
_TOWN = 1_000


class _Cluster(Protocol):
    label: str
    mentions: list[Mention]
    type_from: str


@dataclass(frozen=True, slots=True)
class Verdict:
    label: str | None  # None: not an entity at all
    source: str


def retype(doc: Doc, name: str, cluster: _Cluster, given: frozenset[str]) -> Verdict:
    """The type the article's evidence gives the entity named `name`; `given` holds the
    words of the people's full names the article gives."""
    words = name.split()
    if cluster.label == "PERSON" and words and all(_title_word(w) for w in words):
        return Verdict(None, "title")
    cued = [m for m in cluster.mentions if m.cue is not None]
    if cued:
        return Verdict(cued[0].label, cued[0].cue or "")
    if _known_body(doc, name, cluster):
        return Verdict("ORG", "organisation list")
    if any(m.team for m in cluster.mentions):
        return Verdict("ORG", "organisation context")
    if words and words[0] == "Operation" and len(words) > 1:
        return Verdict("ORG", "organisation context")
    if any(_after_operation(doc, m) for m in cluster.mentions):
        for mention in cluster.mentions:
            _take_operation_word(doc, mention)
        return Verdict("ORG", "organisation context")
    if cluster.label != "ORG" and len(words) > 1 and words[-1].lower() in _ORG_ENDINGS:
        return Verdict("ORG", "organisation context")
    if cluster.label in {"GPE", "PERSON"} and _club(words):
        return Verdict("ORG", "club")
    if cluster.label in {"OTHER"} and _town_by_its_name(doc, name, cluster):
        return Verdict("GPE", "gazetteer")
    if cluster.label == "OTHER" and _body_by_its_word(words):
        return Verdict("ORG", "organisation context")  # "Kuala Lumpur High Court"
    if cluster.label == "PERSON" and words and all(is_organisation_word(w) for w in words):
        return Verdict("ORG", "organisation context")  # "the General Synod": no one's name
    if cluster.label == "PERSON" and len(words) > 1 and is_organisation_word(words[-1]):
        return Verdict("ORG", "organisation context")  # "Tern Robotics", no one's name
    if cluster.label == "PERSON" and any(_after_group_word(doc, m) for m in cluster.mentions):
        return Verdict("ORG", "organisation context")
    if cluster.label == "PERSON" and any(_body_apposition(doc, m) for m in cluster.mentions):
        return Verdict("ORG", "organisation context")
    if cluster.label in {"PERSON", "ORG", "NORP"} and words[-1].lower() in _PLACE_ENDINGS:
        return Verdict("OTHER", "place word")
    if cluster.label in {"PERSON", "ORG"} and _place_by_evidence(doc, name, cluster, given):
        return Verdict("GPE", "gazetteer")
    if cluster.label in {"PERSON", "ORG"} and _place_by_its_kind(doc, name, cluster, given):
        return Verdict("GPE", "place word")
    if cluster.label == "NORP" and _place_not_people(doc, name, cluster, given):
        return Verdict("GPE", "place word")  # "the Artibonite region": no people's word
    if cluster.label == "ORG" and _province_of_the_story(doc, name, cluster):
        return Verdict("GPE", "gazetteer")
    return Verdict(cluster.label, cluster.type_from)


def _body_by_its_word(words: list[str]) -> bool:
    """A facility or location's name that ends in a body's word ("High Court") is the body;
    not one that ends in a place's ("Rukban camp")."""
    last = words[-1] if len(words) > 1 else ""
    return is_organisation_word(last) and last.lower() not in _PLACE_ENDINGS


def _place_not_people(doc: Doc, name: str, cluster: _Cluster, given: frozenset[str]) -> bool:
    """A "people" that is no nationality, which the text calls a town or a division."""
    return country_of_word(name) is None and _place_by_its_kind(doc, name, cluster, given)


def _known_body(doc: Doc, name: str, cluster: _Cluster) -> bool:
    """ "al-Shabaab pushed ...", tagged a person twice: a body the organisation list knows by
    the whole name is that body, unless a title makes someone of it ("Mr. Wagner"). Where
    the tagger said so too, the list is the firmer evidence: "leaders in Hamas" stays the
    movement, not the German town one of whose other names it is."""
    if cluster.label not in {"PERSON", "NORP", "ORG"} or organisation(name) is None:
        return False
    return not any(is_titled(doc, m) for m in cluster.mentions)


# The last words of clubs' names after their town's: "Leicester City", "Bolton Wanderers".
CLUB_WORDS = frozenset(
    {"City", "United", "Rovers", "Wanderers", "Athletic", "Albion", "Hotspur", "FC", "Rangers"}
)


def _club(words: list[str]) -> bool:
    """ "Leicester City": a town's name and a club's word, where the whole names no place
    ("Mexico City", "Kansas City" do)."""
    if len(words) < 2 or words[-1] not in CLUB_WORDS:
        return False
    town = largest_city(" ".join(words[:-1]))
    return town is not None and town.by_name and largest_city(" ".join(words)) is None


def _town_by_its_name(doc: Doc, name: str, cluster: _Cluster) -> bool:
    """ "Pinar del Rio" tagged a facility: a town or division the gazetteer knows by this
    very name is that place, unless a mention takes "the" as rivers and seas do ("the
    Mississippi", but "the Hiiraan region") or the name ends in a place word ("Rukban camp")."""
    if name.split()[-1].lower() in _PLACE_ENDINGS or organisation(name) is not None:
        return False
    city = largest_city(name)
    if city is None or not city.by_name or city.population < _TOWN:
        return False
    if not spelled_like(city, name) or city.feature not in {"city", "region"}:
        return False
    return not any(
        m.token_start > 0
        and doc[m.token_start - 1].lower_ == "the"
        and not in_place_context(doc, m)  # "the Hiiraan region" is the region
        and place_kind(doc, m) is None  # so are "the Dogansehir and Yesilyurt districts"
        for m in cluster.mentions
    )


def _title_word(word: str) -> bool:
    """ "Cmdr.", "Lt.", "Gen": a title or its abbreviation."""
    bare = word.rstrip(".")
    return is_role_noun(word) or is_role_noun(bare) or is_role_noun(bare + ".")


def _after_group_word(doc: Doc, mention: Mention) -> bool:
    """ "the armed group Jund al-Haqq", "the militia X": a body named after its kind."""
    start = mention.token_start
    return start > 0 and doc[start - 1].lower_ in _ORG_BEFORE


# Nouns an apposition names a body by: "Viv Ansanm, a coalition of gangs".
_BODY_NOUNS = frozenset(
    {"coalition", "group", "militia", "faction", "movement", "party", "company", "alliance",
     "gang", "firm", "club", "network", "organisation", "organization", "union", "insurgency"}
)  # fmt: skip


def _body_apposition(doc: Doc, mention: Mention) -> bool:
    """ "Viv Ansanm, a coalition of gangs led by ...": the name is what the apposition says,
    a body; no person is "a coalition"."""
    end = mention.token_end
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"a", "an"}:
        return False
    for token in doc[end + 2 : end + 6]:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ in _BODY_NOUNS and (following is None or following.pos_ != "NOUN"):
            return True  # the phrase's head: not "Rex Early, a former state party chairman"
        if token.pos_ not in {"ADJ", "NOUN", "PROPN", "ADV"}:
            return False
    return False


def _after_operation(doc: Doc, mention: Mention) -> bool:
    """ "Operation Inherent Resolve", where the tagger left "Operation" out."""
    start = mention.token_start
    return start > 0 and doc[start - 1].text == "Operation"


def _take_operation_word(doc: Doc, mention: Mention) -> None:
    if _after_operation(doc, mention):
        mention.token_start -= 1
        mention.start = doc[mention.token_start].idx
        mention.text = article_text(doc)[mention.start : mention.end]


def _place_by_its_kind(doc: Doc, name: str, cluster: _Cluster, given: frozenset[str]) -> bool:
    """ "the Dnipropetrovsk region", "Battalgazi, the central district of the city", "south of
    Birnin Gwari" after "the town of": a name the text calls a town or a division, that the
    gazetteer holds by that name or as a division of it, is that place, however few people
    GeoNames counts there (none, for many districts): the text says so. Never a known body,
    a titled name, or a word of a person's full name the article gives."""
    if organisation(name) is not None or any(is_titled(doc, m) for m in cluster.mentions):
        return False
    if set(name.lower().split()) & given:
        return False
    for mention in cluster.mentions:
        kind = place_kind(doc, mention)
        if kind is None:
            continue
        if any(spelled_like(c, name) for c in cities_named(name)):
            return True
        if division_named(name, kind) is not None:
            return True
    return False


# A first-order division this big is a province a story names by its name alone.
_PROVINCE = 1_000_000


def _province_of_the_story(doc: Doc, name: str, cluster: _Cluster) -> bool:
    """ "more rain over Balochistan", tagged a body: a big first-order division called by its
    own name, in a story that names the division's country, is that province, unless a
    word of a body ends the name or the name is a team's."""
    if organisation(name) is not None or name.split()[-1].lower() in _ORG_ENDINGS:
        return False
    if any(m.team for m in cluster.mentions):
        return False
    city = largest_city(name)
    if city is None or city.feature != "region" or not city.by_name or city.country is None:
        return False
    if city.population < _PROVINCE:
        return False
    country = country_place(city.country)
    return country is not None and country.name in article_text(doc)


def _place_by_evidence(doc: Doc, name: str, cluster: _Cluster, given: frozenset[str]) -> bool:
    """A known place the text uses as one, never titled like a person, no known body; a
    "person" named exactly like a state or province nobody in the article is named after."""
    if organisation(name) is not None or any(is_titled(doc, m) for m in cluster.mentions):
        return False
    if country_of_name(name) is not None:
        return True
    city = largest_city(name)
    if city is None or city.population < _TOWN or not spelled_like(city, name):
        return False
    if cluster.label == "PERSON" and len(name.split()) > 1 and name.split()[-1] in _TOWN_WORDS:
        return city.feature == "city"  # "George Town", "Quezon City": nobody's name
    if cluster.label == "PERSON" and city.feature == "region":
        return not set(name.lower().split()) & given
    if city.feature == "city" and cluster.label == "ORG" and len(cluster.mentions) > 1:
        # A body named like a town ("Aberdeen" the fund) is read in place context twice.
        return sum(in_place_context(doc, m) for m in cluster.mentions) >= 2
    # "sits in Anwar's coalition": the preposition governs what the name owns
    return any(in_place_context(doc, m) and not owns(doc, m) for m in cluster.mentions)
