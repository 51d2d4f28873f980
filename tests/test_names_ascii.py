"""Accent folding's shortcut for ASCII text gives what the full Unicode path gives."""

from __future__ import annotations

import string
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dateline.names import fold, strip_accents


def _full_path(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_the_full_path_does(text: str) -> None:
    assert strip_accents(text) == _full_path(text)


def test_accented_and_plain_names_still_meet() -> None:
    assert fold("  Ñandú Peña ") == fold("nandu pena") == "nandu pena"
    assert strip_accents(string.printable) == string.printable
