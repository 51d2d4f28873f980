"""Language identification is skipped for plainly English text (its byte walk is costly)
and kept for every text in doubt, with the same answers."""

from __future__ import annotations

import pytest

from dateline.ingest import decoding
from dateline.ingest.decoding import detect_language

# Our own sentences.
ENGLISH = (
    "The ferry company said on Monday that it would add two sailings to the island, and "
    "the council, which has asked for them since spring, welcomed the plan. Residents who "
    "have waited in long queues this summer said they had been ignored for too long, and "
    "their harbour master said the new timetable would start from the first of October."
)
FRENCH_WITH_AN_ENGLISH_QUOTE = (
    "Le conseil municipal de la petite ville a voté jeudi soir un nouveau budget pour les "
    "écoles et la bibliothèque, après une longue séance publique. Le maire a expliqué aux "
    "habitants que les travaux commenceraient au printemps et dureraient deux ans. Un "
    "visiteur britannique a résumé : « the plan is fine ». Les élus de l'opposition ont "
    "demandé un audit indépendant des dépenses de la commune avant la fin de l'année."
)
# German writes "was" and "will" (what, wants): not markers, so this goes to the identifier.
GERMAN = (
    "Was der Bürgermeister am Dienstag im Rathaus sagte, überraschte viele Anwohner der "
    "Altstadt. Er will die Brücke über den Fluss bis zum nächsten Sommer sanieren lassen, "
    "und die Stadtwerke sollen die Kosten tragen. Die Händler am Marktplatz fürchten "
    "monatelange Umleitungen und fordern eine frühe Information über die Bauzeiten."
)


def _no_identifier() -> None:
    raise AssertionError("the identifier was asked about a plainly English text")


def test_plainly_english_text_skips_the_identifier(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "_identifier", _no_identifier)
    assert detect_language(ENGLISH) == "en"


def test_the_shortcut_gives_the_identifiers_answer_on_english() -> None:
    language, probability = decoding._identifier().classify(ENGLISH)
    assert language == "en" and probability > 0.9


@pytest.mark.parametrize(
    ("text", "language"), [(FRENCH_WITH_AN_ENGLISH_QUOTE, "fr"), (GERMAN, "de")]
)
def test_other_languages_still_go_to_the_identifier(text: str, language: str) -> None:
    words = decoding._WORD.findall(text)
    assert not decoding._plainly_english(words)
    assert detect_language(text) == language
