"""Who is who across articles: resolution by evidence.

Within an article the pipeline has already joined "Foreign Minister Anneli Korhonen", "Ms.
Korhonen" and "she" into one entity named by its fullest form. Across articles, in order:

1. **Type.** Whether a name is a person's is decided from every entity of the corpus that
   bears it before any key is made, so "Lohan" typed as a place in one article does not get
   a key of its own: a full name takes the type most of its articles give it; a one-word
   name typed otherwise is read as a surname when its article or the corpus names a person
   of that surname and it is not a resolved place (a GPE with a country).
2. **Full names.** A person's full name is compared without titles, honorifics, role words,
   a lower-case description before it and "Jr."/"Sr." after it (`dateline.names
   .person_words`). Names of one surname are joined when compatible: the same first name
   (or its initial) and middle names that agree where both have them ("Mark Heller", "Mark
   J. Heller", "Mark Jay Heller"). A name that fits two names that do not fit each other
   ("George Bush" beside "George H. Bush" and "George W. Bush") stays on its own. The key
   is first and last name, with the middle ones only where two people need them.
3. **Surnames.** A surname alone joins the full name its own article names; else the full
   name of its *story*: the articles within `STORY_DAYS` days (or undated) that share the
   most other participants with it, weighed by how rare each is in the corpus
   (inverse document frequency), with its role as one more shared fact. It joins only when
   that evidence reaches `MIN_EVIDENCE` and is at least `MARGIN` times the next candidate's
   (half of `MIN_EVIDENCE` when the corpus has one full name of that surname).
   Never the corpus at large: with fourteen "… Williams" in it, "Williams" alone finds its
   Williams from its own story or stays on its own.
4. **Namesakes** stay apart: a candidate whose "Ms."/"Mr." (by the majority of its
   articles) or countries conflict with the surname's is no candidate, and two candidates
   with the same evidence are no answer.

Keys are built from names only, so the same corpus always gets the same keys (stable ids,
which overrides made by an analyst can name).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from dateline.names import name_words, person_words
from dateline.store.results import NamedEntity

STORY_DAYS = 7  # how far apart in time two articles of one story may be published
MIN_EVIDENCE = 0.8  # about two shared participants in a small corpus, one rare one in a large
MARGIN = 2.0  # how much better the chosen full name's evidence is than the next one's
_PERSON = "PERSON"


def corpus_keys(entities: Iterable[NamedEntity]) -> dict[NamedEntity, str]:
    """The corpus key of each entity (equal keys: the same participant)."""
    return _Resolution(list(entities)).keys()


def _key(type_: str, words: Sequence[str]) -> str:
    return f"{type_.lower()}:{'-'.join(words)}"


def _majority(votes: Counter[str]) -> str | None:
    """The one value with more votes than any other, if there is one."""
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _day(published: str | None) -> int | None:
    """The ordinal of a full ISO date; None for no date or a partial one."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _fits(ours: str, theirs: str) -> bool:
    """Two name words that may be the same: equal, or one the other's initial."""
    if ours == theirs:
        return True
    return (len(ours) == 1 and theirs.startswith(ours)) or (
        len(theirs) == 1 and ours.startswith(theirs)
    )


def compatible(ours: Sequence[str], theirs: Sequence[str]) -> bool:
    """Whether two full names (person_words) may name one person: same surname, fitting
    first names, and middle names that agree where both give them."""
    if ours[-1] != theirs[-1] or not _fits(ours[0], theirs[0]):
        return False
    middle, other = ours[1:-1], theirs[1:-1]
    if not middle or not other:
        return True
    return len(middle) == len(other) and all(map(_fits, middle, other))


def _fullness(words: tuple[str, ...]) -> tuple[int, int, tuple[str, ...]]:
    return (-len(words), -sum(len(w) for w in words), words)


@dataclass(slots=True, eq=False)  # one object per person: hashed by identity
class _Person:
    """One person of the corpus named in full: the forms of the name, where they appear."""

    key: str
    forms: list[tuple[str, ...]]
    articles: set[int] = field(default_factory=set)
    days: list[tuple[int, int]] = field(default_factory=list)  # (day, article), sorted
    undated: list[int] = field(default_factory=list)
    genders: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    gender: str | None = None  # the one most of its articles give, once all are counted


class _Resolution:
    """One resolution of a set of entities: the evidence gathered once, then each key."""

    def __init__(self, every: list[NamedEntity]) -> None:
        # One count per stored entity: the votes below count each article.
        self.counts = Counter(every)
        self.entities = list(self.counts)
        # Names repeat across the corpus far more than entities do: fold each once.
        folded = {name: tuple(person_words(name)) for name in {e.name for e in self.entities}}
        self.plain = {name: name_words(name) for name in folded}
        self.words = {e: folded[e.name] for e in self.entities}
        self.person = self._person_votes()
        self.full = {
            e: len(words) >= 2 and (_marked(e) or self.person[words])
            for e, words in self.words.items()
        }
        self.stories: dict[tuple[str, int | None], set[str]] = {}
        self.by_article: dict[int, list[NamedEntity]] = defaultdict(list)
        self.published: dict[int, int | None] = {}
        for entity in self.entities:
            self.by_article[entity.article].append(entity)
            if entity.article not in self.published:
                self.published[entity.article] = _day(entity.published)
        self.people = self._people()  # full name -> _Person
        self.by_surname: dict[str, list[_Person]] = defaultdict(list)
        self.named_in: dict[int, list[_Person]] = defaultdict(list)
        # surname -> (day, number in by_surname) of every dated article naming one in full
        self.surname_days: dict[str, list[tuple[int, int]]] = {}
        for person in dict.fromkeys(self.people.values()):
            self.by_surname[person.forms[0][-1]].append(person)
            for article in person.articles:
                self.named_in[article].append(person)
        self.surname_undated: dict[str, set[int]] = {}  # the same, of undated articles
        for name, found in self.by_surname.items():
            days = [(day, n) for n, p in enumerate(found) for day, _ in p.days]
            self.surname_days[name] = sorted(days)
            self.surname_undated[name] = {n for n, p in enumerate(found) if p.undated}
        self.person_surnames = set(self.by_surname) | {
            words[0] for e, words in self.words.items() if len(words) == 1 and _marked(e)
        }
        self.tokens = {a: self._tokens(found) for a, found in self.by_article.items()}
        frequency = Counter(t for tokens in self.tokens.values() for t in tokens)
        # How much sharing a participant says: little for one most articles name.
        self.weights = {t: math.log((len(self.tokens) + 1) / n) for t, n in frequency.items()}

    # -- step 1: which names are persons' ------------------------------------------------

    def _person_votes(self) -> dict[tuple[str, ...], bool]:
        """Name (its words) -> whether most entities bearing it are persons."""
        # A full name typed otherwise is a person's in an article that also names a person
        # by its surname alone ("Hanne Lindqvist" as an organisation beside "Ms. Lindqvist").
        surnamed = {
            (e.article, words[0])
            for e, words in self.words.items()
            if len(words) == 1 and _marked(e)
        }
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for entity, count in self.counts.items():
            words = self.words[entity]
            person = _marked(entity) or (
                len(words) >= 2 and (entity.article, words[-1]) in surnamed
            )
            votes[words][_PERSON if person else entity.type] += count
        return {
            words: (_majority(counted) or _PERSON) == _PERSON for words, counted in votes.items()
        }

    # -- step 2: full names --------------------------------------------------------------

    def _people(self) -> dict[tuple[str, ...], _Person]:
        forms: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
        for entity, words in self.words.items():
            if self.full[entity]:
                forms[words[-1]][words] += 1
        people: dict[tuple[str, ...], _Person] = {}
        for counted in forms.values():
            people.update(_join_forms(counted))
        for entity, count in self.counts.items():
            if self.full[entity]:
                self._note(people[self.words[entity]], entity, count)
        for person in people.values():
            person.days.sort()
            person.gender = _majority(person.genders)
        return people

    def _note(self, person: _Person, entity: NamedEntity, count: int) -> None:
        if entity.article not in person.articles:
            person.articles.add(entity.article)
            day = self.published[entity.article]
            if day is None:
                person.undated.append(entity.article)
            else:
                person.days.append((day, entity.article))
        if entity.gender:
            person.genders[entity.gender] += count
        if entity.role:
            person.roles.add(entity.role.casefold())
        if entity.country and entity.type == _PERSON:
            person.countries.add(entity.country)

    # -- what an article says: the participants it shares with others --------------------

    def _tokens(self, found: list[NamedEntity]) -> set[str]:
        """An article's participants as evidence: a full name's key and its surname, a
        surname alone as a surname, anything else by its own key."""
        tokens = set()
        for entity in found:
            words = self.words[entity]
            if self.full[entity]:
                tokens |= {self.people[words].key, f"sur:{words[-1]}"}
            elif len(words) == 1 and (_marked(entity) or words[0] in self.by_surname):
                tokens.add(f"sur:{words[0]}")
            elif words:
                tokens.add(_key(entity.type, self.plain[entity.name]))
        return tokens

    # -- step 3: every key ---------------------------------------------------------------

    def keys(self) -> dict[NamedEntity, str]:
        keys: dict[NamedEntity, str] = {}
        alone: list[NamedEntity] = []  # surnames that join no full name
        bare_votes: dict[str, Counter[str]] = defaultdict(Counter)
        for entity in self.entities:
            key = self._entity_key(entity)
            words = self.words[entity]
            if key is None:
                alone.append(entity)
                vote = _PERSON if _marked(entity) else entity.type
            else:
                keys[entity] = key
                vote = key.split(":", 1)[0].upper()
            if len(words) == 1:
                bare_votes[words[0]][vote] += self.counts[entity]
        for entity in alone:
            # A surname on its own is a person's when most entities of that one word are
            # (those that joined a full name included); else what the tagger said.
            usual = _majority(bare_votes[self.words[entity][0]])
            type_ = _PERSON if _marked(entity) or usual == _PERSON else entity.type
            keys[entity] = _key(type_, self.words[entity])
        return keys

    def _entity_key(self, entity: NamedEntity) -> str | None:
        """The key of an entity, or None for a surname that joins no full name."""
        words = self.words[entity]
        if self.full[entity]:
            return self.people[words].key
        if len(words) >= 2:
            return _key(self._usual_type(entity), self.plain[entity.name])
        if not words:
            return _key(entity.type, [entity.name.casefold()])
        surname = words[0]
        place = not _marked(entity) and _placed(entity)
        if not _marked(entity) and surname not in self.person_surnames:
            return _key(entity.type, self.plain[entity.name] or words)
        found = self._full_name_for(entity, surname, strict=place)
        if found is not None:
            return found.key
        return _key(entity.type, self.plain[entity.name] or words) if place else None

    def _usual_type(self, entity: NamedEntity) -> str:
        return _PERSON if self.person[self.words[entity]] else entity.type

    def _full_name_for(self, entity: NamedEntity, surname: str, *, strict: bool) -> _Person | None:
        """The person a surname names: the one its article names in full, else the one of
        its story. A name its article also resolves as a place ("Lorca", the town) needs
        the stronger evidence (`strict`): at least two participants shared with the story."""
        own = [
            p
            for p in self.named_in.get(entity.article, [])
            if p.forms[0][-1] == surname and _agrees(p, entity)
        ]
        if own:
            return own[0] if len(own) == 1 else None
        candidates = [p for p in self._near(surname, entity.article) if _agrees(p, entity)]
        if not candidates:
            return None
        return self._from_story(entity, surname, candidates, strict)

    def _near(self, surname: str, article: int) -> list[_Person]:
        """The people of this surname named in full in an article that may be of the same
        story as `article`: published within STORY_DAYS of it, or either one undated."""
        found = self.by_surname.get(surname, [])
        day = self.published[article]
        if day is None or not found:
            return found
        days = self.surname_days[surname]
        start = bisect_left(days, (day - STORY_DAYS, -1))
        end = bisect_right(days, (day + STORY_DAYS, len(found)))
        near = {n for _, n in days[start:end]} | self.surname_undated[surname]
        return [found[n] for n in sorted(near)]

    def _from_story(
        self, entity: NamedEntity, surname: str, candidates: list[_Person], strict: bool
    ) -> _Person | None:
        ours = self.tokens[entity.article] - {f"sur:{surname}"}
        scored = sorted(
            ((*self._evidence(entity, ours, p), p.key, p) for p in candidates), reverse=True
        )
        best, shared, _, chosen = scored[0]
        if strict and shared < 2:
            return None
        if len(scored) == 1 and not strict:  # no namesake to tell apart in its story
            return chosen if best >= MIN_EVIDENCE / 2 else None
        if best >= MIN_EVIDENCE and (len(scored) == 1 or best >= MARGIN * scored[1][0]):
            return chosen
        return None

    def _evidence(self, entity: NamedEntity, ours: set[str], person: _Person) -> tuple[float, int]:
        """What the surname's article shares with the candidate's story (the participants
        of the candidate's articles near it in time, and its role): a weight, and how many
        things are shared."""
        shared = ours & self._story_tokens(person, self.published[entity.article])
        score = sum(self.weights[token] for token in shared)
        if entity.role and entity.role.casefold() in person.roles:
            return score + MIN_EVIDENCE, len(shared) + 1
        return score, len(shared)

    def _story_tokens(self, person: _Person, day: int | None) -> set[str]:
        """The participants of the candidate's story around `day`, the candidate left out
        (kept: the surnames of one story ask for it many times)."""
        cached = self.stories.get((person.key, day))
        if cached is None:
            cached = set()
            for article in self._story(person, day):
                cached |= self.tokens[article]
            cached -= {person.key, f"sur:{person.forms[0][-1]}"}
            self.stories[(person.key, day)] = cached
        return cached

    def _story(self, person: _Person, day: int | None) -> list[int]:
        """The candidate's articles that may be of the same story as an article of `day`."""
        if day is None:
            return sorted(person.articles)
        start = bisect_left(person.days, (day - STORY_DAYS, -1))
        end = bisect_right(person.days, (day + STORY_DAYS, math.inf))
        return [article for _, article in person.days[start:end]] + person.undated


def _marked(entity: NamedEntity) -> bool:
    """A PERSON, or a name an honorific marks as a person ("said Ms. Reyes" with "Reyes"
    tagged as an organisation)."""
    return entity.type == _PERSON or entity.gender is not None


def _placed(entity: NamedEntity) -> bool:
    """Whether its article resolves the name as a place (the places stage found one of
    that name, or the entity is a GPE with a country)."""
    return entity.placed or (entity.type == "GPE" and entity.country is not None)


def _agrees(person: _Person, entity: NamedEntity) -> bool:
    """Whether nothing known of the surname's bearer contradicts the candidate: "Ms." for
    a man, or a country the candidate is never given."""
    if entity.gender and person.gender and entity.gender != person.gender:
        return False
    country = entity.country if entity.type == _PERSON else None  # a GPE's is a place's
    return not (country and person.countries and country not in person.countries)


def _join_forms(forms: Counter[tuple[str, ...]]) -> dict[tuple[str, ...], _Person]:
    """The full names of one surname joined into people: fullest forms first, each joining
    the one person all of whose forms it fits, or standing alone when it fits none or
    several."""
    groups: list[list[tuple[str, ...]]] = []
    for form in sorted(forms, key=_fullness):
        fitting = [g for g in groups if all(compatible(form, other) for other in g)]
        if len(fitting) == 1:
            fitting[0].append(form)
        else:
            groups.append([form])
    short = Counter((g[0][0], g[0][-1]) for g in groups)
    people: dict[tuple[str, ...], _Person] = {}
    for group in groups:
        fullest = group[0]
        words = (fullest[0], fullest[-1]) if short[(fullest[0], fullest[-1])] == 1 else fullest
        person = _Person(_key(_PERSON, words), group)
        people.update(dict.fromkeys(group, person))
    return people
