"""Mentions whose own words, or the words just before them, say what they name.

The tagger reads "Hurricane Delia" as an event it drops (and "Delia" as a town), "USS Paul
Hamilton" as a person, "Rear Admiral Ali Tangsiri" as a body and "MIAMI —" as one; a
reader needs no gazetteer for any of them. Each rule here is a cue a name carries in news
English, and the mention it marks keeps the cue (`Mention.cue`), which becomes its
entity's `type_from`:
- "storm": a storm's kind before its given name ("Hurricane", "Typhoon", "Tropical Storm");
- "vessel": a ship's prefix ("USS", "HMS", "MV") or its kind right before it ("the tanker
  Marlin Star", "another tanker, the Sea Lark,");
- "dateline": the place a wire dateline opens with;
- "title": a title inside the tagger's span ("Rear Admiral X" is the person X);
- "organisation list": a body the project's list knows, where the tagger cut it or missed it.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from dateline.model import FACT_BLOCKS, Article
from dateline.nlp.common.gazetteer import largest_city
from dateline.nlp.common.lexicon import (
    country_of_name,
    is_role_noun,
    organisation,
    organisation_names,
)
from dateline.nlp.entities.evidence import CLUB_WORDS
from dateline.nlp.entities.mentions import Mention, fact_matches, person_shaped
from dateline.vocabulary import MONTHS, WEEKDAYS

_STORM = re.compile(
    r"\b(?:(?:Super\s+)?Typhoon|Hurricane|(?:Post-|Sub)?[Tt]ropical\s+(?:Storm|Depression|Cyclone)"
    r"|(?:Severe\s+)?Cyclone|Cyclonic\s+Storm|Winter\s+Storm)\s+(?P<name>[A-Z][a-zé]+)\b"
)
# Words after a storm's kind that name no storm: "the Hurricane Center", "Typhoon Season".
_NOT_STORM_NAMES = frozenset(
    {"Center", "Centre", "Season", "Warning", "Warnings", "Watch", "Hunters", "Relief",
     "Fund", "Week", "Alley", "Preparedness", "Categories", "Category", "Force", "Names"}
)  # fmt: skip
# Prefixes of ships' names: navies' (USS, HMS, INS ...) and merchant ones (MV, MT, M/V).
_VESSEL_PREFIX = re.compile(
    r"\b(?:USS|USNS|USCGC|HMS|HMCS|HMAS|HMNZS|RFA|INS|MV|M/V|MT|M/T|RV|FV)\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
)
# A ship's kind right before its name: "the tanker Marlin Star", "a tanker, the Sea Lark,".
_VESSEL_KIND = re.compile(
    r"\b(?:tanker|freighter|vessel|ship|warship|destroyer|frigate|cruiser|corvette|submarine"
    r"|aircraft\s+carrier|carrier|ferry|trawler|yacht|dhow|tugboat|container\s+ship"
    r"|bulk\s+carrier)(?:,\s+the|\s+the)?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"(?=\s*[,.;)]|\s+(?:was|is|had|has|which|that|and|in|off|to|from|on|at)\b)"
)


def with_cued_mentions(doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with storms, vessels, the dateline's place and titled people marked by
    their cue, and each such name the tagger missed added."""
    found = list(mentions)
    for block in article.blocks:
        if block.kind not in FACT_BLOCKS:
            continue
        for match in _STORM.finditer(article.text, block.start, block.end):
            if match["name"] not in _NOT_STORM_NAMES:
                _mark(doc, article, found, match.start(), match.end(), "OTHER", "storm")
        for pattern in (_VESSEL_PREFIX, _VESSEL_KIND):
            for match in pattern.finditer(article.text, block.start, block.end):
                start = match.start() if pattern is _VESSEL_PREFIX else match.start("name")
                if pattern is _VESSEL_PREFIX or _could_be_vessel(match["name"]):
                    _mark(doc, article, found, start, match.end("name"), "OTHER", "vessel")
        _mark_known_bodies(doc, article, found, block.start, block.end)
        for match in _MOVEMENT.finditer(article.text, block.start, block.end):
            _mark(doc, article, found, match.start("name"), match.end(), "ORG", _BODY_CUE)
        for match in _BODY_OF.finditer(article.text, block.start, block.end):
            start = _after_function_words(article.text, match.start(), match.end())
            if match["head"].split()[-1].lower() in _BODIES_OF:
                _mark(doc, article, found, start, match.end(), "ORG", _BODY_CUE)
    _mark_acronyms(doc, article, found)
    _mark_after_body_nouns(doc, article, found)
    _mark_dateline(doc, article, found)
    for mention in list(found):
        _take_club_word(doc, article, found, mention)
    for mention in found:
        _cut_leading_title(doc, article, mention)
    return sorted(found, key=lambda m: m.start)


_BODY_CUE = "organisation context"
# "the Houthi movement", "Yemen's Houthi movement": capitalised words and "movement" after
# "the" or a possessive name a movement, whether or not the tagger saw the words.
_MOVEMENT = re.compile(
    r"(?:\bthe\s+|['’]s\s+)(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+movement\b"
)
# Capitalised words, "of" and a capitalised name: "the Diocese of Wangaratta", "Anglican
# Diocese of Sydney" (no possessive inside: "President X’s Council of Economic Advisers" is
# the council alone); a body's name where the word before "of" is a kind of body whose
# name runs on with "of" (a company's word does not: "Halcyon Shipping of Athens" is a
# firm and its town). A short list of the kinds news English names so, since what
# follows "of" is as often a place as a field.
_BODIES_OF = frozenset(
    {"diocese", "society", "bank", "university", "ministry", "council", "commission",
     "court", "church", "association", "institute", "federation", "union", "party",
     "assembly", "department", "office", "authority", "league", "synod", "board",
     "chamber", "college", "academy", "archdiocese"}
)  # fmt: skip
_BODY_OF = re.compile(
    r"(?<![\w'’-])(?P<head>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})\s+of\s+(?:the\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}(?![\w'’-])"
)
# Capitalised at a sentence's start, no part of a name: "The Diocese of X".
_FUNCTION_WORDS = frozenset({"The", "A", "An", "In", "On", "At", "For", "By", "But", "And", "Its"})
_CAPITALISED_WORD = re.compile(r"(?P<word>[A-Z][\w'’-]*)\s+")


def _after_function_words(text: str, start: int, end: int) -> int:
    """Where the name starts once capitalised function words are skipped."""
    while True:
        word = _CAPITALISED_WORD.match(text, start, end)
        if word is None or word["word"] not in _FUNCTION_WORDS:
            return start
        start = word.end()


# An acronym: three to six capitals, or two such parts joined ("CPN-UML").
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{3,6}(?:-[A-Z]{2,6})?(?![\w-])")


# A body's kind right before its name, in lower case: "Shipping firm Maersk", "the miner
# Glencore". The kinds of business news names so; a person is never "the firm X". Not
# "party", which stands before capitalised words of no party's name ("the party States").
_BODY_KINDS = frozenset(
    {"firm", "company", "carrier", "miner", "insurer", "lender", "bank", "airline",
     "broker", "retailer", "conglomerate", "automaker", "carmaker", "chipmaker"}
)  # fmt: skip


def _mark_after_body_nouns(doc: Doc, article: Article, mentions: list[Mention]) -> None:
    """ "Shipping firm Maersk said": proper nouns right after a body's kind are its name,
    where the tagger saw nothing there or saw a person; never a big town's name."""
    people = {
        i: m for m in mentions if m.label == "PERSON" for i in range(m.token_start, m.token_end)
    }
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    for token in doc[:-1]:
        if token.text not in _BODY_KINDS or not token.text.islower():
            continue
        end = token.i + 1
        while end < len(doc) and _name_token(doc[end]):
            end += 1
        run = doc[token.i + 1 : end]
        if not len(run) or any(t.i in taken and t.i not in people for t in run):
            continue
        block = article.block_at(run.start_char)
        town = largest_city(run.text)
        if block is None or block.kind not in FACT_BLOCKS or (town is not None and town.by_name):
            continue
        _mark(doc, article, mentions, run.start_char, run.end_char, "ORG", _BODY_CUE)


# The tagger's labels of times and amounts: "the company Tuesday said" names no company.
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _name_token(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.ent_type_ not in _NOT_NAMES
        and token.lower_ not in MONTHS
        and token.lower_ not in WEEKDAYS
    )


def _mark_acronyms(doc: Doc, article: Article, mentions: list[Mention]) -> None:
    """ "the ELN's central command ... talks with the ELN": an acronym the tagger never
    tagged, used twice or more and once after "the", is a body (a reader needs no list for
    it); never a title ("CEO"), a country's short name ("USA") or a town."""
    found: dict[str, list[re.Match[str]]] = {}
    for match in fact_matches(article, _ACRONYM):
        found.setdefault(match.group(), []).append(match)
    for word, matches in found.items():
        if len(matches) < 2 or is_role_noun(word) or country_of_name(word) is not None:
            continue
        town = largest_city(word)  # by its own name: "ELN" is also a code of Ellensburg's
        if (town is not None and town.by_name) or not any(
            article.text[max(0, m.start() - 4) : m.start()] in {"the ", "The "} for m in matches
        ):
            continue
        if any(
            m.start < match.end() and match.start() < m.end for match in matches for m in mentions
        ):
            continue  # the tagger read it somewhere: its reading stands
        for match in matches:
            _mark(doc, article, mentions, match.start(), match.end(), "ORG", _BODY_CUE)


@cache
def _known_body_pattern() -> re.Pattern[str]:
    """The organisation list's names as written ("Islamic State", "UNHCR"), longest first;
    case counts ("WHO" is the body, "who" is not)."""
    names = sorted(organisation_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _mark_known_bodies(
    doc: Doc, article: Article, mentions: list[Mention], start: int, end: int
) -> None:
    """ "Islamic State" tagged as the people "Islamic", "ECOWAS" not tagged at all: a body
    the organisation list knows, where the tagger's span lies inside it or, for a name of
    two words or an acronym, where the tagger saw nothing (a lone capitalised word such as
    "Parliament" opens sentences too)."""
    for match in _known_body_pattern().finditer(article.text, start, end):
        name = match.group()
        longer = _LONGER_NAME.match(article.text, match.end(), end) if " " in name else None
        if longer is not None:
            # "the Democratic Party for the People" is Japan's party, not the listed one
            # its first words name: the whole name is a body the list does not know
            _mark(
                doc, article, mentions, match.start(), longer.end(), "ORG", "organisation context"
            )
            continue
        inside = [m for m in mentions if m.start < match.end() and match.start() < m.end]
        if not inside and " " not in name and not (name.isupper() and len(name) >= 3):
            continue
        if inside and all((m.start, m.end) == match.span() and m.label == "ORG" for m in inside):
            continue
        _mark(doc, article, mentions, match.start(), match.end(), "ORG", "organisation list")


# A listed body's name of two words or more run on by "of" or "for (the)" and capitalised
# words: another body's longer name ("Democratic Party of Japan", "Islamic State of Iraq").
_LONGER_NAME = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _could_be_vessel(name: str) -> bool:
    """A name after a ship's kind is a ship's unless it is a body, country, role or town
    ("the carrier, the Pentagon said"); after a prefix ("HMS Carlow") it always is."""
    words = name.split()
    if organisation(name) is not None or country_of_name(name) is not None:
        return False
    if any(is_role_noun(w) for w in words):
        return False
    city = largest_city(name)
    return city is None or not city.by_name


def _take_club_word(doc: Doc, article: Article, mentions: list[Mention], mention: Mention) -> None:
    """ "Newcastle United", of which the tagger kept the town: a town's name right before a
    club's word is the club, where the whole names no place."""
    after = mention.token_end
    if mention.label != "GPE" or after >= len(doc) or doc[after].text not in CLUB_WORDS:
        return
    words = [*mention.text.split(), doc[after].text]
    if largest_city(" ".join(words)) is not None:
        return
    end = doc[after].idx + len(doc[after])
    _mark(doc, article, mentions, mention.start, end, "ORG", "club")


def _mark_dateline(doc: Doc, article: Article, mentions: list[Mention]) -> None:
    """ "MIAMI —", "GAZA CITY —": the dateline's first name is a place, whatever the
    tagger read (a body, a person) or missed."""
    dateline = article.dateline
    if dateline is None:
        return
    place = re.match(r"[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+)*", dateline.text)
    if place is None:
        return
    start = dateline.start
    _mark(doc, article, mentions, start, start + place.end(), "GPE", "dateline")


def _mark(
    doc: Doc, article: Article, mentions: list[Mention], start: int, end: int, label: str, cue: str
) -> None:
    """The mention on start..end takes the label and cue; mentions inside the span give way
    to it (the "Delia" of "Hurricane Delia"), one that runs out of it keeps its own reading
    ("the National Hurricane Center")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    block = article.block_at(start)
    if span is None or block is None:
        return
    inside = [m for m in mentions if m.start < end and start < m.end]
    if any(m.start < start or m.end > end for m in inside):
        return
    for mention in inside:
        mentions.remove(mention)
    text = article.text[start:end]
    mention = Mention(start, end, text, label, block.kind, span.start, span.end, cue=cue)
    mentions.append(mention)


def _cut_leading_title(doc: Doc, article: Article, mention: Mention) -> None:
    """ "Rear Admiral Alireza Tangsiri" tagged as one body: the title words a span opens
    with are the title, and the person-shaped name after them the person."""
    if mention.label == "PERSON" or mention.cue is not None:
        return  # a person's title is read off the span's left by the roles stage
    tokens = doc[mention.token_start : mention.token_end]
    cut = 0
    while cut < len(tokens) and _title_token(tokens[cut].text):
        cut += 1
    if cut == 0 or not any(is_role_noun(t.text.rstrip(".")) for t in tokens[:cut]):
        return
    rest = tokens[cut:]
    if not 2 <= len(rest) <= 4 or not person_shaped([t.text for t in rest]):
        return
    if organisation(rest.text) is not None or country_of_name(rest.text) is not None:
        return
    mention.token_start = rest.start
    mention.start = rest.start_char
    mention.text = article.text[mention.start : mention.end]
    mention.label, mention.cue = "PERSON", "title"


def _title_token(word: str) -> bool:
    """A title word ("Admiral", "Gen.") or a capitalised word that qualifies one ("Rear")."""
    bare = word.rstrip(".")
    return is_role_noun(word) or is_role_noun(bare) or word in _TITLE_QUALIFIERS


# Capitalised words that make a title of the role noun after them: "Rear Admiral", "Air
# Marshal", "Vice Admiral", "Staff Sergeant".
_TITLE_QUALIFIERS = frozenset({"Rear", "Vice", "Air", "Staff", "Lieutenant", "Brigadier"})
