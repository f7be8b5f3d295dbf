"""What interpreter requests read and write in the database.

A request is made in `make_request`; the bridge figure's answer (arranged, declined,
in progress, or reopened) is saved in `answer_request`, the one place a request
becomes arranged or declined.
"""

from babel.dates import format_date, format_time
from flask_babel import get_locale

from kiosk import i18n, spoken_languages, status
from kiosk.extensions import db
from kiosk.interpreter import rules
from kiosk.interpreter.models import InterpreterRequest
from kiosk.reminders import queries as outbox


def make_request(**asked) -> str:
    """A parent's new request, added to the session; returns its token (for made_once)."""
    token = status.new_token()
    db.session.add(InterpreterRequest(token=token, **asked))
    return token


def answer_request(
    asked,
    *,
    status,
    staff_notes,
    meeting_date,
    meeting_time,
    meeting_mode,
    place,
    decline_reason,
    decline_note,
    now,
) -> str:
    """Save the bridge figure's answer; returns the status it had before. Not committed.

    The arrangement is kept only with "arranged", the reason only with "declined".
    """
    before = asked.status
    rules.change_status(asked, status, now)
    asked.staff_notes = staff_notes
    arranged, declined = status == "arranged", status == "declined"
    asked.meeting_date = meeting_date if arranged else None
    asked.meeting_time = meeting_time if arranged else None
    asked.meeting_mode = meeting_mode if arranged else None
    asked.place = place if arranged else {}
    asked.decline_reason = decline_reason if declined else None
    asked.decline_note = decline_note if declined else {}
    outbox.interpreter_answered(asked)  # the parent hears of it, in the same transaction
    return before


def by_token(token):
    return db.session.scalar(db.select(InterpreterRequest).filter_by(token=token))


def queue(chosen_status="", chosen_language=""):
    """The requests, oldest first, of one status and one language when chosen."""
    query = db.select(InterpreterRequest).order_by(InterpreterRequest.created_at)
    if chosen_status in rules.STATUSES:
        query = query.where(InterpreterRequest.status == chosen_status)
    if chosen_language:
        query = query.where(InterpreterRequest.language == chosen_language)
    return db.session.scalars(query).all()


def counts() -> dict[str, int]:
    """{status: how many requests}."""
    rows = db.session.execute(
        db.select(InterpreterRequest.status, db.func.count()).group_by(InterpreterRequest.status)
    )
    return {state: count for state, count in rows}


def languages_asked() -> list[str]:
    return db.session.scalars(db.select(InterpreterRequest.language).distinct()).all()


def find_status(token):
    """The status page of a request (a status finder), or None for another token."""
    found = by_token(token)
    if found is None:
        return None
    return status.Status(
        kind="interpreter",
        status=found.status,
        template="interpreter/status.html",
        context={"asked": found, **_shown_to_parent(found)},
    )


def _shown_to_parent(asked):
    """Everything the status page shows, in the parent's language where we have it."""
    place, place_lang = i18n.pick(asked.place)
    note, note_lang = i18n.pick(asked.decline_note)
    locale = get_locale()
    return {
        "meeting_date_text": (
            format_date(asked.meeting_date, format="full", locale=locale)
            if asked.meeting_date
            else ""
        ),
        "meeting_time_text": (
            format_time(asked.meeting_time, format="short", locale=locale)
            if asked.meeting_time
            else ""
        ),
        "language_name": spoken_languages.name_of(asked.language),
        "purpose": rules.PURPOSE_LABELS.get(asked.purpose, ""),
        "mode": rules.MODES.get(asked.meeting_mode, ""),
        "place": place,
        "place_lang": place_lang,
        "reason": rules.DECLINE_REASONS.get(asked.decline_reason, ""),
        "note": note,
        "note_lang": note_lang,
    }


def purge(now, config):
    """A purger: closed requests whose 30 days are over (rules.is_due_for_purge says the same)."""
    moment = rules.purge_moment(now)
    deleted = db.session.execute(
        db.delete(InterpreterRequest).where(
            InterpreterRequest.status.in_(rules.CLOSED),
            InterpreterRequest.closed_at < moment,
            db.or_(
                InterpreterRequest.meeting_date.is_(None),
                InterpreterRequest.meeting_date < moment.date(),
            ),
        )
    ).rowcount
    return {"interpreter requests": deleted}
