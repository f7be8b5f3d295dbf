"""How offers of help group, as plain values: no app, no database."""

from types import SimpleNamespace

from kiosk.help import rules


def _offer(name, languages=(), activities=()):
    return SimpleNamespace(first_name=name, languages=list(languages), activities=list(activities))


def test_offers_group_by_language_the_most_offered_first():
    kasia = _offer("Kasia", ["pl", "uk"])
    olena = _offer("Olena", ["uk"])
    grouped = rules.by_language([kasia, olena])
    assert list(grouped) == ["uk", "pl"] and grouped["uk"] == [kasia, olena]


def test_offers_group_by_kind_of_help_in_the_form_s_order():
    cook = _offer("Mehmet", activities=["cooking"])
    reader = _offer("Anna", activities=["reading", "cooking"])
    grouped = rules.by_activity([cook, reader])
    assert list(grouped) == ["reading", "cooking"] and grouped["cooking"] == [cook, reader]


def test_dutch_is_no_language_to_translate_into():
    codes = [code for code, _name in rules.language_choices()]
    assert "nl" not in codes and "ar" in codes
