"""The decisions about interpreter requests, as plain functions (no request, no Flask app).

- which phone numbers we accept (loosely: Belgian and international formats);
- how a status change opens or closes a request, and when its personal data goes;
- what an arrangement needs before the parent is told it is arranged.
"""

import re
import unicodedata
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l

from kiosk import spoken_languages

STATUSES = ("received", "in_progress", "arranged", "declined")
CLOSED = frozenset({"arranged", "declined"})
STATUS_LABELS = {
    "received": _l("New"),
    "in_progress": _l("In progress"),
    "arranged": _l("Arranged"),
    "declined": _l("Declined"),
}

# What the talk is for: (key, label, pictogram), in the order the form shows them.
PURPOSES = (
    ("teacher", _l("A talk with the teacher"), "talk_teacher"),
    ("parent_evening", _l("Parent-teacher evening"), "parent_evening"),
    ("care_meeting", _l("A meeting about care for my child"), "meeting"),
    ("enrolment", _l("Enrolment"), "enrolment"),
    ("cafe", _l("Parent café"), "parent_cafe"),
    ("other", _l("Something else"), "question"),
)
PURPOSE_LABELS = {key: label for key, label, _ in PURPOSES}

REACH_BY = ("phone", "gate")
MODES = {"on_site": _l("At school"), "phone": _l("By phone")}

# Why a request could not be arranged: canned reasons, so the parent reads them in
# their own language; the bridge figure may add a note.
DECLINE_REASONS = {
    "no_interpreter": _l("We could not find an interpreter for this language."),
    "not_reached": _l("We could not reach you."),
    "not_needed": _l("The school can help you without an interpreter."),
    "other": _l("Another reason (see the note)."),
}

# Interpreters are for the languages Dutch-speaking staff do not share.
NOT_FOR_INTERPRETING = ("nl",)

CLOSED_DAYS = 30  # spec section 7: personal data goes 30 days after closing

MAX_PREFERRED_TIMES = 300
MAX_CLASS_NAME = 40
MAX_PHONE_TYPED = 40
MAX_STAFF_TEXT = 2000
MAX_PLACE = 200

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SEPARATORS = re.compile(r"[\s.\-/()]")


def clean_text(value: str | None) -> str:
    """Typed text with line breaks kept, other control characters and outer spaces gone."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", value).strip()


def may_interpret(code: str | None) -> bool:
    """True for a language the school can ask an interpreter for."""
    return spoken_languages.is_known(code) and code not in NOT_FOR_INTERPRETING


def _ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits (٠٤٧٠, ۰۴۷۰) as 0-9, as parents may type them."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)


def normalise_phone(typed: str | None) -> str | None:
    """A phone number in one compact form ("0470123456", "+32470123456"), or None if impossible.

    Loose on purpose: spaces, dots, dashes, slashes, brackets and a "(0)" are fine;
    a Belgian number starts with 0 (10 digits for a mobile, 9 for a landline), an
    international one with + or 00 and has 8 to 15 digits (E.164); +32 is checked
    as Belgian.
    """
    typed = (typed or "").strip()
    if not typed or len(typed) > MAX_PHONE_TYPED:
        return None
    compact = _SEPARATORS.sub("", _ascii_digits(typed).replace("(0)", ""))
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+"):
        digits = compact[1:]
        if not re.fullmatch(r"[1-9][0-9]{7,14}", digits):
            return None
        if digits.startswith("32") and not _belgian(digits[2:]):
            return None
        return "+" + digits
    if compact.startswith("0") and _belgian(compact[1:]):
        return compact
    return None


def _belgian(national: str) -> bool:
    """A Belgian number without its 0: mobiles (4xx) have 9 digits, landlines 8."""
    if national.startswith("4"):
        return re.fullmatch(r"4[0-9]{8}", national) is not None
    return re.fullmatch(r"[1-9][0-9]{7}", national) is not None


def change_status(request, new_status: str, now: datetime):
    """Set the status; closing starts the retention clock, reopening stops it."""
    if new_status not in STATUSES:
        raise ValueError(f"unknown status {new_status!r}")
    if new_status in CLOSED and (request.status not in CLOSED or request.closed_at is None):
        request.closed_at = now
    elif new_status not in CLOSED:
        request.closed_at = None
    request.status = new_status


def arrangement_problems(status, meeting_date, meeting_time, mode, place_nl, reason, note_nl):
    """What is missing before the parent can be shown this status: {field: message}."""
    problems = {}
    if status == "arranged":
        if meeting_date is None:
            problems["meeting_date"] = _l("An arranged talk needs a date.")
        if meeting_time is None:
            problems["meeting_time"] = _l("An arranged talk needs a time.")
        if mode not in MODES:
            problems["meeting_mode"] = _l("Say whether the interpreter comes to school or calls.")
        elif mode == "on_site" and not place_nl:
            problems["place_nl"] = _l("Say where at school the talk is, in Dutch at least.")
    if status == "declined":
        if reason not in DECLINE_REASONS:
            problems["decline_reason"] = _l("Choose the reason the parent will see.")
        elif reason == "other" and not note_nl:
            problems["decline_note_nl"] = _l("Write the reason, in Dutch at least.")
    return problems


def purge_moment(now: datetime) -> datetime:
    """Requests closed before this moment have kept their personal data long enough.

    An arranged talk keeps its data until 30 days after the talk too (see
    `is_due_for_purge`), so a parent's status page does not vanish before the day.
    """
    return now - timedelta(days=CLOSED_DAYS)


def is_due_for_purge(request, now: datetime) -> bool:
    """True when a closed request's personal data must go (the purge's query says the same)."""
    moment = purge_moment(now)
    if request.status not in CLOSED or request.closed_at is None:
        return False
    if request.meeting_date is not None and request.meeting_date >= moment.date():
        return False
    return request.closed_at < moment
