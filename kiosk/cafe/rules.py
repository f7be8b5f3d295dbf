"""The café's decisions, as plain functions: open or not, places, who moves up, waiting order,
and what looks like one client filling a meeting.

Capacity is counted in adults (children go to the childcare, not to a chair).
These functions decide on values; the database enforces the capacity itself
(queries.take_places: one conditional UPDATE), so two parents signing up at the
same moment can never both take the last place.
"""

import hashlib
import hmac
from datetime import datetime, timedelta
from itertools import groupby

MAX_ADULTS = 5
MAX_CHILDREN = 6

# Sign-ups from one address this close together are shown to the bridge figure as one
# burst; a meeting whose places all went this soon after its first sign-up is flagged.
BURST_SIGNUPS = 3
BURST_MINUTES = 10


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


def address_hash(secret: str, address: str | None) -> str | None:
    """A short code for the address a sign-up came from: the same address gives the same
    code, and without the secret key no code leads back to an address."""
    if not address:
        return None
    return hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()[:8]


def bursts(signups, least=BURST_SIGNUPS, minutes=BURST_MINUTES) -> list[tuple[str, list]]:
    """[(address hash, sign-ups)]: at least `least` sign-ups from one address, each within
    `minutes` of the one before. One client filling a meeting looks like this; so can many
    parents on the school's Wi-Fi, which is why a person decides, by the names."""
    gap = timedelta(minutes=minutes)
    found = []
    from_somewhere = sorted(
        (s for s in signups if s.address_hash), key=lambda s: (s.address_hash, s.created_at)
    )
    for address, same in groupby(from_somewhere, key=lambda s: s.address_hash):
        run = []
        for signup in same:
            if run and signup.created_at - run[-1].created_at > gap:
                found.append((address, run))
                run = []
            run.append(signup)
        found.append((address, run))
    return [(address, run) for address, run in found if len(run) >= least]


def filled_fast(signups, capacity: int, minutes=BURST_MINUTES) -> bool:
    """Whether the sign-ups still standing that came within `minutes` of the first of them
    take every place: a meeting full that quickly is worth a look."""
    if not signups:
        return False
    first = min(s.created_at for s in signups)
    soon = first + timedelta(minutes=minutes)
    return sum(s.adults for s in signups if s.created_at <= soon) >= capacity
