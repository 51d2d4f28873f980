"""How often each source of a page's title equals the gold title, on both extract dev sets.

    python benchmarks/extract_titles.py [--limit N]

The two sets keep two conventions: WCXB's gold is the headline a person reads on the page,
the readability pages' gold is Readability's own metadata rule (JSON-LD `headline`, else
`og:title` whole, else `<title>` cut at its last separator when more than four words are
left). For every titled page this prints, per set, how often each candidate equals the gold
(as `score.py extract` compares titles), then the best orderings of sources (each source
taken when the page has it, the next one otherwise) on each set and on both: whether one
ordering comes near 0.90 on both, and what each convention costs the other.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Callable
from urllib.parse import urlsplit

from dateline.ingest import evidence, metadata
from dateline.ingest.decoding import normalise_text
from extract_cv import SETS, read_pages
from folds import load_scorer

# Readability's separators in <title> ("Headline | Site", "Headline - Site", "… » Site").
_READABILITY_SEPARATOR = re.compile(r"\s(?:\||-|–|—|\\|/|>|»)\s")
_MAX_CUT_WORDS = 4

Candidates = dict[str, str | None]


def readability_title(title: str | None) -> str | None:
    """<title> as Readability cleans it: cut at the last separator when what is left keeps
    more than four words, else the whole title."""
    if not title:
        return None
    cuts = list(_READABILITY_SEPARATOR.finditer(title))
    if cuts:
        head = title[: cuts[-1].start()].strip()
        if len(head.split()) > _MAX_CUT_WORDS:
            return head
    return title


def evidence_strip(title: str | None, site: str | None, host: str, other: str | None) -> str | None:
    """`title` with a leading or trailing part taken off only on evidence: the page's own
    og:site_name, a part spelt from the host's name, or the same part ending (or opening)
    the other metadata title while the rest differs. Never the site's name alone."""
    if not title:
        return None
    parts = metadata._SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    host_words = metadata.host_words(f"https://{host}/") if host else frozenset()
    other_parts = metadata._SEPARATOR.split(other) if other else []

    def sited(part: str, shared: bool) -> bool:
        key = metadata._key(part)
        return bool(
            (site and key == metadata._key(site))
            or metadata._host_named(part, host_words)
            or (key and key in metadata._key(host))
            or shared
        )

    kept = list(parts)
    while len(kept) > 1 and sited(
        kept[-1], len(other_parts) > 1 and other_parts[-1] == kept[-1] and other != title
    ):
        kept.pop()
    while len(kept) > 1 and sited(
        kept[0], len(other_parts) > 1 and other_parts[0] == kept[0] and other != title
    ):
        kept.pop(0)
    return metadata._join(title, kept)


def candidates(page: dict[str, object]) -> Candidates:
    """Each source's title for one page."""
    html = normalise_text(str(page["html"]), str(page["id"]))
    url = page.get("url")
    url = url if isinstance(url, str) else None
    tree = evidence.parse(html)
    if tree is None:
        return {}
    ld = evidence.linked_data(tree)
    og = next(iter(evidence.meta_values(tree, "og:title")), None)
    title = evidence.page_title(tree)
    site = next(iter(evidence.meta_values(tree, "og:site_name")), None)
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    heads = evidence.headlines(tree)
    sites = metadata.site_names(tree, url, ld.publisher)
    return {
        "h1": heads[0] if heads else None,
        "ld_headline": ld.headline,
        "og_whole": og,
        "og_stripped": evidence_strip(og, site, host, title),
        "og_ours_strip": metadata.strip_site(og, sites, heads) if og else None,
        "title_readability": readability_title(title),
        "title_stripped": evidence_strip(title, site, host, og),
        "title_ours_strip": metadata.strip_site(title, sites, heads) if title else None,
        "ours": metadata.choose_title(tree, url, ld.publisher, ld.headline),
    }


def first_of(order: tuple[str, ...]) -> Callable[[Candidates], str | None]:
    """An ordering of sources: the first the page has."""

    def pick(found: Candidates) -> str | None:
        return next((found[name] for name in order if found.get(name)), None)

    return pick


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    scorer = load_scorer()
    rows: dict[str, list[tuple[str, Candidates]]] = {}
    for name, path in SETS.items():
        if not path.is_file():
            print(f"{path}: not found", file=sys.stderr)
            return 1
        pages = [p for p in read_pages(path, args.limit) if p.get("title")]
        rows[name] = [(str(p["title"]), candidates(p)) for p in pages]

    def accuracy(name: str, pick: Callable[[Candidates], str | None]) -> float:
        hits = [scorer.squash(g) == scorer.squash(pick(c)) for g, c in rows[name]]
        return sum(hits) / len(hits)

    sources = list(next(iter(rows["wcxb"]))[1])
    print(f"{'candidate':<20} {'dev (17)':>9} {'WCXB':>7}   has it: dev / WCXB   right: dev / WCXB")
    for source in sources:
        has = [sum(bool(c.get(source)) for _, c in rows[n]) for n in SETS]
        accs = [accuracy(n, lambda c, s=source: c.get(s)) for n in SETS]
        hits = [round(a * len(rows[n])) for a, n in zip(accs, SETS, strict=True)]
        print(
            f"{source:<20} {accs[0]:>9.3f} {accs[1]:>7.3f}   {has[0]:>4} / {has[1]:<4}"
            f"   {hits[0]:>4} / {hits[1]}"
        )
    print("\nwhere the og:title has a site part on evidence (og_whole != og_stripped):")
    for name in SETS:
        split = [(g, c) for g, c in rows[name] if c.get("og_whole") != c.get("og_stripped")]
        whole = sum(scorer.squash(g) == scorer.squash(c["og_whole"]) for g, c in split)
        cut = sum(scorer.squash(g) == scorer.squash(c["og_stripped"]) for g, c in split)
        print(f"  {name}: {len(split)} pages, gold keeps it {whole}, gold strips it {cut}")
    print("where the h1 and the metadata title (ours stripped) differ:")
    for name in SETS:
        split = [
            (g, c)
            for g, c in rows[name]
            if c.get("h1")
            and c.get("og_ours_strip")
            and scorer.squash(c["h1"]) != scorer.squash(c["og_ours_strip"])
        ]
        head = sum(scorer.squash(g) == scorer.squash(c["h1"]) for g, c in split)
        meta = sum(scorer.squash(g) == scorer.squash(c["og_ours_strip"]) for g, c in split)
        print(f"  {name}: {len(split)} pages, gold the h1 {head}, gold the metadata {meta}")
    pool = [s for s in sources if s != "ours"]
    orders = [o for k in (1, 2, 3) for o in itertools.permutations(pool, k)]
    scored = [(accuracy("dev", first_of(o)), accuracy("wcxb", first_of(o)), o) for o in orders]
    print("\nbest orderings (first source the page has):")
    for label, key in (
        ("for dev", lambda t: (t[0], t[1])),
        ("for WCXB", lambda t: (t[1], t[0])),
        ("for the worse of the two", lambda t: (min(t[0], t[1]), t[0] + t[1])),
    ):
        dev, wcxb, order = max(scored, key=key)
        print(f"{label:<26} dev {dev:.3f}  WCXB {wcxb:.3f}  {' > '.join(order)}")
    print("command: python benchmarks/extract_titles.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
