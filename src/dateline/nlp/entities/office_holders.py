"""Who held which office when: the knowledge a reader brings to "Putin offered talks".

News names leaders without their country ("President Bush threatened ...", "Arafat said"),
because every reader knows it. The text cannot tell the entity stage, so this module carries
the project's own table of office terms (`data/office_holders.csv`: heads of state and of
government, foreign ministers, heads of international bodies and of a few non-state movements,
one row per term) and answers:
- `holders_named`: which terms a name belongs to ("Saddam", "Kadhafi", "Vladimir V. Putin");
- `holder_of`: who held an office of a country on a day ("Russia's president on 2000-03-01");
- `holders_for_mention`: the terms a person named in an article is taken to hold, or none
  when the name does not decide between people of different countries;
and, for a role named with a country and no name, `holder_by_title` ("the French prime
minister" on a day) and `office_phrases` (each such phrase in a text, with its holder).
A name matches the full name or a short form the table lists, ignoring case, accents,
apostrophes, "al-"/"el-" particles and initials. A bare surname the table does not list as a
short form ("Rao") matches only beside a title the holder bore ("Prime Minister Rao").
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from dateline.names import strip_accents
from dateline.nlp.common.lexicon import country_of_word
from dateline.vocabulary import COURTESY_TITLES, word_rows, word_set

INTERNATIONAL = "IGO"
# People are named in news before they take office and long after they leave it.
MARGIN_YEARS = 3
_PARTICLES = frozenset({"al", "el"})
# Words before a title that make it someone else's ("Vice President", "Deputy Prime Minister").
_NOT_THE_HOLDER = word_set("dateline.nlp.entities", "subordinate_titles.txt")
# Words that qualify a title in time or stand-in, not name it: "former President X" was a
# president, "acting President X" holds the office for now.
_QUALIFIERS = frozenset(
    row["word"] for row in word_rows("dateline.nlp.entities", "role_qualifiers.csv")
)
# Titles news shortens before a name: "Gen. Musharraf", "Pres. Lincoln".
_ABBREVIATIONS = {"gen": "general", "pres": "president", "col": "colonel", "lt": "lieutenant"}


@dataclass(frozen=True, slots=True)
class Term:
    """One term of one person in one office: a row of `data/office_holders.csv`."""

    name: str
    short_forms: tuple[str, ...]
    surname: str
    country: str | None  # ISO 3166-1 alpha-3; None for an international body
    organisation: str | None
    office: str
    titles: tuple[str, ...]
    start: str
    end: str | None  # None: in office

    def serves(self, day: date, margin_years: int = 0) -> bool:
        """In office on `day`, or within `margin_years` of the term."""
        first = _shift_years(_first_day(self.start), -margin_years)
        last = _shift_years(_last_day(self.end), margin_years) if self.end else date.max
        return first <= day <= last

    def bore_title(self, role: str) -> bool:
        """The text's title for a person ("former President", "U.N. Secretary-General") is
        one this holder bore."""
        words = [_ABBREVIATIONS.get(w, w) for w in _words(role) if w not in _QUALIFIERS]
        for title in self.titles:
            wanted = _words(title)
            size = len(wanted)
            if size and words[-size:] == wanted:
                before = words[-size - 1] if len(words) > size else None
                if before not in _NOT_THE_HOLDER:
                    return True
        return False


def holders_named(name: str, on_date: str | None = None) -> list[Term]:
    """Terms whose holder is called `name` (full name or a listed short form); with `on_date`,
    only terms within a few years of that day."""
    terms = _index().by_form.get(holder_key(name), [])
    day = _parse_day(on_date)
    if day is not None:
        terms = [t for t in terms if t.serves(day, MARGIN_YEARS)]
    return list(terms)


def holder_of(
    country: str, office: str, on_date: str, organisation: str | None = None
) -> Term | None:
    """Who held `office` ("head_of_state", "foreign_minister" ...) of `country` on `on_date`
    ("IGO" with an `organisation` for an international body's office).

    A country's own office comes before a wider one it is filed under ("Federal Republic of
    Yugoslavia"). A presidential republic lists its president only as head of state, so a
    question about its head of government is answered by the head of state.
    """
    day = _parse_day(on_date)
    if day is None:
        return None
    code = None if country == INTERNATIONAL else country
    held = [
        t
        for t in _index().terms
        if t.country == code and (organisation is None or t.organisation == organisation)
    ]
    offices = [office]
    if office == "head_of_government" and not any(t.office == office for t in held):
        offices.append("head_of_state")
    serving = [t for t in held if t.office in offices and t.serves(day)]
    if not serving:
        return None
    return min(serving, key=lambda t: (t.organisation is not None, t.start))


def holder_by_title(country: str, title: str, on_date: str) -> Term | None:
    """Who "the Russian president" or "France's prime minister" was on `on_date`: the one
    person of `country` serving then under `title`, or None when none or several are known.
    A state's office comes before a movement's ("the Palestinian leader")."""
    day = _parse_day(on_date)
    if day is None:
        return None
    serving = [
        t for t in _index().terms if t.country == country and t.serves(day) and t.bore_title(title)
    ]
    for group in ([t for t in serving if t.office != "leader"], serving):
        if group:
            names = {t.name for t in group}
            return min(group, key=lambda t: t.start) if len(names) == 1 else None
    return None


# "the Russian president", "the South Korean prime minister": a nationality after "the".
_NATIONALITY_PHRASE = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w.]*\s+){1,3})")
# "Israel's president", "South Korea's foreign minister": a country that owns the title.
_OWNER_PHRASE = re.compile(r"\b((?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*)['’]s\s+")
_TITLE_WORDS = re.compile(r"([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?(?:\s+([A-Za-z][\w-]*))?")


def office_phrases(
    text: str, start: int, end: int, on_date: str
) -> Iterator[tuple[int, int, Term]]:
    """Each "the Russian president" / "Israel's prime minister" in `text[start:end]`, as
    (start, end, the holder's term on `on_date`). A phrase that names no country, or an
    office the table does not know on that day, is skipped."""
    for match in _NATIONALITY_PHRASE.finditer(text, start, end):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            country = country_of_word(" ".join(words[:size]))
            if country is not None:
                after = match.start(1) + len(" ".join(words[:size]))
                found = _office_after(text, after, end, country, on_date)
                if found is not None:
                    yield match.start(), found[0], found[1]
                break
    for match in _OWNER_PHRASE.finditer(text, start, end):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            country = country_of_word(" ".join(words[-size:]))
            if country is not None:
                found = _office_after(text, match.end(), end, country, on_date)
                if found is not None:
                    owner_start = match.end(1) - len(" ".join(words[-size:]))
                    yield owner_start, found[0], found[1]
                break


def _office_after(
    text: str, offset: int, end: int, country: str, on_date: str
) -> tuple[int, Term] | None:
    """(end of the title, its holder's term) for a title starting at `offset` (spaces
    skipped), longest title first: "prime minister" before "prime"."""
    while offset < end and text[offset].isspace():
        offset += 1
    match = _TITLE_WORDS.match(text, offset, end)
    if match is None:
        return None
    words = [w for w in match.groups() if w]
    titles = _index().title_words
    for size in range(len(words), 0, -1):
        title = " ".join(words[:size])
        if tuple(_words(title)) in titles:
            term = holder_by_title(country, title, on_date)
            return (match.start() + len(title), term) if term is not None else None
    return None


def holders_for_mention(
    name: str, title: str | None = None, on_date: str | None = None, country: str | None = None
) -> list[Term]:
    """The terms a person an article calls `name` (with the text's `title`, if any) holds,
    all of one country, or [] when the name does not settle the country.

    The date of the article decides between people of different countries who share a name
    ("Hussein": the king of Jordan or the president of Iraq); without a date, or where both
    served at the time, the name is left undecided. A `country` the text gave narrows the
    candidates to that country's.
    """
    name, title = _split_leading_title(name, title)
    candidates = _candidates(holder_key(name), title)
    if country is not None:
        candidates = [t for t in candidates if t.country == country]
    if _one_country(candidates):
        return candidates
    day = _parse_day(on_date)
    if day is None:
        return []
    for margin in (0, MARGIN_YEARS):
        near = [t for t in candidates if t.serves(day, margin)]
        if near:
            return near if _one_country(near) else []
    return []


def _candidates(key: str, title: str | None) -> list[Term]:
    """Terms named by `key`: by full name or short form (a title, if it fits some, narrows
    them), else by bare surname beside a title the holder bore."""
    if not key:
        return []
    index = _index()
    named = index.by_form.get(key, [])
    if named:
        titled = [t for t in named if title and t.bore_title(title)]
        if not titled and title and _an_office(title):
            # "Defense Minister Pedro Sanchez" in a Colombian story is not Spain's prime
            # minister: the text names an office the table's namesake never held.
            return []
        return titled or list(named)
    if title is None:
        return []
    return [t for t in index.by_surname.get(key, []) if t.bore_title(title)]


def _an_office(title: str) -> bool:
    """Whether the text's title ends in an office some holder in the table bore ("Defense
    Minister", "President"); a loose word ("leader", "chief") does not count, since holders
    of many offices are called so."""
    words = tuple(_words(title))
    return any(
        (len(office) > 1 and words[-len(office) :] == office)
        or (office in _OFFICE_WORDS and words[-1:] == office)
        for office in _index().title_words
    )


# One-word titles that name an office, not a standing ("leader", "chief", "head" do not).
_OFFICE_WORDS = frozenset({("president",), ("premier",), ("chancellor",), ("king",), ("queen",)})


def _one_country(terms: list[Term]) -> bool:
    return len({t.country for t in terms}) == 1


def _split_leading_title(name: str, title: str | None) -> tuple[str, str | None]:
    """ "King Hussein" as one name: the title is read off, unless the table lists the whole."""
    if holder_key(name) in _index().by_form:
        return name, title
    words = name.split()
    titles = _index().title_words
    for size in (2, 1):
        if len(words) > size and tuple(_words(" ".join(words[:size]))) in titles:
            return " ".join(words[size:]), title or " ".join(words[:size])
    return name, title


def holder_key(text: str) -> str:
    """A comparison key for a holder's name: case, accents, apostrophes, hyphens, honorifics,
    "al-"/"el-" and initials do not matter ("Hafez al-Assad" = "Hafez Assad")."""
    words = [w for w in _words(text.replace("'", "").replace("’", "")) if w not in COURTESY_TITLES]
    if len(words) > 1:
        words = [w for w in words if w not in _PARTICLES]
    full_words = [w for w in words if len(w) > 1]
    if len(full_words) >= 2:
        words = full_words
    return " ".join(words)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", strip_accents(text).casefold())


@dataclass(frozen=True, slots=True)
class _Index:
    terms: tuple[Term, ...]
    by_form: dict[str, list[Term]]
    by_surname: dict[str, list[Term]]
    title_words: frozenset[tuple[str, ...]]


@cache
def _index() -> _Index:
    terms = tuple(load_terms())
    by_form: dict[str, list[Term]] = {}
    by_surname: dict[str, list[Term]] = {}
    for term in terms:
        for form in {holder_key(f) for f in (term.name, *term.short_forms)}:
            by_form.setdefault(form, []).append(term)
        by_surname.setdefault(holder_key(term.surname), []).append(term)
    titles = frozenset(tuple(_words(title)) for term in terms for title in term.titles)
    return _Index(terms, by_form, by_surname, titles)


def load_terms() -> list[Term]:
    """Every row of `data/office_holders.csv` (read once; lines starting "#" are notes)."""
    return list(_load_terms())


@cache
def _load_terms() -> tuple[Term, ...]:
    raw = resources.files("dateline.data").joinpath("office_holders.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in raw.splitlines() if not line.startswith("#"))
    return tuple(_term(row) for row in rows)


def _term(row: dict[str, str]) -> Term:
    name = row["name"].strip()
    country = row["country"].strip()
    return Term(
        name=name,
        short_forms=_split(row["short_forms"]),
        surname=row["surname"].strip() or _last_word(name),
        country=None if country == INTERNATIONAL else country,
        organisation=row["organisation"].strip() or None,
        office=row["office"].strip(),
        titles=_split(row["title"]),
        start=row["start"].strip(),
        end=row["end"].strip() or None,
    )


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


_NAME_SUFFIX = re.compile(r"^(?:[IVX]+|Jr\.?|Sr\.?)$")


def _last_word(name: str) -> str:
    """The surname news puts after a title: the last word, not "II" or "Jr."."""
    words = [w for w in name.split() if not _NAME_SUFFIX.match(w)]
    return words[-1] if words else name


def parse_bound(value: str) -> tuple[date, date]:
    """(first day, last day) of "2024-05-01", "2024-05" or "2024": a term's dates are written
    as precisely as they are known."""
    return _first_day(value), _last_day(value)


def _first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    return date(year, month, day)


def _last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def _shift_years(day: date, years: int) -> date:
    if day in (date.min, date.max):
        return day
    year = min(max(day.year + years, date.min.year), date.max.year)
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _parse_day(value: str | None) -> date | None:
    """The article's date as a day; a month or a year counts from its first day."""
    if not value:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if match is None:
        return None
    try:
        return _first_day("-".join(p for p in match.groups() if p))
    except ValueError:
        return None
