"""The interpreter rules on their own: phone numbers, closing and reopening, purge, CSV cells."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest

from kiosk.interpreter import rules

NOW = datetime(2026, 3, 10, 12, 0)


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("0470 12 34 56", "0470123456"),
        ("0470/12.34.56", "0470123456"),
        ("09 123 45 67", "091234567"),
        ("+32 470 12 34 56", "+32470123456"),
        ("+32 (0)470 12 34 56", "+32470123456"),
        ("0032 470 12 34 56", "+32470123456"),
        ("+31 6 12345678", "+31612345678"),
        ("+212 6 12 34 56 78", "+212612345678"),
        ("٠٤٧٠ ١٢ ٣٤ ٥٦", "0470123456"),  # Arabic-Indic digits
        ("۰۴۷۰۱۲۳۴۵۶", "0470123456"),  # Persian digits
    ],
)
def test_phone_numbers_are_read_loosely(typed, kept):
    assert rules.normalise_phone(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "123",
        "abc",
        "0470 12 34 5",  # one digit short
        "0470 12 34 56 78",  # too long for Belgium
        "0000000000",
        "+32 470 12 34 56 7",  # too long for +32
        "+32 0470 12 34 56",  # a national 0 after +32
        "+0 470 12 34 56",
        "+1234567890123456",  # longer than E.164
        "0470<script>",
        "0470 12 34 56 / 0471 12 34 56",  # two numbers in one
    ],
)
def test_impossible_phone_numbers_are_refused(typed):
    assert rules.normalise_phone(typed) is None


def test_clean_text_keeps_lines_and_drops_control_characters():
    assert rules.clean_text("  Monday\r\nafter\x00 school\t ") == "Monday\nafter school"
    assert rules.clean_text(None) == ""


def _request(status="received", closed_at=None, meeting_date=None):
    return SimpleNamespace(status=status, closed_at=closed_at, meeting_date=meeting_date)


def test_closing_starts_the_clock_and_reopening_stops_it():
    asked = _request()
    rules.change_status(asked, "in_progress", NOW)
    assert asked.closed_at is None
    rules.change_status(asked, "arranged", NOW)
    assert asked.status == "arranged" and asked.closed_at == NOW
    later = NOW + timedelta(days=3)
    rules.change_status(asked, "declined", later)
    assert asked.closed_at == NOW, "still closed since it was first closed"
    rules.change_status(asked, "in_progress", later)
    assert asked.closed_at is None
    with pytest.raises(ValueError):
        rules.change_status(asked, "lost", later)


def test_personal_data_goes_30_days_after_closing():
    assert not rules.is_due_for_purge(_request("arranged", NOW - timedelta(days=29)), NOW)
    assert rules.is_due_for_purge(_request("declined", NOW - timedelta(days=31)), NOW)
    assert not rules.is_due_for_purge(_request("received", None), NOW)
    assert not rules.is_due_for_purge(_request("in_progress", None), NOW)


def test_an_arranged_talk_keeps_its_data_until_30_days_after_the_talk():
    closed_long_ago = NOW - timedelta(days=40)
    talk_ahead = _request("arranged", closed_long_ago, meeting_date=date(2026, 3, 20))
    assert not rules.is_due_for_purge(talk_ahead, NOW)
    talk_past = _request("arranged", closed_long_ago, meeting_date=date(2026, 2, 1))
    assert rules.is_due_for_purge(talk_past, NOW)


def test_an_arrangement_needs_a_date_a_time_and_a_way():
    missing = rules.arrangement_problems("arranged", None, None, None, "", None, "")
    assert set(missing) == {"meeting_date", "meeting_time", "meeting_mode"}
    on_site = rules.arrangement_problems(
        "arranged", date(2026, 3, 12), datetime(2026, 3, 12, 15).time(), "on_site", "", None, ""
    )
    assert set(on_site) == {"place_nl"}
    by_phone = rules.arrangement_problems(
        "arranged", date(2026, 3, 12), datetime(2026, 3, 12, 15).time(), "phone", "", None, ""
    )
    assert by_phone == {}


def test_a_decline_needs_a_reason_the_parent_can_read():
    assert set(rules.arrangement_problems("declined", None, None, None, "", None, "")) == {
        "decline_reason"
    }
    assert set(rules.arrangement_problems("declined", None, None, None, "", "other", "")) == {
        "decline_note_nl"
    }
    assert rules.arrangement_problems("declined", None, None, None, "", "no_interpreter", "") == {}
    assert rules.arrangement_problems("in_progress", None, None, None, "", None, "") == {}


def test_interpreters_are_for_languages_other_than_dutch():
    assert rules.may_interpret("ti")
    assert not rules.may_interpret("nl")
    assert not rules.may_interpret("xx")
    assert not rules.may_interpret(None)
