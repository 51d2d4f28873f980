"""Bar charts drawn on the server as plain SVG: no script, no CDN, nothing the page's
Content-Security-Policy would refuse (bars are SVG attributes, not inline styles). Each bar
links to the quotes behind it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from dateline.store.sources import SourceMix, SourceSelection

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 170
PLOT_WIDTH = 420


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: str
    sources: int
    claims: int
    share: float
    y: int
    width: int
    href: str


@dataclass(frozen=True, slots=True)
class Chart:
    by: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    plot_width: int = PLOT_WIDTH


def quotes_href(by: str, value: str | None, selection: SourceSelection) -> str:
    """The quotes page listing what the sources of one bar said."""
    asked = {
        "source_by": by,
        "source_value": value or "",
        "outlet": selection.outlet or "",
        "topic": selection.about or "",
        "since": selection.since or "",
        "until": selection.until or "",
    }
    return "/quotes?" + urlencode({k: v for k, v in asked.items() if v or k == "source_value"})


def chart(mix: SourceMix, selection: SourceSelection) -> Chart:
    """One bar per value, longest first, widths scaled to the largest count."""
    largest = max((s.sources for s in mix.shares), default=0) or 1
    bars = [
        Bar(
            label=share.value or "(none)",
            value=share.value or "",
            sources=share.sources,
            claims=share.claims,
            share=share.share,
            y=row * (BAR_HEIGHT + GAP),
            width=max(2, round(PLOT_WIDTH * share.sources / largest)),
            href=quotes_href(mix.by, share.value, selection),
        )
        for row, share in enumerate(mix.shares)
    ]
    return Chart(mix.by, bars, height=max(1, len(bars)) * (BAR_HEIGHT + GAP))
