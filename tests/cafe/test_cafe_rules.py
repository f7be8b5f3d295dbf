"""The café's decisions as plain values: no app, no database."""

from datetime import datetime, timedelta
from types import SimpleNamespace

from kiosk.cafe import rules

NOW = datetime(2026, 3, 2, 9, 0)


def _waiting(*adults):
    return [SimpleNamespace(id=n, adults=count) for n, count in enumerate(adults, start=10)]


def test_a_meeting_is_open_until_it_starts():
    assert rules.is_open(SimpleNamespace(starts_at=NOW + timedelta(minutes=1)), NOW)
    assert not rules.is_open(SimpleNamespace(starts_at=NOW), NOW)


def test_adults_fit_while_places_are_left():
    assert rules.fits(3, 3) and not rules.fits(4, 3) and not rules.fits(1, -1)


def test_an_extra_chair_never_shows_as_negative_places():
    assert [rules.places_shown(n) for n in (5, 0, -2)] == [5, 0, 0]


def test_whoever_is_first_and_fits_moves_up():
    family, single, pair = _waiting(3, 1, 2)
    assert rules.who_moves_up([family, single, pair], 2) == [single]
    assert rules.who_moves_up([family, single, pair], 3) == [family]
    assert rules.who_moves_up([family, single, pair], 6) == [family, single, pair]
    assert rules.who_moves_up([family], 0) == []


def test_the_waiting_list_counts_from_one_in_order_of_arrival():
    first, second, third = _waiting(1, 2, 1)
    assert rules.waiting_positions([third, first, second]) == {
        first.id: 1,
        second.id: 2,
        third.id: 3,
    }
    assert rules.waiting_positions([]) == {}


def test_names_go_the_personal_days_after_the_meeting():
    assert rules.forget_names_before(NOW, 30) == NOW - timedelta(days=30)
