"""Who is speaking: speech cues, and the speaker a cue's subject names.

A cue is a verb of saying ("said", "told", "insisted", "described … as"), "according to", or
an attribution adverb ("reportedly"). Its speaker is the grammatical subject, followed through
conjunctions ("referred to … and said"), relative clauses ("Jane Roe, who said"), passives
("was quoted by") and pronouns ("he said": the last person named outside a quote). Thoughts and
intentions ("believes", "wants") are not speech and are not cues.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from dateline.model import Entity, EntityType, Span
from dateline.nlp.common.lexicon import country_of_word
from dateline.nlp.common.sentences import sentence_of
from dateline.nlp.stage import article_text
from dateline.vocabulary import word_rows, word_set

SPEECH_VERBS = word_set("dateline.nlp.common", "speech_verbs.txt")
# Verbs that frame a partial quote as a characterisation: described X as "…", referred to it
# as "…"; and naming verbs ("called it a 'mess'"), which mostly frame scare quotes, not
# someone's words.
_FRAMING = word_rows("dateline.nlp.common", "framing_verbs.csv")
CHARACTERISING = frozenset(row["verb"] for row in _FRAMING if row["kind"] == "characterising")
NAMING = frozenset(row["verb"] for row in _FRAMING if row["kind"] == "naming")
# Verbs of saying that also begin or go on with another action: "continued to deliver".
_ASPECTUAL = frozenset({"continue", "repeat"})
ATTRIBUTION_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_PERSONAL = {"he", "she", "him", "her"}
_RELATIVE = {"who", "that", "which"}
# Nouns for a country's side in a dispute: "the Israeli side", "Egyptian officials".
_GROUP_NOUNS = word_set("dateline.nlp.common", "group_nouns.txt")


# What a verb of saying is tagged: its part of speech, or its verb tag when the part of
# speech is wrong.
_CUE_POS = frozenset({"VERB", "AUX"})
_CUE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN"})


def is_speech_cue(token: Token) -> bool:
    """A verb of saying (not of thinking), as used in this sentence: "pledged delegates"
    and "a stated goal" use the verb as an adjective, and report nothing."""
    if token.pos_ not in _CUE_POS and token.tag_ not in _CUE_TAGS:
        return False
    if token.dep_ in {"amod", "compound", "nmod"}:
        return False
    lemma = token.lemma_.lower()
    if lemma in _ASPECTUAL and any(c.dep_ == "xcomp" for c in token.children):
        return False  # "continued to deliver speeches" says nothing; "“…,” he continued" does
    return lemma in SPEECH_VERBS or (lemma == "point" and _has_particle(token, "out"))


def _has_particle(verb: Token, particle: str) -> bool:
    """ "pointed out that …": a phrasal verb of saying."""
    return any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


def is_according_to(token: Token) -> bool:
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def cue_candidates(doc: Doc) -> list[int]:
    """The positions of the tokens that may be speech cues or "according to" (tagged as a
    verb, or "according"), read off the Doc's arrays: a scan testing every token as a cue
    makes a Python object of each, and most are no verb."""
    pos, tags, lowers = doc.to_array(["POS", "TAG", "LOWER"]).T
    strings = doc.vocab.strings
    wanted = (
        np.isin(pos, [strings[name] for name in _CUE_POS])
        | np.isin(tags, [strings[tag] for tag in _CUE_TAGS])
        | (lowers == strings["according"])
    )
    return [int(i) for i in np.nonzero(wanted)[0]]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it: the entity where the text names one, the name as written, and the mention
    in this sentence that points at them (a pronoun stays a pronoun here)."""

    entity: Entity | None
    name: str | None
    mention: Span | None


class MentionIndex:
    """The article's entity mentions by offset, and which stretches are inside quotes."""

    def __init__(self, entities: list[Entity], quoted: list[tuple[int, int]]) -> None:
        pairs = sorted(
            ((mention, entity) for entity in entities for mention in entity.mentions),
            key=lambda pair: pair[0].start,
        )
        self._starts = [mention.start for mention, _ in pairs]
        self._pairs = pairs
        self._longest = max((m.end - m.start for m, _ in pairs), default=0)
        self._quoted = sorted(quoted)
        self._quote_starts = [start for start, _ in self._quoted]
        self.entities = entities
        # people named outside quotes, by start: who "he" or "she" may be
        self._people = [
            (m, e)
            for m, e in pairs
            if e.type is EntityType.PERSON and not self.inside_quote(m.start)
        ]
        self._people_starts = [m.start for m, _ in self._people]
        self._word_hits: dict[EntityType, tuple[list[int], list[tuple[Span, Entity]]]] | None = None

    def inside_quote(self, offset: int) -> bool:
        position = bisect_right(self._quote_starts, offset) - 1
        return position >= 0 and offset < self._quoted[position][1]

    def at(self, start: int, end: int) -> tuple[Span, Entity] | None:
        """The mention overlapping [start, end), longest first."""
        hits = []
        for position in range(bisect_right(self._starts, end - 1) - 1, -1, -1):
            mention, entity = self._pairs[position]
            if mention.start < start - self._longest:
                break  # no mention this far back reaches `start`
            if mention.start < end and start < mention.end:
                hits.append((mention, entity))
        return max(hits, key=lambda h: h[0].end - h[0].start) if hits else None

    def within(self, start: int, end: int) -> list[tuple[Span, Entity]]:
        """Every mention that starts in [start, end) outside quotes, in text order."""
        first = bisect_right(self._starts, start - 1)
        last = bisect_right(self._starts, end - 1)
        return [p for p in self._pairs[first:last] if not self.inside_quote(p[0].start)]

    def person_before(self, offset: int) -> tuple[Span, Entity] | None:
        """The last person named before `offset`, outside quotes: who "he" or "she" is."""
        for position in range(bisect_right(self._people_starts, offset) - 1, -1, -1):
            mention, entity = self._people[position]
            if mention.end <= offset:  # only mentions around `offset` are passed over
                return mention, entity
        return None

    def last_word_naming(
        self, doc: Doc, wanted: EntityType, start: int, end: int
    ) -> tuple[Span, Entity] | None:
        """Of the tokens start..end-1 outside quotes, the last whose mention (`at`, longest
        first) is an entity of type `wanted`, and that mention.

        Only tokens inside mentions can name anyone, so those are found once per Doc, each
        with its mention, and listed by type: a look-up is then a bisection."""
        if self._word_hits is None:
            self._word_hits = self._hits_by_type(doc)
        positions, hits = self._word_hits.get(wanted, ([], []))
        position = bisect_left(positions, end) - 1
        if position >= 0 and positions[position] >= start:
            return hits[position]
        return None

    def _hits_by_type(
        self, doc: Doc
    ) -> dict[EntityType, tuple[list[int], list[tuple[Span, Entity]]]]:
        words: set[int] = set()
        for mention, _ in self._pairs:
            covered = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if covered is not None:
                words.update(range(covered.start, covered.end))
        by_type: dict[EntityType, tuple[list[int], list[tuple[Span, Entity]]]] = {}
        for i in sorted(words):
            word = doc[i]
            if self.inside_quote(word.idx):
                continue
            hit = self.at(word.idx, word.idx + len(word.text))
            if hit is not None:
                positions, hits = by_type.setdefault(hit[1].type, ([], []))
                positions.append(i)
                hits.append(hit)
        return by_type

    def country_entity(self, country: str) -> Entity | None:
        for entity in self.entities:
            if entity.type is EntityType.GPE and entity.country == country:
                return entity
        return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue, through conjoined and subordinate verbs that share it."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child
        if current.dep_ == "relcl":
            return current.head
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if current.dep_ in {"conj", "xcomp", "advcl", "acl"} and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def speaker_of_cue(cue: Token, index: MentionIndex) -> Speaker | None:
    """The speaker a cue names: its subject, or for "according to X", X."""
    if is_according_to(cue):
        to = next(c for c in cue.children if c.lower_ == "to")
        subject = next((c for c in to.children if c.dep_ == "pobj"), None)
    else:
        subject = subject_of(cue)
    if subject is None:
        return nearest_name_before(cue, index)
    return speaker_of_token(subject, index)


def speaker_of_token(token: Token, index: MentionIndex) -> Speaker:
    """The speaker a subject token names, resolved to an entity where the text allows."""
    doc = token.doc
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head
    if token.lower_ in _PERSONAL:
        mention = Span(token.idx, token.idx + len(token.text), token.text)
        found = index.person_before(token.idx)
        if found is None:
            return Speaker(None, None, mention)
        return Speaker(found[1], found[1].name, mention)
    hit = index.at(token.idx, token.idx + len(token.text)) or _name_in_phrase(token, index)
    if hit is not None:
        return Speaker(hit[1], hit[1].name, hit[0])
    phrase = _noun_phrase(token)
    text = article_text(doc)[phrase[0] : phrase[1]]
    mention = Span(phrase[0], phrase[1], text)
    return Speaker(_group_country(token, index), text, mention)


def _name_in_phrase(token: Token, index: MentionIndex) -> tuple[Span, Entity] | None:
    """ "Qatari Minister of State Hamad al-Marri, who …": the name inside a titled subject,
    a person before anything else; relative clauses are not part of the subject's name."""
    hits = []
    for word in token.subtree:
        if any(
            a.dep_ in {"relcl", "acl", "advcl"} and a.i >= token.i
            for a in word.ancestors
            if a.i != token.i and token in a.ancestors
        ):
            continue
        hit = index.at(word.idx, word.idx + len(word.text))
        if hit is not None:
            hits.append(hit)
    people = [h for h in hits if h[1].type is EntityType.PERSON]
    return people[0] if people else None


def nearest_name_before(cue: Token, index: MentionIndex) -> Speaker | None:
    """When the parse gives a cue no subject ("In Ottawa, Jane Roe, a critic, said"), the
    person or organisation named last before it in its sentence."""
    sentence = sentence_of(cue)
    for wanted in (EntityType.PERSON, EntityType.ORG):
        hit = index.last_word_naming(cue.doc, wanted, sentence.start, cue.i)
        if hit is not None:
            return Speaker(hit[1], hit[1].name, hit[0])
    return None


def _noun_phrase(token: Token) -> tuple[int, int]:
    """The subject's words up to its head: "the Israeli side", "two senior officials"."""
    left = token
    for child in token.lefts:
        if child.dep_ in {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod"}:
            left = min(left, child.left_edge, key=lambda t: t.i)
    return left.idx, token.idx + len(token.text)


def _group_country(token: Token, index: MentionIndex) -> Entity | None:
    """ "the Israeli side" speaks for Israel: a group noun with a nationality."""
    if token.lower_ not in _GROUP_NOUNS:
        return None
    for child in token.lefts:
        country = country_of_word(child.text)
        if country is not None:
            return index.country_entity(country)
    return None
