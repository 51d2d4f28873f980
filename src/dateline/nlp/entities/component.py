"""Stage 1: the article's entities, each with every mention, its role and its country.

Mentions come corrected from `mentions.py` and with roles from `roles.py`; this stage
resolves them within the article: "Mr. Blinken", "Blinken" and "Antony Blinken" are one
person named by the longest form; "the United States" and "U.S." one country; and a role
noun ("the secretary of state") is a mention of the person holding that role.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.model import FACT_BLOCKS, Analysis, Article, BlockKind, Entity, EntityType, Span
from dateline.nlp.common.actor_dictionary import dictionary_actor
from dateline.nlp.common.gazetteer import largest_city
from dateline.nlp.common.intervals import Intervals, SpanSet
from dateline.nlp.common.lexicon import country_of_demonym, country_of_name, organisation
from dateline.nlp.entities.cues import with_cued_mentions
from dateline.nlp.entities.evidence import retype
from dateline.nlp.entities.headlines import with_title_mentions
from dateline.nlp.entities.mentions import (
    Mention,
    collect_mentions,
    fact_matches,
    mention_country,
    name_key,
)
from dateline.nlp.entities.office_holders import Term, holders_for_mention, office_phrases
from dateline.nlp.entities.roles import read_roles
from dateline.nlp.entities.short_forms import join_short_forms
from dateline.nlp.entities.sides import with_match_sides
from dateline.nlp.stage import stage

COMPONENT = "dateline_entities"  # the spaCy component name (nlp.pipeline.STAGES)


@stage(COMPONENT)
def find_entities(doc: Doc, analysis: Analysis) -> None:
    """Corrected mentions, their roles, resolved into the article's entities."""
    mentions = with_match_sides(doc, analysis.article, collect_mentions(doc, analysis.article))
    mentions = with_cued_mentions(doc, analysis.article, mentions)
    read_roles(doc, mentions)
    mentions = with_title_mentions(doc, _without_portfolios(mentions))
    clusters = join_short_forms(doc, analysis.article, _retyped(doc, _resolve(mentions)))
    _add_role_mentions(analysis.article, clusters)
    _add_name_repeats(analysis.article, clusters)
    _add_org_country_hints(doc, clusters)
    _add_possessor_countries(doc, clusters)
    _add_officer_countries(analysis.article, clusters)
    _add_office_holders(analysis.article, clusters)
    _add_dictionary_actors(analysis.article, clusters)
    _add_home_country(doc, analysis.article, clusters)
    analysis.entities = _to_entities(clusters)


@dataclass(slots=True)
class _Cluster:
    label: str
    mentions: list[Mention] = field(default_factory=list)
    extra: list[Span] = field(default_factory=list)
    hinted_country: str | None = None
    # Where a country the mentions do not state came from: "dictionary" (an office-holder
    # table or the Phoenix actors, valid on the article's date), "text" (a modifier) or
    # "inference" (the country the story is about, for an office holder).
    hinted_source: str | None = None
    # Holds an office of an international body: no country, and none to guess.
    international: bool = False
    type_from: str = "ner"  # which evidence decided the label (see evidence.py)

    @property
    def first(self) -> int:
        return min([m.start for m in self.mentions] + [s.start for s in self.extra])


def _without_portfolios(mentions: list[Mention]) -> list[Mention]:
    """ "State" in "Secretary of State" names a portfolio, not an organisation or place; but
    the town opening "Atlanta Mayor" or "Flowery Branch Police Chief" is the town."""
    roles = Intervals(
        (m.role_start, m.role_end)
        for m in mentions
        if m.role_start is not None and m.role_end is not None
    )
    openers = {m.role_start for m in mentions if m.role_start is not None}
    kept = []
    for mention in mentions:
        inside = roles.containing(mention.start, mention.end)
        if inside and mention.label != "PERSON" and _town_opening_a_role(mention, openers):
            mention.label = "GPE"
            kept.append(mention)
            continue
        if (
            inside
            and mention.label != "PERSON"
            and organisation(mention.text) is None
            and not country_of_name(mention.text)
            and not country_of_demonym(mention.text)
        ):
            continue
        kept.append(mention)
    return kept


# A town this big, by its own name, opening an office's title is the office's town.
_ROLE_TOWN = 1_000


def _town_opening_a_role(mention: Mention, openers: set[int]) -> bool:
    """ "Atlanta" in "Atlanta Mayor": a town the gazetteer knows by its own name, where the
    title begins; never a known body ("Fed Chair") or a country (kept as it is)."""
    if mention.start not in openers or organisation(mention.text) is not None:
        return False
    if country_of_name(mention.text) or country_of_demonym(mention.text):
        return False
    city = largest_city(mention.text)
    return city is not None and city.by_name and city.population >= _ROLE_TOWN


def _resolve(mentions: list[Mention]) -> list[_Cluster]:
    """Group mentions that name the same thing."""
    clusters: dict[str, _Cluster] = {}
    # full names by surname, in mention order: whom a bare surname may be
    full_names: dict[str, _Owners] = {}
    for m in mentions:
        if m.label == "PERSON" and len(m.key.split()) > 1:
            full_names.setdefault(m.key.split()[-1], _Owners()).add(m)
    for mention in mentions:
        key = _cluster_key(mention, full_names)
        clusters.setdefault(key, _Cluster(mention.label)).mentions.append(mention)
    return sorted(clusters.values(), key=lambda c: c.first)


def _cluster_key(mention: Mention, full_names: dict[str, _Owners]) -> str:
    if mention.label == "PERSON":
        words = mention.key.split()
        if len(words) == 1:
            owners = full_names.get(words[0])
            if owners is not None:
                return "PERSON:" + owners.last_before(mention.start).key
        return "PERSON:" + mention.key
    if mention.label in {"GPE", "NORP"}:
        country = mention_country(mention)
        if country and (country_of_name(mention.text) or mention.label == "NORP"):
            return f"{mention.label}:{country}"
    known = organisation(mention.text) if mention.label == "ORG" else None
    if known is not None:
        return "ORG:" + name_key(known.name)
    return f"{mention.label}:{mention.key}"


def _retyped(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """Each cluster typed by the article's strongest evidence; a title alone is dropped."""
    # The words of people's full names, counted once by cluster: a cluster's own names are
    # left out by subtraction, so the pass stays linear in the number of clusters.
    own = [_full_name_words(c) if c.label == "PERSON" else Counter[str]() for c in clusters]
    every: Counter[str] = Counter()
    for words in own:
        every.update(words)
    kept = []
    for cluster, mine in zip(clusters, own, strict=True):
        given = frozenset(every - mine)
        verdict = retype(doc, _name(cluster), cluster, given)
        if verdict.label is None:
            continue
        if verdict.label != cluster.label:
            cluster.label = verdict.label
            for mention in cluster.mentions:
                mention.label = verdict.label
        cluster.type_from = verdict.source
        kept.append(cluster)
    return kept


def _full_name_words(cluster: _Cluster) -> Counter[str]:
    """How often each word of the cluster's names of two or more words occurs."""
    return Counter(
        word for m in cluster.mentions if len(m.key.split()) > 1 for word in m.key.split()
    )


class _Owners:
    """The full names ending in one surname, in mention order: whom a bare surname is."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self._starts: list[int] = []
        self._in_order = True

    def add(self, mention: Mention) -> None:
        self._in_order = self._in_order and (not self._starts or self._starts[-1] <= mention.start)
        self.mentions.append(mention)
        self._starts.append(mention.start)

    def last_before(self, offset: int) -> Mention:
        """The last full name (in mention order) starting at or before `offset`, else the
        last of all: by bisection when the mentions come in text order, else by a scan."""
        if self._in_order:
            position = bisect_right(self._starts, offset) - 1
            return self.mentions[position] if position >= 0 else self.mentions[-1]
        before = [m for m in self.mentions if m.start <= offset] or self.mentions
        return before[-1]


def _role_patterns(role: str) -> list[str]:
    """What a role is called without the name: "the secretary of state", "the secretary"."""
    words = role.split()
    lowered = [w.lower() for w in words]
    head = words[0] if ("of" in lowered or "for" in lowered) else words[-1]
    forms = [re.escape(role)]
    if head.lower() != role.lower():
        forms.append(re.escape(head) + r"(?!\s+(?:of|for)\b)")
    return forms


def _add_role_mentions(article: Article, clusters: list[_Cluster]) -> None:
    """ "the secretary of state" is a mention of the person the article gave that role."""
    # the mentions do not change here (only `extra` grows), so each role is read once
    roles = {id(c): role for c in clusters if c.label == "PERSON" and (role := _role(c))}
    holders = [c for c in clusters if id(c) in roles]
    if not holders:
        return
    taken = SpanSet((m.start, m.end) for c in clusters for m in c.mentions)
    for c in clusters:
        for m in c.mentions:
            if m.role_start is not None and m.role_end is not None:
                taken.add(m.role_start, m.role_end)
    starts = {id(c): sorted(m.start for m in c.mentions) for c in holders}
    # People sharing a role often share its forms and rivals: each form's matches are found
    # once, and each rival group's nearest holder once per offset.
    matches: dict[str, list[tuple[int, int]]] = {}
    nearest: dict[tuple[frozenset[str], int], _Cluster | None] = {}
    for cluster in holders:
        role = roles[id(cluster)]
        head = frozenset(w.lower() for w in role.split())
        rivals = [c for c in holders if head & {w.lower() for w in roles[id(c)].split()}]
        for form in _role_patterns(role):
            if form not in matches:
                pattern = re.compile(rf"\b[Tt]he\s+(?:{form})\b(?![-\w])", re.IGNORECASE)
                matches[form] = [m.span() for m in fact_matches(article, pattern)]
            for start, end in matches[form]:
                if taken.overlaps(start, end):
                    continue
                if (head, start) not in nearest:
                    nearest[head, start] = _nearest_holder(rivals, starts, start)
                if nearest[head, start] is not cluster:
                    continue
                cluster.extra.append(article.span(start, end))
                taken.add(start, end)


def _add_name_repeats(article: Article, clusters: list[_Cluster]) -> None:
    """A person's name wherever the story repeats it, also where NER missed it: one name,
    one referent, within an article. A surname shared by two people is left alone."""
    people = [c for c in clusters if c.label == "PERSON"]
    surname_owners: dict[str, list[_Cluster]] = {}
    for cluster in people:
        for surname in {m.key.split()[-1] for m in cluster.mentions if m.key}:
            surname_owners.setdefault(surname, []).append(cluster)
    taken = SpanSet((m.start, m.end) for c in clusters for m in c.mentions)
    for c in clusters:
        for extra in c.extra:
            taken.add(extra.start, extra.end)
    wanted = [s for s, owners in surname_owners.items() if len(owners) == 1 and len(s) >= 3]
    found = _surname_matches(article, wanted)
    for surname in wanted:
        for start, end in found[surname]:
            if taken.overlaps(start, end) or not article.text[start].isupper():
                continue
            surname_owners[surname][0].extra.append(article.span(start, end))
            taken.add(start, end)


def _surname_matches(article: Article, surnames: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each surname stands in the fact blocks (a whole word, in any case), in order.

    One alternation per article finds them all in one pass over each block, instead of one
    pass per surname, when no word can match two of them: each is one ASCII word, and no two
    differ only in case, so each match is one whole word and names one surname."""
    by_lower = {s.lower(): s for s in surnames}
    if len(by_lower) < len(surnames) or not all(map(_ASCII_WORD.fullmatch, surnames)):
        return {s: _whole_word_matches(article, s) for s in surnames}
    found: dict[str, list[tuple[int, int]]] = {s: [] for s in surnames}
    if surnames:
        words = "|".join(map(re.escape, surnames))
        for match in fact_matches(article, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)):
            word = match.group()
            # "K" (the Kelvin sign) and "ſ" match "k" and "s" without case: rare, asked again
            surname = by_lower.get(word.lower()) or next(
                s for s in surnames if re.fullmatch(re.escape(s), word, re.IGNORECASE)
            )
            found[surname].append(match.span())
    return found


def _whole_word_matches(article: Article, surname: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"\b{re.escape(surname)}\b", re.IGNORECASE)
    return [match.span() for match in fact_matches(article, pattern)]


_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")  # ASCII letters, digits, "_": what `\w` is in ASCII


def _nearest_holder(
    rivals: list[_Cluster], starts: dict[int, list[int]], offset: int
) -> _Cluster | None:
    """Of people sharing a role word (`rivals`, with their mentions' sorted starts), the one
    mentioned last before `offset`."""
    best: tuple[int, _Cluster] | None = None
    for cluster in rivals:
        mine = starts[id(cluster)]
        position = bisect_left(mine, offset) - 1
        if position >= 0 and (best is None or mine[position] > best[0]):
            best = (mine[position], cluster)
    return best[1] if best else None


def _add_org_country_hints(doc: Doc, clusters: list[_Cluster]) -> None:
    """ "the Biden White House": a person named as an organisation's modifier shares its country."""
    surnames = {
        m.key.split()[-1]: cluster
        for cluster in clusters
        if cluster.label == "PERSON"
        for m in cluster.mentions
    }
    for cluster in clusters:
        for mention in cluster.mentions:
            country = mention_country(mention) if mention.label == "ORG" else None
            if not country or mention.token_start < 1:
                continue
            modifier = doc[mention.token_start - 1]
            person = surnames.get(name_key(modifier.text))
            known = person is not None and person.hinted_country is not None
            if person is not None and not known and modifier.text[:1].isupper():
                person.hinted_country, person.hinted_source = country, "text"


def _add_possessor_countries(doc: Doc, clusters: list[_Cluster]) -> None:
    """ "Colombia's National Liberation Army", "Saudi Arabia's Public Investment Fund": a body
    the text gives as a country's is that country's (the span is the country's name)."""
    for cluster in clusters:
        if cluster.label != "ORG" or _country(cluster) is not None:
            continue
        for mention in cluster.mentions:
            country = _possessor(doc, mention.token_start) or _apposed_owner(doc, mention)
            if country is not None:
                cluster.hinted_country, cluster.hinted_source = country, "text"
                break


def _apposed_owner(doc: Doc, mention: Mention) -> str | None:
    """ "Yang Ming Marine Transport Corp, Taiwan's second-largest container line,": the
    country owning the apposition right after the name."""
    end = mention.token_end
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    for size in (1, 2, 3):
        after = end + 1 + size
        if after < len(doc) and doc[after].text in {"'s", "’s"}:
            return country_of_name(doc[end + 1 : after].text)
    return None


def _add_officer_countries(article: Article, clusters: list[_Cluster]) -> None:
    """ "Gagan Thapa, general secretary of the Nepali Congress": an officer of a body the
    text gives a country serves that country (as one of a body of no country serves none:
    `_serves`)."""
    bodies = {
        m.start: country
        for c in clusters
        if c.label == "ORG" and (country := _country(c)) is not None
        for m in c.mentions
    }
    for cluster in clusters:
        if cluster.label != "PERSON" or _country(cluster) is not None:
            continue
        start = _body_served(article, cluster, bodies)
        if start is not None:
            cluster.hinted_country, cluster.hinted_source = bodies[start], "text"


def _possessor(doc: Doc, start: int) -> str | None:
    """The country whose name and "'s" stand right before token `start`, if any."""
    if start < 2 or doc[start - 1].text not in {"'s", "’s"}:
        return None
    for size in (3, 2, 1):
        if start - 1 - size >= 0:
            country = country_of_name(doc[start - 1 - size : start - 1].text)
            if country is not None:
                return country
    return None


def _add_office_holders(article: Article, clusters: list[_Cluster]) -> None:
    """ "President Bush said": a leader the text gives no country serves the one a reader
    knows, from the office-holder table (the article's date picks between namesakes). And
    "the Russian president" is a mention of the person the article names who held that
    office on the article's date."""
    holders: dict[Term, _Cluster] = {}
    people = [c for c in clusters if c.label == "PERSON"]
    given_names = {k.split()[0] for k in (name_key(_name(c)) for c in people) if " " in k}
    for cluster in people:
        if _role(cluster) is None and name_key(_name(cluster)) in given_names:
            continue  # "Sharon Levy ... Sharon said": the given name of someone named in full
        stated = _country(cluster)
        terms = holders_for_mention(_name(cluster), _role(cluster), article.published, stated)
        if terms and stated is None:
            cluster.hinted_country, cluster.hinted_source = terms[0].country, "dictionary"
            cluster.international = terms[0].country is None
        for term in terms:
            holders.setdefault(term, cluster)
    if article.published and holders:
        _add_office_mentions(article, people, holders, article.published)


def _add_office_mentions(
    article: Article, people: list[_Cluster], holders: dict[Term, _Cluster], day: str
) -> None:
    """Each "the Russian president" that no person's name or title already covers becomes a
    mention of its holder; the nationality inside it stays a mention of its own."""
    taken = SpanSet((m.start, m.end) for c in people for m in c.mentions)
    for c in people:
        for extra in c.extra:
            taken.add(extra.start, extra.end)
        for m in c.mentions:
            if m.role_start is not None and m.role_end is not None:
                taken.add(m.role_start, m.role_end)
    for block in article.blocks:
        if block.kind not in FACT_BLOCKS:
            continue
        for start, end, term in office_phrases(article.text, block.start, block.end, day):
            cluster = holders.get(term)
            if cluster is None or taken.overlaps(start, end):
                continue
            cluster.extra.append(article.span(start, end))
            taken.add(start, end)


def _add_dictionary_actors(article: Article, clusters: list[_Cluster]) -> None:
    """ "Mahendra Chaudhry", "the Sinaloa cartel": a person or body the text gives no country
    is coded by the Phoenix actor dictionary, dated against the article (after the project's
    office-holder table, which covers later terms). The article's other countries are never
    lent to it: a story about Syria does not make its analysts Syrian."""
    for cluster in clusters:
        if cluster.label not in {"PERSON", "ORG"} or cluster.international:
            continue
        if _country(cluster) is not None or organisation(_name(cluster)) is not None:
            continue
        code = dictionary_actor(_name(cluster), article.published)
        if code is None:
            continue
        if code.country is None:
            cluster.international = True
        else:
            cluster.hinted_country, cluster.hinted_source = code.country, "dictionary"


_TARGET_PREPOSITIONS = frozenset({"against", "on", "to", "toward", "towards", "at", "with"})


# Roles that are professions, not offices: who holds one speaks for no state, and a story
# about Syria does not make its Texas-based analyst Syrian (issue 14).
_PROFESSIONS = frozenset(
    {"correspondent", "reporter", "editor", "analyst", "economist", "researcher", "professor",
     "prof.", "doctor", "dr.", "surgeon", "nurse", "lawyer", "activist", "writer", "author",
     "fellow", "strategist", "expert", "scholar", "academic", "scientist", "consultant",
     "midfielder", "defender", "striker", "goalkeeper", "winger", "coach", "player"}
)  # fmt: skip
# Military ranks: in a story naming two or more states an officer serves either side as
# often as the country the lead is about ("Commander Tim Hawkins, a spokesman for the
# fleet" is no Iranian for a story of Iran's seizure of a tanker watched by the US Navy),
# so there a rank lends no country; in a story of one state it does.
_RANKS = frozenset(
    {"general", "gen.", "colonel", "col.", "commander", "cmdr.", "admiral", "adm.", "major",
     "maj.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "brigadier",
     "marshal", "commodore"}
)  # fmt: skip


def _add_home_country(doc: Doc, article: Article, clusters: list[_Cluster]) -> None:
    """An official with no stated country serves the country the story is about.

    A reader of "Nepal's prime minister lost a vote ... President Bimala Shrestha" takes the
    president to be Nepal's: the country the lead paragraph is about. It is an inference, and
    says so (`country_source` "inference"): only for an office the text names, never for a
    profession ("analyst", "researcher"), nor for officials of international bodies ("U.N.
    spokeswoman").
    """
    lead = next((b for b in article.blocks if b.kind is BlockKind.BODY), None)
    if lead is None:
        return
    skip_until = article.dateline.end if article.dateline is not None else lead.start
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for cluster in clusters:
        for mention in cluster.mentions:
            if not skip_until <= mention.start < lead.end:
                continue
            country = mention_country(mention) if mention.label != "PERSON" else mention.country
            weight = _home_weight(doc, mention) if country else 0
            if country and weight:
                votes[country] += weight
                first_seen.setdefault(country, mention.start)
                first_seen[country] = min(first_seen[country], mention.start)
    if not votes:
        return
    home = max(votes, key=lambda c: (votes[c], -first_seen[c]))
    lent = _PROFESSIONS | (_RANKS if len(_states_named(clusters)) > 1 else frozenset())
    stateless = _stateless_bodies(clusters)
    for cluster in clusters:
        role = _role(cluster)
        if (
            cluster.label != "PERSON"
            or not role
            or _country(cluster)
            or cluster.international
            or _international(role)
            or lent & set(role.lower().split())
            or _serves(article, cluster, stateless)
        ):
            continue
        cluster.hinted_country, cluster.hinted_source = home, "inference"
    _add_home_bodies(clusters, home)


# Words of a state's civil bodies and of parties: a body so named that the text gives no
# country is the story's ("the Ombudsman's Office", "the Janata Samajbadi Party" in a story
# about Nepal). Not armies or forces, which a story names on both sides of a border, nor
# councils, which international bodies have as often ("Peace and Security Council").
_HOME_BODY_WORDS = frozenset(
    {"ministry", "department", "government", "police", "office", "parliament", "senate",
     "assembly", "court", "cabinet", "presidency", "party"}
)  # fmt: skip


def _add_home_bodies(clusters: list[_Cluster], home: str) -> None:
    """A state's body or a party with no stated country serves the story's country, as its
    officials do (`country_source` "inference"); never one inside an international body
    ("UN Office for ...") or the organisation list's."""
    for cluster in clusters:
        name = _name(cluster)
        if (
            cluster.label != "ORG"
            or _country(cluster) is not None
            or cluster.international
            or not _HOME_BODY_WORDS & set(name.lower().split())
            or organisation(name) is not None
            or _international(name)
        ):
            continue
        cluster.hinted_country, cluster.hinted_source = home, "inference"


# "a spokeswoman for the Sierra Club", "the director of Human Rights Watch"
_SERVING = re.compile(r"\s+(?:for|of|at|with)\s+(?:the\s+)?")


# Words of a state's own bodies: their officials serve the story's country ("a spokeswoman
# for the Energy Ministry"), as a club's or a charity's do not.
_STATE_BODY_WORDS = frozenset(
    {"ministry", "department", "government", "police", "army", "navy", "office", "council",
     "commission", "agency", "parliament", "senate", "assembly", "court", "cabinet", "embassy",
     "authority", "forces", "presidency", "military", "guard", "guards", "service", "bank"}
)  # fmt: skip


def _stateless_bodies(clusters: list[_Cluster]) -> dict[int, _Cluster]:
    """The article's bodies of no country and no state's word, by where each mention starts."""
    return {
        m.start: c
        for c in clusters
        if c.label == "ORG"
        and not _country(c)
        and not _STATE_BODY_WORDS & set(_name(c).lower().split())
        for m in c.mentions
    }


def _serves(article: Article, cluster: _Cluster, stateless: dict[int, _Cluster]) -> bool:
    """ "Claire Tremblay, a spokeswoman for the Sierra Club": an office in a body of no
    country is no office of the story's country; the inference would give her Canada's."""
    return _body_served(article, cluster, stateless) is not None


def _body_served(article: Article, cluster: _Cluster, bodies: Container[int]) -> int | None:
    """Where the first of `bodies` (keyed by where a body's mention starts) begins that a
    role of the person's names right after it ("a spokeswoman for the Sierra Club")."""
    for mention in cluster.mentions:
        if mention.role_end is None:
            continue
        after = _SERVING.match(article.text, mention.role_end)
        if after is not None and after.end() in bodies:
            return after.end()
    return None


def _states_named(clusters: list[_Cluster]) -> set[str]:
    """The countries the article's places, peoples and bodies name."""
    return {
        country
        for cluster in clusters
        if cluster.label != "PERSON"
        for mention in cluster.mentions
        if (country := mention_country(mention))
    }


def _home_weight(doc: Doc, mention: Mention) -> int:
    """How strongly a lead mention says what country the story is about: an official with a
    nationality most, a country or nationality named outright next, a city or body least.
    A country the lead acts on ("threatened action against Russia", "imposed sanctions on
    Iran") is the other side, not home."""
    if mention.label == "PERSON":
        return 3
    if _acted_on(doc[mention.token_end - 1]):
        return 0
    first_word = mention.text.split()[0]
    if mention.label == "NORP" or country_of_name(mention.text) or country_of_demonym(first_word):
        return 2
    return 1


def _acted_on(token: Token) -> bool:
    """The object of a verb, or of a preposition that points at a target."""
    if token.dep_ in {"dobj", "dative"}:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _TARGET_PREPOSITIONS


def _international(role: str) -> bool:
    """A role in an international body ("U.N. special envoy") belongs to no one country."""
    words = role.split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            known = organisation(" ".join(words[start : start + size]))
            if known is not None:
                return known.country is None
    return False


def _role(cluster: _Cluster) -> str | None:
    roles = Counter(m.role for m in cluster.mentions if m.role)
    if not roles:
        return None
    return max(roles, key=lambda r: (roles[r], len(r)))


def _country(cluster: _Cluster) -> str | None:
    if cluster.label == "PERSON":
        countries = Counter(m.country for m in cluster.mentions if m.country)
        if countries:
            return countries.most_common(1)[0][0]
        return cluster.hinted_country
    found = Counter(c for c in (mention_country(m) for m in cluster.mentions) if c)
    return found.most_common(1)[0][0] if found else cluster.hinted_country


def _country_source(cluster: _Cluster) -> str | None:
    """Where the entity's country came from: its own mentions ("text"), else the hint's."""
    if _country(cluster) is None:
        return None
    if cluster.label == "PERSON" and any(m.country for m in cluster.mentions):
        return "text"
    if cluster.label != "PERSON" and any(mention_country(m) for m in cluster.mentions):
        return "gazetteer" if cluster.label == "GPE" else "text"
    return cluster.hinted_source


def _name(cluster: _Cluster) -> str:
    texts = [m.text for m in cluster.mentions if m.block is not BlockKind.CAPTION] or [
        m.text for m in cluster.mentions
    ]
    if cluster.label == "PERSON":
        texts = [" ".join(w for w in t.split() if name_key(w)) for t in texts]
    return max(texts, key=lambda t: (len(t.split()), len(t)))


def _to_entities(clusters: list[_Cluster]) -> list[Entity]:
    entities = []
    for number, cluster in enumerate(clusters, 1):
        spans = [Span(m.start, m.end, m.text) for m in cluster.mentions] + cluster.extra
        entities.append(
            Entity(
                id=f"e{number}",
                name=_name(cluster),
                type=EntityType(cluster.label),
                role=_role(cluster) if cluster.label == "PERSON" else None,
                country=_country(cluster),
                country_source=_country_source(cluster),
                mentions=sorted(spans, key=lambda s: s.start),
                type_from=cluster.type_from,
            )
        )
    return entities
