"""The REST API: `/api/...` routes over the store and the pipeline.

Reads answer with the store's own query results (`dateline.store`), the same the CLI prints;
writes need a token (`dateline token create`). Listings take the CLI's filters, a `limit`, a
`cursor` from the previous page's `next`, and `format` (json, csv, geojson) or an Accept
header.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from dateline.api.formats import (
    MEDIA_TYPES,
    Format,
    listing_response,
    make_cursor,
    negotiate,
    point,
    read_cursor,
)
from dateline.api.tokens import token_name
from dateline.corpus.identity import corpus_keys
from dateline.export.records import with_corpus_keys
from dateline.service.analysis import ArticleIn, analyse
from dateline.service.config import ServerConfig
from dateline.service.problems import ProblemError
from dateline.store import Store, as_dict
from dateline.store.browse import (
    list_articles,
    participant,
    participant_timeline,
    place_points,
)
from dateline.store.positions import query_positions, stance_changes
from dateline.store.sources import SourceSelection, source_mix

Limit = Annotated[int, Query(ge=1, le=1000, description="Rows in one page.")]
Cursor = Annotated[str | None, Query(description="`next` of the previous page.")]
FormatParam = Annotated[
    str | None, Query(alias="format", description="json, csv or geojson (else by Accept).")
]
Since = Annotated[str | None, Query(description="From this ISO date on (2024-04-01, 2024-04).")]
Until = Annotated[str | None, Query(description="Up to this ISO date, its whole day or month.")]
Place = Annotated[str | None, Query(description="At a place: part of its name.")]


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_config(request: Request) -> ServerConfig:
    config: ServerConfig = request.app.state.config
    return config


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def require_token(request: Request) -> str:
    """The caller's token name; 401 without a valid `Authorization: Bearer` token."""
    token = _bearer(request)
    if token is None:
        raise ProblemError(
            401, "Unauthorized", "this needs an API token: send `Authorization: Bearer <token>` "
            "(make one with `dateline token create --name NAME`)",
        )  # fmt: skip
    name = token_name(get_store(request), token)
    if name is None:
        raise ProblemError(401, "Unauthorized", "the API token is not known to this store")
    return name


def reader(request: Request) -> None:
    """Reads are open unless the server was started with them closed."""
    if not get_config(request).open_reads:
        require_token(request)


def _formats(*offered: Format) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI note of a listing's formats (the routes build their own responses)."""
    content: dict[str, Any] = {MEDIA_TYPES[f].split(";")[0]: {} for f in offered}
    return {200: {"description": "One page, in the format asked.", "content": content}}


JSON_CSV = _formats(Format.JSON, Format.CSV)
ALL_FORMATS = _formats(Format.JSON, Format.CSV, Format.GEOJSON)

router = APIRouter(prefix="/api")
reads = APIRouter(dependencies=[Depends(reader)])

_ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


async def _article_in(request: Request) -> ArticleIn:
    """The posted article: a JSON object, or the text or HTML itself as the body."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    body = await request.body()
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProblemError(400, "Bad request", "the body is not UTF-8 text") from error
    if media == "text/plain":
        return ArticleIn(text=decoded)
    if media == "text/html":
        return ArticleIn(html=decoded)
    if media != "application/json":
        raise ProblemError(
            415, "Unsupported media type",
            f"cannot read a {media or 'typeless'} body: send application/json "
            '({"text": …} or {"html": …}), text/plain or text/html',
        )  # fmt: skip
    try:
        data = json.loads(decoded)
    except json.JSONDecodeError as error:
        raise ProblemError(
            400, "Bad request", f"the body is not JSON: {error.msg} at line {error.lineno}"
        ) from error
    try:
        return ArticleIn.model_validate(data)
    except ValidationError as error:
        reasons = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in error.errors()
        )
        raise ProblemError(
            422, "Unprocessable content", f"the article does not fit: {reasons}"
        ) from error


# The routes that return a record say `-> Any`, not `-> AnalysisRecord`: FastAPI takes a
# return annotation as the response model and would validate (and trim) every record it
# serves, stored ones from older versions included; the record goes out as it was made.
@router.post(
    "/analyze", openapi_extra=_ANALYZE_BODY, tags=["analysis"], dependencies=[Depends(reader)]
)
def analyze(request: Request, article: Annotated[ArticleIn, Depends(_article_in)]) -> Any:
    """Analyse one article and return its record (CONTRACT.md); nothing is stored. Open
    like the reads (with reads closed, it needs a token too)."""
    return analyse(article, get_config(request))


@router.post("/articles", openapi_extra=_ANALYZE_BODY, status_code=201, tags=["articles"])
def add_article(
    request: Request,
    article: Annotated[ArticleIn, Depends(_article_in)],
    _token: Annotated[str, Depends(require_token)],
) -> Response:
    """Analyse one article and store it (needs a token). 201 with the record when stored,
    200 when the same text was stored before."""
    store = get_store(request)
    record = analyse(article, get_config(request))
    stored = store.save_record(record)
    if stored:  # this article's participants, read against the corpus, not all of it
        store.resolve_articles([record["article"]["id"]], corpus_keys)
    article_id = record["article"]["id"]
    return JSONResponse(
        {"id": article_id, "stored": stored, "record": record},
        status_code=201 if stored else 200,
        headers={"Location": f"/api/articles/{article_id}"},
    )


@reads.get("/articles", tags=["articles"], responses=JSON_CSV)
def articles(
    request: Request,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: FormatParam = None,
) -> Response:
    """The stored articles in the order they were stored (published between two dates)."""
    fmt = negotiate(request, format, [Format.JSON, Format.CSV])
    filters = {"since": since, "until": until}
    after = read_cursor(cursor, filters)
    found = list_articles(get_store(request), after=after, since=since, until=until, limit=limit)
    next_cursor = make_cursor(found[-1].position, filters) if len(found) == limit else None
    return listing_response(found, fmt, next_cursor=next_cursor, request=request)


@reads.get("/articles/{article_id}", tags=["articles"])
def article(request: Request, article_id: str) -> Any:
    """The analysis record of one stored article (its id is `sha256:` + hex)."""
    store = get_store(request)
    record = store.record(article_id)
    if record is None:
        raise ProblemError(404, "Not found", f"no stored article has the id {article_id!r}")
    return next(with_corpus_keys(store, [record]))  # each entity's `corpus_key` beside its id


def _offset_page(
    fetch: Any, filters: dict[str, Any], cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """One page of a store query that has a limit but no offset: ask for the rows up to the
    page's end and one more (that one tells whether another page follows)."""
    offset = read_cursor(cursor, filters)
    found = fetch(offset + limit + 1)
    page = found[offset : offset + limit]
    more = len(found) > offset + limit
    return page, make_cursor(offset + limit, filters) if more else None


@reads.get("/quotes", tags=["corpus"], responses=ALL_FORMATS)
def quotes(
    request: Request,
    speaker: Annotated[str | None, Query(description="Part of the speaker's name.")] = None,
    about: Annotated[str | None, Query(description="Words in the quote.")] = None,
    since: Since = None,
    until: Until = None,
    place: Place = None,
    limit: Limit = 100,
    cursor: Cursor = None,
    format: FormatParam = None,
) -> Response:
    """Stored quotes, oldest first, with the CLI's `dateline quotes` filters; GeoJSON holds
    those said at a resolved place, as points."""
    fmt = negotiate(request, format, [Format.JSON, Format.CSV, Format.GEOJSON])
    filters: dict[str, Any] = {
        "speaker": speaker, "about": about, "since": since, "until": until, "place": place
    }  # fmt: skip
    store = get_store(request)
    page, next_cursor = _offset_page(
        lambda n: store.query_quotes(**filters, limit=n), filters, cursor, limit
    )
    features = []
    if fmt == Format.GEOJSON:
        where = place_points(store)
        for q in page:
            if q.place_name in where:
                lon, lat = where[q.place_name]
                features.append(point(lon, lat, {**as_dict(q), "kind": "quote"}))
    return listing_response(page, fmt, next_cursor=next_cursor, request=request, features=features)


@reads.get("/events", tags=["corpus"], responses=ALL_FORMATS)
def events(
    request: Request,
    type: Annotated[str | None, Query(description="A PLOVER event type, e.g. CONSULT.")] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's or recipient's name.")] = (
        None
    ),
    since: Since = None,
    until: Until = None,
    place: Place = None,
    limit: Limit = 100,
    cursor: Cursor = None,
    format: FormatParam = None,
) -> Response:
    """Stored events, oldest first, with the CLI's `dateline events` filters; GeoJSON holds
    the located ones as points."""
    fmt = negotiate(request, format, [Format.JSON, Format.CSV, Format.GEOJSON])
    filters = {"type": type, "actor": actor, "since": since, "until": until, "place": place}
    store = get_store(request)
    page, next_cursor = _offset_page(
        lambda n: store.query_events(**filters, limit=n), filters, cursor, limit
    )
    features = [
        point(v.lon, v.lat, {**as_dict(v), "kind": "event"})
        for v in page
        if v.lat is not None and v.lon is not None
    ]
    return listing_response(page, fmt, next_cursor=next_cursor, request=request, features=features)


@reads.get("/places", tags=["corpus"], responses=ALL_FORMATS)
def places(request: Request, format: FormatParam = None) -> Response:
    """Every resolved place of the corpus, how often and in how many articles it is named."""
    fmt = negotiate(request, format, [Format.JSON, Format.CSV, Format.GEOJSON])
    found = get_store(request).places()
    features = [point(p.lon, p.lat, {**as_dict(p), "kind": "place"}) for p in found]
    return listing_response(found, fmt, next_cursor=None, request=request, features=features)


@reads.get("/entities/{key:path}", tags=["corpus"])
def entity(request: Request, key: str) -> Any:
    """One participant by corpus key (`person:anneli-korhonen`): the forms of their name,
    roles, countries, and the timeline of what they said and did."""
    store = get_store(request)
    found = participant(store, key)
    if found is None:
        raise ProblemError(404, "Not found", f"no stored participant has the key {key!r}")
    timeline = participant_timeline(store, found)
    return {**as_dict(found), "timeline": [as_dict(entry) for entry in timeline]}


@reads.get("/timeline", tags=["corpus"], responses=JSON_CSV)
def timeline(
    request: Request,
    actor: Annotated[str, Query(min_length=1, description="Part of the actor's name.")],
    limit: Limit = 100,
    cursor: Cursor = None,
    format: FormatParam = None,
) -> Response:
    """What one actor said and did, in date order, as `dateline timeline` prints it."""
    store = get_store(request)
    return _table_listing(
        request, format, {"actor": actor}, lambda n: store.timeline(actor, limit=n), cursor, limit
    )


@reads.get("/search", tags=["corpus"], responses=JSON_CSV)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, description="Words to find in the articles.")],
    limit: Limit = 20,
    cursor: Cursor = None,
    format: FormatParam = None,
) -> Response:
    """Full-text search of the stored articles, best first, with the words in context."""
    store = get_store(request)
    return _table_listing(
        request, format, {"q": q}, lambda n: store.search(q, limit=n), cursor, limit
    )


@reads.get("/positions", tags=["corpus"], responses=JSON_CSV)
def positions(
    request: Request,
    holder: Annotated[str | None, Query(description="Part of the holder's name, or a key.")] = None,
    target: Annotated[str | None, Query(description="An issue key, or words of the target.")] = (
        None
    ),
    about: Annotated[str | None, Query(description="Words of the target.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 100,
    cursor: Cursor = None,
    format: FormatParam = None,
) -> Response:
    """Who stands where on what, in date order, as `dateline positions` lists it; each
    position with the words that state it and its article."""
    filters = {"holder": holder, "target": target, "about": about, "since": since, "until": until}
    store = get_store(request)
    return _table_listing(
        request,
        format,
        filters,
        lambda n: query_positions(store, **filters, limit=n),
        cursor,
        limit,
    )


@reads.get("/positions/changes", tags=["corpus"])
def position_changes(
    request: Request,
    holder: Annotated[str, Query(min_length=1, description="Part of the holder's name, or a key.")],
    about: Annotated[str | None, Query(description="Words of the target.")] = None,
) -> Any:
    """Where a holder's stance on one target changed, with the positions before and after."""
    found = query_positions(get_store(request), holder=holder, about=about, limit=None)
    return {"changes": [as_dict(change) for change in stance_changes(found)]}


def _table_listing(
    request: Request,
    format: str | None,
    filters: dict[str, Any],
    fetch: Callable[[int], list[Any]],
    cursor: str | None,
    limit: int,
) -> Response:
    """A page of a listing that has rows but no points: JSON or CSV."""
    fmt = negotiate(request, format, [Format.JSON, Format.CSV])
    page, next_cursor = _offset_page(fetch, filters, cursor, limit)
    return listing_response(page, fmt, next_cursor=next_cursor, request=request)


@reads.get("/sources", tags=["corpus"])
def sources(
    request: Request,
    outlet: Annotated[str | None, Query(description="The article's site: part of its name.")] = (
        None
    ),
    about: Annotated[str | None, Query(description="Words the article holds.")] = None,
    since: Since = None,
    until: Until = None,
    by: Annotated[
        Literal["kind", "country", "anonymity", "gender", "outlet"],
        Query(description="What the bars count by."),
    ] = "kind",
    top: Annotated[int, Query(ge=0, le=100, description="Most-quoted sources to list.")] = 10,
) -> Any:
    """The source mix, as `dateline sources` prints it: the stored sources and their claims
    by kind, country, anonymity, gender or outlet, with shares and the most-quoted sources."""
    selection = SourceSelection(outlet=outlet, about=about, since=since, until=until)
    return as_dict(source_mix(get_store(request), selection, by=by, top=top))


router.include_router(reads)
