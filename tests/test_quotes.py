"""Quotes: who said what, in their words or reported, with the speaker resolved."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import Analysis, Quote
from dateline.nlp.entities.mentions import name_key
from dateline.nlp.quotes.marks import find_quoted_spans, without_subheadings

from .conftest import EXAMPLES, EXPECTED


def _quote(analysis: Analysis, words: str) -> Quote:
    found = [q for q in analysis.quotes if words in q.span.text]
    assert found, f"no quote with {words!r} in {[q.span.text for q in analysis.quotes]}"
    return found[0]


def test_direct_quote_with_the_attribution_after_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Foreign Minister Lena Vos arrived in Lima on Monday. “We came to listen, not to lecture,” "
        "Ms. Vos said at the airport."
    )
    quote = _quote(analysis, "We came to listen")
    assert quote.span.text == "We came to listen, not to lecture,"
    assert quote.kind == "direct"
    assert quote.speaker_name == "Lena Vos"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Vos"


def test_split_quote_and_its_continuation_share_one_speaker(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mayor Ines Duarte spoke after the flood.\n\n"
        "“The water came fast,” she said, “and it did not wait for anyone.” "
        "“We will rebuild every house.”\n\n"
        "“Nobody will be left behind.”\n"
    )
    for words in ("The water came fast", "and it did not wait", "We will rebuild", "Nobody will"):
        quote = _quote(analysis, words)
        assert quote.speaker_name == "Ines Duarte", words


def test_pronoun_speaker_is_the_person_last_named(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Senator Paul Okoro left the chamber early. “This bill is dead on arrival,” he said."
    )
    quote = _quote(analysis, "dead on arrival")
    assert quote.speaker_name == "Paul Okoro"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "he"


def test_inverted_and_appositive_attributions(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "“The clinic is out of insulin,” said Hugo Brandt, a doctor at the camp.\n\n"
        "Maria Keller, a nurse, said: “We ration what is left.”\n"
    )
    assert _quote(analysis, "out of insulin").speaker_name == "Hugo Brandt"
    assert _quote(analysis, "We ration").speaker_name == "Maria Keller"


def test_a_paragraph_that_is_only_a_quote_takes_the_next_attribution(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Talks resumed on Tuesday in Doha.\n\n"
        "“There is no deal until everything is agreed.”\n\n"
        "That was how negotiator Omar Rahim put it, the ministry said. “We are close,” Mr. Rahim "
        "told reporters.\n"
    )
    assert _quote(analysis, "no deal until").speaker_name == "Omar Rahim"


def test_partial_quotes_in_a_reporting_frame(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Prime Minister Ana Costa described the offer as “deeply unfair” on Friday. "
        "Her critics called the plan a “mistake.”"
    )
    quote = _quote(analysis, "deeply unfair")
    assert quote.kind == "partial"
    assert quote.speaker_name == "Ana Costa"
    assert quote.cue is not None and quote.cue.text == "described"


def test_a_scare_quoted_word_is_not_a_quote(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The so-called “peace dividend” never arrived in the northern towns, where prices rose."
    )
    assert not [q for q in analysis.quotes if "peace dividend" in q.span.text]


def test_reported_speech(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Defense Minister Karl Berg said that the troops would leave by June. "
        "He told lawmakers that the base would close. "
        "According to the ministry, 400 soldiers remain in the region. "
        "The opposition has argued for a full inquiry into the deployment."
    )
    said = _quote(analysis, "the troops would leave by June")
    assert (said.kind, said.speaker_name, said.cue and said.cue.text) == (
        "indirect",
        "Karl Berg",
        "said",
    )
    assert said.span.text == "the troops would leave by June"
    told = _quote(analysis, "the base would close")
    assert told.speaker_name == "Karl Berg" and told.cue is not None and told.cue.text == "told"
    according = _quote(analysis, "400 soldiers remain")
    assert according.cue is not None and according.cue.text.lower() == "according to"
    assert according.speaker_name is not None and "ministry" in according.speaker_name
    argued = _quote(analysis, "a full inquiry")
    assert argued.span.text.startswith("for a full inquiry")


def test_thoughts_and_intentions_are_not_speech(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The governor believes that the dam will hold. She wants the bridge reopened by May."
    )
    assert analysis.quotes == []


def test_organisation_and_role_speakers(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Secretary of State Mara Quinn met the envoy. The secretary of state said the meeting "
        "was productive. The State Department said the visit would continue on Friday."
    )
    assert _quote(analysis, "meeting was productive").speaker_name == "Mara Quinn"
    assert _quote(analysis, "visit would continue").speaker_name == "State Department"


def test_a_pull_quote_takes_the_speaker_of_the_body_quote_it_repeats(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Port Reopens After Strike\n\n"
        "“The cease-fire is holding and the ships are moving again.”\n"
        "By Ann Lee\n\n"
        "The port reopened on Monday. “The ceasefire is holding and the ships are moving "
        "again,” harbor master Tom Reyes said.\n"
    )
    quotes = [q for q in analysis.quotes if "ships are moving" in q.span.text]
    assert len(quotes) == 2
    assert {q.speaker_name for q in quotes} == {"Tom Reyes"}


def test_nothing_is_quoted_from_headlines_or_captions(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Minister Says ‘We Will Not Back Down’\n\n"
        "A protester holds a sign reading “No more cuts” in Madrid on May 2, 2025. Ana Ruiz/AFP\n"
        "By Ann Lee\n\n"
        "The minister spoke for an hour on Monday, officials said.\n"
    )
    assert all(
        "Back Down" not in q.span.text and "No more" not in q.span.text for q in analysis.quotes
    )


@pytest.mark.parametrize("path", sorted(EXPECTED.glob("*.json")), ids=lambda p: p.stem)
def test_example_quotes_and_speakers(path, analyse_file) -> None:  # type: ignore[no-untyped-def]
    expected: dict[str, Any] = json.loads(path.read_text("utf-8"))
    analysis = analyse_file(EXAMPLES / expected["file"])
    text = analysis.article.text
    found = right = 0
    for gold in expected["quotes"]:
        start = text.find(gold["content"])
        end = start + len(gold["content"])
        matches = [
            q
            for q in analysis.quotes
            if min(end, q.span.end) - max(start, q.span.start)
            >= 0.5 * min(end - start, q.span.end - q.span.start)
        ]
        if not matches:
            continue
        found += 1
        name = matches[0].speaker_name
        # an unnamed speaker ("one Western envoy") is no entity, though the group is named
        right += (gold["speaker"] is None and matches[0].speaker is None) or (
            gold["speaker"] is not None
            and name is not None
            and name_key(name).split()[-1:] == name_key(gold["speaker"]).split()[-1:]
        )
    total = len(expected["quotes"])
    assert found / total >= 0.85, f"found {found} of {total}"
    assert right / total >= 0.8, f"right speaker for {right} of {total}"


marks = st.sampled_from(list("“”\"‘’'«» .,\n")) | st.text(max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(marks, max_size=60).map("".join))
def test_quotation_marks_never_crash_and_stay_in_bounds(text: str) -> None:
    for span in find_quoted_spans(text, [(0, len(text))]):
        assert 0 <= span.open_mark < span.start <= span.end <= len(text)
        assert span.close_mark is None or span.end <= span.close_mark


def test_typewriter_and_single_quotes() -> None:
    text = "''We will win,'' he said. She called it ‘a mess’ while Hamas’ fighters waited."
    quoted = [text[s.start : s.end] for s in find_quoted_spans(text, [(0, len(text))])]
    assert quoted == ["We will win,", "a mess"]


def test_a_short_quote_set_off_by_its_attribution_is_kept(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The hearing ran late into the night.\n\n"
        "“Objection,” the lawyer Rosa Imbert said. “My client has answered that twice.”\n"
    )
    quote = _quote(analysis, "Objection")
    assert quote.kind == "direct"
    assert quote.speaker_name == "Rosa Imbert"


def test_titles_of_shows_and_books_are_not_quotes(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The state budget was published on Friday.\n\n"
        "Governor Lila Marsh spoke on Channel 9’s “Morning Forum.” “We will not raise taxes,” "
        "she said.\n\n"
        "Marsh, author of the memoir “Roads Home,” said the budget would balance.\n"
    )
    texts = [q.span.text for q in analysis.quotes]
    assert not [t for t in texts if "Morning Forum" in t or "Roads Home" in t], texts
    assert _quote(analysis, "We will not raise taxes").speaker_name == "Lila Marsh"


def test_words_running_on_after_a_quote_belong_to_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "“The port will reopen within a week” if the weather holds, harbor master Ivo Rask said."
    )
    quote = _quote(analysis, "The port will reopen")
    assert quote.span.text == "The port will reopen within a week” if the weather holds"
    assert quote.kind == "partial"
    assert quote.speaker_name == "Ivo Rask"


def test_an_attribution_inside_the_sentence_splits_what_was_said(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Housing Minister Petra Lind toured the site on Monday. In the northern districts, "
        "she said, rents have doubled since the factory closed."
    )
    parts = {q.span.text for q in analysis.quotes if q.cue is not None and q.cue.text == "said"}
    assert parts == {"In the northern districts", "rents have doubled since the factory closed"}
    assert all(q.speaker_name == "Petra Lind" for q in analysis.quotes)


def test_naming_and_characterising_report_what_was_called_what(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Senator Amos Kerr called the tariff plan reckless. "
        "Kerr described the new levy as “a tax on every family.”"
    )
    called = _quote(analysis, "tariff plan")
    assert called.span.text == "the tariff plan reckless"
    assert called.kind == "indirect" and called.speaker_name == "Amos Kerr"
    described = _quote(analysis, "a tax on every family")
    assert described.span.text == "the new levy as “a tax on every family.”"
    assert described.kind == "partial"


def test_a_website_called_something_names_no_one(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The group runs a website called Fair Rents Now that lists landlords.")
    assert analysis.quotes == []


def test_findings_of_a_poll_are_attributed_to_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "A new survey of farmers shows that most expect a poor harvest. "
        "The inspector found the gate open."
    )
    quote = _quote(analysis, "most expect a poor harvest")
    assert quote.speaker_name is not None and "survey" in quote.speaker_name
    assert not [q for q in analysis.quotes if "gate" in q.span.text]


def test_a_relative_pronoun_stays_out_of_the_reported_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The council approved the budget, which Mayor Tomas Ek said was the leanest in a decade."
    )
    quote = _quote(analysis, "leanest in a decade")
    assert quote.span.text == "was the leanest in a decade"
    assert quote.speaker_name == "Tomas Ek"


def test_a_few_quoted_words_alone_are_a_term_not_a_quote(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Officials said the files were marked “top secret” before the audit began last year."
    )
    assert not [q for q in analysis.quotes if q.span.text == "top secret"]


def test_pointed_out_is_a_cue(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Economist Ruth Obi pointed out that wages have not kept pace with rents."
    )
    quote = _quote(analysis, "wages have not kept pace")
    assert quote.speaker_name == "Ruth Obi"


def test_a_conjoined_attribution_ends_the_reported_clause(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Coach Ana Vidal said the team would play on Sunday but declined to name the goalkeeper."
    )
    quote = _quote(analysis, "the team would play")
    assert quote.span.text == "the team would play on Sunday"


def test_single_quoted_subheadings_are_not_quotes(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The mill closed in March after forty years.\n\n"
        "“We gave this place our whole lives,” said Ines Faro, a weaver.\n\n"
        "‘Nobody told us anything.’\n\n"
        "The owners moved production abroad, according to the union.\n"
    )
    assert not [q for q in analysis.quotes if "Nobody told us" in q.span.text]
    assert _quote(analysis, "whole lives").speaker_name == "Ines Faro"


def test_a_report_inside_a_report_belongs_to_the_outer_speaker(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Union leader Mara Dunn said the manager had promised that no one would lose a job."
    )
    reported = [q for q in analysis.quotes if q.kind in {"indirect", "partial"}]
    assert [q.span.text for q in reported] == [
        "the manager had promised that no one would lose a job"
    ]
    assert reported[0].speaker_name == "Mara Dunn"


def test_a_clause_framing_a_direct_quote_is_that_quote(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The union's letter notes that Ada Moss, who runs the night shift, “is the reason this "
        "plant is still open.”"
    )
    assert [(q.kind, q.span.text) for q in analysis.quotes] == [
        ("direct", "is the reason this plant is still open.")
    ]


def test_the_reporters_own_it_is_too_soon_to_say_reports_nothing(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "It is too soon to say how many homes the flood destroyed in the valley. "
        "The agency counted the damage. It said that repairs would take a year."
    )
    texts = [q.span.text for q in analysis.quotes]
    assert not [t for t in texts if "homes the flood destroyed" in t], texts
    assert _quote(analysis, "repairs would take a year").cue is not None


def test_a_title_named_after_a_noun_and_a_comma_is_no_quote(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The singer Rut Lund grew up on a ferry. In her 2019 memoir, “Far From Home,” Lund "
        "wrote about the winters. She told the crowd, “Thank You All.”"
    )
    texts = [q.span.text for q in analysis.quotes]
    assert "Far From Home," not in texts, texts
    assert "Thank You All." in texts, texts


def test_words_two_cues_report_are_one_quote(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The governor said she would have vetoed the bill if it had reached her desk, according "
        "to a transcript of the call."
    )
    reported = [q for q in analysis.quotes if "vetoed the bill" in q.span.text]
    assert [q.cue.text for q in reported if q.cue is not None] == ["said"]


def test_and_after_a_closing_mark_is_the_reporter_going_on(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Candidate Hal Berg wrote to his followers, “The race is ours to lose,” and shared a "
        "link to his donation page."
    )
    quote = _quote(analysis, "The race is ours to lose")
    assert quote.span.text == "The race is ours to lose,"


def test_subheadings_are_told_by_their_single_marks_alone_on_a_line() -> None:
    text = "“We stay,” she said.\n‘Nobody told us.’\nHe called it ‘a mess’ again.\n"
    lines = [(0, 20), (21, 38), (39, len(text) - 1)]
    kept = [
        text[s.start : s.end] for s in without_subheadings(text, find_quoted_spans(text, lines))
    ]
    assert kept == ["We stay,", "a mess"]
    british = "‘We stay,’ she said.\n‘Nobody told us.’\n"
    spans = find_quoted_spans(british, [(0, 20), (21, 38)])
    assert len(without_subheadings(british, spans)) == 2


def test_according_to_inside_a_sentence_reports_the_clause_with_its_verb(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The ferry line also continued to run night crossings, according to a port report "
        "last month - the only line that did."
    )
    quote = _quote(analysis, "night crossings")
    assert quote.span.text == "The ferry line also continued to run night crossings"
    assert quote.cue is not None and quote.cue.text == "according to"


def test_a_question_put_to_someone_is_not_theirs(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Asked whether the mine would reopen this year, Minister Ola Berg said it was too early."
    )
    question = _quote(analysis, "the mine would reopen")
    assert question.speaker_name is None and question.speaker_mention is None
    assert _quote(analysis, "too early").speaker_name == "Ola Berg"


def test_an_editors_note_reports_no_one(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mayor Tessa Grant opened the new harbour wall on Friday.\n\n"
        "Editor’s note: Mayor Grant has repeatedly promised to close the port to cruise ships.\n\n"
        "Harbour chief Ivo Lenz said the wall would hold back the winter storms.\n"
    )
    texts = [q.span.text for q in analysis.quotes]
    assert not any("close the port" in t for t in texts), texts
    assert _quote(analysis, "hold back the winter storms").speaker_name == "Ivo Lenz"


def test_words_a_colon_announces_are_a_quote_however_few(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The council voted on the harbour plan late on Monday. The mayor's answer came at once: "
        "“Never again.” The vote was delayed.\n\n"
        "He read from the novel “Long Road Home” on the train.\n"
    )
    assert _quote(analysis, "Never again").kind == "direct"
    assert not any("Long Road" in q.span.text for q in analysis.quotes)


def test_a_headline_quote_takes_the_name_before_its_colon(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The storm flattened the pier on Monday.\n\n"
        "Mayor Ada Klein: ‘We Will Rebuild It.’ Ms. Klein toured the harbour with engineers.\n"
    )
    quote = _quote(analysis, "We Will Rebuild It")
    assert quote.speaker_name == "Ada Klein"


def test_quoted_words_after_a_piece_of_writing_are_its_title(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The harbour paper ran headlines such as “Mayor plans to sell the harbour to a foreign "
        "shipping firm” all week.\n\n"
        "In her book, “I never wanted to be mayor of anything,” Ada Klein wrote.\n"
    )
    assert not any("foreign shipping" in q.span.text for q in analysis.quotes)
    assert _quote(analysis, "never wanted to be mayor").speaker_name == "Ada Klein"


def test_set_phrases_of_the_reporters_own_voice_report_no_one(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "There is no denying the harbour has changed the town for good. Only time will tell "
        "whether the new wall will hold through the winter. Mayor Ada Klein did not deny that "
        "the wall had cost more than planned."
    )
    texts = [q.span.text for q in analysis.quotes]
    assert not any("changed the town" in t or "wall will hold" in t for t in texts), texts
    assert _quote(analysis, "cost more than planned").speaker_name == "Ada Klein"


def test_what_someone_called_a_thing_just_named_is_their_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mayor Ada Klein thanked the governor. She called his emergency orders “a crucial step "
        "forward for the coast.” They met in a town called “Harbour Point on the Western Shore” "
        "near the border."
    )
    quote = _quote(analysis, "a crucial step forward")
    assert quote.speaker_name == "Ada Klein"
    assert quote.cue is not None and quote.cue.text == "called"
    assert not any("Western Shore" in q.span.text for q in analysis.quotes)


def test_a_reported_clause_ends_where_the_quoted_words_in_it_end(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Ms. Klein said in an email that the council “has to contend with the suggestion - "
        "unfounded, I think - that it sat on the report.”"
    )
    quote = _quote(analysis, "sat on the report")
    assert quote.span.text.startswith("the council “has to contend")
    assert quote.kind == "partial"


def test_an_object_of_the_cue_set_off_by_commas_is_no_parenthetical(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The next month, the harbour board announced plans to sell the old pier, and the town "
        "objected. In Porto, the mayor said, the ferries run late."
    )
    texts = [q.span.text for q in analysis.quotes]
    assert "plans to sell the old pier" in texts
    assert not any("next month" in t or "town objected" in t for t in texts), texts
    assert "In Porto" in texts and "the ferries run late" in texts


def test_an_attribution_after_a_colon_or_dash_does_not_report_what_came_before(
    analyse_text,
) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The harbour was a mess - a former port official said the mayor demanded daily reports. "
        "The vote was delayed again, Mayor Ada Klein said."
    )
    texts = [q.span.text for q in analysis.quotes]
    assert not any("harbour was a mess" in t for t in texts), texts
    assert _quote(analysis, "The vote was delayed again").speaker_name == "Ada Klein"


def test_whom_a_cue_urges_is_part_of_the_request(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mr. Ivo Lenz has also urged the council to delay the vote until spring."
    )
    assert _quote(analysis, "delay the vote").span.text == (
        "the council to delay the vote until spring"
    )


def test_how_the_words_came_out_is_a_cue_too(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mayor Ada Klein lost her patience at the hearing. “Out of my office,” she barked. "
        "“We will not sell the pier to anyone,” Ms. Klein concluded."
    )
    short = _quote(analysis, "Out of my office")
    assert short.speaker_name == "Ada Klein"
    assert short.cue is not None and short.cue.text == "barked"
    ending = _quote(analysis, "not sell the pier")
    assert ending.cue is not None and ending.cue.text == "concluded"


def test_what_a_statement_read_is_quoted(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The port board answered on Sunday. “We will keep the pier open all winter,” the "
        "statement read."
    )
    quote = _quote(analysis, "keep the pier open")
    assert quote.cue is not None and quote.cue.text == "read"


def test_a_counterpoint_with_its_own_subject_goes_on_with_what_was_said(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Ms. Lena Gray said she got a grant for her first year, but her parents earned too much "
        "for any other aid. Mayor Ada Klein said the pier would reopen in May, but she declined "
        "to give a date."
    )
    assert _quote(analysis, "got a grant").span.text.endswith("too much for any other aid")
    assert _quote(analysis, "pier would reopen").span.text == "the pier would reopen in May"


def test_long_quoted_words_with_no_cue_are_the_subjects(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mayor Ada Klein visited the flooded streets. She offered “my thoughts and prayers for "
        "all of the families who lost their homes.” Owners may swap plots in a so-called "
        "“like-for-like land exchange” this year."
    )
    quote = _quote(analysis, "thoughts and prayers")
    assert quote.kind == "partial"
    assert quote.speaker_name == "Ada Klein"
    assert not any("land exchange" in q.span.text for q in analysis.quotes)


def test_an_editors_note_run_onto_a_paragraph_runs_on_over_its_line_breaks(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mayor Tessa Grant opened the new harbour wall on Friday. Harbour chief Ivo Lenz said the "
        "wall would hold.Editor’s note: Mayor Grant often\nmisleads voters and has repeatedly "
        "promised to close the port to cruise ships.\n\nMs. Grant said the ferries would return.\n"
    )
    texts = [q.span.text for q in analysis.quotes]
    assert not any("close the port" in t for t in texts), texts
    assert "the wall would hold" in texts and "the ferries would return" in texts


def test_quoted_words_opening_a_parenthesis_are_an_example(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Volunteers explained how they rated voters from 1 (“I am definitely voting for Klein”) "
        "to 5 (“I will never vote for her”). The crowd booed. (“I do not want a fight tonight,” "
        "said one harbour worker.) The vote went on."
    )
    texts = [q.span.text for q in analysis.quotes]
    assert not any("definitely voting" in t or "never vote" in t for t in texts), texts
    assert _quote(analysis, "want a fight tonight").kind == "direct"


def test_a_heading_in_capitals_or_a_transcript_note_is_no_quote(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The hearing transcript was released on Monday. “(Loud shouting from the public "
        "gallery.)” The chair called for order.\n\n"
        "‘THE SECRET LIFE OF THE OLD HARBOUR PIER AND ITS KEEPERS’ “The pier was busy every "
        "night of the year and nobody ever slept.”\n"
    )
    texts = [q.span.text for q in analysis.quotes]
    assert not any("SECRET LIFE" in t or "shouting" in t for t in texts), texts
    assert _quote(analysis, "busy every night").kind == "direct"


def test_a_quoted_question_takes_the_attribution_the_parser_puts_in_the_next_sentence(
    analyse_text,
) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The mayor opened the new bridge on Monday.\n\n"
        '"Did everyone get a ticket?" Mayor John Harris said. "Good, thanks!"\n\n'
        '"Why now?" asked Ana Ruiz, a council member.'
    )
    speakers = {q.span.text: q.speaker_name for q in analysis.quotes if q.kind == "direct"}
    assert speakers["Did everyone get a ticket?"] == "John Harris"
    assert speakers["Good, thanks!"] == "John Harris"
    assert speakers["Why now?"] == "Ana Ruiz"
    # A sentence that reports words of its own is no attribution of the question before it.
    asked = analyse_text(
        'Reporters waited outside the hall.\n\n"Is it safe?" The engineers said it was safe.'
    )
    assert all(q.speaker_name is None for q in asked.quotes if q.span.text == "Is it safe?")
    assert [(q.kind, q.span.text) for q in asked.quotes if q.cue is not None] == [
        ("indirect", "it was safe")
    ]


def test_a_pull_quote_is_credited_to_the_name_line_that_closes_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The rally ended late.\n\n"
        '"I will not back down from this fight. Not now, not ever.\n'
        'Maria Lopez, union organiser."\n\n'
        "Her remarks drew applause."
    )
    quote = next(q for q in analysis.quotes if q.kind == "direct")
    assert quote.span.text == "I will not back down from this fight. Not now, not ever."
    assert quote.speaker_name == "Maria Lopez"
    # A quote left open before an ordinary paragraph is still not closed by it.
    open_only = analyse_text(
        "The rally ended late.\n\n"
        '"I will not back down from this fight, not now and not ever\n'
        "The crowd cheered as the organisers packed up the stage for the night.\n"
    )
    assert all("cheered" not in q.span.text for q in open_only.quotes)
