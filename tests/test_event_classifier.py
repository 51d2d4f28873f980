"""The learned event classifier: its data, its model, and the stage with and without it."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.nlp.events import learned
from dateline.nlp.events.classifier import NONE, model_dir, scores
from dateline.nlp.language import load_plain_language
from dateline.ontology import EVENT_TYPES
from dateline.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "src/dateline/nlp/events/data/training/sentences.jsonl"
EVAL = ROOT.parent / "shared" / "eval" / "events"

# Sentences of our own (not in the training file) that any sane classifier gets right.
CLEAR = [
    ("Insurgents shelled the garrison town at dawn, killing four soldiers.", "ASSAULT"),
    (
        "Gunmen opened fire on a minibus near the river crossing, wounding six passengers.",
        "ASSAULT",
    ),
    (
        "Hundreds of bakers marched on the finance ministry to protest against the flour tax.",
        "PROTEST",
    ),
    (
        "The foreign ministers of Chile and Argentina met in Santiago to discuss fishing quotas.",
        "CONSULT",
    ),
    ("Norway sent two planeloads of tents and medicine to the earthquake zone.", "AID"),
    ("The lake is the deepest in the country.", NONE),
    ("Rainfall this spring was above average, the weather service said.", NONE),
]


def _rows() -> list[dict[str, str]]:
    with TRAINING.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _plain(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


@pytest.fixture
def wired() -> Iterator[None]:
    """Each test that switches a wiring on leaves it off again."""
    yield
    learned.use("off")


def test_the_training_sentences_are_many_labelled_and_distinct() -> None:
    rows = _rows()
    assert len(rows) >= 1000
    assert {r["label"] for r in rows} == set(EVENT_TYPES) | {NONE}
    assert len({r["text"] for r in rows}) == len(rows)
    assert {r["split"] for r in rows} == {"train", "test"}


def test_no_training_sentence_comes_from_an_evaluation_set() -> None:
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is absent")
    seen = set()
    for name in ("dev.jsonl", "conflibert_dev.jsonl"):
        with (EVAL / name).open(encoding="utf-8") as fh:
            seen |= {_plain(json.loads(line)["text"]) for line in fh if line.strip()}
    assert not [r["text"] for r in _rows() if _plain(r["text"]) in seen]


def test_the_model_is_small_and_loads_quickly() -> None:
    size = sum(p.stat().st_size for p in model_dir().rglob("*") if p.is_file())
    assert size < 5_000_000
    import spacy

    start = time.perf_counter()
    nlp = spacy.load(model_dir())
    assert time.perf_counter() - start < 5.0
    assert set(nlp.get_pipe("textcat").labels) == set(EVENT_TYPES) | {NONE}


@pytest.mark.parametrize(("text", "label"), CLEAR)
def test_clear_cut_sentences_are_classified_sensibly(text: str, label: str) -> None:
    (cats,) = scores([load_plain_language()(text)])
    assert max(cats, key=lambda k: cats[k]) == label, cats
    assert sum(cats.values()) == pytest.approx(1.0, abs=1e-3)


def test_an_unknown_wiring_is_refused(wired: None) -> None:
    with pytest.raises(ValueError, match="fallback"):
        learned.use("sometimes")


def test_off_by_default_the_stage_is_the_rules_alone(analyse_text) -> None:  # type: ignore[no-untyped-def]
    assert learned.wiring() == "off"
    # "brought" tents: no trigger the rules read, so no event
    text = "Volunteers from the charity brought tents and water to the flooded villages."
    assert analyse_text(text).events == []


def test_the_fallback_codes_a_sentence_the_rules_left_uncoded(analyse_text, wired: None) -> None:  # type: ignore[no-untyped-def]
    learned.use("fallback", 0.5)
    text = "Volunteers from the charity brought tents and water to the flooded villages."
    after = analyse_text(text).events
    assert after, "the classifier is sure of an event here"
    assert all(e.confidence <= 0.5 for e in after)  # below any rule's reading
    assert after[0].actor is not None  # actors are read as for any trigger


def test_the_fallback_leaves_negated_and_conditional_acts_alone(analyse_text, wired: None) -> None:  # type: ignore[no-untyped-def]
    learned.use("fallback", 0.99)
    # the rules may code these with PLOVER's aux_mode; the fallback adds no plain event
    for text in (
        "The delegation did not hand the ministry any blankets.",
        "If the delegation hands over blankets, the camp will cope.",
    ):
        assert all(e.aux_mode for e in analyse_text(text).events), text


def test_the_filter_drops_the_events_of_a_sentence_reporting_none(
    analyse_text, wired: None
) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked the border post on Sunday."
    assert analyse_text(text).events
    learned.use("filter", 0.0)  # every sentence is "sure" to report nothing
    assert analyse_text(text).events == []
    learned.use("filter", 1.01)  # no sentence is
    assert analyse_text(text).events


# The switch: a Settings field, an environment variable and a CLI option (issue 14).
_UNCODED = "Volunteers from the charity brought tents and water to the flooded villages."


def _event_types(tmp_path: Path, *options: str, env: dict[str, str] | None = None) -> list[str]:
    story = tmp_path / "story.txt"
    story.write_text(_UNCODED + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["analyze", str(story), "--format", "jsonl", *options], env=env
    )
    assert result.exit_code == 0, result.output
    return [e["type"] for e in json.loads(result.stdout)["events"]]


def test_the_classifier_switch_is_off_by_default_and_turned_on_per_run(tmp_path: Path) -> None:
    assert _event_types(tmp_path) == []
    assert _event_types(tmp_path, "--event-classifier", "off") == []
    assert _event_types(tmp_path, "--event-classifier", "fallback", "--event-threshold", "0.5")
    env = {"DATELINE_EVENT_CLASSIFIER": "fallback", "DATELINE_EVENT_CLASSIFIER_THRESHOLD": "0.5"}
    assert _event_types(tmp_path, env=env)
    assert learned.wiring() == "off"  # a run's setting leaves the process's wiring alone


def test_a_bad_classifier_setting_is_refused_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="fallback"):
        Settings(event_classifier="sometimes")
    with pytest.raises(SettingsError, match="between 0 and 1"):
        Settings(event_classifier="filter", event_classifier_threshold=1.5)
    with pytest.raises(SettingsError, match="not a number"):
        Settings.from_env({"DATELINE_EVENT_CLASSIFIER_THRESHOLD": "high"})
    assert Settings(event_classifier=" Filter ").event_classifier == "filter"


def test_the_run_setting_picks_the_wirings_measured_threshold() -> None:
    doc = load_plain_language()("Rebels attacked the border post on Sunday.")
    doc._.event_classifier = ("filter", None)
    assert learned.choice_for(doc) == learned.Choice("filter", 0.9)
    doc._.event_classifier = ("fallback", 0.3)
    assert learned.choice_for(doc) == learned.Choice("fallback", 0.3)
    doc._.event_classifier = None
    assert learned.choice_for(doc).wiring == learned.wiring()
