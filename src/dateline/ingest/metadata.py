"""A page's title, byline and dates, decided from its own evidence (`evidence.py`).

Title: the headline element the reader sees, when the page's metadata agrees with it or
gives nothing better; else the metadata title with the site's name taken off, the site's
separator pattern learnt from the page itself ("Headline | Site", "Site - Headline").
Byline: people from JSON-LD, <meta name=author>, rel=author links and byline elements;
outlets apart (`organisations`); whatever is not a name (a sentence, a date, a role alone) is
dropped. Dates: JSON-LD and <meta> first, then a <time> in the article's header; the
modified date kept apart.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from dateline.ingest import evidence, shown
from dateline.vocabulary import NEWS_AGENCIES, alternation

# Separators between a headline and the site's name or section in <title>.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|•|·|»|«|::|/|~)\s+")
_ALNUM = re.compile(r"[\W_]+")
_MIN_HEADLINE_WORDS = 2
# A part of the title this long (letters) that opens the site's name is the site's name.
_MIN_SITE_PREFIX = 10
_WORDS = re.compile(r"\w+")
# At most this share of the two titles' words in common: not the same story's title.
_UNRELATED_OVERLAP = 0.1


@dataclass(slots=True)
class PageMetadata:
    """What the page says about the article, each field None or empty when it does not."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None


def _key(text: str | None) -> str:
    """Text as compared: letters and digits only, case and quote style ignored."""
    return _ALNUM.sub("", (text or "").casefold())


def site_names(tree: etree._Element, url: str | None, publisher: str | None) -> set[str]:
    """Comparison keys of the names the site goes by: og:site_name, the JSON-LD publisher,
    application-name, and the domain ("coastal-ledger.example.com" -> "coastalledger"); a
    name of three words or more by its initials too ("Lowmarsh Rowing Club" -> "lrc"), as
    titles often sign it ("Regatta results | LRC")."""
    given = evidence.meta_values(tree, "og:site_name", "application-name")
    given += [publisher] if publisher else []
    names = {_key(name) for name in given}
    names.update(_initials(name) for name in given)
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in {"www", "m", "amp"}]
    if len(labels) >= 2:
        names.add(_key(labels[-2]))
        names.add(_key("".join(labels[:-1])))
    return {name for name in names if len(name) >= 3}


def _initials(name: str) -> str:
    """The initials of a name of three words or more ("World Ferry Awards" -> "wfa"), else
    "" (two letters stand for too many things)."""
    words = _WORDS.findall(name)
    return "".join(w[0] for w in words).casefold() if len(words) >= 3 else ""


def section_names(tree: etree._Element, url: str | None) -> set[str]:
    """Comparison keys of the site's section the page is in: article:section, and the
    folders of its address ("/opinion/2024/…" -> "opinion"). The last part of the path is
    the story's own slug, which often spells the headline, so it is left out."""
    names = {_key(section) for section in evidence.meta_values(tree, "article:section")}
    folders = [folder for folder in urlsplit(url or "").path.split("/") if folder][:-1]
    names.update(_key(folder) for folder in folders if not folder.isdigit())
    return {name for name in names if len(name) >= 3}


def _is_site(part: str, sites: set[str]) -> bool:
    key = _key(part)
    if not key:
        return True
    return any(
        key == site
        or (len(site) >= 5 and site in key and len(key) <= len(site) + 12)
        # the domain adds a word to the name: "getferrytimes.com" for "Ferry Times"
        or (len(key) >= 5 and key in site and len(site) <= len(key) + 4)
        # the name's first words, its kind left off: "Harbour Rope Works" for og:site_name
        # "Harbour Rope Works Company"
        or (len(key) >= _MIN_SITE_PREFIX and site.startswith(key))
        for site in sites
    )


def strip_site(
    title: str,
    sites: set[str],
    headline: str | list[str] | None = None,
    sections: frozenset[str] = frozenset(),
    host: frozenset[str] = frozenset(),
) -> str:
    """`title` without the site's name (and the section beside it) on either side.

    The site's part is known by its name (`sites`), or, failing that, as what is left when
    a headline the page shows is taken away ("Storm hits coast | The Daily"). Every
    headline element counts: a blog's first <h1> is often its own name, the story's the
    second. A site's name set before a colon ("Harbour Blog: Storm hits coast") goes too.
    """
    heads = [headline] if isinstance(headline, str) else list(headline or [])
    parts = _SEPARATOR.split(title)
    if len(parts) == 1:
        return _strip_site_label(title, sites)
    for head in heads:
        for size in range(1, len(parts)):
            for chunk in (parts[:size], parts[len(parts) - size :]):
                if _key(" ".join(chunk)) == _key(head):
                    return _join(title, chunk)
    kept = list(parts)
    while len(kept) > 1 and (
        _is_site(kept[-1], sites)
        or _key(kept[-1]) in sections
        or _site_led(kept[-1], sites)
        or _host_named(kept[-1], host)
    ):
        kept.pop()
    while len(kept) > 1 and (_is_site(kept[0], sites) or _key(kept[0]) in sections):
        kept.pop(0)
    return _join(title, kept)


# The shortest site key a trailing part may open with to be the site's: "UC Davis Children's
# Hospital" after a headline on ucdavis.edu; shorter keys ("ap", "bbc") open words too often.
_MIN_SITE_LEAD = 5
# A trailing part longer than this (words) is a subtitle, whatever it opens with.
_MAX_SITE_PART_WORDS = 6


def host_words(url: str | None) -> frozenset[str]:
    """The words of the page's host name ("blog.harbour-rowing.example" -> blog, harbour,
    rowing), its last label (the top-level domain) and "www" left out."""
    labels = (urlsplit(url or "").hostname or "").split(".")[:-1]
    return frozenset(w for label in labels if label != "www" for w in label.split("-") if w)


def _host_named(part: str, host: frozenset[str]) -> bool:
    """Whether a part after the headline is spelt from the host's words alone ("Rowing
    Blog" on blog.harbour-rowing.example): the site's name as its address gives it."""
    words = _WORDS.findall(part.casefold())
    return bool(words) and all(w in host for w in words) and any(len(w) >= 3 for w in words)


def _site_led(part: str, sites: set[str]) -> bool:
    """Whether a part after the headline opens with the site's name: the site's name with the
    unit that runs the page after it ("Harbour Gazette Events"). Only trailing parts are read
    so: a headline may open with the name of the outlet it is about."""
    key = _key(part)
    return len(part.split()) <= _MAX_SITE_PART_WORDS and any(
        len(site) >= _MIN_SITE_LEAD and key.startswith(site) for site in sites
    )


# "Harbour Blog: Storm hits coast": a label before a colon, read as the site's name only
# when it is one (`_is_site`), since "Analysis: …" or "Ferry: …" open many headlines.
_LABEL = re.compile(r"^(?P<label>[^:]{3,40}):\s+(?P<rest>\S.*)$")


def _strip_site_label(title: str, sites: set[str]) -> str:
    found = _LABEL.match(title)
    if found and sites and _is_site(found.group("label"), sites):
        return found.group("rest")
    return title


def _join(title: str, parts: list[str]) -> str:
    """The stretch of `title` from the first to the last kept part, separators as written."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def choose_title(
    tree: etree._Element, url: str | None, publisher: str | None, ld_headline: str | None
) -> str | None:
    """The article's title: see the module docstring for the order of evidence."""
    sites = site_names(tree, url, publisher)
    page_title = evidence.page_title(tree)
    found = [
        *([ld_headline] if ld_headline else []),
        *evidence.meta_values(tree, "og:title", "twitter:title"),
        *([page_title] if page_title else []),
    ]
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    names = [*evidence.meta_values(tree, "og:site_name"), *([host] if host else [])]
    domains = [n for n in names if _DOMAIN.match(n)]
    meta = [_without_domain(_readable(m), domains) for m in found]
    # A site that names itself by the headline (og:site_name copied from og:title) has no
    # usable site name.
    sites -= {_key(m) for m in meta}
    lines = [[_readable(line) for line in h] for h in evidence.headline_lines(tree)]
    lines = [h for h in lines if not _is_site(" ".join(h), sites)]
    heads = [" ".join(h) for h in lines]
    sections = frozenset(section_names(tree, url))
    address_words = host_words(url)
    cleaned = [strip_site(m, sites, heads, sections, address_words) for m in meta]
    cleaned = [c for c in cleaned if c and not _is_site(c, sites)]
    two_lines = frozenset(_key(" ".join(h)) for h in lines if len(h) > 1)
    cleaned = [_uncut(c, cleaned) for c in cleaned]
    chosen = _weigh_titles(heads, cleaned, story_slug(url), two_lines)
    # a headline printed twice (the page's and its sticky bar's) is one source
    return _common_spelling(chosen, [*dict.fromkeys(heads), *cleaned]) if chosen else None


# Typography that sources of one title set differently: curly or straight quotes, a
# no-break space, an ellipsis in one character or three. Dashes are left out: where the
# sources differ in them, the gold of the dev pages kept the headline's own.
_TYPESET = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u2026": "...",
    }
)


def _typeset(text: str) -> str:
    """`text` as compared for typography alone (never output): marks made plain."""
    return " ".join(text.translate(_TYPESET).split())


def _common_spelling(chosen: str, sources: list[str]) -> str:
    """The chosen title as most of the page's sources spell it, when they differ in
    typography alone ("Beginner’s" in the <h1>, "Beginner's" in og:title and <title>);
    on a tie, as chosen. Only a source's own spelling is ever returned."""
    same = [s for s in sources if s != chosen and _typeset(s) == _typeset(chosen)]
    if not same:
        return chosen
    votes = Counter(same)
    votes[chosen] = sources.count(chosen)
    return max(votes, key=lambda s: (votes[s], s == chosen))


# A metadata title at least this long that another source goes on from was cut off by its
# field's length limit (SEO plugins cut JSON-LD headlines at about 110 characters).
_CUT_CHARS = 60


def _uncut(title: str, others: list[str]) -> str:
    """`title`, or the longest other source's title that goes on from where it stops in
    the middle of a phrase ("… Find Solutions (Including" -> "… (Including One Trick)")."""
    if len(title) < _CUT_CHARS:
        return title
    longer = [o for o in others if len(o) > len(title) and o.startswith(title)]
    cut = [o for o in longer if o[len(title)] == " " and o[len(title) :].strip()[:1].isalnum()]
    return max(cut, key=len) if cut else title


# A site named by its address (og:site_name, or the page's own host: "harbourlog.example"),
# which it may set before a title with no mark between them ("harbourlog.example Mending").
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)


def _without_domain(title: str, domains: list[str]) -> str:
    """`title` without the site's address before it; only an address, since a name
    ("Harbour Log opens a museum") may well open a headline."""
    for domain in domains:
        rest = title[len(domain) :]
        if title.casefold().startswith(domain.casefold()) and rest[:1].isspace() and rest.strip():
            return rest.strip()
    return title


# An entity left escaped by a page that escaped its text twice ("SQL &amp;#x26; AI").
_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-f]{2,6}|[a-z]{2,8});", re.IGNORECASE)
# UTF-8 read as Latin-1 ("Lee\u00e2\u0080\u0099s" for "Lee\u2019s"): lead bytes of two- and
# three-byte sequences followed by continuation bytes.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


# Full-width ASCII forms ("？", "！") as set by East Asian input methods in English titles.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _readable(text: str) -> str:
    """A title as the page meant it: a second level of entities undone, and UTF-8 that
    was decoded as Latin-1 decoded again (when that round trip is exact)."""
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = text.translate(_FULLWIDTH)
    if _MOJIBAKE.search(text):
        with contextlib.suppress(UnicodeError):
            text = text.encode("latin-1").decode("utf-8")
    return text


def _unrelated(head: str, meta: str) -> bool:
    """Whether a headline element and the metadata's title share (almost) no word: the
    <h1> is then a box's or a section's heading ("Related stories", "Our services"), not
    the story's, and the page's metadata names the story."""
    head_words = set(_WORDS.findall(head.casefold()))
    meta_words = set(_WORDS.findall(meta.casefold()))
    union = head_words | meta_words
    return bool(union) and len(head_words & meta_words) <= _UNRELATED_OVERLAP * len(union)


def _credited(meta: str, head: str) -> bool:
    """Whether the metadata title is the headline with a credit in brackets after it
    ("Folding paper boats (Ann Lee)", "Folding paper boats [Harbour Blog]")."""
    rest = meta[len(head) :].strip() if meta.casefold().startswith(head.casefold()) else ""
    return rest[:1] in {"(", "["} and rest[-1:] in {")", "]"} and len(rest.split()) <= 4


def _shouted(head: str) -> bool:
    """A headline element in capitals: styled for show, while the metadata keeps the
    title's own case and often its own words."""
    letters = [ch for ch in head if ch.isalpha()]
    return len(letters) >= 8 and all(ch.isupper() for ch in letters)


def _weigh_titles(
    heads: list[str],
    cleaned: list[str],
    slug: frozenset[str],
    two_lines: frozenset[str],
) -> str | None:
    """The headline element when the metadata agrees or says nothing better, else the
    metadata's title. The metadata wins when the headline holds it and more (a date or a
    section glued on: "Mar 4 2025 Ferry timetable agreed"), when the headline is set in two
    lines (`two_lines`: a title and its subtitle, which the metadata names in one) or is
    prose rather than a headline (`_described`), when the page has several headline
    elements but its metadata titles agree with one another, and when the page's address
    spells the metadata's title clearly better than the headline's (`_slug_prefers`)."""
    for head in heads:
        if any(_key(head) == _key(c) or _credited(c, head) for c in cleaned):
            return head
        lost = next((c for c in cleaned if _lost_characters(head, c)), None)
        if lost is not None:
            return lost
    if heads and cleaned and (_unrelated(heads[0], cleaned[0]) or _shouted(heads[0])):
        return cleaned[0]
    if heads and cleaned and (_key(heads[0]) in two_lines or _described(heads[0])):
        return cleaned[0]
    if heads and cleaned and _head_holds_more(heads[0], cleaned[0]):
        return cleaned[0]
    if (
        len({_key(h) for h in heads}) > 1
        and len(cleaned) > 1
        and len({_key(c) for c in cleaned}) == 1
    ):
        return cleaned[0]
    if heads and cleaned and _slug_prefers(cleaned[0], heads[0], slug):
        return cleaned[0]
    if heads and len(heads[0].split()) >= _MIN_HEADLINE_WORDS:
        return heads[0]
    return cleaned[0] if cleaned else (heads[0] if heads else None)


# A headline element this long (words) with a full stop inside is a page's description
# set in the heading's place, not a headline.
_DESCRIPTION_WORDS = 25


def _described(head: str) -> bool:
    """Whether the headline element holds prose: long, with more than one sentence."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", head) if s]
    return len(head.split()) >= _DESCRIPTION_WORDS and len(sentences) > 1


# How much closer (Jaccard overlap of words) the metadata title must be to the address's
# slug than the headline is. Chosen on held folds of WCXB dev over 0.1 to 0.4 (see README).
SLUG_MARGIN = 0.2


def story_slug(url: str | None) -> frozenset[str]:
    """The words of the last part of the page's address ("/2024/05/ferry-timetable-agreed"
    -> ferry, timetable, agreed): the title as the editor filed the story."""
    path = [part for part in urlsplit(url or "").path.split("/") if part]
    last = path[-1].rsplit(".", 1)[0] if path else ""
    return frozenset(_WORDS.findall(last.casefold().replace("_", " ")))


def _slug_prefers(meta: str, head: str, slug: frozenset[str]) -> bool:
    """Whether the address spells the metadata's title clearly better than the headline's
    words: when the two disagree, the headline was often rewritten for show after the
    story was filed, while the address and the metadata keep the title it was filed under."""
    if not slug:
        return False

    def overlap(title: str) -> float:
        words = set(_WORDS.findall(title.casefold()))
        return len(words & slug) / len(words | slug) if words | slug else 0.0

    return overlap(meta) > overlap(head) + SLUG_MARGIN


def _lost_characters(head: str, meta: str) -> bool:
    """Whether the headline is the metadata title with characters its encoding lost shown
    as "?" ("Planning? Beginner? Guide" for "Planning: Beginner’s Guide")."""
    if "?" not in head or head == meta:
        return False
    pattern = ".{1,2}".join(re.escape(piece) for piece in head.split("?"))
    return re.fullmatch(pattern, meta, re.IGNORECASE | re.DOTALL) is not None


def _head_holds_more(head: str, meta: str) -> bool:
    """Whether the headline element is the metadata title with page furniture around it:
    a mark and more after it ("Ferry timetable agreed – Gazette", "… (example.com)"), two
    words or a label before it ("Mar 4 2025 Ferry…", "Blog: Ferry…"). A headline that only
    goes on in words ("Ferry timetable agreed after talks") or in a subtitle after a colon
    ("Ferry timetable agreed: what changes in June") is the metadata's title cut short, so
    the headline stays, unless those words are the post's byline or date glued on by the
    page's markup ("Ferry timetable agreed Posted on May 2 by ann")."""
    at = head.casefold().find(meta.casefold())
    if at < 0 or len(meta) == len(head):
        return False
    before, after = head[:at].strip(), head[at + len(meta) :].strip()
    if before:
        return before.endswith(":") or len(before.split()) >= _MIN_HEADLINE_WORDS
    if after.startswith(":") and len(after.split()) > _MIN_HEADLINE_WORDS:
        return False  # ": what changes in June" goes on; ": Gazette" is still the site's
    return not after[:1].isalnum() or bool(_POST_LINE.match(after))


# The line under a post's title that markup sometimes glues to it: who and when.
_POST_LINE = re.compile(r"^(?:posted|published|updated|written|by)\b", re.IGNORECASE)


# ---------------------------------------------------------------- byline

_BY_PREFIX = re.compile(
    r"^\s*(?:(?:analysis|opinion|commentary|story|text|words|written|reporting|posted|"
    r"published|article|posts|articles)\s+)?by(?:[\s:]+|$)",
    re.IGNORECASE,
)
# Credits of people who did not write the story: "Fact checked by", "Photos by".
_OTHER_CREDIT = re.compile(
    r"^(?:fact[- ]?checked|(?:medically\s+)?reviewed|edited|photos?|photography|pictures|"
    r"illustrations?|images?|video|graphics|produced|translated|researched)\s+by\b",
    re.IGNORECASE,
)
# "By" glued to the name, as pages that style the word apart lose the space: "ByAnn Lee".
_GLUED_BY = re.compile(r"^By(?=[A-Z][a-z])")
# Between authors: ";", ",", "|", "&", "and"; and the marks that set a date or a reading
# time beside the name ("Ann Lee · 4 min read", "Ann Lee - March 2, 2024").
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|,|\||&|\band\b|•|·|\s[-–—]\s)\s*", re.IGNORECASE)
# Where a name ends and the place or outlet it writes from begins: "Ann Lee in Kyiv",
# "Ann Lee for The Daily", "Ann Lee on behalf of the board".
_NAME_THEN_PLACE = re.compile(
    r"^((?:By\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)"
    r"\s+(?:on behalf of|for|in|at|from)\s+\S.*$"
)
# A name with the date after it, glued or not: "Ann LeeMarch 2, 2024", "Ann Lee 2 March 2024".
_GLUED_MONTH = re.compile(
    r"(?<=[a-z])(?=(?:\s+\d{1,2})?\s*(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"\.?\s+\d)"
)
# The word that led into that date: "Posted by Ann at · March 2, 2024".
_DATE_LEAD = re.compile(r"\s+(?:at|on)(?=\s+·)")
# Marks that set a name apart from what follows it on one line (a date, a reading time).
_LINE_MARKS = re.compile(r"[·•|]|\s[-–—]\s")
# Icons and symbols before a name (a private-use icon glyph, "×" of a close button).
_LEADING_SYMBOLS = re.compile(r"^[^\w(]+")
# Marks around a name that are not part of it: quotes, bullets, dashes, colons.
_NAME_EDGES = " :-–—\"'“”‘’•·|,"
# Words that mark a byline part as a role or desk rather than a person's name.
_NOT_A_NAME = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|columnist|editor|editors|contributor|"
    r"contributors|desk|"
    r"team|newsroom|editorial|admin|administrator|guest|updated|published|posted|sponsored|"
    r"author|authors|name|written|founder|co-founder|cofounder|ceo|architect|expert|reviewer|"
    r"educator|bio|login|subscribe|follow)\b"
    # the words of links around a byline ("Learn more", "More by Ann Lee", "View all")
    r"|^(?:learn|read|view|see|more)\b",
    re.IGNORECASE,
)
# Outlets that sign stories: news agencies by name, and names built on an outlet's word.
_ORGANISATION = re.compile(
    r"^(?:the\s+)?(?:reuters|associated press|ap|afp|agence france[- ]presse|bloomberg|"
    r"xinhua|pti|ians|upi|dpa|anadolu(?: agency)?|efe|ansa|kyodo|tass|press trust of india)$"
    r"|\b(?:news|press|agency|agencies|media|wire|magazine|times|post|herald|tribune|today|"
    # bodies that sign health and policy pages: "Harbour Heart Foundation", "… Clinic"
    r"foundation|institute|clinic|hospital|university|association|society)$"
    # and every agency the layout knows from credit lines (data/news_agencies.txt)
    rf"|^(?:{alternation(NEWS_AGENCIES)})$",
    re.IGNORECASE,
)
# Letters after a name ("Ann Lee, MD, PhD") belong to the name, not to another person; so
# do registrations with a level ("Ann Lee, E-RYT 500": hours of a yoga teacher's training).
_CREDENTIAL = re.compile(
    r"^(?:(?:[A-Z]{2,6}|[A-Z]{1,3}-[A-Z]{2,5})(?:\s\d{2,4})?"
    r"|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3}|IV)®?$"
)
# trafilatura turns "Ann Lee (http://example.org/ann)" into "Ann Lee http ..." .
_URL_TAIL = re.compile(r"\s*\b(?:https?|www)\b.*$", re.IGNORECASE)
_MAX_NAME_WORDS = 5
# Most names are two or three words; a longer byline part may be a name and a role.
_SHORT_NAME_WORDS = 3
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}", re.I
)


def split_byline(
    author: str | None, html: str = "", *, structured: bool = False
) -> tuple[list[str], list[str]]:
    """(people, outlets) in a byline string: "By Ann Lee and Bo Chan; Reuters".

    Pages join several authors with ";", "and", "&" or commas. A part naming a role ("Games
    Editor") keeps the name before it when the page shows that name on its own; parts that
    are a role alone, a date, a sentence, an address or a link are dropped, because
    `byline` lists who wrote the story. A desk or team the page names ("Gazette Staff",
    "Team Lowmarsh") signs like a person and is kept; "Staff" alone says nothing. Outlets
    ("Reuters") go apart. In a field made for the author (`structured`: JSON-LD, <meta>,
    a link to the writer's account page) a user name ("annlee") or a name in lower case is
    the writer as the site knows them.
    Names are kept as the page writes them.
    """
    if not author or _OTHER_CREDIT.match(_LEADING_SYMBOLS.sub("", author)):
        return [], []
    dated = _DATE_LEAD.sub("", _GLUED_MONTH.sub(" · ", author))
    author = _NAME_THEN_PLACE.sub(r"\1", dated)
    if not _LINE_MARKS.search(author) and _looks_like_sentence(_URL_TAIL.sub("", author)):
        return [], []
    people: list[str] = []
    outlets: list[str] = []
    for part in _parts(author):
        if _OTHER_CREDIT.match(_LEADING_SYMBOLS.sub("", part)):
            continue
        name = _clean_name(part)
        if _ORGANISATION.search(name) and not _DATE_WORDS.search(name):
            _add(outlets, name)
            continue
        name = _NAME_THEN_PLACE.sub(r"\1", name)
        if _is_collective(name) or (structured and _is_handle(name)):
            _add(people, name)
            continue
        if _NOT_A_NAME.search(name):
            name = _name_before_role(name, html)
        elif len(name.split()) > _SHORT_NAME_WORDS:
            name = _shown_prefix(name, html) or name
        if _looks_like_name(name):
            _add(people, _as_written(name, html))
    return people, outlets


# A desk or team that signs a story: "Gazette Staff", "The Harbour Team", "Team Lowmarsh".
_COLLECTIVE = re.compile(
    r"^(?:the\s+)?(?P<own>.+?)\s+(?:editorial\s+)?"
    r"(?:team|staff|desk|editors|contributors?|newsroom)$"
    r"|^team\s+(?P<after>.+)$",
    re.IGNORECASE,
)
_DETERMINERS = frozenset({"the", "our", "your", "my", "a", "an", "this", "all"})
# A site user name: "annlee", "ann.lee", "ann_lee"; no digits (ids, hashes), no @ (e-mail).
_HANDLE = re.compile(r"^[^\W\d_](?:[^\W\d]|[._-](?=[^\W\d_])){2,30}$")
_LOWER_NAME = re.compile(r"^[^\W\d_]{2,}(?:\s+[^\W\d_]{2,}){1,2}$")


def _is_collective(name: str) -> bool:
    """Whether `name` is a named desk or team ("Gazette Staff"), not a role ("Staff Writer",
    "Our Editors", "Staff")."""
    found = _COLLECTIVE.match(name)
    if found is None or any(ch.isdigit() for ch in name) or len(name.split()) > _MAX_NAME_WORDS:
        return False
    own = (found.group("own") or found.group("after") or "").split()
    return (
        bool(own)
        and own[0].casefold() not in _DETERMINERS
        and not any(_NOT_A_NAME.search(word) for word in own)
        and any(word[:1].isupper() for word in own)
    )


def _is_handle(name: str) -> bool:
    """A user name or a lower-case name in an author field, never a role ("admin")."""
    return (
        name == name.casefold()
        and bool(_HANDLE.match(name) or _LOWER_NAME.match(name))
        and not _NOT_A_NAME.search(name.replace("_", " ").replace(".", " "))
        and name.split()[0].casefold() not in _ARTICLE_WORDS
    )


def _clean_name(part: str) -> str:
    """A byline part without "By", a link after it and the marks around it; a final full
    stop kept when it ends an abbreviation ("Ph.D.", "Ann T.")."""
    name = _LEADING_SYMBOLS.sub("", " ".join(part.split())).strip(_NAME_EDGES)
    name = _GLUED_BY.sub("", _BY_PREFIX.sub("", name))
    name = _URL_TAIL.sub("", name).strip(_NAME_EDGES)
    bare = name.rstrip(".")
    last = bare.split()[-1] if bare.split() else ""
    return name if name.endswith(".") and ("." in last or len(last) == 1) else bare


def split_authors(author: str | None, html: str = "") -> list[str]:
    """The people of a byline string (see `split_byline`)."""
    return split_byline(author, html)[0]


def _parts(author: str) -> list[str]:
    """The byline cut at its separators, credentials ("MD") kept with the name before."""
    parts: list[str] = []
    for piece in _AUTHOR_SEPARATORS.split(author):
        if parts and _CREDENTIAL.match(piece.strip()):
            parts[-1] = f"{parts[-1]}, {piece.strip()}"
        elif piece.strip():
            parts.append(piece)
    return parts


def _add(names: list[str], name: str) -> None:
    if name and name.casefold() not in {known.casefold() for known in names}:
        names.append(name)


def _looks_like_sentence(text: str) -> bool:
    """A byline field holding the article's first words: many words, mostly lower case."""
    words = _BY_PREFIX.sub("", text).split()
    small = sum(1 for w in words if w[:1].islower())
    return len(words) > 2 * _MAX_NAME_WORDS or (len(words) > _MAX_NAME_WORDS and small >= 2)


def _name_before_role(part: str, html: str) -> str:
    """The name before a role: "Ben Lee Games Editor" -> "Ben Lee".

    Only when the page shows that name as a whole element text or string; else "" (the part
    is dropped), since guessing where a name ends is worse than leaving it out.
    """
    words = _NOT_A_NAME.split(part, maxsplit=1)[0].split()
    for size in range(len(words), 1, -1):
        candidate = " ".join(words[:size])
        if re.search(r'[>"]\s*' + re.escape(candidate) + r'\s*[<"]', html):
            return candidate
    return ""


def _shown_prefix(part: str, html: str) -> str | None:
    """The first two or three words of a long part when the page shows them on their own:
    "Ann Lee Head Winemaker" is "Ann Lee" and a role the page sets in its own element."""
    words = part.split()
    for size in range(_SHORT_NAME_WORDS, 1, -1):
        candidate = " ".join(words[:size])
        if re.search(r">\s*" + re.escape(candidate) + r"\s*<", html):
            return candidate
    return None


def _as_written(name: str, html: str) -> str:
    """The page's own spelling of a name a source normalised ("John C Welch" for
    "John C. Welch"): initials matter when later stages match the name in the text."""
    pattern = r"(?:\.\s*|\s+)".join(re.escape(word) for word in name.split())
    found = re.search(r"(?<!\w)" + pattern + r"(?!\w)", html) if pattern else None
    if found is None or "\n" in found.group(0):
        return name
    return " ".join(found.group(0).split())


# A person's name never opens with an article: "The Harbour and Ferry boards" is prose.
_ARTICLE_WORDS = frozenset({"the", "a", "an", "this", "these", "our"})
# Lower-case words a name may hold ("Ana de la Cruz"); any other marks prose.
_PARTICLES = frozenset(
    {"de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "al"}
)


def _mixed_case_prose(words: list[str]) -> bool:
    return any(w[:1].islower() and w not in _PARTICLES for w in words)


# A weekday or month on its own is the date beside a byline ("Sat, 20 Dec"), not a name.
_CALENDAR_WORDS = frozenset(
    [
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


def _looks_like_name(name: str) -> bool:
    bare = name.split(",")[0]
    return (
        bool(bare.strip())
        and bare.strip().rstrip(".").casefold() not in _CALENDAR_WORDS
        and bare.split()[0].casefold() not in _ARTICLE_WORDS
        and not _mixed_case_prose(bare.split())
        and not _NOT_A_NAME.search(bare)
        and not any(ch.isdigit() for ch in bare)
        and "@" not in bare
        and "/" not in bare
        and len(bare.split()) <= _MAX_NAME_WORDS
        and any(ch.isupper() for ch in bare)
    )


# A site named for its owner: "Ann Lee's blog". A site name alone ("Ann Lee") is no proof:
# on the dev pages it was far more often a business ("Harbour Dental") than a person.
_NAME_WORD = r"[A-Z](?:[^\W\d_]*(?:[-'’][A-Z][^\W\d_]*)?|\.)"
_OWNER = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})"
    r"['’]s\s+(?i:blog|site|website|notes|journal|weblog)$"
)


def site_owner(sites: list[str]) -> str | None:
    """The person a personal site is named for ("Ann Lee's blog"): blogs often name their
    writer nowhere else."""
    for value in sites:
        found = _OWNER.match(" ".join(value.split()))
        if found is not None:
            return found.group("name")
    return None


def _site_parts(tree: etree._Element) -> list[str]:
    """What names the site: og:site_name, then the outer parts of a divided <title>."""
    names = evidence.meta_values(tree, "og:site_name", "application-name")
    title = evidence.page_title(tree)
    if title:
        parts = _SEPARATOR.split(title)
        if len(parts) > 1:
            names.extend([parts[-1], parts[0]])
    return names


# The first sources of `choose_byline` are fields made for the author's name.
_STRUCTURED_SOURCES = 4
# "Lee, Ann" in a citation field (Highwire's citation_author): family name first.
_INVERTED = re.compile(r"^(?P<family>[^\W\d][^,]{0,40}),\s*(?P<given>[^\W\d][^,]{0,40})$")


def _citation_authors(tree: etree._Element) -> list[str]:
    """The citation_author fields of scholarly pages, one person each, written the usual
    way round ("Lee, Ann" -> "Ann Lee"); else their Dublin Core contributors, which list
    every author where DC.Creator often keeps the first."""
    names = []
    values = evidence.meta_values(tree, "citation_author")
    for value in values or evidence.meta_values(tree, "dc.contributor"):
        found = _INVERTED.match(value)
        names.append(f"{found['given']} {found['family']}" if found else value)
    return names


def _byline_sources(
    tree: etree._Element, ld_authors: list[tuple[str, str]]
) -> list[tuple[list[str], bool]]:
    """The byline's sources, most explicit first (see `choose_byline`), each with whether
    a user name ("annlee") counts there: in fields made for the author and in the links
    the site's markup makes to the writer's account (rel=author, itemprop, /author/ pages),
    which show the account's name as the byline."""
    fields = [
        [n for n, kind in ld_authors if kind != "Organization"],
        [
            v
            for v in evidence.meta_values(
                tree, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator"
            )
            if "://" not in v
        ],
        evidence.labelled_meta_authors(tree),
        _citation_authors(tree),
    ]
    labelled, aside = evidence.labelled_bylines(tree)
    return [
        *((field, True) for field in fields),
        *evidence.byline_texts(tree),
        (labelled, False),
        (evidence.posted_by(tree), True),
        (aside, False),
    ]


def choose_byline(
    tree: etree._Element,
    page: str,
    ld_authors: list[tuple[str, str]],
) -> tuple[list[str], list[str]]:
    """(people, outlets) from the most explicit source that names anyone: JSON-LD authors,
    <meta name=author>, citation fields, the byline on the page (rel=author, itemprop,
    class), then the person a personal site is named for. A source naming only a desk, a
    user name ("Gazette Staff", "annlee") gives way to a later one
    that names a person in full: sites fill their author fields with the account that
    posted the story. A later source that names the same people and more (the page's
    byline lists four writers where JSON-LD kept the first) is the whole list. An author
    field naming nobody the reader sees gives way to the page's byline when the reader sees
    that one: the field then holds the account that posted the story."""
    outlets: list[str] = [n for n, kind in ld_authors if kind == "Organization"]
    read = _SourceReader(_byline_sources(tree, ld_authors), page)
    fallback: list[str] = []
    for rank in range(len(read)):
        people, orgs = read(rank)
        for org in orgs:
            _add(outlets, org)
        if people and not all(_stand_in(p) for p in people):
            if rank < _STRUCTURED_SOURCES:
                # the page's words are read only for a page whose author field names someone
                shown = _shown_text(tree)
                if not any(_key(p) in shown for p in people):
                    page_people = _shown_byline(read, shown)
                    if page_people:
                        return page_people, outlets
            return _widened(people, read, rank), outlets
        fallback = fallback or people
    if fallback:
        return fallback, outlets
    owner = site_owner(_site_parts(tree)) if not outlets else None
    return ([owner] if owner else []), outlets


class _SourceReader:
    """The (people, outlets) of each byline source, read when first asked for: reading a
    source checks every name against the whole page, and most pages need one source."""

    def __init__(self, sources: list[tuple[list[str], bool]], page: str) -> None:
        self._sources = sources
        self._page = page
        self._read: dict[int, tuple[list[str], list[str]]] = {}

    def __len__(self) -> int:
        return len(self._sources)

    def __call__(self, rank: int) -> tuple[list[str], list[str]]:
        if rank not in self._read:
            values, handles = self._sources[rank]
            self._read[rank] = _people_of(values, self._page, handles)
        return self._read[rank]


def _shown_text(tree: etree._Element) -> str:
    """The comparison key of the words the reader sees (the body without scripts)."""
    body = tree.find(".//body")
    return _key(evidence.text_of(body)) if body is not None else ""


def _shown_byline(read: _SourceReader, shown: str) -> list[str]:
    """The first byline on the page that names people the reader sees."""
    for rank in range(_STRUCTURED_SOURCES, len(read)):
        people = read(rank)[0]
        if people and not all(_stand_in(p) for p in people):
            return people if all(_key(p) in shown for p in people) else []
    return []


def _people_of(source: list[str], page: str, structured: bool) -> tuple[list[str], list[str]]:
    """(people, outlets) one source names."""
    people: list[str] = []
    outlets: list[str] = []
    for value in source:
        found, orgs = split_byline(value, page, structured=structured)
        for name in found:
            _add(people, name)
        for org in orgs:
            _add(outlets, org)
    return people, outlets


def _stand_in(name: str) -> bool:
    """A desk or a user name: what a site's author field holds when the account that
    posted the story, not its writer, is named."""
    return _is_collective(name) or _is_handle(name)


def _widened(people: list[str], read: _SourceReader, rank: int) -> list[str]:
    """`people`, or a later source's longer list that names each of them too ("Dr Ann
    Lee, Bo Chan" for "Ann Lee")."""
    keys = [_key(p) for p in people]
    for later in range(rank + 1, min(rank + 1 + _WIDEN_LOOKAHEAD, len(read))):
        other = read(later)[0]
        other_keys = [_key(o) for o in other]
        if len(other) > len(people) and all(any(o.endswith(k) for o in other_keys) for k in keys):
            return other
        if len(other) == len(people) and all(map(_abbreviates, people, other)):
            return other
    return people


def _abbreviates(short: str, full: str) -> bool:
    """Whether `short` is `full` with the family name cut to its initial ("Ann L." for
    "Ann Lee"), as author cards print a name the byline gives whole."""
    cut, whole = short.split(), full.split()
    initial = cut[-1].rstrip(".") if cut else ""
    return (
        len(cut) == len(whole) >= 2
        and len(initial) == 1
        and len(whole[-1]) > 1
        and whole[-1].startswith(initial)
        and [w.casefold() for w in cut[:-1]] == [w.casefold() for w in whole[:-1]]
    )


# How many later sources may widen the chosen byline.
_WIDEN_LOOKAHEAD = 4


# ---------------------------------------------------------------- dates

_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
)
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_ISO = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?)?"
)


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 date or timestamp as the page gives it, normalised: the day alone, or
    the time with its zone when the page states one ("2024-05-01T08:30:00+02:00")."""
    match = _ISO.match(value or "")
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31 and 1990 <= int(year) <= 2100):
        return None
    stamp = f"{year}-{month}-{day}"
    if hour is None or zone is None:
        return stamp
    zone = "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
    return f"{stamp}T{hour}:{minute}:{second or '00'}{zone}"


def choose_dates(
    tree: etree._Element, ld_published: str | None, ld_modified: str | None
) -> tuple[str | None, str | None]:
    """(published, updated) from JSON-LD, <meta>, then a <time> in the article's header.

    A <time> elsewhere (a sidebar's other stories, comments, a teaser card) dates something
    else, so only one outside the page furniture counts. The modified date is never the
    published one. The date printed under the headline wins over a metadata date the
    page never shows its reader (`shown.py`), unless a label calls it the last edit. A
    page that says it was first published earlier than its metadata's date is a story
    republished: its first day is the publication date. Without a metadata date, the
    page's own words date it before any guess: a date labelled "Published", then the
    header's date even when labelled as the last edit (the only day the page gives). A
    timestamp the header prints as a day and a time of day is told in that zone, so an
    evening story keeps its own day (`shown.in_printed_zone`).
    """
    published = iso_date(ld_published)
    for value in evidence.meta_values(tree, *_PUBLISHED_KEYS):
        published = published or iso_date(value)
    if published is None:
        published = _header_time(tree)
    printed = shown.header_date(tree)
    if printed is not None and _printed_wins(tree, printed, published):
        published = printed.day
    published = _labelled_wins(tree, published, printed)
    if published is not None and printed is not None:
        published = shown.in_printed_zone(published, printed)
    updated = iso_date(ld_modified)
    for value in evidence.meta_values(tree, *_MODIFIED_KEYS):
        updated = updated or iso_date(value)
    return published, updated


def _printed_wins(tree: etree._Element, printed: shown.ShownDate, published: str | None) -> bool:
    """Whether the date under the headline replaces the metadata's: it is no edit date, and
    the metadata's is missing, or neither its day (give or take a time zone) nor shown."""
    if printed.edited:
        return False
    if published is None:
        return True
    return _metadata_day_unseen(tree, printed.day, published)


def _metadata_day_unseen(tree: etree._Element, day: str, published: str) -> bool:
    """Whether the page's own `day` is not the metadata's `published` day (give or take a
    time zone), and the page never shows the metadata's day either."""
    return not shown.same_day(day, published) and not shown.shows_day(tree, published[:10])


def _labelled_wins(
    tree: etree._Element, published: str | None, printed: shown.ShownDate | None
) -> str | None:
    """`published`, or the date the page's text labels as published: always when the page
    says the story was first published before `published`; when `published` is None, a
    "Published" date, else the header's edit date."""
    labelled = shown.labelled_date(tree)
    first = labelled is not None and labelled.original
    if labelled is not None and first and (published is None or labelled.day < published[:10]):
        return labelled.day
    if (
        labelled is not None
        and published is not None
        and _update_for_publication(tree, labelled.day, published)
    ):
        return labelled.day
    if (
        labelled is not None
        and published is not None
        and _metadata_day_unseen(tree, labelled.day, published)
    ):
        return labelled.day
    if published is not None:
        return published
    if labelled is not None:
        return labelled.day
    return printed.day if printed is not None else None


def _update_for_publication(tree: etree._Element, labelled: str, published: str) -> bool:
    """Whether the page labels one day "Published" and the metadata's day "Updated"
    ("Published … March 4 | Updated … March 5" beside a metadata stamp of March 5): the
    metadata gives the last edit, so the labelled day is the publication's. A day apart
    that a time zone explains is no such pair."""
    return not shown.same_day(labelled, published) and shown.edit_labelled(tree, published[:10])


# Where a <time> dates another story or a later edit, not this article: a card or carousel of
# other stories, a suggested-reading grid, a listing; a field the CMS names for the edit.
_OTHER_STORY_HINT = re.compile(
    r"(?:^|[-_])(?:cards?|carousel|suggested|listing|river|views-row)(?:$|[-_])", re.IGNORECASE
)
_EDIT_HINT = re.compile(r"(?:^|[-_])(?:changed|modified|updated|update)(?:$|[-_])", re.IGNORECASE)


def _header_time(tree: etree._Element) -> str | None:
    """The date of the <time> (or itemprop=datePublished) that belongs to the headline: of
    several that disagree, one in the headline's own <article>, else the nearest to it, so
    that a teaser box set before the story does not date it (`_nearest_headline`)."""
    found: list[tuple[etree._Element, str]] = []
    for element in tree.xpath("//*[@itemprop='datePublished'] | //time[@datetime]"):
        if evidence.in_furniture(element) or _dates_something_else(element):
            continue
        value = iso_date(element.get("datetime") or element.get("content"))
        if value:
            found.append((element, value))
    if len({value for _, value in found}) > 1:
        return _nearest_headline(tree, found)
    return found[0][1] if found else None


def _nearest_headline(tree: etree._Element, found: list[tuple[etree._Element, str]]) -> str:
    """Of the dated elements `found`, the value of the one in the same <article> as the
    page's first headline (<h1> outside furniture), else of the one nearest to it in the
    page's order (after it, of two as near); the first one when the page has no headline."""
    head = next((h for h in tree.iter("h1") if not evidence.in_furniture(h)), None)
    if head is None:
        return found[0][1]
    story = next((a for a in head.iterancestors() if a.tag == "article"), None)
    if story is not None:
        inside = [value for element, value in found if story in element.iterancestors()]
        if inside:
            return inside[0]
    order = {element: index for index, element in enumerate(tree.iter())}
    at = order[head]

    def distance(item: tuple[etree._Element, str]) -> float:
        # as near before as after: the one after, where most headers print their date
        gap = order[item[0]] - at
        return abs(gap) + (0.5 if gap < 0 else 0.0)

    return min(found, key=distance)[1]


def _dates_something_else(element: etree._Element) -> bool:
    """Whether a <time> sits in a link to another page (a teaser: "Next: … 3 May"), in a
    card of other stories, or in an element named for the last edit ("field--changed").
    A date marked as the published one (itemprop) may sit in a link (to the day's
    archive), but not in a card of other stories, which mark their own dates so too."""
    marked = element.get("itemprop") == "datePublished"
    for node in (element, *element.iterancestors()):
        if node.tag in ("body", "html", "article", "main"):
            return False
        if node.tag == "a" and node.get("href") and not marked:
            return True
        tokens = f"{node.get('class') or ''} {node.get('id') or ''}".split()
        if any(_OTHER_STORY_HINT.search(t) or _EDIT_HINT.search(t) for t in tokens):
            return True
    return False


def read_metadata(page: str, url: str | None, tree: etree._Element | None = None) -> PageMetadata:
    """Everything the page says about its article; an unreadable page says nothing.
    `tree`: the page already parsed, when the caller has it."""
    tree = tree if tree is not None else evidence.parse(page)
    if tree is None:
        return PageMetadata()
    ld = evidence.linked_data(tree)
    people, outlets = choose_byline(tree, page, ld.authors)
    published, updated = choose_dates(tree, ld.published, ld.modified)
    return PageMetadata(
        title=choose_title(tree, url, ld.publisher, ld.headline),
        authors=people,
        organisations=outlets,
        published=published,
        updated=updated,
    )
