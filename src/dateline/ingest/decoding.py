"""From bytes to text: the gate every input passes, and where bad input is refused.

Plain-text offsets must index the file's own text (CONTRACT.md), so decoding changes only
what the contract allows: a UTF-8 byte-order mark is dropped and `\\r\\n` becomes `\\n`.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.errors import DatelineError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
# Below this share of English function words a text of some length is not English.
_MIN_ENGLISH_STOPWORD_SHARE = 0.12
_MIN_WORDS_FOR_LANGUAGE_CHECK = 25


class BadInputError(DatelineError):
    """An input Dateline cannot read as an English news article."""

    code = "D101"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def decode(
    data: bytes, source: str, encoding: str = "utf-8", max_bytes: int | None = 5_000_000
) -> str:
    """The text of `data`, or BadInputError saying why it cannot be an article."""
    if max_bytes is not None and len(data) > max_bytes:
        raise BadInputError(
            source,
            f"{len(data):,} bytes is over the limit of {max_bytes:,}: split it, or raise the "
            "limit with --max-bytes / DATELINE_MAX_TEXT_BYTES",
        )
    if b"\x00" in data[:8192]:
        raise BadInputError(
            source, "looks binary (it holds NUL bytes): give a text, HTML or JSONL file"
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise BadInputError(
            source,
            f"is not valid {encoding} (byte {err.start} is 0x{data[err.start]:02x}): give its "
            "encoding with --encoding, e.g. --encoding latin-1",
        ) from err
    except LookupError as err:
        raise BadInputError(
            source, f"unknown encoding {encoding!r}: use a Python codec name"
        ) from err
    return normalise_text(text, source)


def normalise_text(text: str, source: str) -> str:
    """Drop a BOM, turn CRLF into LF, and refuse empty or binary-looking text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.strip():
        raise BadInputError(source, "is empty: there is no text to analyse")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise BadInputError(source, "looks binary (many control characters): give a text file")
    return text


def check_english(text: str, source: str) -> None:
    """Refuse text that is plainly not English: the pipeline's model reads English only."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < _MIN_WORDS_FOR_LANGUAGE_CHECK:
        return
    share = sum(w in STOP_WORDS for w in words) / len(words)
    if share < _MIN_ENGLISH_STOPWORD_SHARE:
        raise BadInputError(
            source,
            f"does not look like English (only {share:.0%} of its words are common English "
            "words): Dateline's language pipeline reads English news only",
        )
