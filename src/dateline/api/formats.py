"""How listings are answered: JSON, CSV or GeoJSON (by `?format=` or the Accept header), a
page at a time behind an opaque cursor."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from dateline.service.problems import ProblemError
from dateline.store import as_dict


class Format(StrEnum):
    JSON = "json"
    CSV = "csv"
    GEOJSON = "geojson"


MEDIA_TYPES = {
    Format.JSON: "application/json",
    Format.CSV: "text/csv; charset=utf-8",
    Format.GEOJSON: "application/geo+json",
}
_ACCEPTED = {"text/csv": Format.CSV, "application/geo+json": Format.GEOJSON}


def negotiate(request: Request, asked: str | None, offered: Sequence[Format]) -> Format:
    """The format to answer in: `?format=` when given (refused when this listing does not
    offer it), else the first offered one the Accept header names, else JSON."""
    if asked:
        try:
            wanted = Format(asked.lower())
        except ValueError:
            wanted = None
        if wanted not in offered:
            names = ", ".join(str(f) for f in offered)
            raise ProblemError(400, "Bad request", f"format={asked!r} is not offered here: {names}")
        assert wanted is not None
        return wanted
    accept = request.headers.get("accept", "")
    for part in accept.split(","):
        media = part.split(";", 1)[0].strip().lower()
        if _ACCEPTED.get(media) in offered:
            return _ACCEPTED[media]
    return Format.JSON


# -- cursors ---------------------------------------------------------------------------------


def _scope(filters: dict[str, Any]) -> str:
    """A short digest of a listing's filters: a cursor is only good for the listing it came
    from, so a changed filter cannot silently page through another result."""
    text = json.dumps(filters, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def make_cursor(position: int, filters: dict[str, Any]) -> str:
    raw = json.dumps({"p": position, "s": _scope(filters)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def read_cursor(cursor: str | None, filters: dict[str, Any]) -> int:
    """The position a cursor points after (0 without one); a problem when it is not a cursor
    this listing gave."""
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        position = int(data["p"])
        scope = str(data["s"])
    except (ValueError, KeyError, TypeError) as error:
        raise ProblemError(
            400, "Bad request", "cursor is not one this server gave: pass `next` as it came"
        ) from error
    if scope != _scope(filters) or position < 0:
        raise ProblemError(
            400,
            "Bad request",
            "cursor belongs to a listing with other filters: start again without a cursor",
        )
    return position


# -- rows ------------------------------------------------------------------------------------


def flat_row(result: Any) -> dict[str, Any]:
    """A result as one flat dict: its own fields, then its source's (for CSV)."""
    data = as_dict(result)
    source = data.pop("source", None) or {}
    return {**data, **source}


def csv_text(rows: Sequence[dict[str, Any]]) -> str:
    stream = io.StringIO()
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return stream.getvalue()


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def point(lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def listing_response(
    items: list[Any],
    fmt: Format,
    *,
    next_cursor: str | None,
    request: Request,
    features: list[dict[str, Any]] | None = None,
) -> Response:
    """One page of a listing in the format asked; the next page's address goes in a Link
    header (and, for JSON, in `next`)."""
    headers = {}
    if next_cursor:
        url = request.url.include_query_params(cursor=next_cursor)
        headers["Link"] = f'<{url}>; rel="next"'
    if fmt == Format.CSV:
        body = csv_text([flat_row(item) for item in items])
        return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)
    if fmt == Format.GEOJSON:
        collection = {"type": "FeatureCollection", "features": features or []}
        if next_cursor:
            collection["next"] = next_cursor
        return JSONResponse(collection, media_type=MEDIA_TYPES[fmt], headers=headers)
    return JSONResponse(
        {"items": [as_dict(item) for item in items], "next": next_cursor}, headers=headers
    )
