"""Form parts every capability shares, written once.

- The one-time form key: the same phone form sent twice (a double tap, a reload, a retry
  on a bad connection) makes one sign-up, request or offer (spec section 3). A form
  carries a random key from the moment it is shown; `made_once` saves the key with what
  the form made, in one transaction, and a second send lands on the first one's token.
- The text per language: one field `<prefix>_<code>` per language, Dutch first, each
  marked with its language and direction, for everything the bridge figure writes.
"""

import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length, Optional

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.i18n import DEFAULT, LANGUAGES

# --- One-time form keys ----------------------------------------------------------------


class FormKey(db.Model):
    __tablename__ = "form_key"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


def new_key() -> str:
    return secrets.token_urlsafe(24)


class FormKeyField(HiddenField):
    """A hidden field that holds a fresh key when the form is first shown."""

    def __init__(self, label=None, **kwargs):
        super().__init__(label, default=new_key, **kwargs)


def _token_for(key) -> str | None:
    found = db.session.get(FormKey, key[:64]) if key else None
    return found.token if found else None


def made_once(key: str | None, make: Callable[[], str]) -> str:
    """The token of what this form made, made at most once per key.

    `make()` adds the new thing to the session and returns its token; it runs only when
    the key made nothing yet, and its work is committed together with the key. A form
    that lost a race with its own twin rolls back and answers the twin's token. A form
    without a key (a page from before keys) makes one thing per send.
    """
    earlier = _token_for(key)
    if earlier:
        return earlier
    token = make()
    if key:
        db.session.add(FormKey(key=key[:64], token=token))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        earlier = _token_for(key)
        if earlier is None:
            raise
        return earlier
    return token


def purge_form_keys(now, config) -> dict:
    """Old keys protect nothing any more (a purger in the registry)."""
    gone = db.session.execute(db.delete(FormKey).where(FormKey.at < now - timedelta(days=2)))
    return {"form keys": gone.rowcount}


# --- A text per language -----------------------------------------------------------------

DUTCH_NEEDED = _l("Dutch is needed: it is what everyone falls back on.")


def add_text_fields(
    form_class, prefix, label, *, dutch_required=None, max_length=200, languages=LANGUAGES
):
    """One text field per language on `form_class`, `<prefix>_<code>`, Dutch first.

    `dutch_required` is the message shown when the Dutch one is left empty (None: optional).
    `label` may hold `%(language)s`; else the language's name follows it in brackets.
    """
    for language in languages:
        if language.code == DEFAULT and dutch_required:
            required = DataRequired(message=dutch_required)
        else:
            required = Optional()
        if "%(language)s" in str(label):
            field_label = str(label) % {"language": language.name}
        else:
            field_label = f"{label} ({language.name})" if label else language.name
        field = StringField(
            field_label,
            filters=[_strip],
            validators=[required, Length(max=max_length)],
            render_kw={"lang": language.code, "dir": "rtl" if language.rtl else "ltr"},
        )
        setattr(form_class, f"{prefix}_{language.code}", field)


def texts_from(form, prefix, languages=LANGUAGES) -> dict:
    """{"nl": ..., "ar": ...} of the languages filled in."""
    found = {}
    for language in languages:
        field = getattr(form, f"{prefix}_{language.code}", None)
        value = (field.data or "").strip() if field is not None else ""
        if value:
            found[language.code] = value
    return found


def fill_texts(form, prefix, texts):
    """Put stored texts back in their fields, to edit them."""
    for code, value in (texts or {}).items():
        field = getattr(form, f"{prefix}_{code}", None)
        if field is not None:
            field.data = value


def text_fields(form, prefix, languages=LANGUAGES) -> list:
    """The Dutch field, then the others: how templates lay them out."""
    return [
        getattr(form, f"{prefix}_{language.code}")
        for language in languages
        if hasattr(form, f"{prefix}_{language.code}")
    ]


def _strip(value):
    return value.strip() if isinstance(value, str) else value
