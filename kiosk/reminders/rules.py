"""When a message to a parent is due, how it is retried, where it goes and what it says.

Plain functions: values in, values out. All times are naive UTC. The texts come
from the catalogues, in the language of the form the parent filled in (Dutch in the
letters' register).
"""

import re
from datetime import datetime, timedelta

from babel.dates import format_date, format_time
from flask_babel import gettext as _

from kiosk.i18n import letter
from kiosk.interpreter.rules import normalise_phone

REMINDER_BEFORE = timedelta(hours=24)
TOO_LATE_FOR_A_REMINDER = timedelta(hours=3)  # this close to the start, the parent knows
RETRY_FOR = timedelta(hours=24)
LONGEST_WAIT_BETWEEN_TRIES = 60  # minutes
SMS_LENGTH = 160
MAX_ADDRESS = 120

EMAIL, PHONE = "email", "phone"

# Plain ASCII addresses only: no spaces, quotes, commas or line breaks reach a header.
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)


# --- Where a message goes -------------------------------------------------------------


def is_email(typed: str | None) -> bool:
    typed = (typed or "").strip()
    return len(typed) <= MAX_ADDRESS and _EMAIL.fullmatch(typed) is not None


def e164(typed: str | None) -> str | None:
    """A phone number as E.164 ("+32470123456"), Belgian when it starts with one 0; or None."""
    compact = normalise_phone(typed)
    if compact is None:
        return None
    return compact if compact.startswith("+") else "+32" + compact[1:]


def address(typed: str | None) -> tuple[str, str] | None:
    """(EMAIL or PHONE, the address to send to) for what a parent typed; None if neither."""
    if is_email(typed):
        return EMAIL, typed.strip()
    number = e164(typed)
    return (PHONE, number) if number else None


def is_valid_contact(typed: str | None) -> bool:
    """What the café form accepts: empty, an e-mail address or a phone number."""
    return not (typed or "").strip() or address(typed) is not None


def channel_of(to: str) -> str:
    return PHONE if to.startswith("+") else EMAIL


# --- When -----------------------------------------------------------------------------


def reminder_due(starts_at: datetime, now: datetime) -> datetime | None:
    """24 hours before the start; a sign-up made later gets it at once, unless the start
    is less than 3 hours away (then None: no reminder)."""
    if starts_at - now <= TOO_LATE_FOR_A_REMINDER:
        return None
    return max(starts_at - REMINDER_BEFORE, now)


def give_up_at(due: datetime, over_at: datetime) -> datetime:
    """Tried for 24 hours, never after what it is about has begun."""
    return min(due + RETRY_FOR, over_at)


def next_try(attempts: int, now: datetime) -> datetime:
    """After the n-th failed try: wait 1, 2, 4 ... minutes, at most an hour."""
    minutes = min(2 ** max(attempts - 1, 0), LONGEST_WAIT_BETWEEN_TRIES)
    return now + timedelta(minutes=minutes)


# --- What it says ---------------------------------------------------------------------


def _day_and_time(lang, moment):
    return {
        "day": format_date(moment, "EEEE d MMMM", locale=lang),
        "time": format_time(moment, "short", locale=lang),
    }


def cafe_reminder(lang, topic, starts_at, place) -> str:
    """`starts_at` is the school's wall-clock time, as the meeting stores it."""
    with letter(lang):
        return _(
            "Reminder: parent café “%(topic)s” on %(day)s at %(time)s, %(place)s.",
            topic=topic,
            place=place,
            **_day_and_time(lang, starts_at),
        )


def place_came_free(lang, starts_at) -> str:
    with letter(lang):
        return _(
            "A place came free: you are signed up for the parent café on %(day)s at %(time)s.",
            **_day_and_time(lang, starts_at),
        )


def meeting_cancelled(lang, starts_at) -> str:
    with letter(lang):
        return _(
            "The school cancelled the parent café on %(day)s at %(time)s.",
            **_day_and_time(lang, starts_at),
        )


def interpreter_arranged(lang, moment, place) -> str:
    """`place` is None for a talk by phone."""
    with letter(lang):
        if place is None:
            return _(
                "Your interpreter is arranged: %(day)s at %(time)s, by phone.",
                **_day_and_time(lang, moment),
            )
        return _(
            "Your interpreter is arranged: %(day)s at %(time)s, at school: %(place)s.",
            place=place,
            **_day_and_time(lang, moment),
        )


def interpreter_declined(lang, reason, note="") -> str:
    """`reason` a lazy string of interpreter.rules.DECLINE_REASONS, read in `lang`."""
    with letter(lang):
        text = _("No interpreter this time: %(reason)s", reason=str(reason))
    return f"{text} {note}".strip()


def sms_text(text: str, link: str) -> str:
    """The text and the link in one SMS of 160 characters: a long text is cut, never the link."""
    room = SMS_LENGTH - len(link) - 1
    if len(text) > room:
        text = text[: max(room - 1, 0)].rstrip() + "…"
    return f"{text}\n{link}"


def email_subject(text: str) -> str:
    """One line, short: the message itself, cut at 78 characters."""
    line = " ".join(text.split())
    return line if len(line) <= 78 else line[:77].rstrip() + "…"


def email_body(text: str, link: str) -> str:
    return f"{text}\n\n{link}\n"
