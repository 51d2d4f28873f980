"""Who acts and who is acted on: an event's argument resolved to a PLOVER actor.

PLOVER codes an actor by country (ISO alpha-3, or IGO, NGO … for bodies above states) and
sector (GOV, MIL, REB, CVL …). News names actors in three ways, and each is read here:
- by name: "Antony Blinken", "Hamas", "Jordan" (an entity of the article);
- as a state's organ: "Israeli forces", "the Biden administration", "U.S. officials": the
  actor is the state (its entity, named as the country), the noun gives the sector;
- as a group: "residents in the Gaza Strip", "seven aid workers": the group keeps its own
  name, and a place or nationality in its phrase gives its country.
A noun that names no party ("a proposal", "the convoy") is not an actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Token

from dateline.model import Analysis, Entity, EntityType, Place, Span
from dateline.nlp.common.lexicon import (
    country_name,
    country_of_demonym,
    country_of_name,
    organisation,
)
from dateline.nlp.common.speakers import MentionIndex, subject_of
from dateline.nlp.events.dictionaries import agent_sector
from dateline.nlp.events.lexicon import lexicon
from dateline.nlp.stage import article_text
from dateline.ontology import NON_STATE_CODES

# Head nouns that name a party, with the PLOVER sector they give (data/event_lexicon.json).
SECTOR_NOUNS: dict[str, str] = {
    noun: sector for sector, nouns in lexicon()["sector_nouns"].items() for noun in nouns
}
# The singular of each: "a soldier", "the journalist".
SECTOR_NOUNS.update(
    {noun[:-1]: sector for noun, sector in list(SECTOR_NOUNS.items()) if noun.endswith("s")}
)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
# Words in a person's role that tell the sector.
_ROLE_SECTORS: Mapping[str, str] = lexicon()["role_sectors"]  # the first word found wins
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_QUANTITIES = frozenset(lexicon()["quantity_nouns"])
Naming = Literal["entity", "words", "coder"]
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_STANCES = ("anti", "pro")
_GROUP_POSSESSIVES = frozenset({"its", "their"})
_GROUP_TYPES = frozenset({EntityType.GPE, EntityType.ORG, EntityType.NORP})
# Nouns that name a party by its tie to another: "Russia's allies" are not Russia.
_RELATIONS = frozenset(lexicon()["relation_nouns"])
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_OF_PLACE = frozenset({"in", "of", "from", "throughout", "across", "at"})
_DROPPED_LEFT = frozenset({"det", "nummod", "quantmod", "predet", "poss", "case", "punct"})


@dataclass(frozen=True, slots=True)
class Actor:
    """One side of an event as PLOVER codes it, linked to the words that name it."""

    entity: Entity | None
    name: str | None
    mention: Span
    country: str | None
    sector: str | None
    # What the name is: the entity's ("Israel" for "Israeli forces"), the text's own words
    # for a group ("aid workers"), or one the coder gave ("unidentified attackers", whose
    # words, "a roadside bomb", are no party). The record names a side by the words of
    # the text where they name it (events.phrases), and never renames a coder's name.
    naming: Naming = "entity"
    # Where the sector came from: a word of the text ("police", a "minister" title),
    # a dictionary entry (the Phoenix agents, a known organisation), or the coder's
    # inference ("authorities" for an arrest no one is named as making).
    sector_source: str | None = None

    @property
    def code_source(self) -> str | None:
        """Where the code came from: the country's provenance, or the sector's where the
        code is a body above states (IGO, NGO …); the provenance of an inferred country
        that codes nothing stays, so a reader sees why the side has no code."""
        if self.country is not None:
            return self.country_source
        return self.sector_source if self.code is not None else None

    @property
    def country_source(self) -> str | None:
        """Where the country came from: the entity's own provenance ("text", "dictionary",
        "gazetteer"), or the place that gave it; an actor never borrows the story's country."""
        if self.country is None:
            return None
        entity = self.entity
        if entity is not None and entity.country == self.country and entity.country_source:
            if entity.type is EntityType.GPE and _says_nationality(self.mention.text, self.country):
                return "text"  # "Bangladeshi police" linked to Dhaka: the word said whose
            return entity.country_source
        if entity is None or entity.type in {EntityType.GPE, EntityType.OTHER}:
            return "gazetteer"
        return "text"

    @property
    def code(self) -> str | None:
        """PLOVER's actor code: the country, or IGO, NGO … for a body above states. A
        country inferred from what the story is about codes no event (issue 14)."""
        if self.country is not None and self.country_source != "inference":
            return self.country
        if self.sector in NON_STATE_CODES:
            return self.sector
        return None


class ActorFinder:
    """Resolves argument tokens of one article to actors."""

    def __init__(self, analysis: Analysis, index: MentionIndex) -> None:
        self.analysis = analysis
        self.index = index
        self.places = _entity_places(analysis)

    def actor(self, token: Token) -> Actor | None:
        """The actor a noun phrase's head names, or None when it names no party."""
        found = self.actors(token)
        return found[0] if found else None

    def actors(self, token: Token) -> list[Actor]:
        """The actors a noun phrase names: "the Turkish and Greek sides" names two."""
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            token = token.head.head
        if token.lower_ in _PRONOUNS:
            found = self._person_before(token)
            return [found] if found is not None else []
        whole, token = token, _counted(token)
        named = self.index.at(token.idx, token.idx + len(token.text))
        if named is not None:
            return [self.named(named[1], self.mention_of(token))]
        named_aside = self._named_apposition(token)
        if named_aside:
            return named_aside
        titled = self._titled_name(token) if token.pos_ == "PROPN" else None
        if titled is not None:
            return [titled]
        if _bare_information(token):
            return []
        sector = _sector_of_noun(token) or _sector_of_compound(token)
        owners = self._owners(token)
        if sector is None:
            # "the Indian proposal", "Palestinian homes", "an organisation in Northern
            # Ireland": what belongs to a state or lies in it stands for it.
            return [self.named(owner, self.mention_of(token)) for owner, _ in owners[:2]]
        whose: list[Entity | None] = [owner for owner, _ in owners] or [None]
        groups = [self._group(token, sector, owner) for owner in whose]
        if whole.i != token.i:  # "dozens of demonstrators": the group's words keep their count
            return [replace(g, mention=self.mention_of(whole)) for g in groups]
        return groups

    @staticmethod
    def _sourced(actor: Actor, token: Token) -> Actor:
        """The group's sector with where it came from: Dateline's own party nouns read in
        the text, else the Phoenix agent dictionary."""
        words = [token, *(c for c in token.lefts if c.dep_ == "compound")]
        own = any(w.lower_ in SECTOR_NOUNS or w.lemma_.lower() in SECTOR_NOUNS for w in words)
        return replace(actor, sector_source="text" if own else "dictionary")

    def _named_apposition(self, token: Token) -> list[Actor]:
        """ "Poland's interior minister, Agata Wozniak,": the title is said of the parties
        the apposition names, and they act, not the country the title belongs to."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return []
        found = []
        for aside in token.children:
            if aside.dep_ != "appos":
                continue
            for name in (aside, *aside.conjuncts):
                named = self.index.at(name.idx, name.idx + len(name.text))
                if named is not None and named[1].type is not EntityType.OTHER:
                    found.append(self.named(named[1], self.mention_of(name)))
        return found

    def _titled_name(self, token: Token) -> Actor | None:
        """ "Energy Minister Eirik Haugland" parsed with the title as the head: the name that
        follows the title at once is the party."""
        doc = token.doc
        for following in doc[token.i + 1 : min(token.i + 4, len(doc))]:
            if following.pos_ != "PROPN":
                return None
            named = self.index.at(following.idx, following.idx + len(following.text))
            if named is not None:
                if named[1].type is not EntityType.PERSON:
                    return None
                return self.named(named[1], self.mention_of(following))
        return None

    def _person_before(self, token: Token) -> Actor | None:
        found = self.index.person_before(token.idx)
        if found is None:
            return None
        mention = Span(token.idx, token.idx + len(token.text), token.text)
        return self.named(found[1], mention)

    def named(self, entity: Entity, mention: Span) -> Actor:
        """An actor the text names: a person, an organisation, a state or a people."""
        if entity.type is EntityType.PERSON:
            sector = _role_sector(entity.role)  # "Defence Minister …": the text's title
            source = "text" if sector is not None else None
            return Actor(entity, entity.name, mention, entity.country, sector, sector_source=source)
        if entity.type is EntityType.ORG:
            known = organisation(entity.name)
            sector = known.sector if known is not None else None
            source = "dictionary" if sector is not None else None
            return Actor(entity, entity.name, mention, entity.country, sector, sector_source=source)
        if entity.type is EntityType.NORP and entity.country is not None:
            state = self.state(entity.country)
            if state is not None:
                return Actor(state, self.name_of(state), mention, entity.country, None)
        return Actor(entity, self.name_of(entity), mention, entity.country, None)

    def _group(self, token: Token, sector: str, owner: Entity | None) -> Actor:
        """ "Israeli forces" stands for Israel; "residents in the Gaza Strip" stay residents,
        of the Gaza Strip's country."""
        return self._sourced(self._grouped(token, sector, owner), token)

    def _grouped(self, token: Token, sector: str, owner: Entity | None) -> Actor:
        mention = self.mention_of(token)
        country = owner.country if owner is not None else None
        if owner is not None and owner.type is EntityType.ORG:
            return Actor(owner, owner.name, mention, country, sector)
        if sector in STATE_SECTORS and owner is not None:
            state = self.state(country) if country else None
            entity = state or owner
            name = self.name_of(state) if state else (country_name(country or "") or owner.name)
            return Actor(entity, name, mention, country, sector)
        return Actor(owner, _group_name(token), mention, country, sector, naming="words")

    def _owners(self, token: Token, depth: int = 0) -> list[tuple[Entity, bool]]:
        """The entities a group belongs to, each with whether it is named before the noun:
        "Israeli", "Biden", "U.S." (and their conjuncts: "Turkish and Greek sides"), else a
        place after it ("in the Gaza Strip", "of Armenia")."""
        for child in token.lefts:
            if child.dep_ not in _MODIFIERS or _against(child):
                continue  # "anti-Syria journalist": against a country, not of it
            if child.dep_ == "poss" and token.lemma_.lower() in _RELATIONS:
                continue  # "Israel's ally in Lebanon": another party, tied to the possessor
            if child.dep_ == "poss" and child.lower_ in _GROUP_POSSESSIVES:
                # "its jets", "their forces": a group of the party named before; "their
                # homes" are things, left to the party they belong to.
                grouped = _sector_of_noun(token) or _sector_of_compound(token)
                owner = self._antecedent(child) if grouped else None
                if owner is not None:
                    return [(owner, True)]
                continue
            found: list[tuple[Entity, bool]] = []
            for word in [child, *child.conjuncts]:
                entity = self._demonym_owner(word, self._entity_in(word.subtree))
                if entity is not None and all(entity.id != f.id for f, _ in found):
                    found.append((entity, True))
            if found:
                return found
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in _OF_PLACE:
                entity = (
                    self._source(prep)
                    or self._inner_owner(prep, depth)
                    or self._entity_in(prep.subtree, with_country=True)
                )
                if entity is not None:
                    return [(entity, False), *self._conjoined(prep, entity)]
        return []

    def _conjoined(self, prep: Token, first: Entity) -> list[tuple[Entity, bool]]:
        """ "the foreign ministers of Greece and Turkey", "officials from Egypt and Qatar":
        every state the phrase after "of" or "from" coordinates owns the group, not only
        the first, so they act together."""
        if prep.lower_ not in {"of", "from"}:
            return []
        found: list[tuple[Entity, bool]] = []
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for word in noun.conjuncts:
                hit = self.index.at(word.idx, word.idx + len(word.text))
                if hit is None or hit[1].id == first.id or not hit[1].country:
                    continue
                if all(hit[1].id != f.id for f, _ in found):
                    found.append((hit[1], False))
        return found

    def _demonym_owner(self, word: Token, entity: Entity | None) -> Entity | None:
        """ "Bangladeshi police", "Somali troops": a nationality word before a party noun
        says whose the party is, even where the entities stage left the word out or read
        it as a namesake place ("Somali" as a region of Ethiopia). The party is then linked
        to the article's entity of that country (the state, else a people or place of it)."""
        if word.dep_ not in {"amod", "compound"} or word.pos_ not in {"ADJ", "PROPN", "NOUN"}:
            return entity
        country = country_of_demonym(word.text) if not country_of_name(word.text) else None
        if country is None or (entity is not None and entity.country == country):
            return entity
        return self._of_country(country) or entity

    def _of_country(self, country: str) -> Entity | None:
        """The article's entity that stands best for a country: the state, else its people,
        else a place in it."""
        state = self.state(country)
        if state is not None:
            return state
        ranked = (EntityType.NORP, EntityType.GPE)
        for kind in ranked:
            for entity in self.analysis.entities:
                if entity.type is kind and entity.country == country:
                    return entity
        return None

    def _inner_owner(self, prep: Token, depth: int) -> Entity | None:
        """ "the commander of Israel's ally in Lebanon": the phrase after "of" is read as a
        phrase, so the commander belongs where the ally does, not to the first country
        named inside it."""
        if depth >= 2:
            return None
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            owners = self._owners(noun, depth + 1)
            if owners and owners[0][0].country is not None:
                return owners[0][0]
        return None

    def _antecedent(self, pronoun: Token) -> Entity | None:
        """ "Turkey denied that its jets …": "its" or "their" is the party named last before
        it in the sentence (a state, a body or a people, not a person)."""
        subject = _clause_subject(pronoun)
        if subject is not None and subject.i < pronoun.i:
            hit = self.index.at(subject.idx, subject.idx + len(subject.text))
            if hit is not None and hit[1].type in _GROUP_TYPES:
                return hit[1]
        sentence = pronoun.sent
        named = [
            entity
            for _, entity in self.index.within(sentence.start_char, pronoun.idx)
            if entity.type in _GROUP_TYPES
        ]
        return named[-1] if named else None

    def _source(self, prep: Token) -> Entity | None:
        """ "a proposal from Ms. Mansour in Geneva": what comes from a person or a body is
        theirs, whether or not the article says whose country they are, and before any place
        further down the phrase."""
        if prep.lower_ != "from":
            return None
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            hit = self.index.at(noun.idx, noun.idx + len(noun.text))
            if hit is not None and hit[1].type in {EntityType.PERSON, EntityType.ORG}:
                return hit[1]
        return None

    def _entity_in(self, words: Iterable[Token], with_country: bool = False) -> Entity | None:
        for word in words:
            hit = self.index.at(word.idx, word.idx + len(word.text))
            if hit is not None and (hit[1].country is not None or not with_country):
                return hit[1]
        return None

    def mention_of(self, token: Token) -> Span:
        """The words of a noun phrase, without its article: what a party is linked to."""
        start = token.left_edge.idx
        for child in token.lefts:
            if child.dep_ in {"det", "predet"}:
                start = child.idx + len(child.text_with_ws)
        end = token.idx + len(token.text)
        text = article_text(token.doc)[start:end]
        return Span(start, end, text)

    def state(self, country: str) -> Entity | None:
        """The article's entity for a country itself (not one of its towns), if named."""
        for entity in self.analysis.entities:
            state = entity.type is EntityType.GPE and self.feature_of(entity) == "country"
            if state and entity.country == country and country_of_name(entity.name) == country:
                return entity
        return None

    def feature_of(self, entity: Entity) -> str | None:
        """What kind of place a place entity is (country, region, city …), if geocoded."""
        place = self.places.get(entity.id)
        return place.feature if place is not None else None

    def name_of(self, entity: Entity) -> str:
        """An entity's name, a place by its gazetteer name ("Gaza" is the Gaza Strip)."""
        place = self.places.get(entity.id)
        if entity.type is EntityType.GPE and place is not None:
            return place.name
        if entity.type is EntityType.NORP and entity.country is not None:
            return country_name(entity.country) or entity.name
        return entity.name


def _entity_places(analysis: Analysis) -> dict[str, Place]:
    """Entity id -> the place its first geocoded mention resolved to."""
    by_start = {place.span.start: place for place in analysis.places}
    places: dict[str, Place] = {}
    for entity in analysis.entities:
        if entity.type not in {EntityType.GPE, EntityType.OTHER}:
            continue
        for mention in entity.mentions:
            place = by_start.get(mention.start)
            if place is not None and place.name:
                places[entity.id] = place
                break
    return places


def _says_nationality(words: str, country: str) -> bool:
    """Whether a nationality word of `country` is among `words` ("Somali troops")."""
    return any(country_of_demonym(word) == country for word in words.split())


def _against(modifier: Token) -> bool:
    """ "anti-Syria", "pro-Russian": a stance towards a country, whether the parser kept the
    prefix inside the modifier or hung "anti" and "-" beside it."""
    if any(w.lower_.startswith(_STANCES) for w in modifier.subtree):
        return True
    doc, start = modifier.doc, modifier.left_edge.i
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _STANCES


def _clause_subject(word: Token) -> Token | None:
    """The subject of the clause a word is in, shared along conjoined verbs ("Pakistan has
    refused … and has urged its citizens")."""
    verb = word
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return subject_of(verb)


def _bare_information(token: Token) -> bool:
    """ "shared intelligence on the suspects": intelligence that no one's is information,
    not the services ("Israeli intelligence", "the intelligence agencies")."""
    return token.lower_ == "intelligence" and not any(
        c.dep_ in {"det", "poss", "amod", "compound", "nmod"} for c in token.children
    )


def _counted(token: Token) -> Token:
    """ "thousands of students", "scores of refugees": the people counted, not the count."""
    if token.lower_ not in _QUANTITIES:
        return token
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if inner is not None:
                return _counted(inner)
    return token


def _sector_of_noun(token: Token) -> str | None:
    """The sector a party noun gives: Dateline's own list first, then the Phoenix agent
    dictionary ("paramedics", "smugglers", "clerics"), with the compound before the noun
    where the dictionary lists the pair ("riot police")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    own = SECTOR_NOUNS.get(token.lower_) or SECTOR_NOUNS.get(token.lemma_.lower())
    if own is not None or token.pos_ != "NOUN":
        return own
    compounds = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if compounds:
        paired = agent_sector(f"{compounds[-1].lower_} {token.lower_}")
        if paired is not None:
            return paired
    return agent_sector(token.lower_) or agent_sector(token.lemma_.lower())


def _sector_of_compound(token: Token) -> str | None:
    """ "army bulldozers", "police vehicles": the party is in the compound."""
    if token.pos_ != "NOUN":
        return None
    for child in token.lefts:
        if child.dep_ == "compound":
            sector = _sector_of_noun(child)
            if sector is not None:
                return sector
    return None


def _role_sector(role: str | None) -> str | None:
    if not role:
        return None
    lowered = role.lower()
    return next((sector for word, sector in _ROLE_SECTORS.items() if word in lowered), None)


def _group_name(token: Token) -> str:
    """A group by its own words, without article or number: "aid workers", "residents"."""
    words = [
        child
        for child in token.lefts
        if child.dep_ in {"compound", "amod"} and child.pos_ != "PROPN"
    ]
    left = min([token, *words], key=lambda t: t.i)
    return article_text(token.doc)[left.idx : token.idx + len(token.text)]
