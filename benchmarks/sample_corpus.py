"""A generated sample corpus: short news articles from templates, with known overlaps.

Every story (one event: who did what to whom, when, where, and one thing the actor said) is
reported by one to four outlets, each in its own words: the person named in different forms
("Foreign Minister Anneli Korhonen", "Ms. Korhonen", "Korhonen"), the same quote carried
word for word, the same event told with a different sentence. The truth of each article
(its story, its people, its quote) comes with it, so cross-article merges can be scored.

All names of people and outlets are invented; places are real cities, so they resolve.

    python -m benchmarks.sample_corpus --articles 500 --out corpus.jsonl --truth truth.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    first: str
    last: str
    role: str
    country: str
    honorific: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


PEOPLE = [
    Person("korhonen", "Anneli", "Korhonen", "Foreign Minister", "Finland", "Ms."),
    Person("brenner", "Tomas", "Brenner", "Defence Minister", "Austria", "Mr."),
    Person("okafor", "Chidi", "Okafor", "Trade Minister", "Nigeria", "Mr."),
    Person("silveira", "Marta", "Silveira", "Prime Minister", "Portugal", "Ms."),
    Person("haugland", "Eirik", "Haugland", "Energy Minister", "Norway", "Mr."),
    Person("wozniak", "Agata", "Wozniak", "Interior Minister", "Poland", "Ms."),
    Person("demir", "Kerem", "Demir", "Foreign Minister", "Turkey", "Mr."),
    Person("mansour", "Laila", "Mansour", "Finance Minister", "Egypt", "Ms."),
    Person("rojas", "Felipe", "Rojas", "President", "Chile", "Mr."),
    Person("santoso", "Dewi", "Santoso", "Health Minister", "Indonesia", "Ms."),
    Person("reyes", "Marco", "Reyes", "Transport Secretary", "the Philippines", "Mr."),
    Person("beridze", "Nino", "Beridze", "Prime Minister", "Georgia", "Ms."),
    # Namesakes: the same surname as another person, told apart only by first name or role.
    Person("jkorhonen", "Juha", "Korhonen", "Mayor", "Finland", "Mr."),
    Person("mreyes", "Lucia", "Reyes", "Labour Minister", "Spain", "Ms."),
]
PLACES = [
    "Geneva", "Vienna", "Nairobi", "Lisbon", "Oslo", "Warsaw",
    "Ankara", "Cairo", "Santiago", "Jakarta", "Manila", "Tbilisi",
]  # fmt: skip
OUTLETS = ["Northern Ledger", "Harbour Times", "Coastal Wire", "Evening Meridian", "Plains Courier"]


@dataclass(frozen=True, slots=True)
class Act:
    """An event type and how the outlets tell it: `{a}` actor, `{r}` recipient, `{p}` place."""

    type: str
    headline: str
    tellings: tuple[str, ...]


ACTS = [
    Act(
        "CONSULT",
        "{a} Meets {r} in {p}",
        (
            "{a} met {r} in {p} on {day}",
            "{a} held talks with {r} in {p} on {day}",
            "{a} sat down with {r} in {p} on {day}",
        ),
    ),
    Act(
        "AGREE",
        "{a} and {r} Sign Accord",
        (
            "{a} signed an agreement with {r} in {p} on {day}",
            "{a} and {r} signed a deal in {p} on {day}",
            "{a} agreed a joint plan with {r} in {p} on {day}",
        ),
    ),
    Act(
        "ACCUSE",
        "{a} Accuses {r}",
        (
            "{a} accused {r} of breaking the terms of the truce, speaking in {p} on {day}",
            "{a} blamed {r} for the collapse of the talks, speaking in {p} on {day}",
            "{a} criticised {r} over the delays, speaking in {p} on {day}",
        ),
    ),
    Act(
        "AID",
        "{a} Sends Help to {r}",
        (
            "{a} delivered emergency aid to {r} in {p} on {day}",
            "{a} sent relief supplies to {r} through {p} on {day}",
            "{a} provided funds to {r} at a meeting in {p} on {day}",
        ),
    ),
    Act(
        "REJECT",
        "{a} Rejects Offer From {r}",
        (
            "{a} rejected a proposal from {r} in {p} on {day}",
            "{a} turned down an offer from {r} in {p} on {day}",
            "{a} refused a request from {r} in {p} on {day}",
        ),
    ),
]
OPENINGS = [
    "We will not stand by while",
    "Nobody should be surprised that",
    "It is time to admit that",
    "Our people deserve to know that",
    "We made it very clear that",
    "History will judge us if",
    "There is no longer any doubt that",
    "I told my colleagues that",
]
SUBJECTS = [
    "the grain corridor", "the border crossing", "the pipeline project", "the fishing deal",
    "the river treaty", "the power grid", "the port expansion", "the rail link",
    "the refugee camp", "the water supply", "the vaccine programme", "the trade route",
]  # fmt: skip
ENDINGS = [
    "is being used as a bargaining chip",
    "cannot wait another winter",
    "must stay open to everyone",
    "has been neglected for too long",
    "will be finished on time",
    "needs more than promises",
]


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    act: Act
    actor: Person
    recipient: Person
    place: str
    day: date
    quote: str


@dataclass(frozen=True, slots=True)
class SampleArticle:
    """One generated input article (`row`, a JSONL input line) and its truth."""

    row: dict[str, str]
    truth: dict[str, object]


def stories(count: int, seed: int = 7) -> Iterator[Story]:
    """`count` distinct stories, the same for the same seed."""
    rng = random.Random(seed)
    quotes = _distinct_quotes(rng)
    start = date(2024, 1, 1)
    for number in range(count):
        actor, recipient = rng.sample(PEOPLE, 2)
        yield Story(
            id=f"s{number + 1}",
            act=rng.choice(ACTS),
            actor=actor,
            recipient=recipient,
            place=rng.choice(PLACES),
            day=start + timedelta(days=rng.randrange(700)),
            quote=next(quotes),
        )


def _distinct_quotes(rng: random.Random) -> Iterator[str]:
    combos = [(o, s, e) for o in OPENINGS for s in SUBJECTS for e in ENDINGS]
    rng.shuffle(combos)
    round_ = 0
    while True:
        for opening, subject, ending in combos:
            suffix = "" if round_ == 0 else f", and that is true for the {_ordinal(round_)} time"
            yield f"{opening} {subject} {ending}{suffix}."
        round_ += 1


def _ordinal(n: int) -> str:
    return {1: "second", 2: "third", 3: "fourth"}.get(n, f"{n + 1}th")


def generate(articles: int, seed: int = 7) -> list[SampleArticle]:
    """About `articles` articles (exactly that many), each story told by 1 to 4 outlets."""
    rng = random.Random(seed + 1)
    out: list[SampleArticle] = []
    for story in stories(articles, seed):
        outlets = rng.sample(OUTLETS, rng.choice([1, 2, 2, 3, 3, 4]))
        for index, outlet in enumerate(outlets):
            out.append(_article(story, outlet, index, rng))
            if len(out) == articles:
                return out
    return out


def _article(story: Story, outlet: str, variant: int, rng: random.Random) -> SampleArticle:
    a, r = story.actor, story.recipient
    weekday = story.day.strftime("%A")
    telling = story.act.tellings[variant % len(story.act.tellings)]
    # Most reports name people in full first; some, as short wire copy does, only as "Mr. X".
    first_actor = rng.choice(
        [f"{a.role} {a.full}", f"{a.country}'s {a.role.lower()}, {a.full},", a.full,
         f"{a.honorific} {a.last}"]
    )  # fmt: skip
    first_recipient = rng.choice(
        [f"{r.role} {r.full} of {r.country}", r.full, f"{r.role} {r.full}",
         f"{r.honorific} {r.last}"]
    )  # fmt: skip
    event = telling.format(a=first_actor, r=first_recipient, p=story.place, day=weekday)
    event = event[0].upper() + event[1:]
    later = [f"{a.honorific} {a.last}", a.last, f"{a.honorific} {a.last}"][variant % 3]
    quote_line = [
        f'"{story.quote[:-1]}," {later} told reporters.',
        f'"{story.quote[:-1]}," said {later}.',
        f'{later} said: "{story.quote}"',
        f'"{story.quote[:-1]}," {later} said after the meeting.',
    ][variant % 4]
    closing = [
        f"{r.honorific} {r.last} did not comment on the remarks.",
        f"A spokesperson for {r.honorific} {r.last} said the talks would continue.",
        f"{r.last} is expected to travel to {rng.choice(PLACES)} next month.",
    ][variant % 3]
    title = story.act.headline.format(a=a.last, r=r.last, p=story.place)
    dateline = f"{story.place.upper()}, {story.day.strftime('%B')} {story.day.day} ({outlet}) — "
    text = f"{title}\n\n{dateline}{event}.\n\n{quote_line}\n\n{closing}\n"
    source_id = f"{story.id}-{outlet.lower().replace(' ', '-')}"
    row = {"id": source_id, "text": text, "published": story.day.isoformat()}
    truth: dict[str, object] = {
        "id": source_id,
        "story": story.id,
        "event": {
            "type": story.act.type,
            "actor": a.key,
            "recipient": r.key,
            "date": story.day.isoformat(),
            "place": story.place,
        },
        "quote": {"content": story.quote.rstrip("."), "speaker": a.key},
        "people": {a.key: _forms(a), r.key: _forms(r)},
    }
    return SampleArticle(row, truth)


def _forms(person: Person) -> list[str]:
    return [person.full, person.last, f"{person.honorific} {person.last}"]


def write(articles: list[SampleArticle], out: Path, truth: Path | None = None) -> None:
    with out.open("w", encoding="utf-8") as lines:
        for article in articles:
            lines.write(json.dumps(article.row, ensure_ascii=False) + "\n")
    if truth is not None:
        with truth.open("w", encoding="utf-8") as lines:
            for article in articles:
                lines.write(json.dumps(article.truth, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--truth", type=Path)
    args = parser.parse_args()
    write(generate(args.articles, args.seed), args.out, args.truth)


if __name__ == "__main__":
    main()


__all__ = ["SampleArticle", "Story", "asdict", "generate", "stories", "write"]
