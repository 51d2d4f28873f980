"""Stage 6: positions — who stands where on what, and when, read from quotes and events.

A position is stated by a cue (`cues.py`) in a quote's words or its reporting verb ("she
supports the bridge", "condemned the levy"), or in an event's trigger ("urged against an
offensive"); an event whose trigger is no cue but whose PLOVER type states a stance on its
recipient (SUPPORT, REJECT, ACCUSE, PROTEST) gives that stance on the recipient. The holder is
the quote's speaker or the event's actor, unless the cue's own subject names another
participant ("Norway will support the quota", said the prime minister: Norway holds it).
The date is the quote's or event's, else the article's. One cue states one position: a quote
and an event over the same words are one position, the quote's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.model import (
    Analysis,
    EntityType,
    Event,
    Position,
    PositionTarget,
    Quote,
    Span,
)
from dateline.nlp.common.sentences import sentence_of
from dateline.nlp.positions.cues import (
    POLARITY,
    condition_in,
    cues,
    frame_of,
    is_finite,
    is_intent,
    lemma,
    polarity,
)
from dateline.nlp.positions.issues import Mentions, Target, target_of_noun, target_of_verb
from dateline.nlp.stage import article_text, stage
from dateline.vocabulary import word_set

COMPONENT = "dateline_positions"  # the spaCy component name (nlp.pipeline.STAGES)

_CALENDAR_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_OBJECTS = frozenset({"dobj", "obj", "nsubjpass"})
_HOLDER_TYPES = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP})
_STANCES = {1: "support", -1: "oppose", 0: "neutral"}
_NOT_TARGETS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_DASHES = frozenset({"—", "–", "--"})
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they"})
_PRONOUNS = _PERSONAL | {"it", "", "this", "that", "one"}
_AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_GROUP_NOUNS = word_set("dateline.nlp.common", "group_nouns.txt")


@dataclass(frozen=True, slots=True)
class Reading:
    """What one cue says: its target, its polarity, and the words of the cue."""

    target: Target
    polarity: int
    cue: Span
    token: Token


@dataclass(frozen=True, slots=True)
class _Holder:
    entity: str | None
    name: str | None


class _Article:
    """What every cue of one article is read against: its text, parse, participants, places
    and dates."""

    def __init__(self, doc: Doc, analysis: Analysis) -> None:
        self.doc = doc
        self.text = article_text(doc)
        self.mentions = Mentions(analysis.entities, analysis.places)
        self.entities = {e.id: e for e in analysis.entities}
        self.published = _calendar(analysis.article.published)
        self.dates = sorted(
            (t.span.start, value)
            for t in analysis.timexes
            if t.type == "DATE" and (value := _calendar(t.value))
        )

    def date_near(self, offset: int, low: int, high: int) -> str | None:
        """The calendar date named nearest to `offset` between `low` and `high`."""
        inside = [
            (abs(start - offset), value) for start, value in self.dates if low <= start < high
        ]
        return min(inside)[1] if inside else None


@stage(COMPONENT)
def find_positions(doc: Doc, analysis: Analysis) -> None:
    """The positions the article's quotes and events state."""
    analysis.positions = state_positions(doc, analysis)


def state_positions(doc: Doc, analysis: Analysis) -> list[Position]:
    article = _Article(doc, analysis)
    found: list[Position] = []
    seen: set[tuple[int, str]] = set()
    for quote in analysis.quotes:
        for position in _from_quote(article, quote):
            _keep(found, seen, position)
    for event in analysis.events:
        for position in _from_event(article, event):
            _keep(found, seen, position)
    found.sort(key=lambda p: p.cue.start)
    for number, position in enumerate(found, 1):
        position.id = f"pos{number}"
    return found


def _keep(found: list[Position], seen: set[tuple[int, str]], position: Position) -> None:
    """Keep a position unless one was kept for the same cue and target, or it has no holder
    to speak of (a pronoun the quote stage could not resolve) or is held on its holder."""
    mark = (position.cue.start, position.target.key)
    nameless = position.holder is None and (position.holder_name or "").casefold() in _PRONOUNS
    if nameless or (position.holder and position.target.entity == position.holder):
        return
    if mark not in seen:
        seen.add(mark)
        found.append(position)


def _from_quote(article: _Article, quote: Quote) -> list[Position]:
    if quote.speaker is None and not quote.speaker_name:
        return []
    low, high = quote.span.start, quote.span.end
    tokens = _tokens(article.doc, low, high)
    if quote.cue is not None:
        low, high = min(low, quote.cue.start), max(high, quote.cue.end)
        tokens += _tokens(article.doc, quote.cue.start, quote.cue.end)
    holder = _Holder(quote.speaker, quote.speaker_name)
    stated = _Stated(holder, (low, high), _calendar(quote.date), quote=quote.id)
    readings = (read_cue(t, article.mentions, article.text, (low, high)) for t in tokens)
    return [_position(article, r, stated) for r in readings if r is not None]


def _from_event(article: _Article, event: Event) -> list[Position]:
    actor = event.actor
    if actor is None or (actor.entity is None and not actor.name):
        return []
    holder = _Holder(actor.entity, _side_name(article, actor.entity, actor.name))
    bounds = (event.sentence.start, event.sentence.end)
    stated = _Stated(holder, bounds, _calendar(event.date), event=event.id)
    tokens = _tokens(article.doc, event.trigger.start, event.trigger.end)
    readings = (read_cue(t, article.mentions, article.text, bounds) for t in tokens)
    positions = [_position(article, r, stated) for r in readings if r is not None]
    stance = cues().events.get(f"{event.type}/{event.mode}") or cues().events.get(event.type)
    recipient = event.recipient
    if positions or stance is None or recipient is None or recipient.entity is None:
        return positions
    # PLOVER's type states the stance on the recipient where the trigger is no cue of its own
    named = _side_name(article, recipient.entity, recipient.name)
    key = named.casefold() if named else recipient.mention.text.casefold()
    return [
        Position(
            id="",
            holder=holder.entity,
            holder_name=holder.name,
            target=PositionTarget(recipient.mention, key, recipient.entity),
            stance=stance,
            cue=event.trigger,
            date=stated.date or article.published,
            event=event.id,
        )
    ]


def _side_name(article: _Article, entity_id: str | None, words: str | None) -> str | None:
    """An event side's name for a position: its entity's name where it is a participant.
    The events stage names a side by the words the sentence uses ("the Red Cross", "a
    Brazilian federal court"); a holder and an entity target are the participant itself."""
    entity = article.entities.get(entity_id or "")
    return entity.name if entity is not None else words


@dataclass(frozen=True, slots=True)
class _Stated:
    """Where a cue was read: its holder, the stretch of text that states it, its date."""

    holder: _Holder
    bounds: tuple[int, int]
    date: str | None
    quote: str | None = None
    event: str | None = None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def read_cue(
    token: Token, mentions: Mentions, text: str, bounds: tuple[int, int]
) -> Reading | None:
    """The position a token states, if it is a cue with a target."""
    if lemma(token) not in cues().words or _supposed(token):
        return None
    return _read_pair(token, mentions, text, bounds) or _read_verb(token, mentions, text, bounds)


def _read_pair(
    token: Token, mentions: Mentions, text: str, bounds: tuple[int, int]
) -> Reading | None:
    """A cue with its preposition ("urged against", "came out against", "undecided on",
    "support for"): the preposition's object is the target; a verb and its particle alone
    ("ruled out") take the verb's object."""
    for child in token.children:
        if child.dep_ not in {"prep", "prt", "agent"} or not _next_to(token, child):
            continue
        base = _pair_stance(token, child)
        if base is None:
            continue
        wanted = _OBJECTS if child.dep_ == "prt" else {"pobj", "pcomp"}
        holder = token if child.dep_ == "prt" else child
        obj = next((c for c in holder.children if c.dep_ in wanted), None)
        target = _target(obj, mentions, text, bounds) if obj is not None else None
        if target is not None:
            cue = _span(text, token.idx, child.idx + len(child.text))
            return Reading(target, polarity(token, POLARITY[base]), cue, token)
    return None


def _next_to(token: Token, preposition: Token) -> bool:
    """A cue's preposition follows it, with at most a particle, adverbs and a date between
    ("came out against", "warned on Sunday against"), not another phrase ("called in sick
    for")."""
    between = token.doc[token.i + 1 : preposition.i]
    return preposition.i > token.i and all(
        t.pos_ == "ADV"
        or t.dep_ == "prt"
        or t.ent_type_ in {"DATE", "TIME"}
        or t.nbor().ent_type_ in {"DATE", "TIME"}
        for t in between
    )


def _read_verb(
    token: Token, mentions: Mentions, text: str, bounds: tuple[int, int]
) -> Reading | None:
    """A stance verb, or a verb of doing said as someone's intent, with its object."""
    word, table = lemma(token), cues()
    obj = next((c for c in token.children if c.dep_ in _OBJECTS), None)
    if token.pos_ not in {"VERB", "AUX"} or obj is None:
        return None
    if word in table.verbs:
        base = POLARITY[table.verbs[word]]
    elif (word in table.pro or word in table.anti) and is_intent(token) and _agent_does(token):
        base = 1 if word in table.pro else -1
        issue = target_of_verb(token, obj, mentions, text)
        if issue is not None:
            return Reading(issue, polarity(token, base), _word(text, token), token)
    else:
        return None
    target = _target(obj, mentions, text, bounds)
    if target is None:
        return None
    return Reading(target, polarity(token, base), _word(text, token), token)


def _supposed(token: Token) -> bool:
    """A cue inside a clause that completes a noun ("the idea that we will stop the war") is
    supposed, not stated."""
    for word in (token, *token.ancestors):
        if word.dep_ == "acl" and word.head.pos_ == "NOUN":
            return any(c.dep_ == "mark" for c in word.children)
    return False


def _agent_does(verb: Token) -> bool:
    """An intent is someone's: its subject is a person's pronoun, a named participant or a
    side ("the army", "Israeli forces"), not a thing ("the ban will keep prices down")."""
    doer = frame_of(verb) or verb
    subject = next((c for c in doer.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.dep_ == "nsubjpass":
        return True  # "vowed to build", "the curfew could be dropped": the doer is unsaid
    return (
        subject.lower_ in _PERSONAL
        or subject.ent_type_ in _AGENT_ENTS
        or subject.lower_ in _GROUP_NOUNS
        or subject.lemma_.casefold() in _GROUP_NOUNS
    )


def _pair_stance(token: Token, preposition: Token) -> str | None:
    """The stance of a cue and its preposition, read with the particle or adverb between
    them first ("come out against", "press ahead with"), then without ("warn against")."""
    table = cues()
    if token.pos_ in {"VERB", "AUX"}:
        phrases = table.phrases
    elif token.pos_ == "ADJ":
        phrases = table.adjectives
    elif token.pos_ in {"NOUN", "PROPN"}:
        phrases = table.nouns
    else:
        return None
    between = [t.lower_ for t in token.doc[token.i + 1 : preposition.i] if t.pos_ in {"ADV", "ADP"}]
    for words in ([lemma(token), *between, preposition.lower_], [lemma(token), preposition.lower_]):
        stance = phrases.get(" ".join(words))
        if stance is not None:
            return stance
    return None


def _target(obj: Token, mentions: Mentions, text: str, bounds: tuple[int, int]) -> Target | None:
    """The target an object word stands for; a gerund ("entering Rafah") by its own object."""
    if obj.pos_ == "VERB":
        inner = next((c for c in obj.children if c.dep_ in _OBJECTS), None)
        if inner is None:
            return None
        return target_of_verb(obj, inner, mentions, text) or target_of_noun(
            inner, mentions, text, bounds
        )
    if obj.pos_ in {"PRON", "DET"} or (obj.ent_type_ in _NOT_TARGETS and obj.pos_ != "NOUN"):
        return None  # "reject it", "insisted on April 30": no issue named
    restated = next((c for c in obj.children if c.dep_ == "appos"), None)
    if restated is not None and obj.nbor().text in _DASHES:
        obj = restated  # "a military—a major military operation": the words after the dash
    return target_of_noun(obj, mentions, text, bounds)


def _position(article: _Article, reading: Reading, stated: _Stated) -> Position:
    holder = _own_subject(reading.token, stated.holder, article.mentions) or stated.holder
    sentence = sentence_of(reading.token)
    # a condition may follow the reported words to the end of their sentence ("would
    # accept the treaty, provided that …"), where the quote stage's clause ends earlier
    low, high = max(stated.bounds[0], sentence.start_char), sentence.end_char
    condition = condition_in(article.text[low:high])
    stance = "conditional" if condition else _STANCES[max(-1, min(1, reading.polarity))]
    date = (
        stated.date
        or article.date_near(reading.cue.start, sentence.start_char, sentence.end_char)
        or article.published
    )
    target = reading.target
    entity = article.entities.get(holder.entity or "")
    return Position(
        id="",
        holder=holder.entity,
        holder_name=holder.name or (entity.name if entity else None),
        target=PositionTarget(target.span, target.key, target.entity),
        stance=stance,
        cue=reading.cue,
        condition=condition[1] if condition else None,
        date=date,
        quote=stated.quote,
        event=stated.event,
    )


def _own_subject(token: Token, holder: _Holder, mentions: Mentions) -> _Holder | None:
    """The participant the cue's subject names, where it is another than the speaker's and
    the cue has its own tense ("Ghana refuses", not the demand "that Hamas accept")."""
    verb = frame_of(token) or token
    if token.pos_ in {"NOUN", "PROPN"} or token.dep_ == "acomp":
        verb = token.head
    if not is_finite(verb) and not is_finite(token):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    named = mentions.entity_at(subject.idx, subject.idx + len(subject.text))
    if named is None or named.type not in _HOLDER_TYPES or named.id == holder.entity:
        return None
    return _Holder(named.id, named.name)


def _calendar(value: str | None) -> str | None:
    """A calendar date (2024-05-01, 2024-05, 2024), else None: a week or "PRESENT_REF" is no
    day a position can be placed on."""
    return value if value and _CALENDAR_DATE.match(value) else None


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _word(text: str, token: Token) -> Span:
    return _span(text, token.idx, token.idx + len(token.text))
