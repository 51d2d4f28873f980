"""From bytes to text: the gate every input passes, and where bad input is refused.

Plain-text offsets must index the file's own text (CONTRACT.md), so decoding changes only
what the contract allows: a UTF-8 byte-order mark is dropped and `\\r\\n` becomes `\\n`.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dateline.errors import DatelineError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
# Below this many words the language identifier guesses more than it knows.
_MIN_WORDS_FOR_LANGUAGE_CHECK = 25
# A mixed or odd text is taken as English (analysed) unless another language is clear.
_MIN_LANGUAGE_PROBABILITY = 0.9
# Function words of English that no other language the identifier knows writes as a common
# word of its own (not "was", "will", "of", "is", "for": German, Dutch, Norwegian have them).
_ENGLISH_MARKERS = frozenset(
    [
        "the",
        "and",
        "that",
        "with",
        "were",
        "said",
        "have",
        "has",
        "this",
        "from",
        "which",
        "would",
        "their",
        "they",
        "been",
        "who",
    ]
)
# Share of a text's words that are markers above which the text is plainly English: English
# news runs at about 14 % (median of the dev sets' 1,224 texts), a text in another language
# near 0 % even with an English quotation or two in it.
_PLAINLY_ENGLISH_SHARE = 0.08


class BadInputError(DatelineError):
    """An input Dateline cannot read as an English news article."""

    code = "D101"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


# Longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = {"utf-16": 2, "utf-32": 4}


def decode(
    data: bytes, source: str, encoding: str = "utf-8", max_bytes: int | None = 5_000_000
) -> str:
    """The text of `data`, or BadInputError saying why it cannot be an article.

    Decoding comes first and every check runs on the decoded text: UTF-16 holds NUL bytes in
    every ASCII character, so a NUL among the bytes says nothing before the encoding is known.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise BadInputError(
            source,
            f"{len(data):,} bytes is over the limit of {max_bytes:,}: split it, or raise the "
            "limit with --max-bytes / DATELINE_MAX_TEXT_BYTES",
        )
    codec = _codec_for(data, encoding)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        if b"\x00" in data[:8192]:
            raise BadInputError(
                source,
                "looks binary (it holds NUL bytes): give a text, HTML or JSONL file, or its "
                "encoding with --encoding (e.g. --encoding utf-16)",
            ) from err
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


def _codec_for(data: bytes, encoding: str) -> str:
    """The codec to read `data` with: a byte-order mark names its own encoding; UTF-16 or 32
    without one is read in the byte order its NUL bytes show (ASCII text is mostly zeros in
    its high bytes), where Python would assume the machine's order."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding  # decode() says the name is unknown
    width = _WIDE.get(name)
    if width is None:
        return encoding
    sample = data[: 4096 - 4096 % width]
    low_zeros = sum(1 for i in range(0, len(sample), width) if sample[i] == 0)
    high_zeros = sum(1 for i in range(width - 1, len(sample), width) if sample[i] == 0)
    return f"{name}-be" if low_zeros > high_zeros else f"{name}-le"


def normalise_text(text: str, source: str) -> str:
    """Drop a BOM, turn CRLF into LF, and refuse empty or binary-looking text.

    The whole text is checked, not a head of it: a NUL byte past the first pages would
    otherwise reach the record and every store that keeps it.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.strip():
        raise BadInputError(source, "is empty: there is no text to analyse")
    nul = text.find("\x00")
    if nul >= 0:
        raise BadInputError(
            source,
            f"holds a NUL character at offset {nul:,}: it looks binary, or its encoding is "
            "not the one given; give a text file or its encoding with --encoding",
        )
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 100):
        raise BadInputError(
            source,
            f"looks binary (many control characters, {controls:,}): give a text file, or its "
            "encoding with --encoding",
        )
    return text


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in; "en" when it is too short
    to tell or the identifier is unsure, since English is what the pipeline is for and a
    short English text is often misread."""
    words = _WORD.findall(text[:20000])
    if len(words) < _MIN_WORDS_FOR_LANGUAGE_CHECK or _plainly_english(words):
        return "en"
    language, probability = _identifier().classify(text[:20000])
    if language == "en" or probability < _MIN_LANGUAGE_PROBABILITY:
        return "en"
    return str(language)


def _plainly_english(words: list[str]) -> bool:
    """Whether English function words are so common among `words` that the identifier
    could only say English: it walks every byte of the sample in Python (about 4 % of the
    whole pipeline's time on news articles), so that walk is kept for the texts in doubt."""
    markers = sum(1 for word in words if word.lower() in _ENGLISH_MARKERS)
    return markers >= _PLAINLY_ENGLISH_SHARE * len(words)


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model, loaded once per process from the file the package ships."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
