"""The reminders' decisions, without a database or a request."""

from datetime import datetime, timedelta

import pytest

from kiosk.reminders import rules

NOW = datetime(2031, 3, 11, 8, 0)


def test_the_reminder_comes_a_day_before_or_at_once_when_signing_up_later():
    assert rules.reminder_due(NOW + timedelta(days=7), NOW) == NOW + timedelta(days=6)
    assert rules.reminder_due(NOW + timedelta(hours=20), NOW) == NOW
    assert rules.reminder_due(NOW + timedelta(hours=3), NOW) is None


def test_a_failing_channel_is_tried_with_backoff_for_24_hours_at_most():
    waits = [rules.next_try(n, NOW) - NOW for n in (1, 2, 3, 10)]
    assert waits == [timedelta(minutes=m) for m in (1, 2, 4, 60)]
    assert rules.give_up_at(NOW, NOW + timedelta(days=7)) == NOW + timedelta(hours=24)
    assert rules.give_up_at(NOW, NOW + timedelta(hours=2)) == NOW + timedelta(hours=2)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("0470 12 34 56", ("phone", "+32470123456")),
        ("0470/12.34.56", ("phone", "+32470123456")),
        ("+32 9 123 45 67", ("phone", "+3291234567")),
        ("0033 6 12 34 56 78", ("phone", "+33612345678")),
        ("٠٤٧٠١٢٣٤٥٦", ("phone", "+32470123456")),
        (" amina@example.org ", ("email", "amina@example.org")),
        ("amina@example", None),
        ("amina@example.org\r\nBcc: all@example.org", None),
        ("Amina <amina@example.org>", None),
        ("0470 12", None),
        ("hello", None),
    ],
)
def test_an_address_is_an_email_or_a_phone_number_or_nothing(typed, found):
    assert rules.address(typed) == found


def test_the_form_accepts_empty_or_a_real_address():
    assert rules.is_valid_contact("")
    assert rules.is_valid_contact("0470123456")
    assert not rules.is_valid_contact("not an address")


def test_an_sms_fits_160_characters_with_its_whole_link(app):
    link = "https://school.example.org/m/s/" + "x" * 43 + "?lang=fr"
    with app.app_context():
        text = rules.cafe_reminder("fr", "Le sommeil", NOW, "Refter, grande salle")
    sms = rules.sms_text(text, link)
    assert len(sms) <= 160 and sms.endswith(link)
    assert sms.startswith("Rappel : café des parents")


def test_texts_read_in_the_parents_language(app):
    with app.app_context():
        assert rules.place_came_free("nl", NOW).startswith("Er is een plaats vrijgekomen")
        assert "dinsdag 11 maart" in rules.meeting_cancelled("nl", NOW)
        assert rules.interpreter_arranged("ar", NOW, None).startswith("تم ترتيب المترجم")
