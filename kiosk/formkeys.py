"""One-time form keys: the same form sent twice makes one sign-up (spec section 3).

A form carries a random key from the moment it is shown. The view saves the key
with what the form made, in one transaction; a second send of the same key finds
the first one's token and lands there instead of making another.
"""

import secrets
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from wtforms import HiddenField

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class FormKey(db.Model):
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


def new_key() -> str:
    return secrets.token_urlsafe(24)


class FormKeyField(HiddenField):
    """A hidden field that holds a fresh key when the form is first shown."""

    def __init__(self, label=None, **kwargs):
        super().__init__(label, default=new_key, **kwargs)


def token_for(key) -> str | None:
    """The token that this key already made, if the form was sent before."""
    if not key:
        return None
    found = db.session.get(FormKey, key)
    return found.token if found else None


def remember(key, token):
    """Add the key to the session, to commit with the thing it made."""
    db.session.add(FormKey(key=key[:64], token=token))


def commit_once(key):
    """Commit; if the same key won a race meanwhile, roll back and return its token."""
    try:
        db.session.commit()
        return None
    except IntegrityError:
        db.session.rollback()
        return token_for(key)


def forget_before(moment):
    """Old keys protect nothing any more: purge removes them."""
    return db.session.execute(db.delete(FormKey).where(FormKey.at < moment)).rowcount
