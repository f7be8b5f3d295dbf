"""The phrasebook: enough school sentences, each translated everywhere with its blanks,
and the values in its blanks written the way each language writes them."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kiosk import phrasebook, pictograms
from kiosk.i18n import LANGUAGES

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def test_the_book_has_enough_sentences_each_with_a_known_pictogram():
    assert len(phrasebook.PHRASES) >= 80
    assert len(phrasebook.BY_KEY) == len(phrasebook.PHRASES)
    for phrase in phrasebook.PHRASES:
        assert pictograms.get(phrase.pictogram) is not None, phrase.key
        assert phrase.topic in phrasebook.TOPICS, phrase.key
        assert set(phrase.slots) <= set(phrasebook.SLOT_KINDS), phrase.key
    # No school is the school calendar's to say, not a sentence's.
    assert "no_school" not in {p.pictogram for p in phrasebook.PHRASES}


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_every_sentence_is_translated_with_the_same_blanks(code):
    with (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = {m.id: m for m in read_po(handle) if m.id}
    msgids = [p.msgid for p in phrasebook.PHRASES]
    msgids += list(phrasebook.PLACES.values()) + list(phrasebook.ITEMS.values())
    wrong = []
    for msgid in msgids:
        message = catalogue.get(msgid)
        if message is None or not message.string or message.fuzzy:
            wrong.append((msgid, "untranslated"))
        elif sorted(PLACEHOLDER.findall(message.string)) != sorted(PLACEHOLDER.findall(msgid)):
            wrong.append((msgid, message.string))
    assert wrong == []


def test_values_are_written_the_way_each_language_writes_them(app):
    with app.app_context():
        price = phrasebook.render(
            {"key": "money_for", "slots": {"amount": "5.00", "item": "school_trip"}}, "fr"
        )
        assert price.replace("\xa0", " ").replace("\u202f", " ") == "Donnez 5,00 € pour la sortie."
        sports = {"key": "sports_day", "slots": {"date": "2026-12-11"}}
        assert "الجمعة" in phrasebook.render(sports, "ar") and "ديسمبر" in phrasebook.render(
            sports, "ar"
        )
        assert "vrijdag 11 december" in phrasebook.render(sports, "nl")
        swimming = {"key": "swimming_day", "slots": {"day": "0"}}
        assert phrasebook.render(swimming, "nl").startswith("Zwemmen op maandag:")
        assert "понедельник" not in phrasebook.render(swimming, "en")
        trip = {"key": "trip_bus", "slots": {"place": "zoo", "leave": "08:30", "back": "15:30"}}
        english = phrasebook.render(trip, "en")
        assert english.startswith("Trip to the zoo by bus: leaving at 8:30") and "3:30" in english
        assert "de dierentuin" in phrasebook.render(trip, "nl")
        # A sentence whose blanks are not all there says nothing rather than half.
        assert phrasebook.render({"key": "trip_bus", "slots": {"place": "zoo"}}, "nl") == ""
        assert phrasebook.render({"key": "gone", "slots": {}}, "nl") == ""


def test_a_sentence_needs_each_blank_and_a_value_of_its_kind():
    stored, problems = phrasebook.check("trip_bus", {"place": "zoo", "leave": "8:30"})
    assert stored is None and problems == {"back": "missing"}
    stored, problems = phrasebook.check("money_for", {"amount": "lots", "item": "school_trip"})
    assert problems == {"amount": "invalid"}
    stored, problems = phrasebook.check("money_for", {"amount": "2,5", "item": "school_trip"})
    assert problems == {} and stored["slots"] == {"amount": "2.50", "item": "school_trip"}
    assert phrasebook.check("swimming_day", {"day": "9"})[1] == {"day": "invalid"}
    assert phrasebook.check("sports_day", {"date": "2026-02-30"})[1] == {"date": "invalid"}
    assert phrasebook.check("lice_found", {"class": "Uilen"}, classes=["Leeuwtjes"])[1] == {
        "class": "invalid"
    }
    assert phrasebook.check("nothing", {})[1] == {"phrase": "unknown"}
