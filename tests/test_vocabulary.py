"""Word lists: every list is a data file with a header, installed with the package and read
once by `dateline.vocabulary`; what several layers share is written once and read whole by
each of them (news agencies, the compass, titles, Title Case's small words)."""

from __future__ import annotations

import csv
import fnmatch
import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from dateline import vocabulary
from dateline.ingest import article_from_text
from dateline.names import name_words
from dateline.vocabulary import word_list, word_rows, word_table

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "dateline"
WORD_FILES = sorted(
    path
    for folder in [PACKAGE / "data", *PACKAGE.glob("nlp/*/data")]
    for path in folder.iterdir()
    if path.suffix in {".txt", ".csv", ".json"}
)


def _id(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", WORD_FILES, ids=_id)
def test_every_word_file_opens_with_what_it_is_for_and_where_it_came_from(path: Path) -> None:
    text = path.read_text("utf-8")
    if path.suffix == ".json":
        about = json.loads(text).get("_about")
        assert isinstance(about, str) and len(about) > 40
    else:
        header = [line for line in text.splitlines()[:6] if line.startswith("#")]
        assert text.startswith("# ") and len(" ".join(header)) > 40


@pytest.mark.parametrize("path", [p for p in WORD_FILES if p.suffix == ".txt"], ids=_id)
def test_no_word_list_names_a_word_twice(path: Path) -> None:
    package = ".".join(path.parent.parent.relative_to(PACKAGE.parent).parts)
    repeated = [w for w, n in Counter(word_list(package, path.name)).items() if n > 1]
    assert not repeated


@pytest.mark.parametrize("path", WORD_FILES, ids=_id)
def test_every_word_file_is_installed_with_the_package(path: Path) -> None:
    """pyproject.toml's package-data patterns cover the file, so a wheel carries it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["dateline"]
    assert any(fnmatch.fnmatch(_id(path), pattern) for pattern in patterns)


def test_the_readers_skip_comments_and_keep_the_order(tmp_path: Path) -> None:
    package = tmp_path / "wordpkg"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "data" / "birds.txt").write_text(
        "# Birds for a test.\nwren\n\n# the big ones\nheron  # grey, by the river\nowl\n"
    )
    (package / "data" / "birds.csv").write_text("# Birds again.\nbird,size\nwren,small\n")
    (package / "data" / "birds.json").write_text('{"_about": "Birds.", "wren": "small"}')
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(tmp_path))
        assert word_list("wordpkg", "birds.txt") == ("wren", "heron", "owl")
        assert [dict(row) for row in word_rows("wordpkg", "birds.csv")] == [
            {"bird": "wren", "size": "small"}
        ]
        assert dict(word_table("wordpkg", "birds.json")) == {"wren": "small"}


def test_the_calendar_names_are_read_the_same_by_ingest_and_the_time_stage() -> None:
    from dateline.ingest.dates import find_dates
    from dateline.nlp.timex.finder import find_time_expressions

    text = "The envoy left on Sept. 9, 2031 and came back in mid-October."
    assert [d.iso() for d in find_dates(text)] == ["2031-09-09"]
    assert [text[a:b] for a, b in find_time_expressions(text)] == ["Sept. 9, 2031", "mid-October"]
    assert vocabulary.MONTHS["sept"] == vocabulary.MONTHS["september"] == 9


def test_a_caption_credited_to_an_agency_alone_or_in_capitals_is_a_credit() -> None:
    for credit in ("IANS", "Dora Vek/ANADOLU", "Dora Vek for PTI"):
        page = (
            "Ferry Service Resumes Across the Strait\n"
            f"Passengers board the first ferry at the Doeport pier on Monday. {credit}\n"
            "The ferry service resumed on Monday after a month of repairs to the pier.\n"
        )
        article = article_from_text(page, "ferry.txt")
        assert [c.credit for c in article.captions] == [credit]


def test_a_photo_credit_opening_with_an_agency_names_no_photographer() -> None:
    from dateline.nlp.entities.mentions import _credited_person

    assert _credited_person(0, "Anadolu Agency/Pool") is None
    assert _credited_person(0, "Shutterstock Editorial") is None
    assert _credited_person(0, "Mira Doe/Anadolu") == (0, 8, "Mira Doe")


def test_a_byline_part_naming_an_agency_is_not_an_author() -> None:
    from dateline.ingest.metadata import split_byline

    assert split_byline("By Vera Anand; Anadolu Agency") == (["Vera Anand"], ["Anadolu Agency"])
    assert split_byline("Vera Anand and Getty Images") == (["Vera Anand"], ["Getty Images"])


def test_a_place_is_found_without_the_compass_point_before_it() -> None:
    from dateline.nlp.places.component import _DIRECTION

    for name in ("North-east Doeland", "Northeast Doeland", "Centre Doeland", "Northern Doeland"):
        assert _DIRECTION.sub("", name) == "Doeland"
    assert _DIRECTION.sub("", "Northampton") == "Northampton"


def test_a_hyphenated_compass_adjective_alone_is_no_region() -> None:
    from dateline.nlp.common.gazetteer import _BARE_DIRECTIONS

    assert {"north-western", "south-eastern", "western", "central"} <= _BARE_DIRECTIONS
    assert "north western" not in _BARE_DIRECTIONS  # Sierra Leone's region keeps its name


def test_every_courtesy_title_is_dropped_from_a_name_wherever_names_are_compared() -> None:
    from dateline.nlp.entities.mentions import name_key
    from dateline.nlp.entities.office_holders import holder_key

    assert name_key("Mx. Aldo Roe") == name_key("Aldo Roe") == "aldo roe"
    assert holder_key("Miss Ines Doe") == holder_key("Ines Doe")
    assert name_words("Senator Ines Doe") == ["ines", "doe"]


def test_the_store_reads_the_sex_a_title_tells() -> None:
    from dateline.store.rows import gender_by_honorific

    text = "Lady Ines Doe spoke first. Later Lord Aldo Roe replied."
    assert gender_by_honorific(text, [{"start": text.index("Ines")}]) == "f"
    assert gender_by_honorific(text, [{"start": text.index("Aldo")}]) == "m"


def test_quoted_words_in_title_case_are_a_title_whatever_their_small_words() -> None:
    from dateline.nlp.quotes.direct import _title_like

    assert _title_like("Roe at Home by Nightfall")
    assert not _title_like("we will be home by nightfall, at the latest")


def test_every_list_the_stages_read_is_lower_case_where_it_is_matched_so() -> None:
    """The stage lists are matched against lower-cased words and lemmas."""
    for path in WORD_FILES:
        if path.suffix == ".txt" and path.name != "news_agencies.txt":
            package = ".".join(path.parent.parent.relative_to(PACKAGE.parent).parts)
            words = word_list(package, path.name)
            assert all(w == w.lower() for w in words), path.name
        if path.suffix == ".csv" and path.parent.parent != PACKAGE:
            with path.open(encoding="utf-8") as handle:
                rows = [r for r in csv.reader(handle) if r and not r[0].startswith("#")]
            assert all(r[0] == r[0].lower() for r in rows), path.name
