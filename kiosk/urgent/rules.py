"""When an urgent message is on the kiosks: plain decisions, no database, no request.

`now` is always the school's wall-clock time (kiosk.clock.now()), like `ends_at`.
"""

from datetime import datetime, timedelta

# An urgent message is for today's storm, not for the term: it ends within this.
LONGEST = timedelta(days=14)
MAX_TEXT = 160


def is_showing(message, now: datetime) -> bool:
    """True while the message is neither withdrawn nor past its end."""
    return message.withdrawn_at is None and now < message.ends_at


def end_problem(ends_at: datetime, now: datetime) -> str | None:
    """Why this end time cannot be used ("past" or "too_far"), or None when it can."""
    if ends_at <= now:
        return "past"
    if ends_at - now > LONGEST:
        return "too_far"
    return None


def kept_texts(texts: dict) -> dict:
    """The texts worth keeping: blank translations are left out."""
    return {lang: text.strip() for lang, text in texts.items() if text and text.strip()}
