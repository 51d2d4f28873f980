"""What a page says about itself: JSON-LD, <meta> tags, headline elements, bylines, <time>.

Only gathering here, no deciding: `metadata.py` weighs the evidence. Every reader tolerates
broken markup (a JSON-LD block that is not JSON, a meta tag without content), because pages
in the wild are full of it and a missing hint must never lose the article.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

# JSON-LD types whose headline, author and dates are the article's own.
_ARTICLE_TYPES = re.compile(
    r"(?:Article|BlogPosting|Posting|Report|Review|Story|Recipe|HowTo|ScholarlyArticle)$"
)
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage", "FAQPage", "QAPage"})
# Containers whose headings and bylines belong to other stories or to the site.
_FURNITURE = frozenset({"nav", "footer", "aside", "menu", "form"})
_FURNITURE_HINT = re.compile(
    r"\b(?:related|recommend|sidebar|widget|popular|trending|more-stories|newsletter|"
    r"comment|footer|teaser|promo|share)\b",
    re.IGNORECASE,
)
_WS = re.compile(r"\s+")


@dataclass(slots=True)
class LinkedData:
    """The fields of the page's JSON-LD article object (or web page, when no article)."""

    headline: str | None = None
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, Person|Organization)
    published: str | None = None
    modified: str | None = None
    publisher: str | None = None


def parse(page: str) -> etree._Element | None:
    """The page's element tree, or None when lxml cannot read it at all."""
    try:
        tree = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return None
    return tree


def text_of(element: etree._Element) -> str:
    """An element's words with whitespace collapsed; scripts and styles left out."""
    return _WS.sub(" ", _joined_text(element)).strip()


def _joined_text(element: etree._Element) -> str:
    skip = {"script", "style", "noscript"}
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and node.tag in skip:
            if node.tail:
                out.append(node.tail)
            return
        if node.text:
            out.append(node.text)
        for child in node:
            walk(child)
        if node is not element and node.tail:
            out.append(node.tail)

    walk(element)
    return "".join(out)


def meta_values(tree: etree._Element, *keys: str) -> list[str]:
    """The content of <meta name|property|itemprop=key>, for each key in order."""
    found: list[str] = []
    wanted = {key.casefold(): rank for rank, key in enumerate(keys)}
    ranked: list[tuple[int, str]] = []
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        rank = wanted.get(key.strip().casefold())
        content = _WS.sub(" ", meta.get("content") or "").strip()
        if rank is not None and content:
            ranked.append((rank, content))
    for _, content in sorted(ranked, key=lambda pair: pair[0]):
        if content not in found:
            found.append(content)
    return found


def in_furniture(element: etree._Element) -> bool:
    """Whether `element` sits in navigation, a footer, a sidebar or a related-stories box."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _FURNITURE:
            return True
        hint = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if _FURNITURE_HINT.search(hint.replace("_", "-")):
            return True
    return False


def headlines(tree: etree._Element) -> list[str]:
    """The texts of the page's <h1> elements outside furniture, in page order."""
    found = []
    for heading in tree.iter("h1"):
        if in_furniture(heading):
            continue
        words = text_of(heading)
        if words:
            found.append(words)
    return found


def page_title(tree: etree._Element) -> str | None:
    for element in tree.iter("title"):
        words = text_of(element)
        if words:
            return words
    return None


def linked_data(tree: etree._Element) -> LinkedData:
    """The first article object of the page's JSON-LD; a web page object when no article."""
    article: dict[str, Any] | None = None
    webpage: dict[str, Any] | None = None
    objects = list(_ld_objects(tree))
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and "name" in o}
    for item in objects:
        types = item.get("@type")
        names = {types} if isinstance(types, str) else set(types or [])
        names = {n for n in names if isinstance(n, str)}
        if article is None and any(_ARTICLE_TYPES.search(n) for n in names):
            article = item
        elif webpage is None and names & _PAGE_TYPES:
            webpage = item
    chosen = article or webpage
    if chosen is None:
        return LinkedData()
    return LinkedData(
        headline=_ld_text(chosen.get("headline")) or _ld_text(chosen.get("name")),
        authors=list(_ld_people(_resolve(chosen.get("author"), by_id))),
        published=_ld_text(chosen.get("datePublished")) or _ld_text(chosen.get("dateCreated")),
        modified=_ld_text(chosen.get("dateModified")),
        publisher=next((name for name, _ in _ld_people(chosen.get("publisher"))), None),
    )


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """A JSON-LD reference ({"@id": …} without a name) replaced by the object it points at."""
    if isinstance(value, list):
        return [_resolve(item, by_id) for item in value]
    if isinstance(value, dict) and "name" not in value and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _ld_objects(tree: etree._Element) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().casefold() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD block: lists, @graph and mainEntity opened."""
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _flatten(data[key])


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str):
        cleaned = _WS.sub(" ", html_unescape(value)).strip()
        return cleaned or None
    return None


def _ld_people(value: Any) -> Iterator[tuple[str, str]]:
    """(name, type) for each author or publisher a JSON-LD value names."""
    if isinstance(value, list):
        for item in value:
            yield from _ld_people(item)
    elif isinstance(value, dict):
        name = _ld_text(value.get("name"))
        kind = value.get("@type")
        kind = kind[0] if isinstance(kind, list) and kind else kind
        if name:
            yield name, kind if isinstance(kind, str) else "Person"
    elif isinstance(value, str) and value.strip():
        yield _WS.sub(" ", html_unescape(value)).strip(), "Person"


def html_unescape(text: str) -> str:
    """JSON-LD strings often carry HTML entities ("Tom &amp; Jerry")."""
    return html.unescape(text) if "&" in text else text


_BYLINE_HINT = re.compile(r"(?:^|[\s_-])(?:author|byline|by-line|writer|posted-by)", re.I)
_MAX_BYLINE_CHARS = 120


def byline_texts(tree: etree._Element) -> list[str]:
    """Texts that name the author on the page itself, most explicit first: rel=author links,
    itemprop=author, then elements whose class or id says byline or author."""
    found: list[str] = []
    rel = tree.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")
    prop = tree.xpath("//*[@itemprop='author']")
    hinted = [
        el
        for el in tree.iter()
        if isinstance(el.tag, str)
        and el.tag not in ("meta", "link", "script", "style", "body", "html")
        and _BYLINE_HINT.search(f"{el.get('class') or ''} {el.get('id') or ''}")
    ]
    for element in [*rel, *prop, *hinted]:
        if in_furniture(element):
            continue
        named = element.xpath(".//*[@itemprop='name']")
        words = text_of(named[0]) if named else text_of(element)
        if words and len(words) <= _MAX_BYLINE_CHARS and words not in found:
            found.append(words)
    return found


_BY_LABEL = re.compile(r"^(?:by|written by|posted by|words by|author|authored by)\s*:?$", re.I)
_BY_LINE = re.compile(r"^(?:by|written by|posted by|words by|author:)\s*(?=[A-Z])(.{3,80})$", re.I)
_MAX_LABELLED = 3


def labelled_bylines(tree: etree._Element) -> list[str]:
    """Names a page introduces in its own words: a "By Ann Lee" line, or a "Written by"
    label whose name is in the next element."""
    found: list[str] = []
    chunks = list(_text_chunks(tree))
    for index, (element, chunk) in enumerate(chunks):
        if len(found) >= _MAX_LABELLED:
            break
        if _BY_LABEL.match(chunk) and index + 1 < len(chunks):
            name = chunks[index + 1][1]
        elif match := _BY_LINE.match(chunk):
            name = match.group(1)
        else:
            continue
        if not in_furniture(element) and name not in found:
            found.append(name)
    return found


def _text_chunks(tree: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Every non-empty text and tail of the body in document order, with its element."""
    body = tree.find(".//body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript"):
            continue
        for raw in (element.text, element.tail):
            chunk = _WS.sub(" ", raw or "").strip()
            if chunk:
                yield element, chunk
