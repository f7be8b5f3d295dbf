"""The urgent message in the database: the one showing, putting one up, taking it down,
and what the kiosks get of it (the snapshot's "urgent" section)."""

from datetime import datetime

from flask import url_for
from flask_babel import gettext as _

from kiosk import clock, i18n, phrasebook, pictograms, speech
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.urgent import rules
from kiosk.urgent.models import UrgentMessage


def showing(now: datetime) -> UrgentMessage | None:
    """The urgent message every kiosk shows at `now`, if any (the newest, should two race)."""
    return db.session.scalar(
        db.select(UrgentMessage)
        .where(UrgentMessage.withdrawn_at.is_(None), UrgentMessage.ends_at > now)
        .order_by(UrgentMessage.id.desc())
        .limit(1)
    )


def withdraw(now: datetime) -> int:
    """Take the message(s) showing at `now` off the kiosks; returns how many."""
    return db.session.execute(
        db.update(UrgentMessage)
        .where(UrgentMessage.withdrawn_at.is_(None), UrgentMessage.ends_at > now)
        .values(withdrawn_at=utcnow())
    ).rowcount


def texts_of(message, codes=None) -> dict:
    """The message per language: its phrasebook sentences in each, then the typed text."""
    codes = codes or [language.code for language in i18n.available()]
    return phrasebook.texts_in(message.phrases, message.texts, codes)


def put_up(pictogram: str, texts: dict, ends_at: datetime, now: datetime, by: str, phrases=()):
    """Show this message on every kiosk instead of whatever was showing (one at a time)."""
    withdraw(now)
    message = UrgentMessage(
        pictogram=pictogram,
        phrases=list(phrases),
        texts=rules.kept_texts(texts),
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


def direction(code):
    language = i18n.BY_CODE.get(code)
    return "rtl" if language and language.rtl else "ltr"


def spoken(message: UrgentMessage) -> set[tuple[str, str]]:
    """(text, language) of what each language's kiosk reads aloud of `message`."""
    texts = texts_of(message)
    return {i18n.pick(texts, language.code) for language in i18n.available()}


def spoken_now() -> set[tuple[str, str]]:
    """What the kiosks read aloud of the urgent message now (a speech source)."""
    message = showing(clock.now())
    return spoken(message) if message else set()


def snapshot(lang, school_screen):
    """null, or the message in `lang` (Dutch where it has no text in `lang`)."""
    message = showing(clock.now())
    if message is None:
        return None
    text, text_lang = i18n.pick(texts_of(message, list(dict.fromkeys((lang, "nl")))), lang)
    pictogram = pictograms.get(message.pictogram) or pictograms.get("warning")
    return {
        "id": message.id,
        "text": text,
        "lang": text_lang,
        "dir": direction(text_lang),
        "url": pictograms.url(pictogram),
        "alt": str(pictogram.label),
        "ends_at": clock.iso(message.ends_at),
        "audio": speech.speech_url(text, text_lang) if text_lang == lang else None,
    }


def dashboard():
    if showing(clock.now()) is None:
        return []
    return [(_("Urgent message on every kiosk"), 1, url_for("urgent_admin.admin"))]
