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

from dateline.ingest.dates import find_dates

# JSON-LD types whose headline, author and dates are the article's own.
_ARTICLE_TYPES = re.compile(
    r"(?:Article|BlogPosting|Posting|Report|Review|Story|Recipe|HowTo|ScholarlyArticle)$"
)
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage", "FAQPage", "QAPage"})
# Containers whose headings and bylines belong to other stories or to the site.
_FURNITURE = frozenset({"nav", "footer", "aside", "menu", "form"})
_FURNITURE_HINT = re.compile(
    r"\b(?:related|recommend|sidebar|popular|trending|more-stories|newsletter|"
    r"comment|comments|footer|teaser|promo|share)\b",
    re.IGNORECASE,
)
# "widget" names a sidebar box only as a class of its own ("widget", "widget_recent"): page
# builders call every block of the article an "elementor-widget".
_WIDGET = re.compile(r"^widget(?:\b|_)", re.IGNORECASE)
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


_UNREAD = frozenset({"script", "style", "noscript"})
# What `_joined_text` calls an HTML comment (lxml gives comments no string tag).
_COMMENT = "#comment"
# A headline's words as the reader reads them: a logo drawn inline as <svg> carries its
# editor's <title>, and the comment its exporter leaves ("Generator: Adobe Illustrator …")
# is no text either.
_UNREAD_IN_HEADINGS = _UNREAD | {"svg", _COMMENT}


def text_of(element: etree._Element, skip: frozenset[str] = _UNREAD) -> str:
    """An element's words with whitespace collapsed; scripts and styles (`skip`) left out."""
    return _WS.sub(" ", _joined_text(element, skip)).strip()


def _joined_text(element: etree._Element, skip: frozenset[str]) -> str:
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else _COMMENT
        if tag in skip:
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


_WRITER_LABEL = re.compile(r"^(?:written by|author|authors|by)$", re.IGNORECASE)


def labelled_meta_authors(tree: etree._Element) -> list[str]:
    """Authors in the label/data pairs of Twitter cards ("twitter:label1" = "Written by",
    "twitter:data1" = the name), which SEO plugins write when no author tag is set."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().casefold()
        if key.startswith("twitter:"):
            values[key] = _WS.sub(" ", meta.get("content") or "").strip()
    return [
        values[data]
        for key, label in values.items()
        if key.startswith("twitter:label")
        and _WRITER_LABEL.match(label)
        and values.get(data := key.replace("label", "data", 1))
    ]


def in_furniture(element: etree._Element) -> bool:
    """Whether `element` sits in navigation, a footer, a sidebar or a related-stories box.

    The <footer> of the article itself is no furniture: blogs put the post's byline and date
    there ("Posted by … on …").
    """
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        if ancestor.tag in _CONTENT_TAGS:
            # The page's own main part or article is never furniture, whatever the layout
            # classes of the wrappers around it say ("flex-wrap-footer", "has-sidebar").
            return _inside_furniture_tag(ancestor)
        if _article_footer(ancestor):
            # its class says so too ("entry-footer"): the post's own footer all the same
            continue
        if ancestor.tag in _FURNITURE and not _holds_prose(ancestor):
            return True
        tokens = [token for token in _hint_tokens(ancestor) if _furniture_token(token)]
        if tokens and not (_holds_prose(ancestor) and not any(_COMMENTS.search(t) for t in tokens)):
            return True
    return False


# Comments hold long paragraphs too, and their bylines are the commenters'.
_COMMENTS = re.compile(r"comment", re.IGNORECASE)


_CONTENT_TAGS = frozenset({"main", "article"})


def _inside_furniture_tag(element: etree._Element) -> bool:
    """Whether a main or article element sits inside a real <nav>, <footer> or <aside>
    (a related-stories <aside> holds <article> teasers)."""
    return any(
        a.tag in _FURNITURE and not _article_footer(a) and not _holds_prose(a)
        for a in element.iterancestors()
    )


# A paragraph this long is the article's prose, not a menu's or a teaser's words.
_PROSE_CHARS = 200
_HOLDS_PROSE = etree.XPath(f"boolean(.//p[string-length(normalize-space()) > {_PROSE_CHARS}])")


def _holds_prose(element: etree._Element) -> bool:
    """Whether a <nav> or <aside> holds article paragraphs: an unclosed tag before it makes
    lxml nest the rest of the page inside it, and that rest is not furniture."""
    return bool(_HOLDS_PROSE(element))


def _article_footer(element: etree._Element) -> bool:
    return element.tag == "footer" and any(a.tag == "article" for a in element.iterancestors())


def _hint_tokens(element: etree._Element) -> list[str]:
    """The element's class names and id, without utility classes: "md:[grid-area:sidebar]"
    says where a box is drawn on a wide screen, not what it holds."""
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return [token for token in tokens if not any(ch in token for ch in ":[]")]


def _furniture_token(token: str) -> bool:
    return bool(_FURNITURE_HINT.search(token.replace("_", "-")) or _WIDGET.match(token))


def headlines(tree: etree._Element) -> list[str]:
    """The texts of the page's <h1> elements outside furniture, in page order, the lines
    of a headline set in two (`headline_lines`) joined by a space."""
    return [" ".join(lines) for lines in headline_lines(tree)]


def headline_lines(tree: etree._Element) -> list[list[str]]:
    """The lines of each <h1> outside furniture, in page order: most headlines are one
    line; one set in two holds a subtitle ("Best ferries of 2025<br>Our guide to …")."""
    found = []
    for heading in tree.iter("h1"):
        if in_furniture(heading):
            continue
        lines = [_WS.sub(" ", line).strip() for line in _heading_lines(heading)]
        lines = [line for line in lines if line]
        if lines:
            found.append(lines)
    return found


# Where a child element's words start a new line although no space divides them from the
# words before: "…of 2025<span class=sub>Our guide…" reads "of 2025" / "Our guide", set
# apart by the stylesheet. A lower-case letter, a digit or a closing mark, then a capital.
_GLUED_LINE = re.compile(r"[a-z0-9)\]?!.:]$")


def _heading_lines(heading: etree._Element) -> list[str]:
    """A heading's text split at <br> and where a child's words are glued, as a new line,
    to the words before (`_GLUED_LINE`)."""
    lines = [heading.text or ""]

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else _COMMENT
            if tag == "br":
                lines.append("")
            elif tag not in _UNREAD_IN_HEADINGS:
                own = child.text or ""
                if own[:1].isupper() and _GLUED_LINE.search(lines[-1]):
                    lines.append("")
                lines[-1] += own
                walk(child)
            lines[-1] += child.tail or ""

    walk(heading)
    return lines


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
        for data in _json_values(script.text or ""):
            yield from _flatten(data)


# A CDATA wrapper ("<![CDATA[ … ]]>", "//<![CDATA[") that XHTML templates put around a
# script, and a comma before a closing bracket: both break JSON but not what it says.
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_TRAILING_COMMA = re.compile(r",(\s*[\]}])")


def _json_values(text: str) -> list[Any]:
    """The JSON values of a JSON-LD script: as written, or after the repairs above; several
    objects written one after the other (no list around them) are each read."""
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", _CDATA.sub("", text))):
        try:
            return _decoded(attempt)
        except ValueError:
            continue
    return []


_DECODER = json.JSONDecoder(strict=False)
# What may stand between two objects written one after the other.
_BETWEEN = frozenset(" \t\r\n,;")


def _decoded(text: str) -> list[Any]:
    values: list[Any] = []
    at, end = 0, len(text)
    while True:
        while at < end and text[at] in _BETWEEN:
            at += 1
        if at == end:
            return values
        value, at = _DECODER.raw_decode(text, at)
        values.append(value)


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


_BYLINE_HINT = re.compile(
    r"(?:^|[\s_-])(?:author|byline|by-line|writer|posted-by)"
    # the same words inside a camelCase class name ("dateAndAuthorContainer")
    r"|(?-i:(?<=[a-z])(?:Author|Byline|Writer))",
    re.I,
)
_NAMED_CHILDREN = etree.XPath(".//*[contains(@class, 'name') or contains(@class, 'Name')]")
_NAME_HINT = re.compile(r"(?:^|[\s_-])name(?:$|[\s_-])", re.I)
# A link to the writer's own page ("/author/ann-lee/", "/by/ann-lee"): its text is the name.
_AUTHOR_PAGE = re.compile(
    r"/(?:author|authors|writer|writers|contributor|contributors|columnist|columnists|"
    r"journalist|journalists|reporter|reporters|staff|by)/[^/?#]+/?(?:[?#]|$)",
    re.IGNORECASE,
)
_MAX_BYLINE_CHARS = 120
# Elements whose class or id may hold one of _BYLINE_HINT's words, found by libxml2 itself
# (plain substring tests, either case of the first letter) so that the regular expression
# runs on a few elements rather than on every element of the page.
_HINT_CANDIDATES = etree.XPath(
    "//*["
    + " or ".join(
        f"contains(@{attribute}, '{part}')"
        for attribute in ("class", "id")
        for part in ("uthor", "yline", "y-line", "riter", "osted-by")
    )
    + "]"
)
_SKIPPED_TEXT = frozenset({"script", "style", "noscript"})
_SKIPPED_TAGS = frozenset({"meta", "link", "script", "style", "body", "html", "img", "noscript"})


def byline_texts(tree: etree._Element) -> list[tuple[list[str], bool]]:
    """Texts that name the author on the page itself, in groups, most explicit first:
    rel=author links, itemprop=author, links to an author's page (each group read whole: a
    story by two people has two such links), then each element whose class or id says
    byline or author on its own, the ones that say author *name* first. An author box that
    also holds a biography gives its name line alone. Each group comes with whether it is
    one of the first three, which the site's own markup makes for the writer's account."""
    rel = tree.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")
    prop = tree.xpath("//*[@itemprop='author']")
    pages = [a for a in tree.iter("a") if _AUTHOR_PAGE.search(a.get("href") or "")]
    hinted = [
        el
        for el in _HINT_CANDIDATES(tree)
        if el.tag not in _SKIPPED_TAGS
        and _BYLINE_HINT.search(f"{el.get('class') or ''} {el.get('id') or ''}")
    ]
    hinted.sort(key=lambda el: not _NAME_HINT.search(el.get("class") or ""))
    groups = [(_words_of(found), True) for found in (rel, prop, pages)]
    groups.extend(([words], False) for words in _words_of(hinted))
    return [(words, linked) for words, linked in groups if words]


def _words_of(elements: list[etree._Element]) -> list[str]:
    found: list[str] = []
    for element in elements:
        if in_furniture(element):
            continue
        words = _byline_words(element)
        if words and words not in found:
            found.append(words)
    return found


def _byline_words(element: etree._Element) -> str | None:
    """The name an author element holds: its itemprop=name, its whole text when short, else
    the short text of a child whose class says name, else its first line of words."""
    named = element.xpath(".//*[@itemprop='name']")
    if named:
        return text_of(named[0]) or None
    # Chunks joined with a space: a name and the role in the element after it must not glue
    # ("Ann Lee" + "Author" is no "Ann LeeAuthor").
    chunks: list[str] = []
    for _, chunk in _text_chunks(element, own_tail=False):
        chunks.append(chunk)
        if sum(map(len, chunks)) > _MAX_BYLINE_CHARS:
            break  # a long box: no need to read the rest of it
    else:
        return " ".join(chunks) or None
    for child in _NAMED_CHILDREN(element):
        if _NAME_HINT.search(child.get("class") or ""):
            name = text_of(child)
            if name and len(name) <= _MAX_BYLINE_CHARS:
                return name
    return chunks[0] if len(chunks[0]) <= _MAX_BYLINE_CHARS else None


_BY_LABEL = re.compile(
    r"^(?:(?:written|posted|words|article|story|authored|reported)\s+by|by|author|authors|"
    r"contributors?)\s*:?$",
    re.I,
)
# The name must open with a capital: "by integrating the two" is prose, not a byline.
_BY_LINE = re.compile(
    r"^(?i:by|written by|posted by|words by|author:|contributors?:"
    # the link to the writer's other pieces in an author box: "All articles by Ann Lee"
    r"|(?:all|more|other)\s+(?:articles|posts|stories|pieces|columns)\s+by)"
    r"\s*(?=[A-Z])(.{3,80})$"
)
_MAX_LABELLED = 3
# A credit line in words: "This post was written by Ann Lee, head of news at the Gazette."
_WRITTEN_BY = re.compile(
    r"^(?:this|the)\s+(?:(?:blog\s+)?post|article|story|piece|guide|review|column)\s+"
    r"(?:was|is)\s+(?:written|authored|contributed|reported)\s+by\b[\s:]*(?P<rest>.*)$",
    re.I,
)
# The name that opens what follows such a line: capitalised words, initials, particles.
_NAME_RUN = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+(?:(?:de|van|von|der|la|le|da|di)\s+)?){1,3}[A-Z][\w'’.-]*"
)


# A post's date line that names its writer after the date: "Posted on March 3, 2024 by Ann
# Lee", the name ending at the line's next mark ("· 6 comments", "| Recipes").
_DATED_BY = re.compile(
    r"^(?i:posted|published|written)(?:\s+on)?\s+(?P<when>.{4,40}?)\s+by\s+"
    r"(?=[A-Z])(?P<name>[^·•|]{3,80}?)\s*(?:[·•|].*)?$"
)


def _dated_by(chunk: str) -> str | None:
    """A "Posted on <date> by <name>" line, the date a real one (not "Posted in Recipes
    by", where the name may be the category's)."""
    match = _DATED_BY.match(chunk)
    if match is None or not any(found.year for found in find_dates(match["when"])):
        return None
    return match["name"]


def labelled_bylines(tree: etree._Element) -> tuple[list[str], list[str]]:
    """Names a page introduces in its own words: a "By Ann Lee" line, a "Written by" label
    whose name is in the next element, a "This post was written by Ann Lee" line; those in
    the article first, then those an "Author" label names in a sidebar box (`_side_box`)."""
    found: list[str] = []
    aside: list[str] = []
    chunks = list(_text_chunks(tree))
    for index, (element, chunk) in enumerate(chunks):
        if len(found) >= _MAX_LABELLED:
            break
        credit = _WRITTEN_BY.match(chunk)
        labelled = bool(_BY_LABEL.match(chunk) or (credit and not credit["rest"]))
        if labelled and index + 1 < len(chunks):
            name = chunks[index + 1][1]
        elif credit and (run := _NAME_RUN.match(credit["rest"])):
            name = run.group(0)
        elif match := _BY_LINE.match(chunk):
            name = match.group(1)
        elif dated := _dated_by(chunk):
            name = dated
        else:
            continue
        if not in_furniture(element):
            found.append(name)
        elif labelled and _side_box(element):
            aside.append(name)
    return list(dict.fromkeys(found)), list(dict.fromkeys(aside))


# The line under a post's title that says when and by whom: its element's class names it.
_POST_META = etree.XPath(
    "//*[contains(@class, 'date') or contains(@class, 'meta') or contains(@class, 'submitted')]"
)
# "by ann.lee": a user name in lower case, as blogs print the account that posted.
_BY_HANDLE = re.compile(r"^by\s+(?P<handle>[a-z][\w.-]{2,30})$")


def posted_by(tree: etree._Element) -> list[str]:
    """User names a post's date line gives as its writer ("12/19 — 2025 by ann"): in lower
    case, so only where the element's class says it is that line, never in prose, where
    "by hand" or "by design" read the same."""
    found: list[str] = []
    for element in _POST_META(tree):
        if element.tag in _SKIPPED_TAGS or in_furniture(element):
            continue
        for _, chunk in _text_chunks(element, own_tail=False):
            match = _BY_HANDLE.match(chunk)
            if match and match["handle"] not in found:
                found.append(match["handle"])
    return found[:1]


# Boxes whose names are other stories' or readers': they never name this story's writer.
_OTHERS_HINT = re.compile(
    r"related|recommend|popular|trending|more-stories|teaser|promo|comment|newsletter|share",
    re.IGNORECASE,
)
_SIDE_HINT = re.compile(r"sidebar|widget", re.IGNORECASE)


def _side_box(element: etree._Element) -> bool:
    """Whether `element` sits in a sidebar box (an <aside>, a "sidebar" or "widget" class)
    and in no menu, footer or box of other stories: where a page without a byline in the
    article often sets its "Author" card."""
    side = False
    for ancestor in element.iterancestors():
        if ancestor.tag in ("nav", "footer", "menu", "form"):
            return False
        tokens = _hint_tokens(ancestor)
        if any(_OTHERS_HINT.search(token) for token in tokens):
            return False
        side = side or ancestor.tag == "aside" or any(_SIDE_HINT.search(t) for t in tokens)
    return side


def _text_chunks(
    tree: etree._Element, *, own_tail: bool = True
) -> Iterator[tuple[etree._Element, str]]:
    """Every non-empty text and tail of the body (or of one element) in reading order,
    with its element: a tail comes after the element's own words, not before them."""
    body = tree.find(".//body") if tree.tag == "html" else None
    top = body if body is not None else tree
    yield from _chunks_of(top, tail=own_tail)


def _chunks_of(top: etree._Element, *, tail: bool) -> Iterator[tuple[etree._Element, str]]:
    """One pass with a stack rather than nested generators (deep pages made those slow):
    an element's text, its children, then its tail. The words inside scripts, styles and
    comments are skipped, their tails are not."""
    stack: list[tuple[etree._Element, bool]] = [(top, False)]
    while stack:
        element, closing = stack.pop()
        if not closing:
            stack.append((element, True))
            if isinstance(element.tag, str) and element.tag not in _SKIPPED_TEXT:
                chunk = _WS.sub(" ", element.text or "").strip()
                if chunk:
                    yield element, chunk
                stack.extend((child, False) for child in reversed(element))
            continue
        if element is top and not tail:
            continue
        chunk = _WS.sub(" ", element.tail or "").strip()
        if chunk:
            yield element, chunk
