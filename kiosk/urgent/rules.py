"""When an urgent message is on the kiosks: plain decisions, no request.

`now` is always the school's wall-clock time (kiosk.clock.now()), like `ends_at`.
"""

from datetime import datetime, timedelta

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.urgent.models import UrgentMessage

# An urgent message is for today's storm, not for the term: it ends within this.
LONGEST = timedelta(days=14)
MAX_TEXT = 160


def is_showing(message: UrgentMessage, now: datetime) -> bool:
    """True while the message is neither withdrawn nor past its end."""
    return message.withdrawn_at is None and now < message.ends_at


def _showing_query(now):
    return db.select(UrgentMessage).where(
        UrgentMessage.withdrawn_at.is_(None), UrgentMessage.ends_at > now
    )


def showing(now: datetime) -> UrgentMessage | None:
    """The urgent message every kiosk shows at `now`, if any (the newest, should two race)."""
    return db.session.scalar(_showing_query(now).order_by(UrgentMessage.id.desc()).limit(1))


def end_problem(ends_at: datetime, now: datetime) -> str | None:
    """Why this end time cannot be used ("past" or "too_far"), or None when it can."""
    if ends_at <= now:
        return "past"
    if ends_at - now > LONGEST:
        return "too_far"
    return None


def withdraw(now: datetime) -> int:
    """Take the message(s) showing at `now` off the kiosks; returns how many."""
    return db.session.execute(
        db.update(UrgentMessage)
        .where(UrgentMessage.withdrawn_at.is_(None), UrgentMessage.ends_at > now)
        .values(withdrawn_at=utcnow())
    ).rowcount


def put_up(pictogram: str, texts: dict, ends_at: datetime, now: datetime, by: str):
    """Show this message on every kiosk instead of whatever was showing (one at a time)."""
    withdraw(now)
    message = UrgentMessage(
        pictogram=pictogram,
        texts={lang: text.strip() for lang, text in texts.items() if text and text.strip()},
        ends_at=ends_at.replace(microsecond=0),
        created_by=by,
    )
    db.session.add(message)
    return message


def recent(limit: int = 10) -> list[UrgentMessage]:
    """The latest messages, newest first, for the bridge figure's history."""
    return db.session.scalars(
        db.select(UrgentMessage).order_by(UrgentMessage.id.desc()).limit(limit)
    ).all()
