"""Failed logins, kept in the database so the limit holds across processes."""

from kiosk.auth import rules
from kiosk.auth.models import FailedLogin, User, utcnow
from kiosk.extensions import db


def user_named(username) -> User | None:
    return db.session.scalar(db.select(User).filter_by(username=username))


def user_by_session_id(session_id) -> User | None:
    """The user a session id names (`<id>.<version>`), while that session is still valid."""
    user_id, _, version = str(session_id).partition(".")
    if not (user_id.isdigit() and version.isdigit()) or len(user_id) > 18:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version):
        return None
    return user


def is_locked_out(username, who, now=None) -> bool:
    since = (now or utcnow()) - rules.WINDOW
    failures = db.session.scalar(
        db.select(db.func.count(FailedLogin.id)).where(
            FailedLogin.username == username[:80],
            FailedLogin.address == who,
            FailedLogin.at > since,
        )
    )
    return rules.is_locked_out(failures)


def note_failure(username, who):
    db.session.add(FailedLogin(username=username[:80], address=who))
    db.session.commit()


def forget_failures_before(moment):
    """Old failures say nothing any more: purge removes them."""
    return db.session.execute(db.delete(FailedLogin).where(FailedLogin.at < moment)).rowcount
