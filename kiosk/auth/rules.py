"""The login limit of spec section 4: 10 failures per user name and address in 15 minutes."""

from datetime import timedelta

from kiosk.auth.models import FailedLogin, utcnow
from kiosk.extensions import db

MAX_FAILURES = 10
WINDOW = timedelta(minutes=15)


def is_locked_out(username, address, now=None):
    since = (now or utcnow()) - WINDOW
    failures = db.session.scalar(
        db.select(db.func.count(FailedLogin.id)).where(
            FailedLogin.username == username,
            FailedLogin.address == address,
            FailedLogin.at > since,
        )
    )
    return failures >= MAX_FAILURES


def note_failure(username, address):
    db.session.add(FailedLogin(username=username[:80], address=address))
    db.session.commit()


def forget_failures_before(moment):
    """Old failures say nothing any more: purge removes them."""
    return db.session.execute(db.delete(FailedLogin).where(FailedLogin.at < moment)).rowcount
