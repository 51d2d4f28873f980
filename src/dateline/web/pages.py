"""The pages' routes: each reads the store (or runs the pipeline) and renders a template.

Templates autoescape everything; the article text reaches a page only through
`highlight.highlighted`, which escapes it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, TypedDict
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from dateline.corpus.resolve import MergedEvent, MergedQuote, merge_events, merge_quotes
from dateline.ingest.dates import BadDateError
from dateline.ontology import EVENT_TYPES
from dateline.record_types import AnalysisRecord, PlaceRecord
from dateline.service.analysis import ArticleIn, analyse
from dateline.service.config import ServerConfig
from dateline.service.problems import ProblemError
from dateline.store import Store
from dateline.store.browse import (
    Participant,
    ParticipantEntry,
    entity_keys,
    find_participant_key,
    list_articles,
    participant,
    participant_timeline,
)
from dateline.store.positions import positions_of_holder
from dateline.store.rows import content_key
from dateline.store.sources import DIMENSIONS, SourceBar, SourceSelection, source_mix
from dateline.web import csrf
from dateline.web.charts import chart
from dateline.web.highlight import EntityLink, highlighted

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_SIZE = 50
# The quotes and events pages merge what they find across articles before paging, so they
# read at most this many facts (the newest beyond it are not merged in).
MERGE_LIMIT = 5000
PLOVER_TYPES: list[str] = list(EVENT_TYPES)

templates = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined
)
templates.filters["q"] = lambda value: quote(str(value), safe="")


def entity_href(key: str) -> str:
    return "/entities/" + quote(key, safe=":")


def name_href(name: str) -> str:
    return "/entities?" + urlencode({"name": name})


def article_href(article_id: str, start: int | None = None) -> str:
    anchor = f"#at-{start}" if start is not None else ""
    return "/articles/" + quote(article_id, safe=":") + anchor


templates.globals.update(entity_href=entity_href, name_href=name_href, article_href=article_href)


def _config(request: Request) -> ServerConfig:
    config: ServerConfig = request.app.state.config
    return config


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def open_pages(request: Request) -> None:
    """With reads closed the pages are closed too: a browser carries no API token."""
    if not _config(request).open_reads:
        raise ProblemError(
            403, "Forbidden", "this server's reads are closed: use the API with a token"
        )


router = APIRouter(include_in_schema=False, dependencies=[Depends(open_pages)])


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page; every page carries the CSRF cookie its forms need."""
    nonce = request.cookies.get(csrf.COOKIE) or csrf.new_nonce()
    token = csrf.form_token(_config(request).csrf_secret, nonce)
    html = templates.get_template(name).render(request=request, csrf_token=token, **context)
    response = HTMLResponse(html, status_code=status)
    if request.cookies.get(csrf.COOKIE) != nonce:
        secure = request.url.scheme == "https"
        response.set_cookie(csrf.COOKIE, nonce, httponly=True, samesite="strict", secure=secure)
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    store = _store(request)
    counts = {what: store.count(what) for what in ("articles", "quotes", "events", "entities")}
    return render(request, "home.html", counts=counts, articles=list_articles(store, limit=10))


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, after: Annotated[int, Query(ge=0)] = 0) -> Response:
    found = list_articles(_store(request), after=after, limit=PAGE_SIZE)
    following = found[-1].position if len(found) == PAGE_SIZE else None
    return render(request, "articles.html", articles=found, following=following)


class ArticleView(TypedDict):
    """The article template's facts, whether the article is stored or just pasted."""

    record: AnalysisRecord
    text_html: Markup
    places_by_id: dict[str, PlaceRecord]
    entity_link: EntityLink


def _facts(record: AnalysisRecord, link: EntityLink) -> ArticleView:
    """What the article view shows: the marked text, and each kind of fact for the list."""
    return {
        "record": record,
        "text_html": highlighted(record, link),
        "places_by_id": {p["id"]: p for p in record.get("places", [])},
        "entity_link": link,
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> Response:
    store = _store(request)
    record = store.record(article_id)
    if record is None:
        return render(request, "message.html", 404, title="No such article",
                      message=f"No stored article has the id {article_id}.")  # fmt: skip
    keys = entity_keys(store, article_id)

    def link(local: str | None, _name: str | None) -> str | None:
        # Only a stored entity has a page: "police" or "the protesters" name no one the
        # corpus knows, and a link to them would lead to "nothing stored names it".
        return entity_href(keys[local]) if local and local in keys else None

    return render(request, "article.html", stored=True, **_facts(record, link))


def _known_name_link(store: Store) -> EntityLink:
    """Links of a pasted (unstored) article: to the participant the corpus already has by
    that name, else none."""
    found: dict[str, str | None] = {}

    def link(_local: str | None, name: str | None) -> str | None:
        if not name:
            return None
        if name not in found:
            found[name] = find_participant_key(store, name)
        key = found[name]
        return entity_href(key) if key else None

    return link


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> Response:
    return render(request, "analyze.html", given="", kind="text", error=None)


@router.post("/analyze", response_class=HTMLResponse)
def analyze_page(
    request: Request,
    content: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "text",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """The pasted article's view; nothing is stored."""
    if not csrf.is_valid(
        _config(request).csrf_secret, request.cookies.get(csrf.COOKIE), csrf_token
    ):
        return render(request, "message.html", 403, title="Form expired",
                      message="This form was not sent from this site's page, or its page is "
                      "too old: open the analyse page again and resend.")  # fmt: skip
    given = ArticleIn(html=content) if kind == "html" else ArticleIn(text=content)
    try:
        record = analyse(given, _config(request))
    except ProblemError as error:
        return render(request, "analyze.html", 422, given=content, kind=kind, error=error.detail)
    return render(
        request, "article.html", stored=False, **_facts(record, _known_name_link(_store(request)))
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    speaker: str = "",
    words: str = "",
    since: str = "",
    until: str = "",
    place: str = "",
    start: Annotated[int, Query(ge=0)] = 0,
    source_by: Annotated[str, Query(pattern="^(|kind|country|anonymity|gender|outlet)$")] = "",
    source_value: str | None = None,
    outlet: str = "",
    topic: str = "",
) -> Response:
    """Each statement once, however many outlets carry it, with its sources beneath (as
    `dateline quotes --merge`), a page of statements at a time."""
    asked = {"speaker": speaker, "words": words, "since": since, "until": until, "place": place}
    found: list[MergedQuote] = []
    following = None
    bar = _source_bar(source_by, source_value, outlet, topic, since, until)
    if bar is not None:  # a bar of the sources page: its dates are the articles'
        asked.update(source_by=source_by, source_value=source_value or "", outlet=outlet,
                     topic=topic)  # fmt: skip
    if any(asked.values()):
        try:
            found = merge_quotes(_store(request).query_quotes(
                speaker=speaker or None, about=words or None,
                since=None if bar else since or None, until=None if bar else until or None,
                place=place or None, limit=MERGE_LIMIT, given_by=bar,
            ))  # fmt: skip
        except BadDateError as error:
            return _bad_date(request, error)
        if len(found) > start + PAGE_SIZE:
            following = urlencode({**asked, "start": start + PAGE_SIZE})
        found = found[start : start + PAGE_SIZE]
    return render(request, "quotes.html", asked=asked, quotes=found, following=following, bar=bar)


def _source_bar(
    by: str, value: str | None, outlet: str, topic: str, since: str, until: str
) -> SourceBar | None:
    if not by:
        return None
    selection = SourceSelection(
        outlet=outlet or None, about=topic or None, since=since or None, until=until or None
    )
    return SourceBar(by, value or None, selection)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(
    request: Request, outlet: str = "", about: str = "", since: str = "", until: str = ""
) -> Response:
    """The source mix as bar charts, one per dimension, each bar linking to its quotes."""
    asked = {"outlet": outlet, "about": about, "since": since, "until": until}
    selection = SourceSelection(
        outlet=outlet or None, about=about or None, since=since or None, until=until or None
    )
    store = _store(request)
    try:
        # the most-quoted sources are the same whatever the bars count by: asked once
        mixes = [source_mix(store, selection, by=by, top=10 if n == 0 else 0)
                 for n, by in enumerate(DIMENSIONS)]  # fmt: skip
    except BadDateError as error:
        return _bad_date(request, error)
    charts = [chart(mix, selection) for mix in mixes]
    return render(request, "sources.html", asked=asked, charts=charts, total=mixes[0],
                  top=mixes[0].top)  # fmt: skip


@router.get("/entities", response_class=HTMLResponse)
def entity_by_name(request: Request, name: str = "") -> Response:
    key = find_participant_key(_store(request), name)
    if key is None:
        return render(request, "message.html", 404, title="Not in the corpus",
                      message=f"Nothing stored names {name!r} yet.")  # fmt: skip
    return RedirectResponse(entity_href(key), status_code=303)


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity(request: Request, key: str) -> Response:
    store = _store(request)
    found = participant(store, key)
    if found is None:
        return render(request, "message.html", 404, title="Not in the corpus",
                      message=f"No stored participant has the key {key}.")  # fmt: skip
    timeline = merged_timeline(store, found, participant_timeline(store, found))
    return render(request, "entity.html", who=found, timeline=timeline,
                  positions=positions_of_holder(store, found.key))  # fmt: skip


def merged_timeline(
    store: Store, who: Participant, entries: list[ParticipantEntry]
) -> list[dict[str, Any]]:
    """The actor page's timeline with what several articles report once: the reports of
    one act (`merge_events` over the participant's events) and the same words said (one
    statement in several outlets) are one line, the other articles listed with it."""
    acts: dict[tuple[str, int, str], int] = {}
    events = {
        (v.source.article_id, v.trigger_start): v
        for alias in who.aliases
        for v in store.query_events(actor=alias, limit=MERGE_LIMIT)
        if who.key in (v.actor_key, v.recipient_key)
    }
    for number, merged in enumerate(merge_events(events.values())):
        for report in merged.reports:
            acts[(report.source.article_id, report.sentence_start, report.type)] = number
    lines: dict[Any, dict[str, Any]] = {}
    for entry in entries:
        if entry.what == "quote":
            group: Any = ("quote", content_key(entry.summary))
        else:
            group = acts.get((entry.source.article_id, entry.start, entry.what), entry)
        if group in lines:
            lines[group]["also"].append(entry.source)
        else:
            lines[group] = {"entry": entry, "also": []}
    return list(lines.values())


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    type: str = "",
    actor: str = "",
    place: str = "",
    since: str = "",
    until: str = "",
    start: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Each event once, however many articles report it, with its reports beneath (as
    `dateline events --merge`), a page of events at a time."""
    asked = {"type": type, "actor": actor, "place": place, "since": since, "until": until}
    try:
        found = [_merged_event(m) for m in merge_events(_store(request).query_events(
            type=type or None, actor=actor or None, place=place or None, since=since or None,
            until=until or None, limit=MERGE_LIMIT,
        ))]  # fmt: skip
    except BadDateError as error:
        return _bad_date(request, error)
    found.sort(key=lambda v: (v["day"] is None, v["day"] or ""))
    following = (
        urlencode({**asked, "start": start + PAGE_SIZE}) if len(found) > start + PAGE_SIZE else None
    )
    return render(request, "events.html", asked=asked, events=found[start : start + PAGE_SIZE],
                  following=following, types=PLOVER_TYPES)  # fmt: skip


def _merged_event(merged: MergedEvent) -> dict[str, Any]:
    """What the events page shows of one merged event: its details, its parties by the
    names their reports give them, and the reports."""
    return {
        "day": merged.day,
        "type": merged.type,
        "actor_key": merged.actor_key,
        "actor_name": _party_name(merged, merged.actor_key),
        "recipient_key": merged.recipient_key,
        "recipient_name": _party_name(merged, merged.recipient_key),
        "place_name": merged.place_name,
        "reports": merged.reports,
    }


def _party_name(merged: MergedEvent, key: str | None) -> str | None:
    """The fullest name a report gives the party with this key (or folded name)."""
    names = [r.actor_name for r in merged.reports if key and r.actor_key == key]
    names += [r.recipient_name for r in merged.reports if key and r.recipient_key == key]
    known = [n for n in names if n]
    return max(known, key=len) if known else key


def _bad_date(request: Request, error: BadDateError) -> Response:
    """A date filter that is no ISO date: said on a page, since a browser shows no JSON."""
    return render(request, "message.html", 422, title="Not a date", message=error.reason)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Response:
    return render(request, "map.html")
