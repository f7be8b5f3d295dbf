"""The café's decisions, as plain functions: places, the waiting list, votes, purge.

Capacity is counted in adults (children go to the childcare, not to a chair).
Every change to `Meeting.places_left` is one conditional UPDATE, so two parents
signing up at the same moment can never both take the last place: the database
lets exactly one of them through, and the other lands on the waiting list.
"""

from markupsafe import escape
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from kiosk import status as status_pages
from kiosk.auth.models import utcnow
from kiosk.cafe.models import (
    APPROVED,
    CANCELLED,
    CONFIRMED,
    WAITING,
    Idea,
    IdeaVote,
    Meeting,
    Signup,
)
from kiosk.extensions import db
from kiosk.reminders import queries as outbox
from kiosk.spreadsheet import safe_cell

MAX_ADULTS = 5
MAX_CHILDREN = 6


def upcoming(now, limit=None):
    """Meetings that have not started yet, soonest first."""
    query = select(Meeting).where(Meeting.starts_at > now).order_by(Meeting.starts_at, Meeting.id)
    if limit:
        query = query.limit(limit)
    return db.session.scalars(query).all()


def is_open(meeting, now) -> bool:
    """Parents can sign up, or cancel, until the meeting starts."""
    return meeting.starts_at > now


def take_places(meeting_id, adults, now=None) -> bool:
    """Take `adults` places if they are still free (and, given `now`, the meeting is ahead).

    One conditional UPDATE: the database decides, never a count made in Python first.
    """
    conditions = [Meeting.id == meeting_id, Meeting.places_left >= adults]
    if now is not None:
        conditions.append(Meeting.starts_at > now)
    result = db.session.execute(
        update(Meeting)
        .where(*conditions)
        .values(places_left=Meeting.places_left - adults)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _give_back_places(meeting_id, adults):
    """Unconditional: only for places this same transaction took or keeps."""
    db.session.execute(
        update(Meeting)
        .where(Meeting.id == meeting_id)
        .values(places_left=Meeting.places_left + adults)
        .execution_options(synchronize_session=False)
    )


def _move(signup_id, from_status, to_status) -> bool:
    """Change a sign-up's status only if it still has `from_status`: a second click is a no-op."""
    result = db.session.execute(
        update(Signup)
        .where(Signup.id == signup_id, Signup.status == from_status)
        .values(status=to_status, changed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def sign_up(meeting, *, name, adults, children, interpreter_language, contact, lang, now):
    """A new sign-up: confirmed when its adults still fit, else on the waiting list.

    Added to the session, not committed: the caller commits it with its form key.
    """
    confirmed = take_places(meeting.id, adults, now)
    signup = Signup(
        meeting_id=meeting.id,
        token=status_pages.new_token(),
        name=name,
        adults=adults,
        children=children,
        interpreter_language=interpreter_language,
        contact=contact,
        lang=lang,
        status=CONFIRMED if confirmed else WAITING,
    )
    db.session.add(signup)
    outbox.signed_up(signup, meeting)
    db.session.expire(meeting, ["places_left"])
    return signup


def waiting_position(signup) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if signup.status != WAITING:
        return None
    return db.session.scalar(
        select(func.count(Signup.id)).where(
            Signup.meeting_id == signup.meeting_id,
            Signup.status == WAITING,
            Signup.id <= signup.id,
        )
    )


def waiting_list(meeting_id):
    """The waiting sign-ups in the order they came."""
    return db.session.scalars(
        select(Signup)
        .where(Signup.meeting_id == meeting_id, Signup.status == WAITING)
        .order_by(Signup.id)
    ).all()


def move_up(meeting_id, now=None):
    """Fill free places from the waiting list, in order of arrival.

    Whoever is first and fits moves up: a family of three waits for three places,
    while the single parent behind them may take the one place that came free.
    Returns the sign-ups that moved up. Not committed.
    """
    moved = []
    for signup in waiting_list(meeting_id):
        if not take_places(meeting_id, signup.adults, now):
            continue
        if _move(signup.id, WAITING, CONFIRMED):
            moved.append(signup)
            outbox.moved_up(signup)
        else:  # cancelled meanwhile
            _give_back_places(meeting_id, signup.adults)
    for signup in moved:
        db.session.expire(signup)
    return moved


def cancel(signup, now=None):
    """Cancel a sign-up; a freed place goes to the waiting list at once.

    Returns the sign-ups that moved up, or None when it was already cancelled.
    Not committed.
    """
    if _move(signup.id, CONFIRMED, CANCELLED):
        _give_back_places(signup.meeting_id, signup.adults)
        moved = move_up(signup.meeting_id, now)
    elif _move(signup.id, WAITING, CANCELLED):
        moved = []
    else:
        return None
    outbox.cancelled(signup)
    db.session.expire(signup)
    db.session.expire(signup.meeting, ["places_left"])
    return moved


def promote(signup) -> bool:
    """The bridge figure lets someone from the waiting list in, even without a free place.

    The extra chair is the school's call; `places_left` may then drop below zero,
    so nobody else gets in until enough people cancel. False if not waiting (any more).
    """
    if not _move(signup.id, WAITING, CONFIRMED):
        return False
    outbox.moved_up(signup)
    _give_back_places(signup.meeting_id, -signup.adults)
    db.session.expire(signup)
    db.session.expire(signup.meeting, ["places_left"])
    return True


def change_capacity(meeting, capacity, now=None) -> bool:
    """Set a new capacity unless fewer places would remain than are already taken."""
    result = db.session.execute(
        update(Meeting)
        .where(Meeting.id == meeting.id, Meeting.capacity - Meeting.places_left <= capacity)
        .values(capacity=capacity, places_left=Meeting.places_left + (capacity - Meeting.capacity))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    move_up(meeting.id, now)
    db.session.expire(meeting, ["capacity", "places_left"])
    return True


def forget_people_before(cutoff):
    """Empty the names and contacts of sign-ups for meetings that ended before `cutoff`."""
    ended = select(Meeting.id).where(Meeting.ends_at < cutoff)
    return db.session.execute(
        update(Signup)
        .where(
            Signup.meeting_id.in_(ended),
            (Signup.name != "") | Signup.contact.is_not(None),
        )
        .values(name="", contact=None)
        .execution_options(synchronize_session=False)
    ).rowcount


def spreadsheet_cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text: HTML escaped, and never run as a formula."""
    return safe_cell(escape("" if value is None else value))


def vote(idea_id, voter) -> bool:
    """Count one vote of this phone for this idea; False if it had voted already.

    Commits: the unique constraint on (idea, voter) decides, also for two taps at once.
    """
    db.session.add(IdeaVote(idea_id=idea_id, voter=voter))
    try:
        db.session.commit()
        return True
    except IntegrityError:
        db.session.rollback()
        return False


def voted_ideas(voter) -> set[int]:
    if not voter:
        return set()
    return set(db.session.scalars(select(IdeaVote.idea_id).where(IdeaVote.voter == voter)))


def approved_ideas():
    return db.session.scalars(
        select(Idea).where(Idea.status == APPROVED).order_by(Idea.id.desc())
    ).all()


def tally():
    """Every idea with its number of votes, most votes first."""
    votes = func.count(IdeaVote.id)
    return db.session.execute(
        select(Idea, votes.label("votes"))
        .outerjoin(IdeaVote)
        .group_by(Idea.id)
        .order_by(votes.desc(), Idea.id)
    ).all()
