"""When the urgent message is on the kiosks: decisions without a browser or a database."""

from datetime import datetime, timedelta
from types import SimpleNamespace

from kiosk.urgent import rules

NOW = datetime(2026, 3, 2, 7, 30)


def test_end_time_must_lie_ahead_and_within_two_weeks():
    assert rules.end_problem(NOW - timedelta(minutes=1), NOW) == "past"
    assert rules.end_problem(NOW, NOW) == "past"
    assert rules.end_problem(NOW + timedelta(hours=9), NOW) is None
    assert rules.end_problem(NOW + timedelta(days=15), NOW) == "too_far"


def test_a_message_shows_until_it_ends_or_is_withdrawn():
    message = SimpleNamespace(withdrawn_at=None, ends_at=NOW + timedelta(hours=1))
    assert rules.is_showing(message, NOW + timedelta(minutes=59))
    assert not rules.is_showing(message, NOW + timedelta(hours=1))
    message.withdrawn_at = NOW
    assert not rules.is_showing(message, NOW)


def test_blank_translations_are_not_kept():
    assert rules.kept_texts({"nl": " Storm ", "ar": " ", "fr": None}) == {"nl": "Storm"}
