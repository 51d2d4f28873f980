"""Entity mentions: spaCy's named entities, cleaned and corrected before they are resolved.

spaCy's small model makes mistakes a reader never would, and they are systematic:
- in Title Case headlines it tags "Surname Verb" as a person ("Blinken Meets");
- it tags one name differently across an article (a town is a place here, a person there);
- it cuts names at slashes and possessives ("Jane Roe/Pool", "the State Department’s");
- it splits a person whose first name is a country ("Foreign Minister Israel Katz").
Each correction below is a general rule about news text, not a list of answers.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.model import FACT_BLOCKS, Article, BlockKind
from dateline.nlp.common.gazetteer import cities_named, largest_city
from dateline.nlp.common.lexicon import (
    country_of_demonym,
    country_of_name,
    country_of_word,
    country_words,
    is_role_noun,
    organisation,
    role_nouns,
)
from dateline.nlp.common.sentences import tokens_with
from dateline.nlp.stage import article_text
from dateline.vocabulary import (
    COMPASS_POINTS,
    COURTESY_TITLES,
    MONTHS,
    NEWS_AGENCIES,
    TITLES,
    WEEKDAYS,
    word_set,
)

_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "LOC": "OTHER",
    "FAC": "OTHER",
}
# Courtesy titles as tokens: "Mr", and "Mr." for the short ones.
HONORIFICS = COURTESY_TITLES | {f"{t.word}." for t in TITLES if t.kind == "courtesy" and t.short}
TITLE_BLOCKS = {BlockKind.TITLE, BlockKind.REPEATED_TITLE, BlockKind.HEADING}
_PLACE_PREPOSITIONS = {"in", "into", "near", "from", "at", "toward", "towards", "outside", "across"}
# What stands before "of" and a place: "north of X", "the outskirts of X".
_DIRECTIONS = COMPASS_POINTS | word_set("dateline.nlp.entities", "place_parts.txt")
_PLACE_NOUNS = word_set("dateline.nlp.entities", "place_nouns.txt")
_DWELLERS = word_set("dateline.nlp.entities", "dwellers.txt")
_LOCAL_BODIES = word_set("dateline.nlp.entities", "local_bodies.txt")
_GOING_WORDS = word_set("dateline.nlp.entities", "going_words.txt")
# Of the verbs of going, those whose object is where one goes ("reached X", not "went X").
_REACHING_VERBS = frozenset({"reach", "enter"})
# Below this many people a GeoNames city is too small to outvote NER's reading of a name.
_TOWN_POPULATION = 15_000
# A photo credit that opens with an agency's name ("Getty Images", "AFP Photo") names no one.
_AGENCIES = frozenset(name.lower() for name in NEWS_AGENCIES)
_AGENCY_WORDS = frozenset(name.split()[0] for name in _AGENCIES)
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_JUNK = re.compile(r"(?:['’]s|['’]|[.,;:!?\"”“)(\s-])+$")


@dataclass(slots=True)
class Mention:
    """One mention of an entity in the text, with what its context tells about it."""

    start: int
    end: int
    text: str
    label: str
    block: BlockKind
    token_start: int = -1
    token_end: int = -1
    role: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    country: str | None = None
    team: bool = False  # a side of a match result (see sides.py)
    cue: str | None = None  # the words that typed it, if any (see cues.py): its type_from

    @property
    def key(self) -> str:
        return name_key(self.text)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A comparison key for names: case, honorifics and punctuation do not matter."""
    words = [w for w in re.findall(r"[\w.'’-]+", text.lower()) if w not in HONORIFICS]
    return " ".join(w.strip(".'’") for w in words)


def collect_mentions(doc: Doc, article: Article) -> list[Mention]:
    """Corrected entity mentions of the whole article, in text order."""
    mentions = [m for m in (_from_span(doc, article, ent) for ent in doc.ents) if m is not None]
    mentions = _with_missed_countries(doc, article, mentions)
    mentions = _with_listed_people(mentions, article)
    mentions = _join_split_names(doc, mentions)
    mentions = _join_body_openers(doc, mentions)
    mentions = _titled_names(doc, article, mentions)
    # "Miss ." or a lone "Dr" leaves no name once honorifics are off: nothing to call it by.
    body = sorted(
        (m for m in mentions if m.block not in TITLE_BLOCKS and m.key), key=lambda m: m.start
    )
    _people_by_evidence(doc, body)
    _take_movement_word(doc, body)
    _settle_labels(doc, body)
    return sorted(body, key=lambda m: m.start)


def _with_missed_countries(doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
    """ "Chad sent troops": a run of proper nouns that is exactly a country's name is that
    country, also where the small model tagged nothing there."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = list(mentions)
    for run in _proper_noun_runs(doc, tokens_with(doc, "LOWER", country_words())):
        if any(t.i in taken for t in run) or country_of_name(run.text) is None:
            continue
        block = article.block_at(run.start_char)
        if block is None or block.kind in {BlockKind.BYLINE, BlockKind.BOILERPLATE}:
            continue
        taken.update(t.i for t in run)
        found.append(
            Mention(run.start_char, run.end_char, run.text, "GPE", block.kind, run.start, run.end)
        )
    return found


def _leader_of(doc: Doc, after: int) -> bool:
    """The word after a name is a noun only a leader's name qualifies."""
    return after < len(doc) and doc[after].lower_ in _LEADERS_NOUNS


def _proper_noun_runs(doc: Doc, seeds: list[Token]) -> list[SpacySpan]:
    """The whole run of proper nouns each seed word is in ("Costa Rica", "Chad Smith")."""
    runs = []
    for seed in seeds:
        if seed.pos_ != "PROPN":
            continue
        start, end = seed.i, seed.i + 1
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        runs.append(doc[start:end])
    return runs


def _from_span(doc: Doc, article: Article, ent: object) -> Mention | None:
    label = _LABELS.get(ent.label_)  # type: ignore[attr-defined]
    if label is None:
        return None
    start, end = ent.start_char, ent.end_char  # type: ignore[attr-defined]
    start, end = trim_name(article.text, start, end)
    if end <= start:
        return None
    text = article.text[start:end]
    if not _capitalised(text):
        return None  # "state" in "secretary of state" is no organisation
    block = article.block_at(start)
    if block is None or block.kind in {BlockKind.BYLINE, BlockKind.BOILERPLATE, BlockKind.CREDITS}:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if label == "GPE" and country_of_demonym(text) and not country_of_name(text):
        label = "NORP"  # "Gazan" is a nationality word, not a place
    if label in {"PERSON", "ORG"} and all(_nationality(word) for word in text.split()):
        # "Bosnian Croats" is a people, whatever the tagger thought; "Niger" is a country
        label = "GPE" if country_of_name(text) else "NORP"
    if label == "GPE" and not country_of_name(text) and _leader_of(doc, span.end):
        label = "PERSON"  # "the Obama administration": a leader's name, not the town
    return Mention(start, end, text, label, block.kind, span.start, span.end)


_LEADERS_NOUNS = frozenset({"administration", "presidency", "doctrine", "campaign"})

_NAME_PARTICLE = re.compile(
    r"^(?:al|el|ad|as|ash|bin|ibn|de|da|di|du|van|von|der|le|la)[-\s]\S*[A-Z]"
)


def _capitalised(text: str) -> bool:
    """Names start upper case, or with a particle before a capital ("al-Marri", "van Dyk")."""
    return text[0].isupper() or text[0].isdigit() or bool(_NAME_PARTICLE.match(text))


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a possessive, trailing punctuation, and a credit after a slash."""
    piece = text[start:end]
    lead = _LEADING_ARTICLE.match(piece)
    if lead:
        start += lead.end()
    piece = text[start:end]
    for stop in ("/", ", "):  # "Jane Roe/Pool", "Goma, Congolese Foreign" (an NER run-on)
        if stop in piece:
            end = start + piece.index(stop)
            piece = text[start:end]
    piece = text[start:end]
    junk = _TRAILING_JUNK.search(piece)
    if junk and not re.search(r"\b[A-Z]\.$|\b(?:[A-Z]\.){2,}$", piece):
        end = start + junk.start()
    return start, end


def _with_listed_people(mentions: list[Mention], article: Article) -> list[Mention]:
    """Byline authors and photographers in credits are people, whatever NER said."""
    people: list[Mention] = []
    for span in article.byline_spans + article.contributor_spans:
        people.append(Mention(span.start, span.end, span.text, "PERSON", BlockKind.BYLINE))
    for caption in article.captions:
        if caption.credit_span is not None:
            person = _credited_person(caption.credit_span.start, caption.credit_span.text)
            if person is not None:
                people.append(Mention(*person, "PERSON", BlockKind.CAPTION))
    kept = [m for m in mentions if not any(m.start < p.end and p.start < m.end for p in people)]
    return sorted(kept + people, key=lambda m: m.start)


def _credited_person(offset: int, credit: str) -> tuple[int, int, str] | None:
    """The photographer in "Jane Roe/Pool/AFP via Getty Images" or "Photo by Jane Roe"."""
    text = re.sub(
        r"^(?:\(?(?:AP|AFP|Reuters) Photo\s*/|Photos? by\s+|Photo:\s*|Credit:\s*)", "", credit
    )
    head = re.split(r"\s*/\s*|\s+via\s+|\s+for\s+|\s*\|\s*|,", text)[0].strip()
    words = head.split()
    if not 2 <= len(words) <= 4 or not all(w[0].isupper() for w in words):
        return None
    if head.lower() in _AGENCIES or words[0].lower() in _AGENCY_WORDS:
        return None
    start = offset + credit.index(head)
    return start, start + len(head), head


def _join_split_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Foreign Minister Israel Katz": a place word between a title and a surname is a
    first name, so the place and the person become one person."""
    joined: list[Mention] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        nxt = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            nxt is not None
            and mention.label in {"GPE", "NORP"}
            and nxt.label == "PERSON"
            and mention.token_end == nxt.token_start
            and mention.token_start > 0
            and is_role_noun(doc[mention.token_start - 1].text)
        ):
            text = article_text(doc)[mention.start : nxt.end]
            joined.append(
                Mention(
                    mention.start,
                    nxt.end,
                    text,
                    "PERSON",
                    mention.block,
                    mention.token_start,
                    nxt.token_end,
                )
            )
            index += 2
            continue
        joined.append(mention)
        index += 1
    return joined


_ORG_WORDS = word_set("dateline.nlp.entities", "organisation_words.txt")
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _join_body_openers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A body's name the tagger cut after its first words: "Yang Ming Marine Transport Corp"
    tagged from "Ming", "Saudi Pro League" read as the people "Saudi" and the body "Pro
    League". Untagged proper nouns, or one nationality word, right before a body's name of
    two words or more are the name's own opening words."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    by_end = {m.token_end: m for m in mentions}
    dropped: set[int] = set()
    for mention in mentions:
        start = mention.token_start
        if mention.label != "ORG" or len(mention.text.split()) < 2 or start < 1:
            continue
        if organisation(mention.text) is not None:
            continue
        before = by_end.get(start)
        if before is not None and before.label == "NORP" and " " not in before.text:
            if country_of_demonym(before.text) is not None and doc[start - 1].whitespace_:
                dropped.add(id(before))
                _open_at(doc, mention, before.token_start)
            continue
        first = start
        while first > 0 and first - 1 not in taken and _opens_a_name(doc[first - 1]):
            first -= 1
        if first < start:
            _open_at(doc, mention, first)
    return [m for m in mentions if id(m) not in dropped]


def _opens_a_name(token: Token) -> bool:
    """A capitalised proper noun that is no title, month or day ("Yang" of "Yang Ming")."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.is_alpha
        and token.lower_ not in HONORIFICS
        and token.lower_ not in _CALENDAR
        and not is_role_noun(token.text)
        and country_of_word(token.text) is None
    )


def _open_at(doc: Doc, mention: Mention, token_start: int) -> None:
    mention.token_start = token_start
    mention.start = doc[token_start].idx
    mention.text = article_text(doc)[mention.start : mention.end]


def is_organisation_word(word: str) -> bool:
    """ "Holdings", "Council": a word that makes a capitalised run a body's name."""
    return word.lower() in _ORG_WORDS


def person_shaped(tokens: list[str]) -> bool:
    """Two to four capitalised words, none of them an organisation word."""
    return 2 <= len(tokens) <= 4 and all(
        t[:1].isupper()
        and t.replace("-", "").replace("'", "").isalpha()
        and t.lower() not in _ORG_WORDS
        and not is_role_noun(t)
        for t in tokens
    )


def _titled_names(doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
    """A name right after a title is a person: "Kremlin spokesman Dmitry Orlov" even where
    NER called it an organisation or missed it."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    for mention in mentions:
        words = [t.text for t in doc[mention.token_start : mention.token_end]]
        if (
            mention.label != "PERSON"
            and mention.token_start > 0
            and is_role_noun(doc[mention.token_start - 1].text)
            and organisation(mention.text) is None
            and (person_shaped(words) or _surname_after_title(doc, mention, words))
        ):
            mention.label = "PERSON"
    for mention in mentions:
        if mention.label != "PERSON" and _has_role_apposition(doc, mention):
            _extend_over_first_names(doc, mention)
            mention.label = "PERSON"
    for token in tokens_with(doc, "LOWER", role_nouns()):
        if token.i + 1 in covered:
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and end - token.i <= 3
            and doc[end].pos_ == "PROPN"
            and end not in covered
        ):
            end += 1
        names = doc[token.i + 1 : end]
        block = article.block_at(names.start_char) if len(names) >= 2 else None
        if (
            block is not None
            and block.kind in FACT_BLOCKS | {BlockKind.CAPTION}
            and person_shaped([t.text for t in names])
        ):
            found.append(
                Mention(
                    names.start_char,
                    names.end_char,
                    names.text,
                    "PERSON",
                    block.kind,
                    names.start,
                    names.end,
                )
            )
    return sorted(mentions + found, key=lambda m: m.start)


def _surname_after_title(doc: Doc, mention: Mention, words: list[str]) -> bool:
    """ "President Bush", "Chancellor Scholz": one name after a capitalised title is a
    person's surname, not the town the gazetteer also knows by it."""
    title = doc[mention.token_start - 1].text
    return (
        len(words) == 1
        and title[:1].isupper()
        and words[0][:1].isupper()
        and words[0].isalpha()
        and not country_of_word(words[0])
    )


def _has_role_apposition(doc: Doc, mention: Mention) -> bool:
    """ "Pereira, a doctor at the hospital," is a person, whatever NER said."""
    head = doc[mention.token_end - 1]
    return (
        organisation(mention.text) is None
        and not country_of_word(mention.text)
        and any(
            child.dep_ == "appos"
            and child.i > head.i
            and is_role_noun(child.text)
            and _a_role(child, len(mention.text.split()))
            for child in head.children
        )
    )


def _a_role(noun: Token, name_words: int) -> bool:
    """ "X, a doctor at the hospital": a role by its article; "X, the chairperson of the
    commission": by "the" and the office's "of", for a name of two to four words (a place
    stands so too: "Goma, the capital of the province", one word)."""
    lefts = {t.lower_ for t in noun.lefts}
    if lefts & {"a", "an"}:
        return True
    return (
        "the" in lefts
        and 2 <= name_words <= 4
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.rights)
    )


def _extend_over_first_names(doc: Doc, mention: Mention) -> None:
    """Take in the capitalised given names NER left out: "Ana" before "Pereira"."""
    start = mention.token_start
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].text[:1].isupper()
        and not doc[start - 1].ent_type_
        and mention.token_start - start < 2
    ):
        start -= 1
    if start != mention.token_start:
        mention.token_start = start
        mention.start = doc[start].idx
        mention.text = article_text(doc)[mention.start : mention.end]


# "who" stands after a person; "known as" before another name of one.
_WHO = frozenset({"who", "whom", "whose"})


def _people_by_evidence(doc: Doc, mentions: list[Mention]) -> None:
    """A name the tagger called a body, a people or a place is a person where the text
    says so without a title: "Aleksandar Mitrovic, who left", "His lawyer, Gobind Rajan,",
    and an alias of a person just named ("Dahal, who is better known as Prachanda")."""
    # The words of people's full names: "Dahal" is the person even where the tagger read
    # the bare surname as a place (the labels are settled after this pass).
    name_words = {w for m in mentions if m.label == "PERSON" for w in m.key.split()[1:]}
    previous: Mention | None = None
    for mention in mentions:
        if mention.label != "PERSON" and (
            _before_who(doc, mention)
            or _after_role_comma(doc, mention)
            or _alias_of(doc, mention, previous, name_words)
        ):
            mention.label = "PERSON"
        previous = mention


def _person_like(mention: Mention) -> bool:
    """Capitalised words that name no body, country or known town by themselves."""
    # "the Portland Trail Blazers, who were without ...": a town's name opening it makes
    # a team or a body as often as a person
    return (
        organisation(mention.text) is None
        and not country_of_word(mention.text)
        and not _is_town(mention.key)
        and not _is_town(mention.key.split()[0])
        and all(w[:1].isupper() for w in mention.text.split())
    )


def _before_who(doc: Doc, mention: Mention) -> bool:
    """ "Aleksandar Mitrovic, who left for Qatar": two to four name words and "who" (a
    club takes "who" too in British English, so one word is not enough)."""
    end = mention.token_end
    return (
        person_shaped(mention.text.split())
        and _person_like(mention)
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in _WHO
    )


def _after_role_comma(doc: Doc, mention: Mention) -> bool:
    """ "His lawyer, Gobind Rajan, said": a role noun owned by someone ("his", "the firm's")
    and a comma before two to four name words."""
    start = mention.token_start
    if start < 3 or doc[start - 1].text != "," or not person_shaped(mention.text.split()):
        return False
    role = doc[start - 2]
    owner = doc[start - 3]
    return (
        role.text.islower()
        and is_role_noun(role.text)
        and (owner.tag_ == "PRP$" or owner.text in {"'s", "’s"})
        and _person_like(mention)
    )


def _alias_of(doc: Doc, mention: Mention, previous: Mention | None, name_words: set[str]) -> bool:
    """ "Jimmy Cherizier, known as Barbecue": "known as" right before the name, and the
    name just before it in the same sentence a person's."""
    start = mention.token_start
    return (
        previous is not None
        and (previous.label == "PERSON" or previous.key in name_words)
        and start >= 2
        and doc[start - 2].lower_ == "known"
        and doc[start - 1].lower_ == "as"
        and doc[previous.token_start].sent == doc[start].sent
        and organisation(mention.text) is None
    )


def _take_movement_word(doc: Doc, mentions: list[Mention]) -> None:
    """ "Yemen's Houthi movement said": "movement" after a body's or a people's name is
    part of the movement's name (as "group" is not: "the Palestinian group")."""
    for mention in mentions:
        end = mention.token_end
        if mention.label in {"ORG", "NORP"} and end < len(doc) and doc[end].text == "movement":
            mention.token_end = end + 1
            mention.end = doc[end].idx + len(doc[end].text)
            mention.text = article_text(doc)[mention.start : mention.end]
            mention.label = "ORG"


def _settle_labels(doc: Doc, mentions: list[Mention]) -> None:
    """One name, one type: the majority reading, with places preferred where context says so."""
    surnames = {
        m.key.split()[-1] for m in mentions if m.label == "PERSON" and len(m.key.split()) > 1
    }
    # Given first in Chinese and Malay usage ("Cheng Chuan-yi ... Cheng said", "Anwar
    # Ibrahim ... Anwar's coalition"): the first word of a full name, used alone outside
    # place context, is that person too.
    first_words = {
        m.key.split()[0] for m in mentions if m.label == "PERSON" and len(m.key.split()) > 1
    }
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.key].append(mention)
    for key, group in by_key.items():
        votes = Counter(m.label for m in group)
        label, count = votes.most_common(1)[0]
        tied = [name for name, n in votes.items() if n == count]
        if len(tied) > 1:
            label = "GPE" if "GPE" in tied and country_of_name(key) else sorted(tied)[0]
            if "GPE" in tied and any(_in_place_context(doc, m) for m in group):
                label = "GPE"
        if label == "PERSON" and country_of_name(key):
            label = "GPE"  # "Nepal has had ...": a country is never a person by itself
        elif key in surnames and not country_of_name(key):
            label = "PERSON"  # the surname of someone the story names in full is that person
        elif (
            key in first_words
            and label != "NORP"  # "Republican nominee Donald Trump": a party's word
            and not country_of_word(key)
            and not any(_in_place_context(doc, m) and not owns(doc, m) for m in group)
            and (not _is_town(key) or any(_speaks(doc, m) for m in group))
        ):
            label = "PERSON"
            surnames.add(key)  # as firm as a surname: no town outvotes it below
        if (
            label == "PERSON"
            and len(key.split()) == 1
            and key not in surnames
            and not any(_has_honorific(doc, m) or _leader_of(doc, m.token_end) for m in group)
            and (any(_in_place_context(doc, m) for m in group) or _is_town(key))
        ):
            label = "GPE"
        for mention in group:
            mention.label = label


# Verbs of saying: their subject is someone ("Cheng said", "Cheng told analysts").
_SPEAKING = frozenset({"say", "tell", "add", "warn", "insist", "argue"})


def _speaks(doc: Doc, mention: Mention) -> bool:
    head = doc[mention.token_end - 1]
    return head.dep_ == "nsubj" and head.head.lemma_ in _SPEAKING


def owns(doc: Doc, mention: Mention) -> bool:
    """ "in Anwar's coalition": the name owns what the preposition governs."""
    end = mention.token_end
    return end < len(doc) and doc[end].text in {"'s", "’s"}


def _has_honorific(doc: Doc, mention: Mention) -> bool:
    """ "Mr. Bush", "President Bush": a name after an honorific or a capitalised title."""
    if mention.token_start <= 0:
        return False
    before = doc[mention.token_start - 1]
    return before.lower_ in HONORIFICS or (before.text[:1].isupper() and is_role_noun(before.text))


def _in_place_context(doc: Doc, mention: Mention) -> bool:
    """ "in X", "the town of X", "north of X", "residents of X", "X residents", "X police", "the
    X border crossing", "Goma and X", "flew to X", "to reach X"."""
    if mention.token_start <= 0 or mention.token_end > len(doc):
        return False
    before = doc[mention.token_start - 1]
    after = doc[mention.token_end] if mention.token_end < len(doc) else None
    if before.lower_ in _PLACE_PREPOSITIONS:
        return True
    if after is not None and after.lower_ in _PLACE_NOUNS | _DWELLERS | _LOCAL_BODIES:
        return True
    if before.lower_ == "of" and mention.token_start > 1:
        return doc[mention.token_start - 2].lower_ in _PLACE_NOUNS | _DIRECTIONS | _DWELLERS
    head = doc[mention.token_end - 1]
    if _gone_to(before, head):
        return True
    if any(c.dep_ == "conj" and _before_place_word(doc, c.i + 1) for c in head.children):
        return True  # "Dawsonville and Cumming residents": the people of both
    if head.dep_ != "conj":
        return False
    # "Goma and X"; "in nearby Hilliard and X", where the tagger knew neither town
    first = head.head
    return first.ent_type_ in {"GPE", "LOC", "FAC"} or (
        first.i > 0 and doc[first.i - 1].lower_ in _PLACE_PREPOSITIONS | {"nearby"}
    )


def _before_place_word(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ in _PLACE_NOUNS | _DWELLERS | _LOCAL_BODIES


def _gone_to(before: Token, head: Token) -> bool:
    """Where a word of going points: "flew to X", "the road to X" (a "to" the word governs),
    "reached X" (the verb's object). "Said to X" or "lost to X" is no going."""
    going = before.head
    if before.lower_ == "to" and going.lemma_ in _GOING_WORDS and going.pos_ in {"VERB", "NOUN"}:
        return True
    return head.dep_ == "dobj" and head.head.lemma_ in _REACHING_VERBS


def _is_town(key: str) -> bool:
    city = largest_city(key)
    return city is not None and city.population >= _TOWN_POPULATION


def mention_country(mention: Mention) -> str | None:
    """The country a mention names by itself: a country, a nationality, a known organisation."""
    if mention.label in {"GPE", "NORP", "OTHER"}:
        country = country_of_word(mention.text)
        if country is None and mention.label == "NORP" and " " in mention.text:
            country = _people_country(mention.text)
        if country is None and mention.label == "GPE":
            city = largest_city(mention.text)
            country = city.country if city is not None else None
        return country
    if mention.label == "ORG":
        known = organisation(mention.text)
        if known is not None:
            return known.country
        words = mention.text.split()
        opening = _POSSESSIVE_END.sub("", words[0])  # "Japan’s Ministry of Agriculture"
        country = country_of_demonym(opening) or _country_opening(opening)
        if country is None:
            country = _country_closing(mention.text)
        if country is None and len(words) <= 3:
            country = _nationality(words[-1])  # "Radical Dutch" tagged as a body: a people
        return country
    return None


_POSSESSIVE_END = re.compile(r"['’]s$")
# "Law Society of Kenya", "Anglican Church of Australia": a body's name closing with "of"
# and a country's name.
_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})$"
)


def _country_closing(text: str) -> str | None:
    """The country a body's name closes with ("Communist Party of Nepal")."""
    match = _OF_COUNTRY.search(text)
    return country_of_name(match["country"]) if match is not None else None


def _country_opening(word: str) -> str | None:
    """The country a body's first word names: "Kenya Airways" is Kenya's; but "Georgia
    Power" is the state's utility, and a country's name that is also a state's or a
    province's ("Georgia", "Mexico") tells no country alone."""
    country = country_of_name(word)
    if country is None:
        return None
    if any(
        c.feature == "region" and c.by_name and c.country != country for c in cities_named(word)
    ):
        return None
    return country


def _people_country(text: str) -> str | None:
    """ "Bosnian Serbs", "Iraqi Kurds": a people named with the country they live in has
    that country; "Radical French", "ethnic Turks": else the nationality is the last word."""
    words = text.split()
    return _nationality(words[0]) or _nationality(words[-1])


def _nationality(word: str) -> str | None:
    """The country a nationality word names, singular or plural ("Croat", "Croats")."""
    found = country_of_word(word)
    if found is None and word.endswith("s"):
        found = country_of_demonym(word[:-1])
    return found


def fact_matches(article: Article, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of `pattern` in the blocks that hold facts (body, standfirst)."""
    for block in article.blocks:
        if block.kind in FACT_BLOCKS:
            yield from pattern.finditer(article.text, block.start, block.end)


def in_place_context(doc: Doc, mention: Mention) -> bool:
    """Whether the words around the mention say it names a place (see `_in_place_context`)."""
    return _in_place_context(doc, mention)


# Nouns for a town or a division, the words a text names a place's kind by (a narrower set
# than `place_nouns.txt`: no "camp", "base" or "front", which people and bodies have too,
# "the Biden camp"). Lower case, singular and plural.
_KINDS = frozenset(
    {"town", "towns", "village", "villages", "city", "district", "districts", "province",
     "provinces", "region", "regions", "county", "counties", "municipality", "oblast",
     "governorate", "prefecture", "capital", "island"}
)  # fmt: skip
_COMPASS = frozenset(p for p in COMPASS_POINTS if " " not in p and p not in {"center", "centre"})
# How many words (an article, an adjective) may stand between an apposition's comma and its
# kind: "Battalgazi, the central district of the city".
_APPOSITION_WORDS = 3


def place_kind(doc: Doc, mention: Mention) -> str | None:
    """The word by which the text says what kind of place the mention names, if it does: "the
    Dnipropetrovsk region", "the district of X", "X, the central district of the city", "X, a
    town of 20,000 people", "the X and Y districts". Stronger than a preposition of place
    ("in X" holds for a firm as well): the text itself calls the name a town or a division,
    or puts something "south of" it."""
    end, start = mention.token_end, mention.token_start
    if end < len(doc) and doc[end].lower_ in _KINDS:
        return doc[end].lower_
    if start > 1 and doc[start - 1].text in _KINDS and _opens_kind(doc[start - 2]):
        return doc[start - 1].text  # "near the provincial capital Solwezi"
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _KINDS:
        return doc[start - 2].lower_
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _COMPASS:
        return doc[start - 2].lower_  # "south of Birnin Gwari": only places lie south of
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in {"the", "a", "an"}:
        for token in doc[end + 2 : end + 2 + _APPOSITION_WORDS]:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if token.lower_ in _KINDS and (following is None or following.pos_ != "NOUN"):
                return token.lower_  # the phrase's head: not "Shreve, a city contractor"
            if token.is_punct or token.pos_ not in {"ADJ", "NOUN", "PROPN", "NUM"}:
                break
    head = doc[end - 1]
    for conj in head.children:
        if conj.dep_ == "conj" and conj.i + 1 < len(doc) and doc[conj.i + 1].lower_ in _KINDS:
            return doc[conj.i + 1].lower_
    return None


def _opens_kind(token: Token) -> bool:
    """ "the capital", "the provincial capital": an article or adjective before the kind, so
    the kind heads a phrase the name completes (not "a capital gain")."""
    return token.lower_ in {"the", "a"} or (token.pos_ == "ADJ" and token.text.islower())


def is_titled(doc: Doc, mention: Mention) -> bool:
    """Whether an honorific or a capitalised title stands before the mention."""
    return _has_honorific(doc, mention)
