"""The typed record (`dateline.record_types`) is the schema's record, and records are what
the types say.

Three checks: the TypedDicts have the properties and required keys of `analysis.schema.json`
and `analysis-error.schema.json`, object by object (the few keys the record carries beyond
the schema are listed here, so a new one is a decision); records made from articles written
for this test validate against the schema; and every value in them has the type its
TypedDict names, so the casts in `to_record` tell the truth.
"""

from __future__ import annotations

import json
import types
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

import jsonschema
import pytest

from dateline import record_types
from dateline.ingest import article_from_html_text, article_from_text
from dateline.model import Analysis
from dateline.nlp.pipeline import analyze_articles
from dateline.record import failure_record, to_record
from dateline.record_types import AnalysisRecord, FailureRecord
from dateline.settings import Settings

from .conftest import SCHEMA_PATH, SHARED

ERROR_SCHEMA_PATH = SHARED / "analysis-error.schema.json"

# Keys the record carries that the schema does not name (README: the events' PLOVER codes;
# CONTRACT.md's example shows the caption credit), as "TypedDict.key".
BEYOND_THE_SCHEMA = {
    "CaptionRecord.credit",
    "ArticleRecord.byline_org",
    "ArticleRecord.updated",
    "EntityRecord.type_from",
    "EntityRecord.country_source",
    "EntityRecord.corpus_key",
    "EventRecord.quad",
    "EventRecord.aux_mode",
    "EventRecord.actor_party",
    "EventRecord.recipient_party",
}

# Articles of our own: a web-copied page (title, caption with credit, byline, heading), a
# wire story with a dateline, and an HTML page.
WEB_PAGE = (
    "Harbour Board Approves Ferry Link to Island\n"
    "\n"
    "A ferry worker checks moorings in Kiel, Germany, on March 2, 2025. Anna Vogt/Nordpress\n"
    "Jonas Lindgren\n"
    "\n"
    "The harbour board in Kiel approved a new ferry link to Bornholm on Tuesday after "
    "two years of talks with the Danish government.\n"
    "\n"
    "“This link ends a long wait for the island,” said Mette Holm, the board's chair.\n"
    "\n"
    "Next Steps\n"
    "\n"
    "Holm said the first crossing would sail in June. Local fishermen protested outside "
    "the board's offices, accusing officials of ignoring them.\n"
)
WIRE_STORY = (
    "Talks on Water Rights Stall\n\n"
    "By Priya Raman\n\n"
    "NAIROBI, April 8 (Reuters) — Kenya and Uganda failed to agree on water rights on "
    "Monday, and the Ugandan minister accused Kenyan officials of delaying the talks.\n\n"
    "“We came ready to sign,” the minister, Ruth Nakato, told reporters in Nairobi. "
    "Kenya's foreign ministry said it would propose a new round of talks next week.\n"
)
HTML_PAGE = (
    "<html><head><title>Bridge Reopens in Porto</title></head><body><article>"
    "<h1>Bridge Reopens in Porto</h1>"
    "<p>PORTO, Portugal — The city reopened its oldest bridge on Friday, May 16, 2025, "
    "after eight months of repairs.</p>"
    "<p>“People can walk to work again,” Mayor Rui Sampaio said at the ceremony.</p>"
    "<p>Engineers from Lisbon inspected the bridge every week during the repairs, the city "
    "council said.</p>"
    "</article></body></html>"
)


def _load(path: Path) -> dict[str, Any]:
    if not path.is_file():
        pytest.skip(f"{path} is not here (../shared is absent)")
    loaded: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return loaded


@pytest.fixture(scope="module")
def analyses(settings: Settings) -> list[Analysis]:
    articles = [
        article_from_text(WEB_PAGE, "web-page.txt"),
        article_from_text(WIRE_STORY, "wire.txt", published="2025-04-08"),
        article_from_html_text(HTML_PAGE, "page.html"),
    ]
    done = list(analyze_articles(articles, settings))
    assert all(a.failure is None for a in done), [a.failure for a in done]
    return done


@pytest.fixture(scope="module")
def records(analyses: list[Analysis]) -> list[AnalysisRecord]:
    return [to_record(a) for a in analyses]


# -- the TypedDicts against the schema ------------------------------------------------------


def _object_schema(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """The object a property holds: through `$ref`, list `items` and a nullable `oneOf`."""
    while True:
        if "$ref" in node:
            node = root["$defs"][node["$ref"].removeprefix("#/$defs/")]
        elif "items" in node:
            node = node["items"]
        elif "oneOf" in node:
            node = next(n for n in node["oneOf"] if n.get("type") != "null")
        else:
            return node


def _inner_typed_dict(annotation: Any) -> Any | None:
    """The TypedDict an annotation holds, through `X | None` and `list[X]`, if any."""
    if is_typeddict(annotation):
        return annotation
    for arg in get_args(annotation):
        found = _inner_typed_dict(arg)
        if found is not None:
            return found
    return None


def _mismatches(typed: Any, node: dict[str, Any], root: dict[str, Any]) -> list[str]:
    """Where a TypedDict and its schema object disagree, and the same for each object below."""
    name = typed.__name__
    keys = set(typed.__annotations__)
    properties = node.get("properties", {})
    beyond = {k for k in keys if f"{name}.{k}" in BEYOND_THE_SCHEMA}
    found = [f"{name} lacks the schema's {k!r}" for k in sorted(set(properties) - keys)]
    found += [f"{name}.{k} is not in the schema" for k in sorted(keys - set(properties) - beyond)]
    if set(typed.__required_keys__) != set(node.get("required", [])):
        found.append(
            f"{name}: required {sorted(typed.__required_keys__)}, "
            f"schema {sorted(node.get('required', []))}"
        )
    hints = get_type_hints(typed)
    for key in sorted(set(properties) & keys):
        inner = _inner_typed_dict(hints[key])
        if inner is not None:
            found += _mismatches(inner, _object_schema(properties[key], root), root)
    return found


def test_the_record_types_are_the_schema_object_by_object() -> None:
    schema = _load(SCHEMA_PATH)
    assert _mismatches(AnalysisRecord, schema, schema) == []


def test_every_key_beyond_the_schema_is_a_key_of_its_type() -> None:
    """The list above stays true: no entry outlives the key it excuses."""
    for entry in BEYOND_THE_SCHEMA:
        name, key = entry.split(".")
        assert key in getattr(record_types, name).__annotations__, entry


def test_the_failure_type_is_the_error_schema() -> None:
    schema = _load(ERROR_SCHEMA_PATH)
    assert _mismatches(FailureRecord, schema, schema) == []


def test_the_enumerations_are_the_schema_enums() -> None:
    schema = _load(SCHEMA_PATH)
    hints = {
        name: get_type_hints(_inner_typed_dict(get_type_hints(AnalysisRecord)[name]))
        for name in ("entities", "quotes", "timexes", "events")
    }
    items = {name: schema["properties"][name]["items"]["properties"] for name in hints}
    assert list(get_args(hints["entities"]["type"])) == items["entities"]["type"]["enum"]
    assert list(get_args(hints["quotes"]["kind"])) == items["quotes"]["kind"]["enum"]
    assert list(get_args(hints["timexes"]["type"])) == items["timexes"]["type"]["enum"]
    assert list(get_args(hints["events"]["type"])) == schema["$defs"]["plover"]["enum"]


def test_a_missing_schema_property_is_reported() -> None:
    """The comparison itself: a schema with one property more than the type fails it."""
    schema = _load(SCHEMA_PATH)
    widened = json.loads(json.dumps(schema))
    widened["properties"]["article"]["properties"]["section"] = {"type": "string"}
    assert _mismatches(AnalysisRecord, widened, widened) == [
        "ArticleRecord lacks the schema's 'section'"
    ]


# -- records made from our articles ----------------------------------------------------------


def test_records_of_our_articles_validate(records: list[AnalysisRecord]) -> None:
    schema = _load(SCHEMA_PATH)
    for record in records:
        jsonschema.validate(record, schema)
    facts = {kind: sum(len(r[kind]) for r in records) for kind in ("quotes", "events", "places")}
    assert all(facts.values()), facts  # the articles exercise every part of the record
    assert any(r["article"].get("captions") for r in records)


def test_a_failure_record_validates() -> None:
    schema = _load(ERROR_SCHEMA_PATH)
    jsonschema.validate(failure_record("notes.txt", "the file is empty: give it text"), schema)


def _type_errors(value: Any, annotation: Any, where: str) -> list[str]:
    """Where a JSON value is not of its annotated type (a small run-time type check)."""
    origin = get_origin(annotation)
    if is_typeddict(annotation):
        if not isinstance(value, dict):
            return [f"{where}: {value!r} is not an object"]
        hints = get_type_hints(annotation)
        errors = [f"{where}.{k}: not in {annotation.__name__}" for k in value if k not in hints]
        errors += [f"{where}.{k}: missing" for k in annotation.__required_keys__ - set(value)]
        for key in set(value) & set(hints):
            errors += _type_errors(value[key], hints[key], f"{where}.{key}")
        return errors
    if origin in (Union, types.UnionType):
        options = [_type_errors(value, arg, where) for arg in get_args(annotation)]
        return [] if any(not o for o in options) else min(options, key=len)
    if origin is Literal:
        return [] if value in get_args(annotation) else [f"{where}: {value!r} not allowed"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not a list"]
        (item,) = get_args(annotation)
        return [e for i, v in enumerate(value) for e in _type_errors(v, item, f"{where}[{i}]")]
    if annotation is type(None):
        return [] if value is None else [f"{where}: {value!r} is not null"]
    allowed = (int, float) if annotation is float else (annotation,)
    if isinstance(value, bool) or not isinstance(value, allowed):
        return [f"{where}: {value!r} is not {annotation.__name__}"]
    return []


def test_records_have_the_types_they_are_typed_with(records: list[AnalysisRecord]) -> None:
    for number, record in enumerate(records):
        assert _type_errors(record, AnalysisRecord, f"record {number}") == []


def test_the_type_check_catches_a_wrong_value(records: list[AnalysisRecord]) -> None:
    record = json.loads(json.dumps(records[0]))
    record["quotes"][0]["kind"] = "rumour"
    assert _type_errors(record, AnalysisRecord, "r") == ["r.quotes[0].kind: 'rumour' not allowed"]


def test_every_key_is_written(records: list[AnalysisRecord]) -> None:
    """`NotRequired` is for records of other versions: `to_record` writes every key."""
    hints = get_type_hints(AnalysisRecord)
    for record in records:
        assert set(record) == set(hints)
        assert set(record["article"]) == set(hints["article"].__annotations__)
        for kind in ("entities", "quotes", "timexes", "places", "events"):
            item_type = _inner_typed_dict(hints[kind])
            for item in record[kind]:  # type: ignore[literal-required]
                assert set(item) == set(item_type.__annotations__), kind


def test_a_failure_line_carries_the_code_its_reason_opens_with() -> None:
    from dateline.record import failure_record

    line = failure_record("notes.txt", "[D101] notes.txt: the file is empty")
    assert line["code"] == "D101"
    assert failure_record("x", "something odd")["code"] is None
