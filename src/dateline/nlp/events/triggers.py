"""What a verb says happened: the PLOVER type and mode of a trigger, read from its words.

A verb signals an event in one of five ways, tried from the most specific:
1. with its particle or preposition: "pulled out", "called on", "spoke with";
2. with its object: "took hostages", "opened a corridor", "lifted the curfew";
3. as a light verb carrying an event noun: "carried out an air strike", "held talks";
4. by itself: "attacked", "condemned", "withdrew";
5. as a characterisation: "called the strikes unacceptable" is an accusation.
A verb that frames another action ("agreed to send aid", "threatened to cut ties", "urged X
to withdraw", "refused to meet") makes one event of the two: its own type, decided by the
action's class where PLOVER says so (a pledge of force is a threat, not an agreement).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Token

from dateline.nlp.common.speakers import CHARACTERISING as SPEECH_CHARACTERISING
from dateline.nlp.common.speakers import NAMING
from dateline.nlp.events.dictionaries import (
    agent_sector,
    cameo_object_sense,
    cameo_prep_sense,
    cameo_statement,
    cameo_subject_sense,
    cameo_verb_sense,
    cameo_verbs,
    has_statements,
)
from dateline.nlp.events.lexicon import (
    Sense,
    assault_mode,
    control_type,
    has_object_senses,
    is_conflict,
    lexicon,
    noun_sense,
    object_sense,
    parse_sense,
    valid_mode,
    verb_sense,
    word_set,
)

# Verbs that characterise or name what they frame: "called the strikes unacceptable".
CHARACTERISING = SPEECH_CHARACTERISING | NAMING
_PARTICLES = frozenset({"prt", "prep"})
_ASSERTING = frozenset({"ROOT", "conj", "ccomp"})
_OBJECTS = frozenset({"dobj", "obj", "attr"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "may", "might", "could"})
_DEFINITE_FUTURE = frozenset({"will", "shall", "'ll"})
_OWN = frozenset({"they", "we", "it", "he", "she", "i"})  # the claimant, told as a pronoun
_REFUSING_MODALS = frozenset({"will", "wo", "would", "shall", "can", "ca", "could"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
_PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper", "peace-keeping"})
_MAX_HOPS = 6
# Types whose event nouns tell an event as a subject: violence, protest and talks are done,
# while a plan, deal or threat as a subject is often only talked about.
_NOMINAL_TYPES = frozenset({"ASSAULT", "PROTEST", "CONSULT"})
# Of those, the deeds: what a fight or a protest "did" is its result, while talks that
# "failed" or "broke down" tell something of their own.
_DEEDS = frozenset({"ASSAULT", "PROTEST"})
# The acts a subject-side CAMEO pattern tells by what its subject is (troops, gunmen, shells,
# aid convoys): a subject that is a state of affairs ("tensions eased") names no one acting.
_SUBJECT_TOLD = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID"})
# Sectors of working people (Phoenix agents: "workers" LAB, "teachers" EDU, "nurses" MED).
_WORKING_SECTORS = frozenset({"LAB", "EDU", "MED", "AGR", "JRN"})
_FORCE_SECTORS = ("MIL", "COP", "UAF", "REB")
_FORCE_NOUNS = word_set("force_nouns")
# Nouns of asking, offering, planning and refusing: what they are "to" do is not done.
_UNREALISED = word_set("unrealised_nouns")
# Framing verbs that signal AGREE only when the framed action is an event of its own.
_WEAK_CONTROL = word_set("weak_control_verbs")
# Framing verbs whose framed clause is a request only in the subjunctive ("insisted that
# Hamas accept"): otherwise they report speech. After a verb of demanding, a plural
# present ("demanded that its partners refuse") reads as the subjunctive too.
_SUBJUNCTIVE_CONTROL = word_set("subjunctive_control_verbs")
_DEMANDING = word_set("demanding_verbs")
# Verbs of saying that report a demand when what they report is an obligation.
_OBLIGATION_FRAMES = word_set("obligation_frames")
# Default recipient prepositions of event nouns, by type: "an attack on", "talks with".
_NOUN_PREPS: dict[str, tuple[str, ...]] = {
    event_type: tuple(preps) for event_type, preps in lexicon()["noun_recipient_preps"].items()
}
# The THREATEN mode of a threatened act, and the REQUEST mode of a requested one.
THREAT_MODES: Mapping[str, str] = lexicon()["threat_modes"]
_REQUEST_MODES: Mapping[str, str] = lexicon()["request_modes"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A verb read as an event: its sense, the noun that carries the event if any ("an air
    strike"), the framed action's verb if any, and the modality the text gives it."""

    verb: Token
    sense: Sense
    noun: Token | None = None
    framed: Token | None = None
    framed_sense: Sense | None = None
    aux_mode: str | None = None
    confidence: float = 0.8


@cache
def inflections() -> dict[str, str]:
    """Surface forms of the trigger verbs ("staged", "shelling") -> their lemma: spaCy's
    lemmatiser now and then gets a news verb wrong ("staged" -> "stag")."""
    forms: dict[str, str] = {}
    for lemma in candidate_lemmas():
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        for form in (lemma + "s", lemma + "d", stem + "ed", stem + "ing", lemma + "es"):
            forms.setdefault(form, lemma)
    return forms


@cache
def inflected_forms() -> frozenset[str]:
    """The surface forms of `inflections` as one set, made once: a set built per document
    costs a hash of thousands of words before every look-up."""
    return frozenset(inflections())


def lemma_of(token: Token) -> str:
    """The token's lemma, mended from its surface form when spaCy's is not a known one."""
    lemma = token.lemma_.lower()
    if lemma in candidate_lemmas():
        return lemma
    return inflections().get(token.lower_, lemma)


@cache
def candidate_lemmas() -> frozenset[str]:
    """Every lemma that can start a trigger: the event stage looks only at these tokens."""
    table = lexicon()
    words = {key.split()[0] for key in table["verbs"]}
    words |= set(table["object_senses"]) | set(table["light_verbs"]) | set(table["control_verbs"])
    words |= set(table["prepositional_light_verbs"]) | set(table["arrival_verbs"]) | cameo_verbs()
    return frozenset(words | CHARACTERISING | _OBLIGATION_FRAMES | {"be"})


def read_trigger(verb: Token) -> Trigger | None:
    """The event a verb signals, with any action it frames folded in; None if none."""
    if verb.pos_ not in {"VERB", "AUX"} and verb.tag_ not in {"VBD", "VBN", "VBG", "VBZ", "VBP"}:
        return None
    if verb.dep_ in {"amod", "compound"}:
        return None
    if _called_to_discuss(verb):
        # "called his counterpart to discuss the deal": a call made, not one for action
        return Trigger(verb, Sense("CONSULT", "phone", ("with",)), aux_mode=_aux_mode(verb))
    children = list(verb.children)  # walked once for every rule below
    framed = _framed(verb, children)
    if framed is not None:
        return None if _told_by_statement(verb) else framed
    found = own_sense(verb, children)
    if found is None:
        return None
    sense, noun, confidence = found
    if sense.type == "SUPPORT" and verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "rebels backed by Turkey shelled the town": who stands behind a side describes
        # the side (as "Turkish-backed" does), it tells no act of support
        return None
    if _told_by_statement(verb) or _punished_for(verb):  # asked last: most verbs code nothing
        return None
    return Trigger(verb, sense, noun, aux_mode=_aux_mode(verb), confidence=confidence)


def _punished_for(verb: Token) -> bool:
    """ "arrested for collaborating with the rebels", "sanctioned over supplying drones": the
    act someone is arrested or punished for is what they are held to have done, told by the
    punishment (as an accusation's content is), not an event of its own."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in {"for", "over"}:
        return False
    punisher = prep.head
    found = own_sense(punisher) if punisher.pos_ in {"VERB", "AUX"} else None
    return found is not None and found[0].type in {"COERCE", "SANCTION"}


def _told_by_statement(verb: Token) -> bool:
    """ "claimed that they had attacked the base", "claimed responsibility for the blast that
    killed six", "offered condolences over a fire that killed ten": what a public statement
    (CAMEO 01, no event in PLOVER) reports or names is its subject matter, not a deed the
    text tells; the deed is told by the clause that asserts it ("gunmen killed six"). A
    conjunct is a clause of its own ("denied the charges and attacked the press")."""
    current = verb
    for _ in range(_MAX_HOPS):
        if current.dep_ in {"conj", "ROOT"} or current.head.i == current.i:
            return False
        current = current.head
        lemma = lemma_of(current)
        if current.pos_ in {"VERB", "AUX"} and has_statements(lemma):
            children = list(current.children)
            if _statement(lemma, children, _object(current, children)):
                return True
    return False


@cache
def nominal_lemmas() -> frozenset[str]:
    """Event nouns that tell an event when they are a clause's subject: "clashes between
    the militias left ten dead", "a protest against the tax drew thousands"."""
    return frozenset(
        noun
        for noun, entry in lexicon()["nouns"].items()
        if " " not in noun and parse_sense(entry).type in _NOMINAL_TYPES
    )


def read_nominal(noun: Token) -> Trigger | None:
    """An event noun as the subject of its sentence's main verb, where that verb says no
    event itself ("the offensive entered its third week"): the noun is the trigger, its
    "against", "on" or "between" phrase the other side. A noun of a clause not asserted
    ("talks could resume", "did not take place") tells none."""
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "ROOT" or noun.pos_ != "NOUN":
        return None
    sense = noun_sense(noun.lemma_.lower())
    if sense is None or sense.type not in _NOMINAL_TYPES or _aux_mode(verb) is not None:
        return None
    preps = sense.recipient_preps or _NOUN_PREPS.get(sense.type, ())
    return Trigger(noun, replace(sense, recipient_preps=preps), confidence=0.5)


def own_sense(
    verb: Token, children: list[Token] | None = None
) -> tuple[Sense, Token | None, float] | None:
    """A verb's sense by itself (without a framed action): (sense, event noun, confidence).
    `children`, when the caller has walked them already, saves walking the parse again."""
    found = _own_sense(verb, list(verb.children) if children is None else children)
    if _peacekeepers_moved(verb, found[0] if found else None) and _peacekeeping(verb):
        # "sent troops to the UN peacekeeping mission": CAMEO 074 (provide peacekeeping),
        # which PLOVER maps to AID, not a show of force
        noun, confidence = (found[1], found[2]) if found else (None, 0.6)
        return Sense("AID", None, ("to", "in", "into")), noun, confidence
    return found


def _peacekeepers_moved(verb: Token, sense: Sense | None) -> bool:
    """Forces moved: mobilised, or arriving ("peacekeepers arrived in Juba"); an arrival
    codes no event by itself (CAMEO's "arrive" has only its block's non-specific 040),
    so the verb is what says it."""
    if sense is not None and sense.type == "MOBILIZE":
        return True
    if lemma_of(verb) not in word_set("arrival_verbs") or sense not in {None, Sense("CONSULT")}:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and any(k in _forces() for k in _noun_keys(subject))


def _peacekeeping(verb: Token) -> bool:
    """A word of peacekeeping in the verb's own clause ("as peacekeepers", "to the
    peacekeeping force in Mali", "to serve as a peacekeeping force"), not in another clause
    it frames or that describes something else."""
    for token in verb.subtree:
        if token.lemma_.lower() not in _PEACEKEEPING:
            continue
        current = token
        for _ in range(_MAX_HOPS):
            if current.i == verb.i:
                return True
            if current.pos_ in {"VERB", "AUX"} and not (
                current.dep_ in {"xcomp", "advcl"}
                and any(c.lower_ == "to" for c in current.children)
            ):
                break  # a clause of its own: "after peacekeepers were attacked"
            current = current.head
    return False


def _own_sense(verb: Token, children: list[Token]) -> tuple[Sense, Token | None, float] | None:
    lemma = lemma_of(verb)
    # The verb's children and object, read once: spaCy makes a new Token object for every
    # child on every walk, which was most of the stage's time.
    obj = _object(verb, children)
    if _statement(lemma, children, obj):
        return None
    if _weapons_test(verb, lemma):
        return Sense("MOBILIZE", "weapons"), None, 0.8
    if _workers_strike(verb, lemma):
        return Sense("PROTEST", "strike", ("against",)), None, 0.8
    particles = [c for c in children if c.dep_ in _PARTICLES]
    phrasal = _phrasal_object_sense(lemma, particles, obj)
    if phrasal is not None:
        return phrasal
    for child in particles:  # "sat down with": the particle and the preposition together
        for prep in particles:
            sense = (
                verb_sense(f"{lemma} {child.lower_} {prep.lower_}") if prep.i > child.i else None
            )
            if sense is not None:
                return sense, None, 0.8
    for child in particles:
        sense = verb_sense(f"{lemma} {child.lower_}")
        if sense is not None:
            return sense, None, 0.8
    if obj is not None:
        noun_key = _noun_keys(obj)
        if has_object_senses(lemma):
            given = obj.dep_ != "nsubj"
            sense = next(
                (s for k in noun_key if (s := object_sense(lemma, k, any_object=given))), None
            )
            if sense is not None:
                return sense, obj, 0.8
        # "the strike is set to last": a subject with a verb it goes on to is not carried
        raised = obj.dep_ == "nsubj" and any(
            c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
        if lemma in word_set("light_verbs") and not raised:
            # "launched air and artillery strikes": the event noun may be the conjunct
            keys = noun_key + [k for c in obj.conjuncts for k in _head_keys(c)]
            sense = next((s for k in keys if (s := noun_sense(k))), None)
            if sense is not None:
                preps = sense.recipient_preps or _NOUN_PREPS.get(sense.type, ())
                if control_type(lemma) == "THREATEN":
                    # "threatened new sanctions": the act is threatened, not done (PLOVER)
                    return _framed_sense("THREATEN", sense), obj, 0.7
                return replace(sense, recipient_preps=preps), obj, 0.7
    supplied = _supplied_thing(verb, lemma)
    if supplied is not None:
        return supplied
    carried = _carried_by_preposition(verb, lemma)
    if carried is not None:
        return carried
    if lemma in CHARACTERISING:
        return _characterisation(verb)
    sense = verb_sense(lemma)
    confidence = 0.8
    if sense is None:
        found = _dictionary_sense(verb, lemma, children, particles, obj)
        if found is None:
            return None
        sense, noun, confidence = found
        if noun is not None:
            return sense, noun, confidence
    if sense is not None and sense.type == "MOBILIZE" and not _moves_force(verb):
        return None  # "mobilized pressure groups", "deployed its diplomats": not force
    return (sense, None, confidence) if sense is not None else None


def _phrasal_object_sense(
    lemma: str, particles: list[Token], obj: Token | None
) -> tuple[Sense, Token | None, float] | None:
    """ "called off the strike", "built up its forces": a phrasal verb whose sense depends
    on its object, which neither the verb nor its object says alone ("called off the
    talks" is not a retreat)."""
    if obj is None:
        return None
    for child in particles:
        phrase = f"{lemma} {child.lower_}"
        if has_object_senses(phrase):
            sense = next((s for k in _noun_keys(obj) if (s := object_sense(phrase, k))), None)
            if sense is not None:
                return sense, obj, 0.8
    return None


def _supplied_thing(verb: Token, lemma: str) -> tuple[Sense, Token | None, float] | None:
    """ "provided the army with trucks", "supplied the town with water": the thing given
    follows "with" and the object is the side that gets it, so the sense is read from the
    thing (CAMEO codes the pattern by what is given, not by the receiver)."""
    if not has_object_senses(lemma):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for thing in prep.children:
            if thing.dep_ != "pobj":
                continue
            sense = next((s for k in _noun_keys(thing) if (s := object_sense(lemma, k))), None)
            if sense is not None:
                return sense, thing, 0.7
    return None


def _dictionary_sense(
    verb: Token, lemma: str, children: list[Token], particles: list[Token], obj: Token | None
) -> tuple[Sense, Token | None, float] | None:
    """The CAMEO dictionary's sense of a verb Dateline's own lexicon does not know: its
    phrasal form ("wipe out"), its form with this object, else the verb alone. Less sure
    than an entry written for the project, so a lower confidence. Only a clause that
    asserts something: the dictionary's verbs are broad ("help", "allow"), and in an aim or a
    purpose ("aims to help") they are not what happened; nor a verb the lexicon knows as one
    that says little by itself ("take", "hold"). `particles` are those of the verb's
    `children` that are particles or prepositions."""
    if lemma in word_set("light_verbs") or not _asserted(verb, children):
        return None
    if _event_subject(children):
        return None
    for child in particles:
        sense = cameo_verb_sense(f"{lemma} {child.lower_}")
        if sense is not None:
            return sense, None, 0.6
    if obj is not None and obj.dep_ != "nsubj":  # "refugees returned" gives nothing back
        sense = next((s for k in _noun_keys(obj) if (s := cameo_object_sense(lemma, k))), None)
        if sense is not None:
            return sense, obj, 0.6
    found = _prep_pattern(lemma, children) or _subject_pattern(verb, lemma, children)
    if found is not None:
        return found
    sense = cameo_verb_sense(lemma)
    if sense is None or sense.type == "AGREE":
        # CAMEO 03 is intent ("seek", "aim", "signal"): with nothing intended that the
        # framing rules read ("sought refuge", "signaled interest"), no one agreed to anything
        return None
    return sense, None, 0.6


def _prep_pattern(lemma: str, children: list[Token]) -> tuple[Sense, Token | None, float] | None:
    """A CAMEO pattern of the verb with a prepositional object: "appealed for forgiveness",
    "agreed to a truce", "abstain from violence"; the noun is what the event is read from."""
    for prep in children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            keys = _noun_keys(noun)
            sense = next((s for k in keys if (s := cameo_prep_sense(lemma, prep.lower_, k))), None)
            if sense is not None:
                return sense, noun, 0.6
    return None


def _subject_pattern(
    verb: Token, lemma: str, children: list[Token]
) -> tuple[Sense, Token | None, float] | None:
    """A CAMEO pattern of the verb with its subject or an adverb before it: "gunmen killed",
    "troops seized" (a word of "&military"), "verbally attacked". The word before the verb
    is not enough: in "peacekeepers who joined the troops arrived" it ends another clause."""
    words = [k for c in children if c.dep_ == "nsubj" for k in [*_head_keys(c), c.lower_]]
    words += [c.lower_ for c in children if c.dep_ == "advmod" and c.i < verb.i]
    sense = next((s for w in words if (s := cameo_subject_sense(lemma, w))), None)
    if sense is None or sense.type not in _SUBJECT_TOLD:
        return None  # "conditions improved", "relations eased": no party acted
    return sense, None, 0.6


def _event_subject(children: list[Token]) -> bool:
    """ "clashes left ten dead", "the protest drew thousands": a verb whose subject is an
    event noun tells what the event did, and a broad dictionary verb ("leave" is a visit in
    CAMEO) must not code it as another event; the noun tells the event."""
    return any(
        c.dep_ == "nsubj"
        and c.pos_ == "NOUN"
        and (sense := noun_sense(c.lemma_.lower())) is not None
        and sense.type in _DEEDS
        for c in children
    )


def _statement(lemma: str, children: list[Token], obj: Token | None) -> bool:
    """ "denied the accusations", "claimed responsibility for", "declined to comment": the
    verb with its object, or with the verb it frames, is a statement (CAMEO 01), no event."""
    if not has_statements(lemma):
        return False  # most verbs have no statement pattern: no need to read their words
    words = [child.lemma_.lower() for child in children if child.dep_ == "xcomp"]
    if obj is not None:
        words += [obj.lemma_.lower(), obj.lower_]
    if any(cameo_statement(lemma, word) for word in words):
        return True
    # "claimed that they had attacked the base": a claim of one's own deed is a claim of
    # responsibility, whatever the words (CAMEO 015)
    return cameo_statement(lemma, "responsibility") and any(
        clause.dep_ == "ccomp"
        and any(s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ in _OWN for s in clause.children)
        for clause in children
    )


def _asserted(verb: Token, children: list[Token]) -> bool:
    """A finite verb of a main or reported clause, not an infinitive, purpose or modifier;
    or the bare verb of a plain future ("will attend the summit"), which the stage codes by
    intent (talks to come are an agreement, force to come a threat)."""
    if verb.dep_ not in _ASSERTING or verb.tag_ == "VBG":
        return False
    if verb.tag_ == "VB":
        return any(c.dep_ == "aux" and c.lower_ in _DEFINITE_FUTURE for c in children)
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in children)


def _moves_force(verb: Token) -> bool:
    """What a verb of mobilising moves is a force ("troops", "reservists"), or is not said."""
    obj = _object(verb)
    return obj is None or any(key in _forces() for key in _noun_keys(obj))


@cache
def _forces() -> frozenset[str]:
    """Nouns for forces: the lexicon's armed, police and rebel sector nouns, and a few more."""
    listed = lexicon()["sector_nouns"]
    return frozenset(noun for sector in _FORCE_SECTORS for noun in listed[sector]) | _FORCE_NOUNS


def _workers_strike(verb: Token, lemma: str) -> bool:
    """ "nurses struck for a second day", "teachers strike at state schools": working
    people who strike, with nothing struck, stop work (PLOVER PROTEST/strike); "rebels
    struck the convoy" is an attack."""
    if lemma != "strike" or any(c.dep_ in _OBJECTS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and agent_sector(subject.lower_) in _WORKING_SECTORS


def _weapons_test(verb: Token, lemma: str) -> bool:
    """ "test-fired a missile": a show of force, not an attack."""
    if lemma not in {"fire", "launch"}:
        return False
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "test"


def _carried_by_preposition(verb: Token, lemma: str) -> tuple[Sense, Token | None, float] | None:
    """ "remained on alert", "went on strike", "put under investigation", "returned to Geneva
    for talks": an event noun after a preposition of a verb that says little itself."""
    if lemma not in word_set("prepositional_light_verbs"):
        return None
    preps = {"on", "under", "for", "into"} | ({"in"} if _taking_part(verb, lemma) else set())
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            keys = [f"{prep.lower_} {k}" for k in _noun_keys(noun)] + _noun_keys(noun)
            sense = next((s for k in keys if (s := noun_sense(k))), None)
            if sense is not None:
                return sense, noun, 0.6
    return None


def _taking_part(verb: Token, lemma: str) -> bool:
    """ "took part in the exercise", "participated in the protest": who takes part in an
    event does it (with the others), so the event noun after "in" is the event."""
    if lemma == "participate":
        return True
    return lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)


def _framed(verb: Token, children: list[Token]) -> Trigger | None:
    """ "agreed to hold talks", "threatened to cut ties", "urged Israel to allow aid in",
    "refused to deploy troops": one event, typed by the framing verb and the framed act."""
    lemma = lemma_of(verb)
    frame = control_type(lemma) or ("AGREE" if _readiness(children) is not None else None)
    if frame is None and lemma in _OBLIGATION_FRAMES and _obligation(verb) is not None:
        frame = "REQUEST"  # "the forum concluded that rich nations must pay": a demand
    for_clause = _for_clause(verb)
    if frame is None and for_clause is not None:
        frame = "REQUEST"  # "called for Israel to withdraw": a demand, not a withdrawal
    if frame is None:
        return None
    action = for_clause or _framed_action(verb, lemma, children)
    if action is None:
        return None
    inner = own_sense(action)
    nested = next((c for c in action.children if c.dep_ == "xcomp"), None)
    if inner is None and nested is not None:  # "prepared to resume shelling"
        inner = own_sense(nested)
    inner_sense = inner[0] if inner is not None else None
    if inner_sense is None and (lemma in _WEAK_CONTROL or frame == "REJECT"):
        return None
    sense = _framed_sense(frame, inner_sense)
    if lemma == "prepare" and sense.type == "THREATEN":
        sense = Sense("MOBILIZE", None, sense.recipient_preps)  # readying force, not words
    if lemma in word_set("offering_verbs") and inner_sense and inner_sense.type == "MOBILIZE":
        # "offered to send troops to help Mali": forces offered to someone are help offered
        # (CAMEO 0332, intent to give military aid: PLOVER AGREE), not a threat of force
        sense = Sense("AGREE", None, inner_sense.recipient_preps)
    aux = _aux_mode(verb)
    return Trigger(verb, sense, None, action, inner_sense, aux, 0.7)


def _called_to_discuss(verb: Token) -> bool:
    """ "phoned the president to discuss trade", "called his counterpart to talk about the
    crisis": a call to someone whose purpose is talking is the talk itself (CONSULT over the
    phone); "called on X to discuss" asks for talks, and stays a request."""
    if lemma_of(verb) not in word_set("calling_verbs"):
        return False
    children = list(verb.children)
    talking = any(
        c.dep_ in {"xcomp", "advcl"}
        and lemma_of(c) in word_set("discussion_verbs")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in children
    )
    # "called on Iran": the particle right after the verb ("called Iran on Sunday" is a date)
    asked = any(c.lower_ in {"on", "upon"} and c.i == verb.i + 1 for c in children)
    return talking and not asked and any(c.dep_ in _OBJECTS for c in children)


def _for_clause(verb: Token) -> Token | None:
    """ "called for Israel to withdraw", "pushed for Poland to accept": the act a verb of
    asking "for" wants someone to do, parsed as a clause with "for" as its marker."""
    sense = verb_sense(f"{lemma_of(verb)} for")
    if sense is None or sense.type != "REQUEST":
        return None
    for clause in verb.children:
        marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
        if clause.dep_ == "advcl" and marked and any(c.dep_ == "nsubj" for c in clause.children):
            return clause
    return None


def _obligation(verb: Token) -> Token | None:
    """A reported clause that says someone must or should act."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in {"must", "should", "ought"} for c in child.children
        ):
            return child
    return None


def _framed_action(verb: Token, lemma: str, children: list[Token]) -> Token | None:
    if lemma in _OBLIGATION_FRAMES:
        return _obligation(verb)
    for child in children:
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
            return child
    if lemma in _SUBJUNCTIVE_CONTROL:
        for child in children:
            if child.dep_ == "ccomp" and _subjunctive(child, lemma in _DEMANDING):
                return child
    return _readiness(children)


def _readiness(children: list[Token]) -> Token | None:
    """ "is ready to send troops", "was willing to talks": the action a readiness adjective
    frames."""
    for child in children:
        if child.dep_ == "acomp" and child.lower_ in word_set("readiness_adjectives"):
            return next((c for c in child.children if c.dep_ == "xcomp"), None)
    return None


def _subjunctive(clause: Token, demanding: bool) -> bool:
    """ "that Hamas accept the offer", "that Israel should withdraw": a demand, not a report."""
    bare = {"VB", "VBP"} if demanding else {"VB"}
    if clause.tag_ in bare and not any(c.dep_ == "aux" for c in clause.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in {"should", "must"} for c in clause.children)


def _framed_sense(frame: str, inner: Sense | None) -> Sense:
    if frame == "AGREE":
        if inner is not None and is_conflict(inner.type) and inner.type != "REJECT":
            return Sense("THREATEN", THREAT_MODES.get(inner.type), inner.recipient_preps)
        return Sense("AGREE", None, inner.recipient_preps if inner else ())
    if frame == "THREATEN":
        mode = THREAT_MODES.get(inner.type) if inner else None
        return Sense("THREATEN", mode, inner.recipient_preps if inner else ())
    if frame == "REQUEST":
        mode = _REQUEST_MODES.get(inner.type, "change") if inner else "change"
        return Sense("REQUEST", mode, ("on", "upon", "to"))
    return Sense("REJECT", None, inner.recipient_preps if inner else ())


def _characterisation(verb: Token) -> tuple[Sense, Token | None, float] | None:
    """ "called the strikes unacceptable", "referred to the raid as 'criminal'": naming an act
    with a word of condemnation accuses whoever did it."""
    negative = word_set("negative_evaluations")
    for child in verb.children:
        if child.dep_ not in {"oprd", "xcomp", "ccomp", "acomp", "prep", "advcl"}:
            continue
        if any(w.lemma_.lower() in negative or w.lower_ in negative for w in child.subtree):
            return Sense("ACCUSE", "disapprove", ("to",)), None, 0.6
    return None


def _object(verb: Token, children: list[Token] | None = None) -> Token | None:
    """The thing a verb acts on: its object, a passive subject, the noun a participle
    describes ("hostages taken by …"), or an intransitive subject ("corridors opened").
    `children`, when the caller has them, saves walking the parse again."""
    children = list(verb.children) if children is None else children
    for child in children:
        if child.dep_ in _OBJECTS:
            return child
    for child in children:
        if child.dep_ == "nsubjpass":
            return child
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    for child in children:
        if child.dep_ == "nsubj" and child.pos_ == "NOUN" and has_object_senses(lemma_of(verb)):
            return child
    return None


def _noun_keys(noun: Token) -> list[str]:
    """The lexicon keys a noun can match, most specific first: "air strike", "strike"."""
    lemma = noun.lemma_.lower()
    lefts = list(noun.lefts)  # walked once: each walk makes new Token objects
    compounds = [child for child in lefts if child.dep_ == "compound"]
    # "cease-fire", split by the tokenizer: the word as it is also written, "ceasefire"
    keys = [f"{c.lower_}{lemma}" for c in compounds if c.i == noun.i - 2 and c.nbor().text == "-"]
    keys += [f"{child.lower_} {lemma}" for child in lefts if child.dep_ in {"compound", "amod"}]
    keys += [f"{child.lemma_.lower()} {lemma}" for child in compounds]
    keys += [lemma, noun.lower_]
    # "mediation efforts", "ceasefire talks": the compound may carry the event by itself.
    keys += [child.lemma_.lower() for child in compounds]
    # "tons of food aid", "a series of bombs", "worth of goods"; and what an amount is in
    # or for ("$5 million in food aid", "€2 billion for relief").
    children = list(noun.children)
    preps = {"of", "in", "for"} if _amount(noun, children) else {"of"}
    for prep in [
        *children,
        *(w for c in children if c.lower_ == "worth" for w in c.children),
    ]:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for inner in prep.children:
                if inner.dep_ == "pobj":
                    keys += _noun_keys(inner)
    if noun.ent_type_ == "MONEY":
        keys.append("money")  # "gave $40 million to …": a sum given is aid
    return keys


def _head_keys(noun: Token) -> list[str]:
    """The keys naming what a noun itself is ("artillery strike", "strike"), not what a
    modifier of it is ("attack helicopters" are helicopters, "a strike team" a team)."""
    lemma = noun.lemma_.lower()
    keys = [f"{c.lower_} {lemma}" for c in noun.lefts if c.dep_ in {"compound", "amod"}]
    return [*keys, lemma]


def _amount(noun: Token, children: list[Token]) -> bool:
    """A sum or a quantity ("$5 million", "200 tonnes"), whose "in"/"for" phrase says of what."""
    return noun.ent_type_ in {"MONEY", "QUANTITY", "CARDINAL"} or any(
        c.dep_ == "nummod" for c in children
    )


def _aux_mode(verb: Token) -> str | None:
    """PLOVER's auxiliary mode from the verb group: "did not attack" (negation), "if a deal is
    reached" (hypothetical), "would carry out" (future)."""
    chain = [verb, *list(_governors(verb))]
    for token in chain:
        if any(c.dep_ == "neg" for c in token.children):
            return "negation"
    for token in chain:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in token.children):
            return "hypothetical"
    if _noun_complement(verb):
        return "hypothetical"  # "a request to extradite him": asked for, not done
    if any(_deliberated(token) for token in chain):
        return "hypothetical"  # "is considering sending aid": weighed, not done
    for token in chain[:2]:
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in token.children):
            return "future"
        if any(c.lower_ == "going" and c.dep_ == "aux" for c in token.children):
            return "future"
    return None


def _deliberated(verb: Token) -> bool:
    """ "is weighing sending troops", "considered imposing a curfew": an act a verb of
    deliberation frames is one thought about, not one done (or announced)."""
    return verb.dep_ == "xcomp" and lemma_of(verb.head) in word_set("deliberation_verbs")


def declared_refusal(verb: Token) -> bool:
    """ "will not release the pilots", "cannot accept more refugees", "won't meet": a negated
    act with a modal of will or ability is a refusal declared now, not an act that did not
    happen ("did not attack")."""
    children = list(verb.children)
    negated = any(c.dep_ == "neg" for c in children)
    modal = any(c.dep_ == "aux" and c.lower_ in _REFUSING_MODALS for c in children)
    return negated and modal


def _noun_complement(verb: Token) -> bool:
    """ "Australia's request to extradite", "a plan to attack": an infinitive completing a
    noun of asking, offering or planning names what is wanted, not something that happened."""
    if verb.dep_ != "acl" or verb.head.lemma_.lower() not in _UNREALISED:
        return False  # "an ongoing effort to build a pier" is being done
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _governors(verb: Token) -> list[Token]:
    """The verbs a verb is an infinitive or conjunct of, up to its clause's top."""
    out = []
    current = verb
    while current.dep_ in {"xcomp", "conj"} and current.head.i != current.i:
        current = current.head
        out.append(current)
    return out


def assault_mode_near(trigger: Trigger) -> str | None:
    """An ASSAULT's mode from the words around its trigger ("drone strike", "shelled")."""
    verb = trigger.verb
    words = list(trigger.noun.subtree) if trigger.noun is not None else []
    for child in verb.children:  # "warplanes bombed", "struck with drones"
        if child.dep_ in {"prep", "agent", "npadvmod", "nsubj"}:
            words += list(child.subtree)
    for token in [*words, verb]:
        mode = assault_mode(token.lemma_.lower())
        if mode is not None:
            return mode
    return None


def with_mode(trigger: Trigger) -> Trigger:
    """The trigger with an ASSAULT mode read from its words when the lexicon gave none."""
    if trigger.sense.type == "ASSAULT" and trigger.sense.mode is None:
        mode = valid_mode("ASSAULT", assault_mode_near(trigger))
        if mode is not None:
            return replace(trigger, sense=replace(trigger.sense, mode=mode))
    return trigger
