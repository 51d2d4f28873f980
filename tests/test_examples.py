"""Our own example articles, in six layouts, against their hand-written expectations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dateline.model import FACT_BLOCKS, Analysis, BlockKind
from dateline.nlp.entities.mentions import name_key
from dateline.record import to_record

from .conftest import EXAMPLES, EXPECTED

CASES = sorted(EXPECTED.glob("*.json"))


def _expected(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return loaded


@pytest.fixture(params=CASES, ids=[p.stem for p in CASES])
def case(request: pytest.FixtureRequest, analyse_file) -> tuple[dict[str, Any], Analysis]:  # type: ignore[no-untyped-def]
    expected = _expected(request.param)
    return expected, analyse_file(EXAMPLES / expected["file"])


def test_there_are_at_least_five_layouts() -> None:
    assert len(CASES) >= 5


def test_metadata(case: tuple[dict[str, Any], Analysis]) -> None:
    expected, analysis = case
    article = analysis.article
    assert article.title == expected["title"]
    assert article.byline == expected["byline"]
    assert article.published == expected["published"]
    assert article.published_from == expected["published_from"]


def test_headings_and_captions(case: tuple[dict[str, Any], Analysis]) -> None:
    expected, analysis = case
    assert [h.text for h in analysis.article.headings] == expected["headings"]
    if expected["file"].endswith(".html"):
        pytest.skip("captions of HTML pages are dropped with the page furniture")
    credits = [c.credit for c in analysis.article.captions]
    for caption in expected["captions"]:
        assert caption["credit"] in credits
        assert any(caption["text_contains"] in c.span.text for c in analysis.article.captions)


def test_boilerplate_is_never_body(case: tuple[dict[str, Any], Analysis]) -> None:
    expected, analysis = case
    article = analysis.article
    fact_text = [article.text[b.start : b.end] for b in article.blocks if b.kind in FACT_BLOCKS]
    for line in expected["boilerplate"] + expected["headings"]:
        assert not any(line.strip() == text.strip() for text in fact_text), line
    title_blocks = [
        b for b in article.blocks if b.kind in (BlockKind.TITLE, BlockKind.REPEATED_TITLE)
    ]
    assert all(article.text[b.start : b.end] == article.title for b in title_blocks)


def _named_in_text(expected: dict[str, Any], analysis: Analysis) -> list[dict[str, Any]]:
    """People the article text names: a byline kept only in HTML metadata has no span, and a
    fact without a span is not emitted (CONTRACT.md)."""
    return [p for p in expected["persons"] if p["name"] in analysis.article.text]


def _people(analysis: Analysis) -> dict[str, Any]:
    return {e.name: e for e in analysis.entities if e.type == "PERSON"}


def test_people_with_roles_and_countries(case: tuple[dict[str, Any], Analysis]) -> None:
    expected, analysis = case
    people = _people(analysis)
    for person in _named_in_text(expected, analysis):
        assert person["name"] in people, f"{person['name']} not among {sorted(people)}"
        found = people[person["name"]]
        if person["role"]:
            assert found.role and name_key(found.role).endswith(
                name_key(person["role"]).split()[-1]
            )
            assert set(name_key(person["role"]).split()) <= set(name_key(found.role).split())
        if person["country"]:
            assert found.country == person["country"], person["name"]


def test_aliases_resolve_to_one_person(case: tuple[dict[str, Any], Analysis]) -> None:
    expected, analysis = case
    people = _people(analysis)
    for person in _named_in_text(expected, analysis):
        mentions = {name_key(m.text) for m in people[person["name"]].mentions}
        for alias in person["aliases"]:
            if alias.lower().startswith("the "):
                continue
            assert name_key(alias) in mentions, (person["name"], alias)


def test_nothing_else_is_a_person(case: tuple[dict[str, Any], Analysis]) -> None:
    expected, analysis = case
    people = _people(analysis)
    for wrong in expected["not_persons"]:
        assert wrong not in people


def test_offsets_index_the_text(case: tuple[dict[str, Any], Analysis]) -> None:
    _, analysis = case
    text = analysis.article.text
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for block in analysis.article.blocks:
        assert text[block.start : block.end].strip() == text[block.start : block.end]


def test_record_validates(
    case: tuple[dict[str, Any], Analysis], schema: dict[str, Any] | None
) -> None:
    if schema is None:
        pytest.skip("../shared/analysis.schema.json is not here")
    _, analysis = case
    jsonschema.validate(to_record(analysis), schema)
