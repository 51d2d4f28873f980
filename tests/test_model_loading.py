"""The spaCy model: loaded once, and refused when its files are not the pinned ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.nlp.language import ModelError, pinned_model_dir, verify_pinned_model
from dateline.nlp.pipeline import load_pipeline


def test_the_installed_model_matches_its_pinned_digests() -> None:
    verify_pinned_model()  # raises if any weight file differs


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(pinned_model_dir(), target)
    return target


def test_a_changed_weight_file_is_refused_with_what_to_do(model_copy: Path) -> None:
    weights = model_copy / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError) as raised:
        verify_pinned_model(model_copy)
    message = str(raised.value)
    assert "ner/model" in message
    assert "pip install --force-reinstall" in message


def test_a_missing_weight_file_is_refused(model_copy: Path) -> None:
    (model_copy / "tagger" / "model").unlink()
    with pytest.raises(ModelError, match=r"tagger/model \(missing\)"):
        verify_pinned_model(model_copy)


def test_the_pipeline_is_loaded_once_per_process() -> None:
    assert load_pipeline() is load_pipeline()
    assert "dateline_entities" in load_pipeline().pipe_names
    assert load_pipeline().pipe_names[0] == "dateline_blocks"


def test_another_model_that_is_not_installed_says_what_to_do() -> None:
    with pytest.raises(ModelError, match=r"not_a_real_pipeline.*install"):
        load_pipeline("not_a_real_pipeline")
