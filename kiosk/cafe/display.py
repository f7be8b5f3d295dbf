"""How a meeting's day, hours and languages read on every screen (template globals)."""

from babel import dates
from flask_babel import get_locale

from kiosk import i18n


def cafe_day(meeting):
    """The meeting's day in full, as this language writes it: "maandag 30 november 2026"."""
    return dates.format_date(meeting.starts_at, "full", locale=str(get_locale()))


def cafe_hours(meeting):
    locale = str(get_locale())
    start = dates.format_time(meeting.starts_at, "short", locale=locale)
    end = dates.format_time(meeting.ends_at, "short", locale=locale)
    return f"{start} – {end}"


def language_name(code):
    """A language by its own name (the voice admin uses it too)."""
    language = i18n.BY_CODE.get(code)
    return language.name if language else code


TEMPLATE_GLOBALS = (cafe_day, cafe_hours, language_name)
