"""What the café reads and writes in the database: places, sign-ups, the waiting list, ideas.

Every change to `Meeting.places_left` is one conditional UPDATE here, so two parents
signing up at the same moment can never both take the last place: the database lets
exactly one of them through, and the other lands on the waiting list.

The moments other parts may want to hook into each happen in one function:
`sign_up` (a sign-up is made), `move_off_waiting_list` (a waiting parent gets a
place, moved up or let in by the bridge figure), `cancel_signup` (a sign-up is
cancelled) and `cancel_meeting` (a meeting is called off). None of them commits.
"""

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from kiosk import clock, i18n, pictograms, status
from kiosk.auth.models import utcnow
from kiosk.cafe import rules
from kiosk.cafe.models import (
    APPROVED,
    CANCELLED,
    CONFIRMED,
    NEW,
    WAITING,
    Idea,
    IdeaVote,
    Meeting,
    Signup,
)
from kiosk.extensions import db
from kiosk.qr import public_url
from kiosk.reminders import queries as outbox

KIOSK_MEETINGS = 3  # what fits the kiosk screen beside the ideas QR code

# --- Meetings ------------------------------------------------------------------------------


def upcoming(now, limit=None):
    """Meetings that have not started yet, soonest first."""
    query = select(Meeting).where(Meeting.starts_at > now).order_by(Meeting.starts_at, Meeting.id)
    if limit:
        query = query.limit(limit)
    return db.session.scalars(query).all()


def on_the_kiosk():
    """The meetings the kiosk shows: its screen and the snapshot both ask this."""
    return upcoming(clock.now(), limit=KIOSK_MEETINGS)


def all_meetings():
    """Every meeting, the latest first (the admin's list)."""
    return db.session.scalars(select(Meeting).order_by(Meeting.starts_at.desc())).all()


def cancel_meeting(meeting):
    """The meeting is called off: its parents are told, then it goes with its sign-ups."""
    outbox.meeting_cancelled(meeting)
    db.session.delete(meeting)


# --- Places ------------------------------------------------------------------------------


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


# --- Sign-ups and the waiting list ---------------------------------------------------------


def _move(signup_id, from_status, to_status) -> bool:
    """Change a sign-up's status only if it still has `from_status`: a second click is a no-op."""
    result = db.session.execute(
        update(Signup)
        .where(Signup.id == signup_id, Signup.status == from_status)
        .values(status=to_status, changed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def sign_up(
    meeting, *, name, adults, children, interpreter_language, contact, lang, now, address_hash=None
):
    """A new sign-up: confirmed when its adults still fit, else on the waiting list.

    Added to the session, not committed: the caller commits it with its form key.
    """
    confirmed = take_places(meeting.id, adults, now)
    signup = Signup(
        meeting_id=meeting.id,
        token=status.new_token(),
        name=name,
        adults=adults,
        children=children,
        interpreter_language=interpreter_language,
        contact=contact,
        lang=lang,
        address_hash=address_hash,
        status=CONFIRMED if confirmed else WAITING,
    )
    db.session.add(signup)
    outbox.signed_up(signup, meeting)  # its reminder, committed with it
    db.session.expire(meeting, ["places_left"])
    return signup


def by_token(token):
    return db.session.scalar(select(Signup).filter_by(token=token))


def waiting_list(meeting_id):
    """The waiting sign-ups in the order they came."""
    return db.session.scalars(
        select(Signup)
        .where(Signup.meeting_id == meeting_id, Signup.status == WAITING)
        .order_by(Signup.id)
    ).all()


def waiting_position(signup) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if signup.status != WAITING:
        return None
    return rules.waiting_positions(waiting_list(signup.meeting_id)).get(signup.id)


def waiting_counts() -> dict[int, int]:
    """{meeting id: how many wait}."""
    rows = db.session.execute(
        select(Signup.meeting_id, func.count(Signup.id))
        .where(Signup.status == WAITING)
        .group_by(Signup.meeting_id)
    )
    return dict(rows.all())


def coming_signups(now) -> int:
    """Confirmed sign-ups for meetings still ahead."""
    return db.session.scalar(
        select(func.count(Signup.id))
        .join(Meeting)
        .where(Meeting.starts_at > now, Signup.status == CONFIRMED)
    )


def move_off_waiting_list(signup) -> bool:
    """A waiting parent gets a place: the one place where that happens.

    Called when a place came free (`move_up`) and when the bridge figure lets
    someone in (`promote`). False if the sign-up was no longer waiting.
    """
    if not _move(signup.id, WAITING, CONFIRMED):
        return False
    outbox.moved_up(signup)  # "a place came free": in the same transaction
    return True


def move_up(meeting_id, now=None):
    """Fill free places from the waiting list (rules.who_moves_up); returns who moved up."""
    places_left = db.session.scalar(select(Meeting.places_left).where(Meeting.id == meeting_id))
    moved = []
    for signup in rules.who_moves_up(waiting_list(meeting_id), places_left):
        if not take_places(meeting_id, signup.adults, now):
            continue  # taken meanwhile: the database said no
        if move_off_waiting_list(signup):
            moved.append(signup)
        else:  # cancelled meanwhile
            _give_back_places(meeting_id, signup.adults)
    for signup in moved:
        db.session.expire(signup)
    return moved


def cancel_signup(signup, now=None):
    """Cancel a sign-up (by the parent or the bridge figure); a freed place goes to the
    waiting list at once.

    Returns the sign-ups that moved up, or None when it was already cancelled.
    """
    if _move(signup.id, CONFIRMED, CANCELLED):
        _give_back_places(signup.meeting_id, signup.adults)
        moved = move_up(signup.meeting_id, now)
    elif _move(signup.id, WAITING, CANCELLED):
        moved = []
    else:
        return None
    outbox.cancelled(signup)  # its reminder is withdrawn
    db.session.expire(signup)
    db.session.expire(signup.meeting, ["places_left"])
    return moved


def promote(signup) -> bool:
    """The bridge figure lets someone from the waiting list in, even without a free place.

    The extra chair is the school's call; `places_left` may then drop below zero,
    so nobody else gets in until enough people cancel. False if not waiting (any more).
    """
    if not move_off_waiting_list(signup):
        return False
    _give_back_places(signup.meeting_id, -signup.adults)
    db.session.expire(signup)
    db.session.expire(signup.meeting, ["places_left"])
    return True


# --- What other parts of the app ask ---------------------------------------------------------


def signup_url(meeting, lang):
    return public_url("cafe_phone.signup", meeting_id=meeting.id, lang=lang)


def snapshot(lang, school_screen):
    """The kiosk snapshot's café part: the upcoming meetings, without a name or who comes."""
    entries = []
    for meeting in on_the_kiosk():
        topic, topic_lang = i18n.pick(meeting.topic, lang)
        entries.append(
            {
                "id": meeting.id,
                "starts_at": clock.iso(meeting.starts_at),
                "ends_at": clock.iso(meeting.ends_at),
                "places_left": rules.places_shown(meeting.places_left),
                "capacity": meeting.capacity,
                "signup_url": signup_url(meeting, lang),
                "topic": topic,
                "topic_lang": topic_lang,
                "pictogram": pictograms.url(meeting.pictogram),
                "place": meeting.place,
                "languages": list(meeting.languages or []),
                "interpreter": meeting.interpreter,
                "childcare": meeting.childcare,
            }
        )
    return entries


def find_status(token):
    """The status page of a sign-up (a status finder), or None for another token."""
    signup = by_token(token)
    if signup is None:
        return None
    return status.Status(
        kind="cafe",
        status=signup.status,
        template="cafe/status.html",
        context={
            "signup": signup,
            "meeting": signup.meeting,
            "is_open": rules.is_open(signup.meeting, clock.now()),
        },
        position=waiting_position(signup),
    )


def filled_fast(now):
    """Meetings still ahead that are full and filled within minutes of their first sign-up."""
    full = db.session.scalars(
        select(Meeting).where(Meeting.starts_at > now, Meeting.places_left <= 0)
    ).all()
    standing = (CONFIRMED, WAITING)
    return [
        meeting
        for meeting in full
        if rules.filled_fast([s for s in meeting.signups if s.status in standing], meeting.capacity)
    ]


def forget_guests(now, config):
    """A purger: names, contacts and address codes go KIOSK_PERSONAL_DAYS after the meeting."""
    cutoff = rules.forget_names_before(clock.local(now), config["KIOSK_PERSONAL_DAYS"])
    return {"café sign-ups": forget_people_before(cutoff)}


def forget_people_before(cutoff):
    """Empty the names, contacts and address codes of sign-ups for meetings that ended
    before `cutoff`."""
    ended = select(Meeting.id).where(Meeting.ends_at < cutoff)
    return db.session.execute(
        update(Signup)
        .where(
            Signup.meeting_id.in_(ended),
            (Signup.name != "") | Signup.contact.is_not(None) | Signup.address_hash.is_not(None),
        )
        .values(name="", contact=None, address_hash=None)
        .execution_options(synchronize_session=False)
    ).rowcount


# --- Topic ideas -------------------------------------------------------------------------------


def propose_idea(*, text, pictogram, lang) -> str:
    """A parent's topic, waiting for the bridge figure; returns its key for made_once."""
    idea = Idea(text=text, pictogram=pictogram, lang=lang, status=NEW)
    db.session.add(idea)
    db.session.flush()
    return f"idea-{idea.id}"


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


def new_ideas() -> int:
    return db.session.scalar(select(func.count(Idea.id)).where(Idea.status == NEW))


def tally():
    """Every idea with its number of votes, most votes first."""
    votes = func.count(IdeaVote.id)
    return db.session.execute(
        select(Idea, votes.label("votes"))
        .outerjoin(IdeaVote)
        .group_by(Idea.id)
        .order_by(votes.desc(), Idea.id)
    ).all()
