"""Stage 5: events — who did what to whom, coded in PLOVER, with their own date and place.

Triggers are verbs read by `event_triggers.py`; their arguments come from the parse: the
actor is the subject (the agent of a passive, the subject a participle or conjunct shares),
the recipient the object, the passive subject, or the object of the preposition the trigger
takes ("met with", "an attack on"). Arguments are resolved to PLOVER actors by `actors.py`.

An event has one actor and one recipient, as the record has: "met with A, B and C" gives three
events that share their trigger, and "A and B agreed" with no one else gives A and B as two
actors of the one trigger with no recipient: PLOVER's joint act (every party an actor), which
ConfliBERT's annotation shares (it marks "A and B" as one actor); coding it A->B and B->A
scored lower on the ConfliBERT held folds (quad_arg 0.544 against 0.553, PLOVER's unchanged:
its scorer merges both codings into one). Where the sentence names no recipient, the other
side of the narrative is taken: the nearest party of another country in the sentence, then in
the one before it in the same paragraph ("submitted a proposal" — to the enemy just named). A noun
that refers back to an event ("the strikes") stands for whoever carried it out.

Quotes' own words are left to the quote stage: plain statements are quotes, not events, and
events are read only from body and standfirst text, never from a headline or caption. A
title-case line of the body ("Navy Seizes Two Boats") is read from a parse of its own in
sentence case (`headlines.py`), where its capitalised verbs are verbs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.model import FACT_BLOCKS, Analysis, Entity, EntityType, Event, Party, Quote, Span
from dateline.nlp.common.intervals import ByStart
from dateline.nlp.common.sentences import sentence_of, tokens_with
from dateline.nlp.common.speakers import MentionIndex, is_speech_cue
from dateline.nlp.events import headlines, learned
from dateline.nlp.events.actors import STATE_SECTORS, Actor, ActorFinder
from dateline.nlp.events.lexicon import Sense, is_conflict, noun_sense, valid_mode, word_set
from dateline.nlp.events.phrases import phrase_of
from dateline.nlp.events.triggers import (
    THREAT_MODES,
    Trigger,
    candidate_lemmas,
    declared_refusal,
    inflected_forms,
    nominal_lemmas,
    read_nominal,
    read_trigger,
    with_mode,
)
from dateline.nlp.stage import article_text, stage
from dateline.ontology import RECIPROCAL_TYPES, types_of_quad

COMPONENT = "dateline_events"  # the spaCy component name (nlp.pipeline.STAGES)

# Cooperation announced for later is an agreement (AGREE itself is one already).
_COOPERATION = (types_of_quad("verbal_cooperation") | types_of_quad("material_cooperation")) - {
    "AGREE"
}
_VERBAL_CONFLICT = types_of_quad("verbal_conflict")
_MATERIAL = types_of_quad("material_conflict") | types_of_quad("material_cooperation")
# Types whose parties act together: "A and B met" looks for no other side.
_RECIPROCAL = RECIPROCAL_TYPES
# The THREATEN mode of force announced for later: a framed threat's mode, except that a
# restriction to come ("will prohibit", "will tighten the blockade") has kept none, unlike a
# framed one ("threatened to prohibit": restrict). Kept apart so that moving the table to
# data changed no output; whether the two should agree is the event rules' question.
_FUTURE_THREAT_MODES = {t: mode for t, mode in THREAT_MODES.items() if t != "COERCE"}
# Types with another side worth looking for when the clause names none.
_NEEDS_OTHER_SIDE = frozenset(
    {"AGREE", "REQUEST", "THREATEN", "ASSAULT", "ACCUSE", "REJECT", "SANCTION", "AID", "COERCE"}
)

# Types whose place, where no one is named as the target, is the target.
_LOCATED_AGAINST = frozenset({"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE"})
_GROUP_PRONOUNS = frozenset({"they", "it", "we"})
_ALLEGATIONS = word_set("allegation_nouns")
_FORCE = frozenset({"ASSAULT", "COERCE"})
# Subordinators of a clause of time or cause: what it tells is its sentence's background.
_BACKGROUND_MARKS = frozenset(
    {"after", "before", "since", "when", "as", "until", "because", "while", "once"}
)
# Deeds done to press a demand, and the demands and protests that can be their purpose.
_PRESSING = frozenset({"PROTEST", "COERCE", "ASSAULT", "MOBILIZE"})
_PURPOSE_TYPES = frozenset({"REQUEST", "PROTEST"})
_PURPOSE_LINKS = frozenset({"advcl", "xcomp", "pcomp", "prep"})
# Acts whose unnamed doer is still a party: force used by someone the text does not name,
# and the arrests and investigations only a state's authorities carry out.
_UNNAMED_DOER: dict[str, tuple[str, str | None]] = {"ASSAULT": ("unidentified attackers", None)}
_STATE_ACTS = {("COERCE", "arrest"), ("ACCUSE", "investigate")}
_AUTHORITIES: tuple[str, str | None] = ("authorities", "GOV")
# Groups of people who belong where they are when nothing else says whose they are.
_PEOPLE = frozenset({"CVL", "REF", "MED", "JRN", "EDU", "LAB", "AGR", "REL", "OPP", "PTY", "REB"})
_SUBJECT = frozenset({"nsubj"})
# Words whose clause holds what they are about (refused, agreed, threatened, asked, backed).
_FRAMING_TYPES = frozenset({"REJECT", "AGREE", "THREATEN", "REQUEST", "SUPPORT"})
# Links that start a clause telling its own event.
_OWN_CLAUSES = frozenset({"conj", "parataxis", "advcl", "ROOT"})
# Cooperation that is words only: it needs someone saying it, or a passive that leaves them out.
_SAID_COOPERATION = frozenset({"AGREE", "SUPPORT", "CONCEDE"})
_ASSERTED_CLAUSES = frozenset({"ROOT", "ccomp", "conj"})
_OBJECT = frozenset({"dobj", "obj"})
_DATIVE = frozenset({"dative", "iobj"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "on", "across", "from", "into", "through", "via"}
)
# spaCy's labels of names that are parties, not places.
_PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_STATE_LEVEL = frozenset({"country", "region", "territory", "admin1"})
_MAX_HOPS = 5
_WORD = re.compile(r"\w+")
# The prepositions that say whom a measure, an inquiry or an attack is aimed at.
_AIMED = ("against", "on", "upon", "into")
_WHEN = frozenset({"DATE", "TIME"})  # "on Monday" is when, not whom
# Nouns for the holder of the same office on the other side: "his Sudanese counterpart".
_PEERS = frozenset({"counterpart", "counterparts", "opposite number"})
# Types whose place is a venue the parties came to, not where they belong: rebels who sign
# a deal in Havana are not Cuban.
_AT_A_VENUE = frozenset({"AGREE", "CONSULT"})
# Modals of a mere possibility, and the words of a condition.
_POSSIBLE = frozenset({"could", "might", "may"})
_IF = frozenset({"if", "unless"})
# Verbs of taking by force: what is taken "from" someone is taken from the side hit.
_TAKING = frozenset({"seize", "capture", "recapture", "retake", "wrest", "take"})
# Verbs of a purpose whose object is whom aid helps ("sent food to help the flood victims").
_HELPING = frozenset({"help", "assist", "aid", "support"})


@dataclass(slots=True)
class _Found:
    """An event while its arguments are settled."""

    trigger: Trigger
    type: str
    mode: str | None
    actor: Actor | None
    recipient: Actor | None
    confidence: float
    # Whether the recipient is an argument of the trigger, not the other side of the
    # narrative found nearby: only words the act is done to name what it is done to.
    told: bool = True


@stage(COMPONENT)
def find_events(doc: Doc, analysis: Analysis) -> None:
    """PLOVER events of the article's body and standfirst."""
    quoted = [(q.span.start, q.span.end) for q in analysis.quotes if q.kind != "indirect"]
    index = MentionIndex(analysis.entities, quoted)
    finder = ActorFinder(analysis, index)
    titles = headlines.title_case_lines(doc, analysis)
    aside = [(s.start_char, s.end_char) for s in titles]
    found = _read(doc, analysis, index, finder, aside)
    choice = learned.choice_for(doc)
    if choice.wiring != "off":  # the classifier's second opinion, off by default
        found = _second_opinion(doc, analysis, finder, index, found, choice)
    for title in titles:  # each read from its own sentence-cased parse (headlines.py)
        # an index of its own: the index keeps what it finds per Doc
        alone = MentionIndex(analysis.entities, quoted)
        copy = headlines.reparsed(title, analysis)
        found += _read(copy, analysis, alone, ActorFinder(analysis, alone), [])
    found = _once_per_sentence(found)
    facts = _Facts(analysis)
    analysis.events = [
        _to_event(number, event, analysis, facts) for number, event in enumerate(found, start=1)
    ]


def _once_per_sentence(found: list[_Found]) -> list[_Found]:
    """ "stormed the base …, killing five", "were killed when gunmen attacked": a second
    trigger of the same type in one sentence, by the same side or where either names none,
    tells the one act again (both dev sets annotate one event there); the first reading is
    kept. Sides of one trigger ("met with A, B and C", a joint act) are all kept, and so is
    an act of another side ("troops shelled the town and rebels attacked a post")."""
    kept: list[_Found] = []
    for event in found:
        sentence = sentence_of(event.trigger.verb).start_char
        if not any(
            k.type == event.type
            and sentence_of(k.trigger.verb).start_char == sentence
            and k.trigger.verb.idx != event.trigger.verb.idx
            and (k.actor is None or event.actor is None or _who(k.actor) == _who(event.actor))
            for k in kept
        ):
            kept.append(event)
    return kept


def _who(actor: Actor) -> str:
    """Who a side is across its mentions: its entity, else its words."""
    return actor.entity.id if actor.entity is not None else (actor.name or "").lower()


def _read(
    doc: Doc,
    analysis: Analysis,
    index: MentionIndex,
    finder: ActorFinder,
    aside: list[tuple[int, int]],
) -> list[_Found]:
    """The events a Doc's triggers tell, outside the stretches `aside` (read elsewhere)."""
    triggers = [t for t in _triggers(doc, analysis, index) if not _within(t.verb, aside)]
    framed = {act.i for t in triggers for act in _framed_acts(t)}
    alleged = {act.i for t in triggers if t.sense.type == "ACCUSE" for act in _alleged(t.verb)}
    alleged |= {t.verb.i for t in triggers if _content_of_allegation(t.verb)}
    skipped = framed | alleged | _purposes(triggers) | _means(triggers) | _results(triggers)
    skipped |= _repeated(triggers) | _contents(triggers)
    found: list[_Found] = []
    for trigger in triggers:
        if trigger.verb.i not in skipped:
            found.extend(_events_of(with_mode(trigger), finder, index, found))
    found = _foreground(found)
    return found + _nominal_events(doc, analysis, index, finder, found, aside)


def _within(token: Token, stretches: list[tuple[int, int]]) -> bool:
    return any(start <= token.idx < end for start, end in stretches)


def _second_opinion(
    doc: Doc,
    analysis: Analysis,
    finder: ActorFinder,
    index: MentionIndex,
    found: list[_Found],
    choice: learned.Choice,
) -> list[_Found]:
    """The learned classifier's events where the rules coded none, or its veto of theirs
    (`learned.py` says which, and why neither is on by default)."""
    sentences = learned.fact_sentences(doc, analysis, index)
    coded = {sentence_of(f.trigger.verb).start for f in found}
    vetoed = learned.no_event_sentences(sentences, coded, choice)
    found = [f for f in found if sentence_of(f.trigger.verb).start not in vetoed]
    for trigger in learned.fallback_triggers(sentences, coded, choice):
        found.extend(_events_of(trigger, finder, index, found))
    return found


def _triggers(doc: Doc, analysis: Analysis, index: MentionIndex) -> list[Trigger]:
    article = analysis.article
    triggers = []
    found = tokens_with(doc, "LEMMA", candidate_lemmas())
    found += tokens_with(doc, "LOWER", inflected_forms())  # lemmas spaCy got wrong
    for token in sorted({t.i: t for t in found}.values(), key=lambda t: t.i):
        block = article.block_at(token.idx)
        if block is None or block.kind not in FACT_BLOCKS or index.inside_quote(token.idx):
            continue
        trigger = read_trigger(token)
        if trigger is not None:
            triggers.append(trigger)
    return triggers


def _nominal_events(
    doc: Doc,
    analysis: Analysis,
    index: MentionIndex,
    finder: ActorFinder,
    found: list[_Found],
    aside: list[tuple[int, int]],
) -> list[_Found]:
    """Events told by a noun ("clashes between rival militias left ten dead") in the
    sentences where no verb told one: a fallback, so a verb's reading always comes first."""
    coded = {sentence_of(f.trigger.verb).start for f in found}
    events: list[_Found] = []
    for noun in sorted(tokens_with(doc, "LEMMA", nominal_lemmas()), key=lambda t: t.i):
        block = analysis.article.block_at(noun.idx)
        if block is None or block.kind not in FACT_BLOCKS or index.inside_quote(noun.idx):
            continue
        if _within(noun, aside):
            continue
        sentence = sentence_of(noun).start
        trigger = read_nominal(noun) if sentence not in coded else None
        if trigger is not None:
            coded.add(sentence)
            events.extend(_events_of(trigger, finder, index, [*found, *events]))
    return events


def _foreground(found: list[_Found]) -> list[_Found]:
    """ "…, after rebels shelled the town": what a clause of time or cause tells is the
    background of its sentence's event, reported before or elsewhere; where the sentence
    reports an event of its own, the background is not coded again."""
    main = {sentence_of(f.trigger.verb).start for f in found if not _background(f.trigger.verb)}
    return [
        f
        for f in found
        if not (_background(f.trigger.verb) and sentence_of(f.trigger.verb).start in main)
    ]


def _background(verb: Token) -> bool:
    """The verb is in a clause of time or cause ("after they attacked", "since the army
    took the town"), a relative clause or a participle describing a noun."""
    current = verb
    for _ in range(_MAX_HOPS):
        if current.dep_ == "relcl" or _describing(current):
            return True  # "the rebels who seized the base", "the curfew imposed in May"
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in current.children
        ):
            return True
        if current.dep_ not in {"conj", "xcomp"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def _describing(verb: Token) -> bool:
    """A participle that describes a noun ("the curfew imposed in May") without saying who
    did it; "hostages taken by Hamas" names the doer, and tells an event in full."""
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBG"}:
        return False
    return not any(c.dep_ == "agent" for c in verb.children)


def _framed_acts(trigger: Trigger) -> list[Token]:
    """The act a trigger frames and any act that one frames in turn ("prepared to resume
    shelling the villages"): parts of the trigger's one event, where its target is named."""
    if trigger.framed is None:
        return []
    return [trigger.framed, *(c for c in trigger.framed.children if c.dep_ == "xcomp")]


def _alleged(verb: Token) -> list[Token]:
    """ "accused Belarus of pushing migrants", "blamed the army for shelling the town": what
    an accusation says someone did is the accuser's claim, not an event the text reports."""
    # "accused the new law of attacking the press": the parse may hang the preposition on
    # the accused instead of the verb
    heads = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"})]
    return [
        act
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "over"}
        for act in prep.children
        if act.dep_ == "pcomp"
    ]


def _means(triggers: list[Trigger]) -> set[int]:
    """ "summoned the ambassador to complain about the raid": a meeting held to accuse,
    demand or warn is the way the words were said; the words are the one event. Likewise a
    crowd that "gathered to protest" is the protest."""
    said = {t.verb.i for t in triggers if t.sense.type in _VERBAL_CONFLICT | {"PROTEST"}}
    return {
        t.verb.i
        for t in triggers
        if t.sense.type == "CONSULT"
        and any(
            c.i in said and c.dep_ in {"xcomp", "advcl"} and _infinitive(c) for c in t.verb.children
        )
    }


def _results(triggers: list[Trigger]) -> set[int]:
    """ "stormed the police station, killing five officers": the killing is what the attack
    did, one event with it, not a second attack."""
    force = {t.verb.i for t in triggers if t.sense.type in _FORCE}
    return {
        t.verb.i
        for t in triggers
        if t.sense.type == "ASSAULT"
        and t.verb.dep_ == "advcl"
        and t.verb.tag_ == "VBG"
        and t.verb.head.i in force
        and not any(c.dep_ in _SUBJECT | {"mark"} for c in t.verb.children)
    }


def _contents(triggers: list[Trigger]) -> set[int]:
    """ "failed to reach agreement", "rejected a plan to send troops", "agreed to a deal
    that gives aid": what is refused, agreed, threatened, asked or backed is the content of
    those words, not an event of its own, however deep in their clause it is read. A clause
    joined beside them ("rejected the plan and attacked") or of its own time or cause tells
    its own event. An infinitive with no subject of its own is content wherever the parser
    hung it ("rejected appeals to release the reporters", read as the verb's adverbial)."""
    framing = {t.verb.i for t in triggers if t.sense.type in _FRAMING_TYPES}
    return {
        t.verb.i
        for t in triggers
        if _climbs_to(
            t.verb,
            framing,
            lambda token: token.dep_ not in _OWN_CLAUSES or _bare_infinitive(token),
        )
    }


def _bare_infinitive(verb: Token) -> bool:
    """ "to release …" hung on a verb as its adverbial, with no subject or mark of its own."""
    return (
        verb.dep_ == "advcl"
        and _infinitive(verb)
        and not any(c.dep_ in _SUBJECT | {"nsubjpass", "mark"} for c in verb.children)
    )


def _repeated(triggers: list[Trigger]) -> set[int]:
    """ "killed six soldiers and wounded four", "agreed and accepted the plan": a verb of the
    same type joined to another, sharing its subject, tells the same event again."""
    types = {t.verb.i: t.sense.type for t in triggers}
    return {
        t.verb.i
        for t in triggers
        if t.verb.dep_ == "conj"
        and types.get(t.verb.head.i) == t.sense.type
        and not any(c.dep_ in _SUBJECT | {"nsubjpass"} for c in t.verb.children)
    }


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _content_of_allegation(verb: Token) -> bool:
    """ "rejected accusations that it had shelled a market", "reports that troops had
    fired": what an allegation says happened is its teller's claim, not an event the text
    reports."""
    head = verb.head
    return (
        verb.dep_ in {"acl", "ccomp"}
        and head.pos_ == "NOUN"  # the noun, not the verb: "…, a report said" reports it
        and head.lemma_.lower() in _ALLEGATIONS
    )


def _purposes(triggers: list[Trigger]) -> set[int]:
    """ "marched in Lagos to demand higher wages", "joined the strike in demanding a vote":
    the demand a protest or a use of force is made for is what that event is about, not an
    event of its own."""
    actions = {t.verb.i for t in triggers if t.sense.type in _PRESSING}
    return {
        t.verb.i
        for t in triggers
        if t.sense.type in _PURPOSE_TYPES
        and t.framed is None
        and _climbs_to(t.verb, actions, lambda token: token.dep_ in _PURPOSE_LINKS)
    }


def _climbs_to(verb: Token, targets: set[int], climbs: Callable[[Token], bool]) -> bool:
    """Whether one of `targets` governs `verb` within a few heads, climbing only through
    tokens `climbs` lets pass: how a clause is found to be the content or the purpose of
    another trigger's words."""
    current = verb
    for _ in range(_MAX_HOPS):
        if not climbs(current) or current.head.i == current.i:
            return False
        current = current.head
        if current.i in targets:
            return True
    return False


def _events_of(
    trigger: Trigger, finder: ActorFinder, index: MentionIndex, earlier: list[_Found]
) -> list[_Found]:
    """The events one trigger reports: one per actor-recipient pair."""
    actors: list[Actor] = []
    for tokens in _actor_candidates(trigger):
        actors = actors or _resolve(tokens, finder)
    actors = actors or _flow_origin(trigger, finder)
    if trigger.sense.type not in _AT_A_VENUE:
        actors = [_placed(a, trigger, finder) if a.sector in _PEOPLE else a for a in actors]
    if not actors:
        actors = _unnamed_doer(trigger, finder) or _doer_in_words(trigger, finder)
    recipients = _recipients(trigger, finder, earlier)
    event_type, mode = trigger.sense.type, trigger.sense.mode
    speaker = _reporting_speaker(trigger, finder)
    if _refuses(trigger, event_type):
        # "will not release the pilots": the refusal is the event, said now (PLOVER REJECT)
        trigger, event_type, mode = replace(trigger, aux_mode=None), "REJECT", None
    if event_type == "MOBILIZE" and _held_together(trigger, actors):
        event_type, mode = "COOPERATE", None
    if trigger.aux_mode == "future" and trigger.framed is None:
        event_type, mode = _future_type(event_type, mode)
    if speaker is not None and event_type == "THREATEN" and _same_side(speaker, actors):
        actors = [speaker]
    if trigger.aux_mode == "hypothetical" or _open_question(trigger) or _speculated(trigger):
        return []  # "if a deal is reached": nothing happened, and PLOVER may drop it
    # an act told by an agentless passive or by a noun happened, whoever did it
    unnamed = not actors and (_agentless_passive(trigger.verb) or trigger.verb.pos_ == "NOUN")
    unnamed = unnamed and event_type != "REQUEST"  # "a clear aim is needed" asks no one
    if not actors and not unnamed and event_type in _VERBAL_CONFLICT | _SAID_COOPERATION:
        return []  # words with no one saying them ("refugees ordered out") are no event
    confidence = trigger.confidence
    if not recipients and event_type in _LOCATED_AGAINST:
        recipients = _located(trigger, finder)
    if not recipients and event_type == "PROTEST":
        recipients = _protest_target(trigger, actors, finder)
    recipients = [_placed(r, trigger, finder) for r in recipients]
    alone = len(actors) == 1 or event_type not in _RECIPROCAL
    told = True
    if not recipients and actors and alone and event_type in _NEEDS_OTHER_SIDE:
        other = _other_side(trigger, actors, index, finder)
        if other is not None:
            recipients, confidence, told = [other], confidence * 0.8, False
    if not recipients and actors and alone:  # a side to name, never an event to make
        recipients = _acted_on_in_words(trigger, event_type, finder)
    pairs = _pairs(event_type, actors, recipients)
    if not pairs and unnamed:
        pairs = [(None, None)]  # "a curfew was imposed": it happened, by someone unsaid
    mode = valid_mode(event_type, mode)
    return [_Found(trigger, event_type, mode, a, r, round(confidence, 2), told) for a, r in pairs]


def _open_question(trigger: Trigger) -> bool:
    """ "has not decided whether to expel the diplomats": an act put as a question still
    open is no act, nor is the deciding that frames it."""
    verbs = [trigger.verb] if trigger.framed is None else [trigger.verb, trigger.framed]
    return any(c.dep_ == "mark" and c.lower_ == "whether" for v in verbs for c in v.children)


def _speculated(trigger: Trigger) -> bool:
    """ "If the talks collapse, Ethiopia could deploy more troops": what may happen should
    something else happen first is someone's guess, not an act nor a threat ("will deploy
    troops if" stays a threat: "will" states intent, "could" only a possibility)."""
    verb = trigger.verb
    possible = any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in verb.children)
    return possible and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF for m in c.children)
        for c in verb.children
    )


def _held_together(trigger: Trigger, actors: list[Actor]) -> bool:
    """ "Chile and Peru held naval drills": an exercise that several sides hold is the
    joint exercise PLOVER codes COOPERATE, whether or not the text says "joint"."""
    if trigger.noun is None or len({_key(a) for a in actors}) < 2:
        return False
    noun = trigger.noun.lemma_.lower()
    words = [f"{c.lemma_.lower()} {noun}" for c in trigger.noun.lefts if c.dep_ == "compound"]
    joint = [noun_sense(f"joint {word}") for word in [*words, noun]]  # "war games", "drills"
    return any(sense is not None and sense.type == "COOPERATE" for sense in joint)


def _refuses(trigger: Trigger, event_type: str) -> bool:
    """A cooperative act declared not to be done ("will not accept refugees")."""
    cooperative = event_type in _COOPERATION or event_type == "AGREE"
    negated = trigger.aux_mode == "negation" and trigger.framed is None
    return cooperative and negated and declared_refusal(trigger.verb)


def _pairs(
    event_type: str, actors: list[Actor], recipients: list[Actor]
) -> list[tuple[Actor | None, Actor | None]]:
    if recipients:
        sides: list[Actor | None] = [*actors] or [None]
        pairs: list[tuple[Actor | None, Actor | None]] = [
            (a, r) for a in sides for r in recipients if a is None or _key(a) != _key(r)
        ]
        return pairs or [(a, None) for a in actors]  # acting on itself: no other side named
    return [(a, None) for a in actors]


def _future_type(event_type: str, mode: str | None) -> tuple[str, str | None]:
    """PLOVER codes what is announced for later by intent: force to come is a threat, help
    or talks to come are an agreement."""
    if is_conflict(event_type) and event_type not in _VERBAL_CONFLICT:
        return "THREATEN", _FUTURE_THREAT_MODES.get(event_type)
    if event_type in _COOPERATION:
        return "AGREE", None
    return event_type, mode


# Actors ---------------------------------------------------------------------------------


def _actor_candidates(trigger: Trigger) -> list[list[Token]]:
    """Who may have acted, most direct first: the agent of a passive, the subject, then the
    subject of the verbs the trigger shares it with ("struck …, killing …")."""
    candidates: list[list[Token]] = []
    current: Token = trigger.verb
    for _ in range(_MAX_HOPS):
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            by = next((c for c in agent.children if c.dep_ == "pobj"), None)
            candidates.append(_with_conjuncts(by))
            candidates += [_with_conjuncts(t) for t in _carried_out_by(by)]
        subject = next((c for c in current.children if c.dep_ in _SUBJECT), None)
        if subject is not None and subject.lower_ in _GROUP_PRONOUNS:
            # "The rebels said they will release …": they are the ones who said it.
            subject = _reporting_subject(current) or subject
        if subject is not None:
            candidates.append(_with_conjuncts(subject))
            return candidates
        if current.dep_ == "relcl" and not _passive(current):
            candidates.append(_with_conjuncts(current.head))
            return candidates
        if current.dep_ == "acl" and current.tag_ in _FINITE:
            # "Local youths resorted to …" parsed as a noun with a clause: the noun acts.
            candidates.append(_with_conjuncts(current.head))
            return candidates
        if current.dep_ == "acl" and current.tag_ != "VBN":
            candidates.append(_owners(current.head))
            if current.head.dep_ in _OBJECT:  # "Britain is leading an effort to deliver aid"
                taker = next((c for c in current.head.head.children if c.dep_ in _SUBJECT), None)
                candidates.append(_with_conjuncts(taker))
            return candidates
        if _passive(current):
            return candidates  # the subject of the clause above is not the agent of a passive
        if current.dep_ == "pcomp" and current.head.head.i != current.head.i:
            current = current.head.head  # "resorted to throwing stones"
            continue
        if current.dep_ not in {"conj", "xcomp", "advcl"} or current.head.i == current.i:
            return candidates
        current = current.head
    return candidates


def _carried_out_by(noun: Token | None) -> list[Token]:
    """ "hit by air strikes carried out by Russian jets", "by attacks by rebels": where the
    agent of a passive is a deed, its own agent is who did it (asked after the deed)."""
    if noun is None or noun.pos_ != "NOUN":
        return []
    found = _prep_objects(noun, ("by",))
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            found += [p for a in clause.children if a.dep_ == "agent" for p in a.children]
    return [t for t in found if t.dep_ == "pobj"]


def _unnamed_doer(trigger: Trigger, finder: ActorFinder) -> list[Actor]:
    """ "A roadside bomb near Tikrit killed two soldiers", "was put under investigation in
    Italy": as event datasets do, force whose user the text does not name is coded to
    unidentified attackers of the country where it was used, and an arrest or inquiry to
    that country's authorities; linked to the words that stand for them (the bomb), else
    to the place."""
    sense = trigger.sense
    if (sense.type, sense.mode) in _STATE_ACTS:
        name, sector = _AUTHORITIES
    elif sense.type in _UNNAMED_DOER:
        name, sector = _UNNAMED_DOER[sense.type]
    else:
        return []
    place = _clause_place(trigger, finder)
    if place is None or place.country is None:
        return []
    stand_in = _weapon_words(trigger.verb)
    mention = finder.mention_of(stand_in) if stand_in is not None else place.mention
    entity = (finder.state(place.country) if sector == "GOV" else None) or place.entity
    source = "inference" if sector is not None else None  # the coder's, not the text's
    return [Actor(entity, name, mention, place.country, sector, "coder", source)]


def _doer_in_words(trigger: Trigger, finder: ActorFinder) -> list[Actor]:
    """ "The dockworkers called off their strike", "the commission launched legal action":
    the subject names a doer that no entity, dictionary or agent noun codes. The event
    still happened and had that doer; it is kept with the text's words and no code, as
    PLOVER keeps an actor it cannot code, rather than dropped."""
    for tokens in _actor_candidates(trigger):
        for token in tokens[:1]:
            if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in _SUBJECT:
                words = [c for c in token.lefts if c.dep_ in {"compound", "amod"}]
                left = min([token, *words], key=lambda t: t.i)
                name = article_text(token.doc)[left.idx : token.idx + len(token.text)]
                return [Actor(None, name, finder.mention_of(token), None, None, naming="words")]
    return []


def _weapon_words(verb: Token) -> Token | None:
    """The subject, or the agent of a passive, that names no party: "a roadside bomb"."""
    for child in verb.children:
        if child.dep_ in _SUBJECT:
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _resolve(tokens: list[Token], finder: ActorFinder) -> list[Actor]:
    """Actors named by some tokens, each once."""
    out: list[Actor] = []
    for token in tokens:
        for actor in finder.actors(token):
            if all(_key(actor) != _key(seen) for seen in out):
                out.append(actor)
    return out


def _key(actor: Actor) -> str:
    """Who an actor is: its entity, and its own name where it only stands in a place (the
    journalists killed in Beirut and the unidentified attackers there are two sides)."""
    if actor.entity is None:
        return f"{actor.name}@{actor.mention.start}"
    return f"{actor.entity.id}:{actor.name}"


def _owners(noun: Token) -> list[Token]:
    """ "a U.S.-led effort to establish a pier": the effort's owner acts."""
    return [c for c in noun.lefts if c.dep_ in {"compound", "poss", "nmod", "amod"}]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _agentless_passive(verb: Token) -> bool:
    """ "Sanctions were lifted", "an agreement was signed in Doha": a finite passive with a
    subject and no "by" phrase reports an act whose doer the text leaves out, as wire copy
    often does; the act still happened. A participle describing a noun ("refugees ordered
    out") or a passive of a framed or purpose clause is not such a report."""
    children = list(verb.children)
    # "were lifted", "are being deployed", "has been signed": a tensed auxiliary in the group
    finite = any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in children)
    finite = finite and any(c.dep_ == "auxpass" for c in children)
    told = any(c.dep_ == "nsubjpass" for c in children)
    named = any(c.dep_ == "agent" for c in children)
    return finite and told and not named and verb.dep_ in _ASSERTED_CLAUSES


def _with_conjuncts(token: Token | None) -> list[Token]:
    """The token and those it is coordinated with, also where the parser took the first of
    two titled names for a modifier of the second ("Mr. Demir and Defence Minister Tomas
    Brenner", with "Mr. Demir" hung on "Brenner")."""
    if token is None:
        return []
    coordinated = [
        c for c in token.children if c.dep_ == "nmod" and any(g.dep_ == "cc" for g in c.children)
    ]
    return [token, *token.conjuncts, *(t for c in coordinated for t in (c, *c.conjuncts))]


def _flow_origin(trigger: Trigger, finder: ActorFinder) -> list[Actor]:
    """ "corridors opened from Israel into Gaza": access or aid with no one named as doing
    it comes from the side it flows from."""
    if trigger.sense.type not in {"RETREAT", "AID"}:
        return []
    for word in trigger.verb.subtree:
        if word.dep_ == "prep" and word.lower_ == "from":
            for inner in word.subtree:
                actor = finder.actor(inner)
                if actor is not None and actor.country is not None:
                    state = finder.state(actor.country)
                    if state is not None:
                        return [finder.named(state, actor.mention)]
    return []


def _reporting_speaker(trigger: Trigger, finder: ActorFinder) -> Actor | None:
    """The one who says it, when the event is told in their reported speech ("X insisted
    that forces would carry out an offensive")."""
    subject = _reporting_subject(trigger.verb)
    return finder.actor(subject) if subject is not None else None


def _reporting_subject(verb: Token) -> Token | None:
    """The subject of the verb of saying a clause is reported by, if it is reported."""
    current = verb
    for _ in range(_MAX_HOPS):
        if current.dep_ not in {"ccomp", "conj", "xcomp"} or current.head.i == current.i:
            return None
        current = current.head
        if is_speech_cue(current):
            return next((c for c in current.children if c.dep_ in _SUBJECT), None)
    return None


def _same_side(speaker: Actor, actors: list[Actor]) -> bool:
    if not actors:
        return True
    return all(a.country is not None and a.country == speaker.country for a in actors)


# Recipients -----------------------------------------------------------------------------


def _recipients(trigger: Trigger, finder: ActorFinder, earlier: list[_Found]) -> list[Actor]:
    for token in _recipient_tokens(trigger):
        actors = _resolve(_with_conjuncts(token), finder)
        if actors:
            return actors
        referred = _referred_event(token, earlier)
        if referred is not None:
            return [referred]
    return []


def _acted_on_in_words(trigger: Trigger, event_type: str, finder: ActorFinder) -> list[Actor]:
    """ "freed two former ministers", "opened an inquiry into twelve managers", "rejected
    the draft resolution": what the act is done to names no entity, dictionary actor or
    party noun. It is still what the clause says was acted on, kept by its words with no
    code, as a doer no dictionary codes is (`_doer_in_words`), rather than left out. What
    is given or deployed ("donated tents", "sent troops") is no side; who is released is.
    """
    verb = trigger.framed if trigger.framed is not None else trigger.verb
    noun = trigger.noun if trigger.framed is None else None
    objects = [
        c
        for c in verb.children
        if c.dep_ in _OBJECT | {"nsubjpass"}
        and (noun is None or c.i != noun.i)
        and not _own_thing(c)
    ]
    if event_type in {"AID", "MOBILIZE"}:
        objects = []
    things = [t for t in [*objects, noun] if t is not None] + _called_for(verb, trigger.sense)
    for token in objects + _aimed_at(verb, noun, things):
        if token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in _WHEN:
            return [Actor(None, token.text, finder.mention_of(token), None, None, naming="words")]
    return []


def _located(trigger: Trigger, finder: ActorFinder) -> list[Actor]:
    """ "exploded bombs in the capital Kabul": force used in a place is used against it;
    "attacked the last town near Homs": where the place is in the phrase of what force hit,
    that thing is the side, coded to the place."""
    place = _clause_place(trigger, finder)
    if place is None:
        return []
    struck = _struck_around(trigger, place) if trigger.sense.type in _FORCE else None
    return [replace(place, mention=finder.mention_of(struck)) if struck is not None else place]


def _struck_around(trigger: Trigger, place: Actor) -> Token | None:
    """The verb's object whose phrase holds the place ("the town near Homs"), not an object
    beside a place the verb is done in ("exploded two bombs in Gao")."""
    noun = trigger.noun.i if trigger.noun is not None else None
    for thing in trigger.verb.children:
        if thing.dep_ not in _OBJECT or thing.pos_ != "NOUN" or thing.i == noun:
            continue
        start, end = thing.left_edge.idx, thing.right_edge.idx + len(thing.right_edge.text)
        if start <= place.mention.start and place.mention.end <= end and not _own_thing(thing):
            return thing
    return None


def _placed(recipient: Actor, trigger: Trigger, finder: ActorFinder) -> Actor:
    """ "killed 23 people … in Tel Aviv": an unnamed group takes the country of the place
    the clause happens in."""
    if recipient.entity is not None or recipient.country is not None:
        return recipient
    place = _clause_place(trigger, finder)
    if place is None:
        return recipient
    return replace(recipient, entity=place.entity, country=place.country)


def _clause_place(trigger: Trigger, finder: ActorFinder) -> Actor | None:
    for prep in trigger.verb.subtree:
        if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE and prep.lower_ != "from":
            for word in prep.subtree:
                hit = finder.index.at(word.idx, word.idx + len(word.text))
                if hit is not None and _is_place(hit[1], finder) and hit[1].country:
                    return finder.named(hit[1], hit[0])
    return None


def _protest_target(trigger: Trigger, actors: list[Actor], finder: ActorFinder) -> list[Actor]:
    """ "rioted … calling for the removal of President X", "to show their disapproval of the
    United States' policies": protesters' target is the first party their cause names."""
    own = {a.entity.id for a in actors if a.entity is not None}
    for word in trigger.verb.subtree:
        if word.i <= trigger.verb.i:
            continue
        hit = finder.index.at(word.idx, word.idx + len(word.text))
        if hit is None or hit[1].type is EntityType.OTHER:
            continue
        actor = finder.named(hit[1], hit[0])
        town = hit[1].type is EntityType.GPE and not _is_state(hit[1], finder)
        if hit[1].id not in own and not town:
            return [actor]
    return []


def _is_place(entity: Entity, finder: ActorFinder) -> bool:
    """A GPE, or a name spaCy left untyped that the gazetteer placed ("West Darfur State")."""
    if entity.type is EntityType.GPE:
        return True
    return entity.type is EntityType.OTHER and finder.feature_of(entity) is not None


def _is_state(entity: Entity, finder: ActorFinder) -> bool:
    return finder.feature_of(entity) in _STATE_LEVEL


def _recipient_tokens(trigger: Trigger) -> list[Token]:
    """Candidates for the side acted on, most direct first."""
    verb, sense = trigger.verb, trigger.sense
    if trigger.framed is None:
        addressed = _addressed(verb) if sense.type in _VERBAL_CONFLICT else []
        return addressed + _argument_tokens(verb, sense, trigger.noun)
    own = [c for c in verb.children if c.dep_ in _OBJECT | _DATIVE]
    own += _prep_objects(verb, ("on", "upon", "to"))
    if sense.type == "REQUEST":
        subject = next((c for c in trigger.framed.children if c.dep_ in _SUBJECT), None)
        return own + ([subject] if subject is not None else [])
    inner = trigger.framed_sense or Sense(sense.type)
    tokens = own
    for act in _framed_acts(trigger):
        found = read_trigger(act)
        tokens += _argument_tokens(act, inner, found.noun if found is not None else None)
    return tokens


def _argument_tokens(verb: Token, sense: Sense, noun: Token | None) -> list[Token]:
    tokens: list[Token] = []
    if verb.dep_ != "acl" and sense.type == "AID":
        tokens += _prep_objects(verb, ("to", "into")) + _helped(verb)
    if verb.dep_ != "acl" and sense.type in {"RETREAT", "AID"}:
        tokens += _flow_destinations(verb)
    if sense.type == "RETREAT":  # "withdrew troops from Mali": what is left, not who left
        tokens += _prep_objects(verb, ("from",))
    if sense.type in _FORCE and verb.lemma_.lower() in _TAKING:
        tokens += _taken_from(verb)
    if noun is None or noun.dep_ != "nsubjpass":
        tokens += [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and (noun is None or noun.i != verb.head.i):
        tokens.append(verb.head)
    tokens += [c for c in verb.children if c.dep_ in _DATIVE]
    objects = [
        c
        for c in verb.children
        if c.dep_ in _OBJECT and (noun is None or c.i != noun.i) and not _own_thing(c)
    ]
    if sense.type == "MOBILIZE":
        objects = []  # "deployed troops": the forces moved, not a side
    # "agreed a joint plan with Mr. Haugland in Ankara": whom the thing done is with comes
    # before the thing, which may stand only for the town it is in.
    tokens += [t for thing in objects for t in _prep_objects(thing, sense.recipient_preps)]
    if "to" in sense.recipient_preps:  # "offered its troops to Lebanon": to whom, not what
        tokens += _prep_objects(verb, sense.recipient_preps) + objects
    else:
        tokens += objects + _prep_objects(verb, sense.recipient_preps)
    if noun is not None:
        tokens += _prep_objects(noun, sense.recipient_preps)
    # "a proposal put forward by Egypt was rejected": the passive's subject is a thing
    # acted on too, whose owner is the side, as an object's is
    told = [c for c in verb.children if c.dep_ == "nsubjpass" and (noun is None or c.i != noun.i)]
    things = [*objects, *([noun] if noun is not None else []), *told]
    for thing in things:
        tokens += [c for c in thing.children if c.dep_ == "poss"]
        tokens += _prep_objects(thing, ("of", "from", "by", "with"))
        for clause in thing.children:  # "the demonstration staged by students"
            if clause.dep_ == "acl" and clause.i != verb.i:
                tokens += [p for a in clause.children if a.dep_ == "agent" for p in a.children]
    return tokens + _aimed_at(verb, noun, things + _called_for(verb, sense))


def _taken_from(verb: Token) -> list[Token]:
    """ "recaptured the town from the rebels": force is used on whom a thing is taken from,
    before the thing taken, wherever the parse hung the "from"."""
    things = [c for c in verb.children if c.dep_ in _OBJECT]
    return [t for head in [verb, *things] for t in _prep_objects(head, ("from",))]


def _called_for(verb: Token, sense: Sense) -> list[Token]:
    """ "called for sanctions against the cartel": what a demand asks for, whose target is
    the demand's when no one is named as asked."""
    return _prep_objects(verb, ("for",)) if sense.type == "REQUEST" else []


def _aimed_at(verb: Token, noun: Token | None, things: list[Token]) -> list[Token]:
    """ "lifted its sanctions against Peru", "eased the ban imposed on Chilean citizens",
    "opened an inquiry into two firms": whom a measure or an inquiry is aimed at is its
    recipient, whatever the verb's own prepositions; asked after them, so a side the verb
    names goes first."""
    tokens = []
    if noun is not None and noun.head.i == verb.i:  # "opened an inquiry into …": the noun's
        tokens += _prep_objects(verb, _AIMED)
    for thing in things:
        tokens += _prep_objects(thing, _AIMED)
        for clause in thing.children:
            if clause.dep_ == "acl" and clause.i != verb.i:
                tokens += _prep_objects(clause, _AIMED)
    return tokens


def _helped(verb: Token) -> list[Token]:
    """ "donated ventilators to help Ghana with its response to the virus": whom aid is given
    to help is its recipient, before a "to" deeper in the purpose clause."""
    return [
        obj
        for clause in verb.children
        if clause.dep_ in {"xcomp", "advcl"} and clause.lemma_.lower() in _HELPING
        for obj in clause.children
        if obj.dep_ in _OBJECT
    ]


def _addressed(verb: Token) -> list[Token]:
    """ "summoned the envoy to complain about the rally": words said at a meeting held to say
    them are said to whom the meeting was held with."""
    head = verb.head
    if verb.dep_ not in {"xcomp", "advcl"} or not _infinitive(verb) or head.i == verb.i:
        return []
    meeting = read_trigger(head)
    if meeting is None or meeting.sense.type != "CONSULT":
        return []
    return [c for c in head.children if c.dep_ in _OBJECT]


def _own_thing(noun: Token) -> bool:
    """ "its troops", "their homes": what belongs to the actor is not the other side; "his
    Sudanese counterpart" is the other side's holder of the same office."""
    if noun.lemma_.lower() in _PEERS:
        return False
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def _flow_destinations(verb: Token) -> list[Token]:
    """ "corridors opened … into northern Gaza": where access or aid goes, wherever the
    parse hung the preposition."""
    return [
        c
        for prep in verb.subtree
        if prep.dep_ == "prep" and prep.lower_ in {"into", "to"}
        for c in prep.children
        if c.dep_ == "pobj"
    ]


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for prep in head.children:
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in preps:
            out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _referred_event(token: Token, earlier: list[_Found]) -> Actor | None:
    """ "the strikes" after a reported strike: whoever carried it out."""
    sense = noun_sense(token.lemma_.lower())
    if sense is None or token.pos_ != "NOUN":
        return None
    for event in reversed(earlier):
        if event.type == sense.type and event.actor is not None:
            return event.actor
    return None


def _other_side(
    trigger: Trigger, actors: list[Actor], index: MentionIndex, finder: ActorFinder
) -> Actor | None:
    """The nearest party in the sentence (then the one before, in the same paragraph) that
    is not on the actor's side: states, peoples, organisations and people, not towns."""
    sentence = sentence_of(trigger.verb)
    spans = [sentence]
    before = _previous_sentence(sentence)
    if before is not None:
        spans.append(before)
    for span in spans:
        parties = [
            (mention, entity)
            for mention, entity in index.within(span.start_char, span.end_char)
            if all(_could_be_other_side(entity, actor, finder) for actor in actors)
            and not any(a.mention.start <= mention.start < a.mention.end for a in actors)
        ]
        if parties:
            mention, entity = min(parties, key=lambda p: abs(p[0].start - trigger.verb.idx))
            return finder.named(entity, mention)
    return None


def _could_be_other_side(entity: Entity, actor: Actor, finder: ActorFinder) -> bool:
    if actor.entity is not None and entity.id == actor.entity.id:
        return False
    if entity.country is None or entity.country == actor.country:
        return False
    if entity.type is EntityType.GPE:
        return _is_state(entity, finder)
    return entity.type in {EntityType.ORG, EntityType.NORP, EntityType.PERSON}


def _previous_sentence(sentence: TokenSpan) -> TokenSpan | None:
    """The sentence before, when it is in the same paragraph."""
    if sentence.start == 0:
        return None
    doc = sentence.doc
    before = sentence_of(doc[sentence.start - 1])
    if "\n" in article_text(doc)[before.start_char : sentence.start_char]:
        return None
    # a title-case line's own parse has only blanks before it (headlines.py)
    return None if before.text.isspace() else before


# Output ---------------------------------------------------------------------------------


class _Facts:
    """The facts earlier stages found, looked up by offset once per article rather than
    scanned once per event."""

    def __init__(self, analysis: Analysis) -> None:
        self.timexes = ByStart(analysis.timexes, lambda t: t.span.start)
        self.places = ByStart(analysis.places, lambda p: p.span.start)
        # the position and quote of the first quote with each cue
        self.quotes_by_cue: dict[int, tuple[int, Quote]] = {}
        for position, quote in enumerate(analysis.quotes):
            if quote.cue is not None:
                self.quotes_by_cue.setdefault(quote.cue.start, (position, quote))


def _to_event(number: int, found: _Found, analysis: Analysis, facts: _Facts) -> Event:
    trigger = found.trigger
    sentence = sentence_of(trigger.verb)
    verb = trigger.verb
    end = verb.idx + len(verb.text)
    if trigger.noun is not None and trigger.noun.i > verb.i:
        end = trigger.noun.idx + len(trigger.noun.text)
    return Event(
        id=f"v{number}",
        type=found.type,
        trigger=analysis.article.span(verb.idx, end),
        sentence=_trimmed(sentence),
        mode=found.mode,
        actor=_party(found.actor, verb.doc),
        # help and access go to a place ("a pier off Gaza's coast" is aid to Gaza); what
        # other acts are done to may be a thing there ("attacked an Afghan army base")
        recipient=_party(
            found.recipient,
            verb.doc,
            acted_on=found.type not in _FLOWS,
            told=found.told,
            located=found.type in _MATERIAL,
        ),
        aux_mode=trigger.aux_mode,
        date=_date(trigger, sentence, analysis, facts),
        place=_place(trigger, sentence, found, facts),
        confidence=found.confidence,
    )


def _trimmed(sentence: TokenSpan) -> Span:
    """The sentence's span without the line breaks spaCy leaves at its end (found from its
    end, not by copying its text: a sentence may be the whole of a long article)."""
    text = article_text(sentence.doc)
    end = sentence.end_char
    if sentence.end > sentence.start:
        last = sentence.doc[sentence.end - 1]
        end = max(end, last.idx + len(last.text_with_ws))
    while end > sentence.start_char and text[end - 1].isspace():
        end -= 1
    return Span(sentence.start_char, end, "")


def _date(trigger: Trigger, sentence: TokenSpan, analysis: Analysis, facts: _Facts) -> str | None:
    """The event's own date: one in its clause or a clause above it ("On April 30, X said
    … would"), else the date of the quote it is the cue of; never the article's date, which
    is when it was told, nor a date of a side clause ("hostages taken on Oct. 7")."""
    dated = [
        t
        for t in facts.timexes.within(sentence.start_char, sentence.end_char)
        if t.type == "DATE"
        and t.value
        and t.value[:4].isdigit()
        and not _in_dateline(t.span, analysis)
    ]
    for clause in _clauses(trigger):
        own = [t for t in dated if _hangs_from(trigger.verb.doc, t.span, clause)]
        if own:
            return min(own, key=lambda t: abs(t.span.start - trigger.verb.idx)).value
    quote = _quote_of(trigger, facts)
    return quote.date if quote is not None else None


def _place(trigger: Trigger, sentence: TokenSpan, found: _Found, facts: _Facts) -> str | None:
    """The event's own place: one its clause locates it in ("in Kabul"), else a town it is
    done to ("shelled Juba"), else the place of the quote it is the cue of."""
    doc = trigger.verb.doc
    places = facts.places.within(sentence.start_char, sentence.end_char)
    for clause in _clauses(trigger):
        located = [
            p for p in places if _hangs_from(doc, p.span, clause) and _after_locative(doc, p.span)
        ]
        if located:
            return min(located, key=lambda p: abs(p.span.start - trigger.verb.idx)).id
    target = found.recipient
    if target is not None and target.entity is not None:
        for place in places:
            if target.mention.start <= place.span.start < target.mention.end:
                return place.id if place.feature == "city" else None
    quote = _quote_of(trigger, facts)
    return quote.place if quote is not None else None


def _in_dateline(span: Span, analysis: Analysis) -> bool:
    """ "KYIV, June 4 —": the wire dateline dates the story, not the events in it."""
    dateline = analysis.article.dateline
    return dateline is not None and dateline.start <= span.start < dateline.end


def _clauses(trigger: Trigger) -> list[Token]:
    """The verbs whose adjuncts can date or place an event, nearest first: the trigger, the
    action it frames, and the verbs above it, up to (not past) a verb of saying, whose date
    is when it was told."""
    verbs = [trigger.verb, *([trigger.framed] if trigger.framed is not None else [])]
    current = trigger.verb
    for _ in range(_MAX_HOPS):
        if current.head.i == current.i or current.dep_ not in {"conj", "advcl", "xcomp", "ccomp"}:
            break
        reported = current.dep_ == "ccomp"
        current = current.head
        if reported and is_speech_cue(current):
            break
        verbs.append(current)
    return verbs + _circumstances(trigger.verb)


def _circumstances(verb: Token) -> list[Token]:
    """ "criticised X over the delays, speaking in Vienna on Monday": a participle with no
    subject of its own tells when and where its verb was done, also where the parser hung
    it on a gerund the verb governs ("accused X of breaking …, speaking in …") or, after a
    comma, on the verb's object."""
    heads = [verb]
    heads += [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pcomp"]
    objects = [c for c in verb.children if c.dep_ in _OBJECT]
    return [
        clause
        for head in heads + objects
        for clause in head.children
        if (
            clause.dep_ == "advcl"
            or (head in objects and clause.dep_ == "acl" and _after_comma(clause))
        )
        and clause.tag_ == "VBG"
        and not any(c.dep_ in _SUBJECT | {"nsubjpass", "mark"} for c in clause.children)
    ]


def _after_comma(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == ","


def _hangs_from(doc: Doc, span: Span, verb: Token) -> bool:
    """True when the words depend on `verb` without passing through another verb."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    current = tokens.root
    for _ in range(_MAX_HOPS + 3):
        if current.i == verb.i:
            return True
        if current.head.i == current.i or (current.pos_ == "VERB" and current.i != tokens.root.i):
            return False
        current = current.head
    return False


def _after_locative(doc: Doc, span: Span) -> bool:
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    for above in tokens.root.ancestors:
        if above.dep_ == "prep" and above.lower_ in _LOCATIVE:
            return True
        if above.ent_type_ in _PARTY_LABELS:
            return False  # "a request from Laila Mansour of Egypt": whose she is, not where
    return False


def _quote_of(trigger: Trigger, facts: _Facts) -> Quote | None:
    """The quote whose cue the trigger is ("insisted that Hamas accept"), or whose cue
    reports the clause the trigger is in."""
    cues = {trigger.verb.idx}
    reporting = _reporting_subject(trigger.verb)
    if reporting is not None:
        cues.add(reporting.head.idx)
    found = [facts.quotes_by_cue[cue] for cue in cues if cue in facts.quotes_by_cue]
    # the first in the list, as a scan of the quotes would find it
    return min(found, key=lambda hit: hit[0])[1] if found else None


def _party(
    actor: Actor | None,
    doc: Doc,
    acted_on: bool = False,
    told: bool = True,
    located: bool = False,
) -> Party | None:
    """The side as the record has it, linked to its entity for its identity: the whole noun
    phrase the text uses is its name and mention, whether the words name the side itself
    ("Kenyan President William Ruto", "a court in Lisbon", "rebels who …") or a part of its
    entity ("Israeli forces", coded to Israel); a place keeps its gazetteer name and a
    coder's name ("unidentified attackers") stays. What is acted on may be a thing of the
    entity rather than the entity ("an Afghan army base", "the US decision", "rebel
    positions near the dam"): named by its words, coded to the entity's country. `told`
    says the side is an argument of the trigger, not the other side of the story found
    nearby, and `located` that a place phrase on the noun says which one was hit."""
    if actor is None:
        return None
    thing = acted_on and _a_place(actor) and _a_thing_there(actor, doc)
    if actor.naming == "coder":
        return _as_party(actor, actor.mention, actor.name)
    if _a_place(actor) and not thing:
        return _as_party(actor, actor.mention, _place_name(actor))
    entity = actor.entity if actor.naming == "entity" else None
    located = located and acted_on and told
    names = entity.mentions if entity is not None else None
    phrase = phrase_of(doc, actor.mention, names, located=located)
    if phrase is None and entity is not None and _named_by_words(actor, entity, acted_on, told):
        phrase = (
            None if _pronoun(doc, actor.mention) else phrase_of(doc, actor.mention, located=located)
        )
    if phrase is None or not phrase.text:
        return _as_party(actor, actor.mention, actor.name)
    return _as_party(actor, phrase, phrase.text)


def _place_name(actor: Actor) -> str | None:
    """A place by its gazetteer name where that completes the text's words ("Gaza" is the
    Gaza Strip: one name for one place across articles), but by the text's own name where
    the gazetteer's is another name altogether ("U.S.", "Britain", "Burma" beside United
    States, United Kingdom, Myanmar): the code and the entity say which place it is, and
    the name is what the text says (what a reader, and an annotator of sides, sees)."""
    entity, name, mention = actor.entity, actor.name, actor.mention
    if entity is None or name is None:
        return name
    if not any(m.start == mention.start and m.end == mention.end for m in entity.mentions):
        return name  # "Israeli" stands for Israel: the words are not the place's name
    said = set(_WORD.findall(mention.text.lower()))
    return mention.text if said and not said & set(_WORD.findall(name.lower())) else name


def _pronoun(doc: Doc, mention: Span) -> bool:
    """ "congratulated her": a pronoun stands for the entity it refers to, named by its name."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return words is not None and len(words) == 1 and words[0].pos_ == "PRON"


def _named_by_words(actor: Actor, entity: Entity, acted_on: bool, told: bool) -> bool:
    """Whether a side whose words are not its entity's name is named by them.

    "Israeli forces", "a Turkish court", "the Croatian government's request": the words name
    an organ or a thing of a state; the text's words are its name (what a reader and an
    annotator of sources and targets see) and the code, linked to the entity, still says
    which state it is. What an act is done to is named so too, whoever it belongs to ("the
    ISIS-held bridge", "the UN's report", "Hamas positions"): it was hit, not its owner. A
    body's own members acting ("Hamas fighters attacked") keep the body's name: it is the
    party, and its name is what identifies it; so does the other side of a story found
    nearby, since no words of the clause name it."""
    return _state_part(actor, entity) or (acted_on and told)


_NAMED_BODIES = frozenset({EntityType.ORG, EntityType.PERSON})
_FLOWS = frozenset({"AID", "RETREAT"})


def _a_thing_there(actor: Actor, doc: Doc) -> bool:
    """The words of a place's side name something else, the place only modifying it: the
    noun they stand in is not one of the place's mentions ("an Afghan army base" vs
    "northern Gaza")."""
    entity = actor.entity
    names = entity.mentions if entity is not None else None
    return (
        phrase_of(doc, actor.mention, names) is None and phrase_of(doc, actor.mention) is not None
    )


def _state_part(actor: Actor, entity: Entity) -> bool:
    """An organ of a state ("Turkish court", "Iraqi forces", "the Biden administration",
    "Prime Minister Ruiz's government") or a thing that stands for it ("the Swedish
    proposal"), and the officials who speak for a named body ("Hezbollah officials"), not
    its rank-and-file members ("Boko Haram fighters"), who are the body acting."""
    if entity.type is EntityType.PERSON:  # a leader's government is the state's organ
        return actor.sector in STATE_SECTORS
    if entity.type is EntityType.ORG and actor.sector == "GOV":
        return True  # "Hezbollah officials", "the union's negotiators": who speak for it
    organ = actor.sector is None or actor.sector in STATE_SECTORS
    return organ and entity.type not in _NAMED_BODIES


def _a_place(actor: Actor) -> bool:
    """A place is named by its gazetteer name ("northern Gaza" is in the Gaza Strip); an
    organ of the state the place is ("Israeli forces") is not the place."""
    return (
        actor.naming == "entity"
        and actor.entity is not None
        and actor.entity.type is EntityType.GPE
        and actor.sector not in STATE_SECTORS
    )


def _as_party(actor: Actor, mention: Span, name: str | None) -> Party:
    entity = actor.entity.id if actor.entity is not None else None
    return Party(
        entity, name, mention, actor.code, actor.sector, actor.code_source, actor.sector_source
    )
