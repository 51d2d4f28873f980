"""The kinds of input a reader takes, apart from the readers: the command line's options name
them without importing the HTML extractor."""

from __future__ import annotations

from enum import StrEnum


class InputType(StrEnum):
    AUTO = "auto"
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
