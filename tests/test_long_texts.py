"""Long articles: analysed in windows with exact offsets, refused past the hard limit in
characters without stopping a batch, and the offset look-ups behind linear time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import dateline
from dateline.cli import app
from dateline.errors import DatelineError
from dateline.ingest import article_from_text
from dateline.model import Analysis
from dateline.nlp.common.intervals import ByStart, Intervals, SpanSet
from dateline.nlp.pipeline import analyze_articles
from dateline.nlp.windows import window_article, window_bounds
from dateline.record import to_record
from dateline.server import ServerConfig, create_app
from dateline.settings import Settings
from dateline.store import open_store

from .web_fixtures import AsgiClient

runner = CliRunner()

SECTION = (
    "Councillor Hedda Lindgren said on Monday that the ferry to Skarvik would run again. "
    "“We have waited long enough for this boat,” Lindgren told the harbour meeting."
)


def _padding(words: int) -> str:
    """A paragraph of a few very long made-up words: many characters, few tokens, so a
    million-character article stays quick for the parser."""
    return " ".join(("harbourwall" * 230)[: 2400 + n] for n in range(words))


def long_article_text(minimum: int) -> str:
    """An article of at least `minimum` characters: a story paragraph, then padding, again
    and again, so every window holds a quote with its speaker."""
    parts: list[str] = []
    length = 0
    while length < minimum:
        parts += [SECTION, _padding(10)]
        length += len(SECTION) + len(parts[-1]) + 4
    return "\n\n".join([*parts, SECTION])


def spans_of(record: Any) -> list[dict[str, Any]]:
    """Every {start, end, text} object of a record, outside its article block."""
    found: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys():
                found.append(value)
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk({key: value for key, value in record.items() if key != "article"})
    return found


def analysed(text: str, settings: Settings | None = None) -> Analysis:
    return next(analyze_articles([article_from_text(text, "long")], settings))


def test_windows_end_at_paragraph_breaks_then_sentences_then_spaces() -> None:
    text = "One short line.\n\nA second paragraph here. And more words follow it"
    assert window_bounds(text, 30) == [(0, 17), (17, 42), (42, len(text))]
    # each window ends after the break, so the next starts on a word
    words = "no break at all in these words"
    cut = [words[a:b] for a, b in window_bounds(words, 10)]
    assert cut == ["no break ", "at all in ", "these ", "words"]
    assert window_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_a_window_keeps_only_its_own_layout_shifted() -> None:
    article = article_from_text("Ferry Returns\n\n" + SECTION + "\n\n" + SECTION, "w")
    second = window_article(article, len("Ferry Returns\n\n") + len(SECTION) + 2, len(article.text))
    assert second.text == SECTION
    assert [(b.start, b.end) for b in second.blocks] == [(0, len(SECTION))]
    assert second.published == article.published and second.title == article.title


def test_a_million_character_article_is_analysed_whole_with_exact_offsets() -> None:
    text = long_article_text(1_000_001)
    assert len(text) > 1_000_000
    analysis = analysed(text)
    assert analysis.failure is None
    record = to_record(analysis)
    spans = spans_of(record)
    assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    sections = text.count(SECTION)
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(direct) == sections  # a quote in every section, the last window's too
    people = [e for e in analysis.entities if e.name.endswith("Hedda Lindgren")]
    assert len(people) == 1  # one entity across the windows, with every mention
    assert len(people[0].mentions) >= 2 * sections
    assert {(q.speaker, q.speaker_name) for q in direct} == {(people[0].id, people[0].name)}
    assert len({q.id for q in analysis.quotes}) == len(analysis.quotes)


def test_small_windows_find_what_one_window_finds() -> None:
    text = "\n\n".join([SECTION] * 6)
    whole = analysed(text)
    cut = analysed(text, Settings(window_chars=400))
    assert [q.span for q in cut.quotes] == [q.span for q in whole.quotes]
    assert [e.name for e in cut.entities] == [e.name for e in whole.entities]
    assert [q.speaker for q in cut.quotes] == [q.speaker for q in whole.quotes]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans_of(to_record(cut)))


def test_past_the_hard_limit_an_article_fails_with_its_reason() -> None:
    analysis = analysed(SECTION * 3, Settings(max_text_chars=len(SECTION)))
    assert analysis.failure is not None and analysis.failure.startswith("[D110] long: ")
    assert "DATELINE_MAX_TEXT_CHARS" in analysis.failure
    with pytest.raises(DatelineError, match=r"\[D110\]"):
        dateline.analyze(SECTION * 3, settings=Settings(max_text_chars=len(SECTION)))


def _three_files(folder: Path) -> list[Path]:
    folder.mkdir()
    files = [folder / "a.txt", folder / "b.txt", folder / "c.txt"]
    files[0].write_text(SECTION, encoding="utf-8")
    files[1].write_text("\n\n".join([SECTION] * 4), encoding="utf-8")
    files[2].write_text(SECTION.replace("Monday", "Friday"), encoding="utf-8")
    return files


def test_a_batch_goes_on_past_an_article_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_MAX_TEXT_CHARS", str(len(SECTION) + 10))
    files = _three_files(tmp_path / "in")
    result = runner.invoke(app, ["analyze", *map(str, files), "--format", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in line) for line in lines] == [False, True, False]
    assert lines[1]["error"].startswith(f"[D110] {files[1]}: ")
    assert "characters is over the limit" in lines[1]["error"]


def test_ingest_of_a_folder_stores_the_rest_and_records_the_long_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_MAX_TEXT_CHARS", str(len(SECTION) + 10))
    files = _three_files(tmp_path / "in")
    db = str(tmp_path / "long.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert "stored 2" in " ".join(result.stderr.split()), result.output
    with open_store(db) as store:
        failures = store.failures()
    assert [f.input for f in failures] == [str(files[1])]
    assert "[D110]" in failures[0].reason


def test_the_api_answers_a_text_past_the_limit_with_422(tmp_path: Path) -> None:
    settings = Settings(max_text_chars=len(SECTION))
    client = AsgiClient(create_app(ServerConfig(db=str(tmp_path / "api.db"), settings=settings)))
    response = client.post("/api/analyze", json={"text": SECTION * 2})
    assert response.status_code == 422, response.text
    assert "characters is over the limit" in response.json()["detail"]


@pytest.mark.parametrize("name", ["WINDOW_CHARS", "MAX_TEXT_CHARS"])
def test_a_window_or_limit_of_no_characters_is_refused(name: str) -> None:
    with pytest.raises(DatelineError, match=rf"\[D002\].*DATELINE_{name}"):
        Settings.from_env({f"DATELINE_{name}": "0"})


stretches = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)
probes = st.tuples(st.integers(0, 80), st.integers(1, 10)).map(lambda p: (p[0], p[0] + p[1]))


@given(stretches, probes)
def test_intervals_answer_as_a_scan_would(
    items: list[tuple[int, int]], probe: tuple[int, int]
) -> None:
    start, end = probe
    index = Intervals(items)
    overlapping = sorted((a, b) for a, b in items if a < end and start < b)
    assert list(index.overlapping(start, end)) == overlapping
    assert index.overlaps(start, end) == bool(overlapping)
    assert index.containing(start, end) == any(a <= start and end <= b for a, b in items)
    around = [(a, b) for a, b in sorted(items) if a < start < b]
    assert index.first_around(start) == (around[0] if around else None)


@given(stretches, st.lists(probes, max_size=10))
def test_a_growing_span_set_answers_as_a_scan_would(
    items: list[tuple[int, int]], added: list[tuple[int, int]]
) -> None:
    taken = SpanSet(items)
    known = list(items)
    for start, end in added:
        assert taken.overlaps(start, end) == any(a < end and start < b for a, b in known)
        taken.add(start, end)
        known.append((start, end))


@given(st.lists(st.integers(0, 30), max_size=20), probes)
def test_by_start_keeps_the_order_of_the_list(starts: list[int], probe: tuple[int, int]) -> None:
    items = list(enumerate(starts))
    found = ByStart(items, lambda item: item[1]).within(*probe)
    assert found == [item for item in items if probe[0] <= item[1] < probe[1]]
