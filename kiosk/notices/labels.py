"""How a day and a week are named on the kiosk and in the admin, in the page's language."""

from datetime import date, timedelta

from babel.dates import format_date as babel_format_date
from flask_babel import format_date
from flask_babel import gettext as _

from kiosk.notices import rules


def day_label(day: date | None, locale=None) -> str:
    if day is None:
        return _("All week")
    if locale:
        return babel_format_date(day, "EEEE d MMMM", locale=locale)
    return format_date(day, "EEEE d MMMM")


def week_title(week: date, today: date) -> str:
    this_week = rules.this_week(today)
    if week == this_week:
        return _("This week")
    if week == this_week + timedelta(weeks=1):
        return _("Next week")
    return _("Week %(number)d", number=week.isocalendar()[1])


def week_range(week: date, locale=None) -> str:
    friday = week + timedelta(days=4)
    first_format = "d MMMM" if week.year == friday.year else "d MMMM yyyy"
    if locale:
        first = babel_format_date(week, first_format, locale=locale)
        last = babel_format_date(friday, "d MMMM yyyy", locale=locale)
    else:
        first, last = format_date(week, first_format), format_date(friday, "d MMMM yyyy")
    return f"{first} – {last}"
