"""Who gives each claim: the entity, the group or the unnamed phrase behind a quote.

The quote stage names a speaker; this module says which *source* that is. A named person or
organisation is its entity. A phrase is read from the parse around the cue: its head noun
and the words that qualify it ("a senior European Commission official", "people familiar
with the talks", "two sources", "one of the sources"), so that two claims by the same
unnamed phrase are one source. A claim with no subject is unnamed by the words that carry
it ("reportedly", "it was announced"). "According to X's readout" adds X as the channel a
claim came through.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.model import FACT_BLOCKS, Analysis, Entity, EntityType, Quote, Span
from dateline.nlp.common.lexicon import country_of_name
from dateline.nlp.common.sentences import sentence_of, tokens_with
from dateline.nlp.common.speakers import (
    ATTRIBUTION_ADVERBS,
    MentionIndex,
    is_according_to,
    subject_of,
)
from dateline.nlp.sources.words import KindWord, kind_words, unnamed_phrases, words_of
from dateline.nlp.stage import article_text

_PRONOUNS = {"he", "she", "it", "they"}
_RELATIVE = {"who", "that", "which"}
_FIRST_PERSON = {"i", "we", "you"}
# Generic heads that speak for the body named last when the phrase names none ("the company
# said …; a spokesperson said …").
_SPEAKS_FOR = {"spokesperson", "spokesman", "spokeswoman", "representative"}
# Nouns that, after "the" and alone, take up the organisation named last ("the company said").
_ANAPHORIC = {"company", "firm", "group", "organisation", "organization", "agency", "airline"}
_LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case"}
_RIGHT_DEPS = {"prep", "acl", "amod"}


@dataclass(slots=True)
class Claimant:
    """The source of one claim as the text gives it. `key` is what makes two claims the same
    source; `describing` holds the words that say what the source is (its title, apposition,
    the subject phrase); `person` is None where only those words can tell."""

    key: str
    name: str | None
    entity: Entity | None
    mention: Span | None
    describing: list[Token] = field(default_factory=list)
    person: bool | None = None
    unnamed: bool = False
    unnamed_cue: Span | None = None
    # The body the source belongs to or speaks for, and the words that describe it.
    affiliation: Entity | None = None
    affiliation_describing: list[Token] = field(default_factory=list)
    speaks_for: Claimant | None = None


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The head token of the words at [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


class Claimants:
    """Finds the claimant of each quote of one article, remembering the last one: "he said"
    with no one named before it continues the source quoted last."""

    def __init__(self, doc: Doc, analysis: Analysis) -> None:
        self.doc = doc
        self.text = article_text(doc)
        self.entities = {e.id: e for e in analysis.entities}
        self.index = MentionIndex(analysis.entities, [])
        self.last: Claimant | None = None

    def of(self, quote: Quote) -> Claimant | None:
        found = self._find(quote)
        if found is not None:
            self.last = found
        return found

    def _find(self, quote: Quote) -> Claimant | None:
        cue = token_at(self.doc, quote.cue.start, quote.cue.end) if quote.cue else None
        if quote.cue is not None and quote.cue.text.lower() in ATTRIBUTION_ADVERBS:
            return self.adverb(quote.cue)
        subject = self._subject(cue) if cue is not None else None
        if subject is not None and cue is not None:
            passive = self._passive(subject, cue)
            if passive is not None:
                return passive
        entity = self.entities.get(quote.speaker) if quote.speaker else None
        if entity is not None:
            return self._of_entity(entity, quote, subject)
        if subject is None:
            return self.last if quote.speaker_mention is not None else None
        if subject.lower_ in _PRONOUNS:
            return self._pronoun(subject)
        if subject.lower_ in _FIRST_PERSON:  # "we said" outside quote marks: the last voice
            return self.last
        if not can_speak(_head_of(subject)):
            return None  # "his eyes said", "the oil said": a misread subject, no source
        return self._phrase(subject)

    def _subject(self, cue: Token) -> Token | None:
        if is_according_to(cue):
            to = next(c for c in cue.children if c.lower_ == "to")
            return next((c for c in to.children if c.dep_ == "pobj"), None)
        subject = subject_of(cue)
        if subject is not None and subject.lower_ in _RELATIVE and subject.head.dep_ == "relcl":
            return subject.head.head  # "an officer, who said …": the officer
        return subject

    def is_qualifier(self, quote: Quote) -> bool:
        """ "an officer who asked not to be named": the words that keep a source unnamed
        are no claim of theirs."""
        if quote.cue is None:
            return False
        start = max(0, quote.cue.start - 40)
        around = self.text[start : quote.span.end + 1].lower()
        cue_at = quote.cue.start - start
        for phrase in unnamed_phrases("qualifier"):
            found = around.find(phrase)
            while found >= 0:
                if found <= cue_at < found + len(phrase):
                    return True
                found = around.find(phrase, found + 1)
        return False

    def adverb(self, cue: Span) -> Claimant:
        word = cue.text.lower()
        return Claimant(f"adverb:{word}", None, None, None, unnamed=True, unnamed_cue=cue)

    def _passive(self, subject: Token, cue: Token) -> Claimant | None:
        """ "It was announced that …": a claim with no one behind it in the text."""
        if subject.lower_ != "it":
            return None
        start, end = subject.idx, cue.idx + len(cue.text)
        said = " ".join(self.text[start:end].lower().split())
        if said not in unnamed_phrases("passive"):
            return None
        span = Span(start, end, self.text[start:end])
        return Claimant(f"passive:{said}", None, None, None, unnamed=True, unnamed_cue=span)

    def _of_entity(self, entity: Entity, quote: Quote, subject: Token | None) -> Claimant:
        mention = quote.speaker_mention
        if (
            entity.type in {EntityType.GPE, EntityType.NORP}
            and quote.speaker_name
            and (quote.speaker_name != entity.name)
        ):
            return self._group(entity, quote)
        if subject is not None and subject.lower_ not in _PRONOUNS:
            unnamed = self._unnamed_member(subject, entity)
            if unnamed is not None:
                return unnamed
        describing = self.around_entity(entity)
        if subject is not None and subject.lower_ in kind_words():
            # "A shopkeeper on the square, Farid, said": the subject's noun describes the
            # named speaker, however the parse hung the name on it
            describing += _phrase_tokens(subject)
        return Claimant(
            f"entity:{entity.id}",
            entity.name,
            entity,
            mention if mention is not None and mention.text.lower() not in _PRONOUNS else None,
            describing=describing,
            person=entity.type is EntityType.PERSON,
        )

    def _group(self, entity: Entity, quote: Quote) -> Claimant:
        """ "The Israeli side", "Egyptian officials": a country's side, by its group noun."""
        name = quote.speaker_name or entity.name
        head = name.split()[-1].lower()
        tokens = self._tokens(quote.speaker_mention)
        country = next(
            (
                e
                for e in self.entities.values()
                if e.type is EntityType.GPE
                and e.country == entity.country
                and country_of_name(e.name) == e.country
            ),
            None,
        )
        entry = kind_words().get(head)
        person = entry.person if entry is not None else True
        key = f"group:{entity.country}:{head}"
        return Claimant(
            key,
            None if person else _without_article(name),
            None if person else country,
            quote.speaker_mention,
            describing=tokens,
            person=person,
            unnamed=person,
            unnamed_cue=quote.speaker_mention if person else None,
            affiliation=entity,
        )

    def _unnamed_member(self, subject: Token, entity: Entity) -> Claimant | None:
        """ "Senior Labour sources", "a State Department official": a person noun heads the
        subject and the named body only qualifies it; the source is the unnamed person."""
        entry = kind_words().get(subject.lower_)
        if entry is None or not entry.person:
            return None
        hit = self.index.at(subject.idx, subject.idx + len(subject.text))
        if hit is not None and hit[1].id == entity.id:
            return None
        if entity.type is EntityType.PERSON and subject.tag_ != "NNS":
            return None  # "spokesman Matthew Miller": a singular title of the named person
        claimant = self._phrase(subject)
        claimant.affiliation = entity
        return claimant

    def _pronoun(self, subject: Token) -> Claimant | None:
        wanted = (
            (EntityType.ORG,) if subject.lower_ == "it" else (EntityType.PERSON, EntityType.ORG)
        )
        sentence = sentence_of(subject)
        for kind in wanted:
            hit = self.index.last_word_naming(self.doc, kind, 0, sentence.start)
            hit = hit or self.index.last_word_naming(self.doc, kind, sentence.start, subject.i)
            if hit is not None:
                entity = hit[1]
                return Claimant(
                    f"entity:{entity.id}",
                    entity.name,
                    entity,
                    None,
                    describing=self.around_entity(entity),
                    # "she says" is said of a person, whatever type the name was given
                    person=entity.type is EntityType.PERSON or subject.lower_ != "it",
                )
        return self.last

    def _phrase(self, subject: Token) -> Claimant:
        """A source named by a noun phrase, not by a name the entity stage knows."""
        head = _head_of(subject)
        if head.lower_ in _ANAPHORIC and _only_the(head):
            found = self._last_organisation(head)
            if found is not None:
                return found
        tokens = _phrase_tokens(head)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        mention = Span(start, end, self.text[start:end])
        entry = _head_entry(head, tokens)
        proper = head.pos_ == "PROPN" and entry is None
        person = entry.person if entry is not None else not proper
        if not person:
            named = self._named_by_apposition(head, tokens)
            if named is not None:
                return named
        else:
            given = self._name_in_apposition(head, tokens)
            if given is not None:
                return given
        affiliation = self._named_within(start, end, head) or self._anaphoric_within(tokens)
        speaks_for = None
        if affiliation is None and head.lower_ in _SPEAKS_FOR and self.last is not None:
            speaks_for = self.last if not self.last.person else None
        words = [w for w in words_of(mention.text) if w not in _DETERMINERS]
        key = f"phrase:{head.lemma_.lower()}:{affiliation.id if affiliation else ''}"
        if not person:
            key = "phrase:" + " ".join(words)
        cue = self._unnamed_cue(mention, subject) if person else None
        return Claimant(
            key,
            None if person else _without_article(mention.text),
            None,
            mention,
            describing=tokens,
            person=person,
            unnamed=person,
            unnamed_cue=cue,
            affiliation=affiliation,
            affiliation_describing=self.around_entity(affiliation) if affiliation else [],
            speaks_for=speaks_for,
        )

    def _named_by_apposition(self, head: Token, tokens: list[Token]) -> Claimant | None:
        """ "The armed group Sector Five", "the broadcaster NorthStar": the body's name stands
        beside the noun that describes it, and the body is the source."""
        for child in head.children:
            if child.dep_ not in {"appos", "compound", "npadvmod"} or child.i < head.i:
                continue
            hit = self.index.at(child.idx, child.idx + len(child.text))
            if hit is not None and hit[1].type is EntityType.ORG:
                entity = hit[1]
                return Claimant(
                    f"entity:{entity.id}",
                    entity.name,
                    entity,
                    hit[0],
                    describing=tokens + self.around_entity(entity),
                    person=False,
                )
        return None

    def _name_in_apposition(self, head: Token, tokens: list[Token]) -> Claimant | None:
        """ "A baker nearby, Youssef, said": the person noun is followed by the person's
        name, which the entity stage may not know (a single given name)."""
        for child in head.children:
            if child.dep_ != "appos" or child.i < head.i or child.pos_ != "PROPN":
                continue
            words = [t for t in child.subtree if not t.is_punct]
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            name = self.text[start:end]
            return Claimant(
                f"name:{name.lower()}", name, None, Span(start, end, name),
                describing=tokens, person=True,
            )  # fmt: skip
        return None

    def _anaphoric_within(self, tokens: list[Token]) -> Entity | None:
        """ "a commander of the group": the body named last before, which "the group" takes
        up."""
        for token in tokens:
            if token.lower_ in _ANAPHORIC and _only_the(token) and token.dep_ == "pobj":
                hit = self.index.last_word_naming(self.doc, EntityType.ORG, 0, token.i)
                if hit is not None:
                    return hit[1]
        return None

    def _unnamed_cue(self, mention: Span, subject: Token) -> Span:
        """The words that say the source is unnamed: the phrase, and the verb of saying when
        it follows at once ("two sources said", "people familiar with the talks said")."""
        verb = subject.head
        end = mention.end
        if verb.idx >= end and not self.text[end : verb.idx].strip():
            end = verb.idx + len(verb.text)
        return Span(mention.start, end, self.text[mention.start : end])

    def _named_within(self, start: int, end: int, head: Token) -> Entity | None:
        """The organisation, country or group a phrase names besides its head noun."""
        for mention, entity in self.index.within(start, end):
            if not (mention.start <= head.idx < mention.end):
                return entity
        return None

    def _last_organisation(self, head: Token) -> Claimant | None:
        hit = self.index.last_word_naming(self.doc, EntityType.ORG, 0, head.i)
        if hit is None:
            return None
        entity = hit[1]
        return Claimant(
            f"entity:{entity.id}",
            entity.name,
            entity,
            None,
            # "the company" says what the body is when its name does not
            describing=[head, *self.around_entity(entity)],
            person=False,
        )

    def _tokens(self, span: Span | None) -> list[Token]:
        if span is None:
            return []
        found = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return list(found) if found is not None else []

    def around_entity(self, entity: Entity) -> list[Token]:
        """The words that describe an entity where it is named: titles before its name
        ("Striker Ola Mensah"), its apposition ("Rosa Medina, a retired teacher"), or the
        noun it is the apposition of ("His lawyer, Sanjay Mehta")."""
        found: list[Token] = []
        for mention in entity.mentions[:6]:
            root = token_at(self.doc, mention.start, mention.end)
            if root is None:
                continue
            found += self._tokens(mention)
            found += [t for c in root.lefts if c.dep_ in _LEFT_DEPS for t in c.subtree]
            found += [t for c in root.children if c.dep_ == "appos" for t in _phrase_tokens(c)]
            if root.dep_ == "appos":
                found += _appositive_of(root)
            if root.dep_ == "compound" and root.head.pos_ in {"NOUN"}:
                found.append(root.head)
        return found


_DETERMINERS = {"a", "an", "the", "one", "two", "three", "some", "several", "of"}


def _without_article(name: str) -> str:
    words = name.split()
    return " ".join(words[1:]) if words and words[0].lower() == "the" else name


def _head_of(subject: Token) -> Token:
    """ "one of the sources": the head is the noun after "of"."""
    if subject.lower_ in {"one", "some", "many", "most", "several"}:
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return subject


# Endings of English nouns for people ("beekeeper", "investor", "economist", "resident");
# "-ment" nouns and "percent" end like them and name no one.
_PERSON_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants",
                   "ent", "ents")  # fmt: skip
_NOT_PEOPLE = ("ment", "ments", "percent")


def _head_entry(head: Token, tokens: list[Token]) -> KindWord | None:
    """The list's row for a phrase's head, read with the words before it where the list has
    them together ("coast guard" is a body, "guard" a person)."""
    table = kind_words()
    before = [t.lower_ for t in tokens if t.i < head.i]
    for size in (2, 1):
        entry = table.get(" ".join([*before[-size:], head.lower_]))
        if entry is not None and len(before) >= size:
            return entry
    return table.get(head.lower_) or table.get(head.lemma_.lower())


def can_speak(head: Token) -> bool:
    """Whether a subject's head noun can name a source: a word of the source lists, a
    proper name, a named person, body or group, or a noun with a person's ending."""
    word = head.lower_
    if word in kind_words() or head.lemma_.lower() in kind_words():
        return True
    if head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    return word.endswith(_PERSON_ENDINGS) and not word.endswith(_NOT_PEOPLE)


def _appositive_of(name: Token) -> list[Token]:
    """What a name is the apposition of: "His lawyer, Sanjay Mehta"; and through "of",
    "The mayor of Port Ellis, Daniel Okoro" (the parse hangs the name on the nearer noun)."""
    head = name.head
    found = _phrase_tokens(head, skip=name)
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        found += _phrase_tokens(head.head.head)
    return found


def _only_the(head: Token) -> bool:
    lefts = list(head.lefts)
    return len(lefts) == 1 and lefts[0].lower_ == "the"


def _phrase_tokens(head: Token, skip: Token | None = None) -> list[Token]:
    """The noun phrase a head noun heads, without relative clauses and appositions (those
    describe the source, they do not name it), in text order."""
    tokens = {head}
    for child in head.children:
        if child is skip or child.is_punct:
            continue
        if child.i < head.i and child.dep_ in _LEFT_DEPS:
            tokens.update(child.subtree)
        elif child.i > head.i and child.dep_ in _RIGHT_DEPS:
            tokens.update(t for t in child.subtree if not _in_clause(t, child))
    ordered = sorted(tokens, key=lambda t: t.i)
    while ordered and ordered[-1].is_punct:
        ordered.pop()
    return ordered


def _in_clause(token: Token, top: Token) -> bool:
    """Whether `token` lies in a relative clause or apposition below `top`."""
    current = token
    while current.i != top.i:
        if current.dep_ in {"relcl", "appos"} or current.is_punct:
            return True
        current = current.head
    return False


def according_to_channels(
    doc: Doc, analysis: Analysis, claimants: Claimants
) -> list[tuple[Claimant, list[Quote]]]:
    """ "According to the State Department's readout, the secretary told …": the body the
    claim came through is a source of the quotes of that sentence, besides their speaker."""
    found = []
    cues = {q.cue.start for q in analysis.quotes if q.cue is not None}
    for token in tokens_with(doc, "LOWER", frozenset({"according"})):
        if token.idx in cues or not is_according_to(token):
            continue
        to = next(c for c in token.children if c.lower_ == "to")
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        sentence = sentence_of(token)
        start, end = sentence.start_char, sentence.end_char
        quotes = [q for q in analysis.quotes if start <= q.span.start < end]
        phrase = _phrase_tokens(pobj)
        named = claimants.index.within(phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
        bodies = [e for _, e in named if e.type is EntityType.ORG]
        if bodies:
            body = bodies[0]
            if any(q.speaker == body.id for q in quotes):
                continue
            mention = next(m for m, e in named if e is body)
            claimant = Claimant(
                f"entity:{body.id}",
                body.name,
                body,
                mention,
                describing=claimants.around_entity(body),
                person=False,
            )
            found.append((claimant, quotes))
    return found


def adverb_claims(doc: Doc, analysis: Analysis, claimants: Claimants) -> list[Claimant]:
    """ "The company is reportedly in talks": an attribution adverb that carries no quote is
    still a claim by an unnamed source."""
    cues = {q.cue.start for q in analysis.quotes if q.cue is not None}
    found = []
    for token in tokens_with(doc, "LOWER", ATTRIBUTION_ADVERBS):
        block = analysis.article.block_at(token.idx)
        if token.idx in cues or block is None or block.kind not in FACT_BLOCKS:
            continue
        found.append(claimants.adverb(Span(token.idx, token.idx + len(token.text), token.text)))
    return found
