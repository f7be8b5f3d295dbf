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


def _signups(*rows):
    """(address hash, minutes after NOW, adults) -> sign-ups in the order they came."""
    return [
        SimpleNamespace(id=n, address_hash=hash_, created_at=NOW + timedelta(minutes=at), adults=a)
        for n, (hash_, at, a) in enumerate(rows, start=1)
    ]


def test_an_address_is_a_short_keyed_hash_the_same_for_the_same_address():
    first = rules.address_hash("secret", "192.0.2.7")
    assert len(first) == 8 and int(first, 16) >= 0
    assert first == rules.address_hash("secret", "192.0.2.7")
    assert first != rules.address_hash("secret", "192.0.2.8")
    assert first != rules.address_hash("another secret", "192.0.2.7")
    assert rules.address_hash("secret", None) is None


def test_a_burst_is_several_sign_ups_from_one_address_within_minutes():
    signups = _signups(
        ("aaaa", 0, 1), ("bbbb", 1, 1), ("aaaa", 2, 1), ("aaaa", 9, 1),  # a chain of three
        ("aaaa", 60, 1), ("aaaa", 61, 1),  # an hour later: two, no burst
        ("cccc", 0, 1), ("cccc", 30, 1), ("cccc", 31, 1),  # two close together only
        (None, 0, 1), (None, 1, 1), (None, 2, 1),  # from before addresses were kept
    )  # fmt: skip
    [(address, burst)] = rules.bursts(signups)
    assert address == "aaaa" and [s.id for s in burst] == [1, 3, 4]


def test_a_meeting_filled_within_minutes_of_its_first_sign_up():
    quick = _signups(("a", 0, 2), ("b", 3, 1), ("c", 9, 1), ("d", 40, 1))
    assert rules.filled_fast(quick, capacity=4)
    assert not rules.filled_fast(quick, capacity=5)  # the fifth place went after 40 minutes
    assert not rules.filled_fast([], capacity=4)
