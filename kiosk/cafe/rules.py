"""The café's decisions, as plain functions: open or not, places, who moves up, waiting order.

Capacity is counted in adults (children go to the childcare, not to a chair).
These functions decide on values; the database enforces the capacity itself
(queries.take_places: one conditional UPDATE), so two parents signing up at the
same moment can never both take the last place.
"""

from datetime import datetime, timedelta

MAX_ADULTS = 5
MAX_CHILDREN = 6


def is_open(meeting, now: datetime) -> bool:
    """Parents can sign up, or cancel, until the meeting starts."""
    return meeting.starts_at > now


def fits(adults: int, places_left: int) -> bool:
    """Whether `adults` more people still get a chair."""
    return adults <= places_left


def places_shown(places_left: int) -> int:
    """The places a parent sees: never below zero, even when the school added an extra chair."""
    return max(places_left, 0)


def who_moves_up(waiting, places_left: int) -> list:
    """Who gets the free places: in order of arrival, whoever is first and fits.

    A family of three waits for three places, while the single parent behind them
    may take the one place that came free. `waiting` is in the order they came.
    """
    moving = []
    for signup in waiting:
        if fits(signup.adults, places_left):
            moving.append(signup)
            places_left -= signup.adults
    return moving


def waiting_positions(waiting) -> dict[int, int]:
    """{sign-up id: position} for the waiting list, 1 for the first who came."""
    in_order = sorted(waiting, key=lambda signup: signup.id)
    return {signup.id: position for position, signup in enumerate(in_order, start=1)}


def forget_names_before(local_now: datetime, personal_days: int) -> datetime:
    """Names and contacts go `personal_days` after the meeting ended; the counts stay."""
    return local_now - timedelta(days=personal_days)
