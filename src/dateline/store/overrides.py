"""An analyst's corrections of identities, applied over what resolution decides.

Resolution gives keys from names and evidence; an analyst who knows better says "these two
keys are one person" (merge) or "in this article, this key is someone else" (split). The
corrections are kept by key and article id, never by row, so they outlive `dateline ingest
--reanalyze` (which stores an article's entities anew) and every later resolution (which
gives the same names the same keys): each resolution applies them again, in the order they
were made, so the result is what the analyst saw when making the last one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

MERGE = "merge"
SPLIT = "split"


@dataclass(frozen=True, slots=True)
class Override:
    """One correction: merge `key` into `target`, or split `key` off in `article_id`."""

    kind: str
    key: str
    target: str | None = None
    article_id: str | None = None


def split_key(key: str, article_id: str) -> str:
    """The key a split gives an identity's entities in one article: stable, and telling
    which identity and which article it came from."""
    return f"{key}~{article_id.removeprefix('sha256:')[:12]}"


class Overrides:
    """The corrections of a store, looked up by the key they apply to."""

    def __init__(self, overrides: list[Override]) -> None:
        self.by_key: dict[str, list[tuple[int, Override]]] = defaultdict(list)
        for order, override in enumerate(overrides):
            self.by_key[override.key].append((order, override))

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def apply(self, key: str, article_id: str) -> str:
        """The key an entity of `article_id` has once every correction made after the one
        last applied to it is applied in turn."""
        done = -1
        while True:
            step = next(
                (
                    (order, o)
                    for order, o in self.by_key.get(key, [])
                    if order > done and (o.kind == MERGE or o.article_id == article_id)
                ),
                None,
            )
            if step is None:
                return key
            done, override = step
            if override.kind == MERGE and override.target:
                key = override.target
            else:
                key = split_key(key, article_id)
