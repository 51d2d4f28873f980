"""JSONL corpora: one input article per line,
`{"id", "text" | "html", "url", "title", "published"}`.

A bad line never stops the corpus: it becomes an `InputFailure` naming the file, the line
and the reason, and the lines after it are read as usual.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be turned into an article, and why."""

    source_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class JsonlItem:
    """One well-formed line of a JSONL corpus, before its text is read."""

    source_id: str
    text: str | None
    html: str | None
    url: str | None
    title: str | None
    published: str | None


def read_jsonl(text: str, source: str) -> Iterator[JsonlItem | InputFailure]:
    """The items of a JSONL corpus, or a failure for each line that is not a usable item."""
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputFailure(
                where, f"[D102] {where}: not a JSON line ({err.msg} at column {err.colno})"
            )
            continue
        yield _item(row, where)


def _item(row: Any, where: str) -> JsonlItem | InputFailure:
    if not isinstance(row, dict):
        return InputFailure(
            where, f"[D102] {where}: a line must be a JSON object, not {type(row).__name__}"
        )
    source_id = str(row["id"]) if row.get("id") is not None else where
    text, html = row.get("text"), row.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputFailure(
            source_id, f'[D102] {where}: the object has no "text" or "html" string to analyse'
        )
    return JsonlItem(
        source_id=source_id,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        url=_optional_str(row.get("url")),
        title=_optional_str(row.get("title")),
        published=_optional_str(row.get("published")),
    )


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
