# ruff: noqa: E501  (one line per notice reads best)
"""A realistic school week of notices for `flask demo`, made as a school would make it:
from phrasebook sentences, so every notice shows in all 15 languages at once.

Closed days are not notices: they come from the school calendar.
"""

import uuid
from datetime import timedelta

from kiosk.extensions import db
from kiosk.notices import rules
from kiosk.notices.models import Notice, UnderstandingTap


def _say(key, **slots):
    return {"key": key, "slots": slots}


# (day of the week: 0 Monday ... or None for all week, pictograms, sentences); a "date"
# slot given as a number is that many days after the week's Monday.
THIS_WEEK = (
    (None, ["reading_home"], [_say("reading_home")]),
    (0, ["swimming", "swim_gear"], [_say("swimming_day", day="0")]),
    (1, ["lice_check"], [_say("lice_check", day="1")]),
    (
        2,
        ["half_day", "care"],
        [_say("school_ends", time="12:05", day="2"), _say("care_until", time="18:00")],
    ),
    (
        3,
        ["forest_trip", "rain_clothes", "lunch_box"],
        [
            _say("forest_trip", day="3"),
            _say("trip_bus", place="forest", leave="09:00", back="15:00"),
            _say("lunch_box", day="3"),
        ],
    ),
    (4, ["parent_cafe"], [_say("parent_cafe", day="4", time="08:45", place="dining_hall")]),
    (
        4,
        ["money", "permission_slip"],
        [_say("money_for", amount="5.00", item="school_trip"), _say("permission", date=8)],
    ),
)

NEXT_WEEK = (
    (
        1,
        ["excursion_bus", "zoo"],
        [_say("zoo", date=1), _say("trip_bus", place="zoo", leave="08:30", back="15:30")],
    ),
    # No school on Friday: the study day is in the school calendar (kiosk/board/demo.py),
    # which makes its "no school" notice in every language.
    (
        3,
        ["photographer"],
        [_say("photographer", date=3), _say("class_photo", **{"class": "Uilen", "day": "3"})],
    ),
)

# Some anonymous taps, so the admin's "worst understood" list has something to show:
# (index in THIS_WEEK, language, understood, not clear).
TAPS = ((2, "ar", 1, 3), (2, "nl", 5, 0), (4, "tr", 2, 0), (4, "fr", 1, 1), (1, "en", 3, 0))


def _dated(sentence, week):
    """A sentence with its day-numbered dates made real dates of `week`."""
    slots = {
        name: (week + timedelta(days=value)).isoformat() if isinstance(value, int) else value
        for name, value in sentence["slots"].items()
    }
    return {"key": sentence["key"], "slots": slots}


def _add_week(week, items):
    added = []
    for position, (weekday, keys, sentences) in enumerate(items, start=1):
        day = None if weekday is None else week + timedelta(days=weekday)
        notice = Notice(
            week=week,
            day=day,
            position=position,
            pictograms=keys,
            texts={},
            details={},
            phrases=[_dated(sentence, week) for sentence in sentences],
        )
        db.session.add(notice)
        added.append(notice)
    return added


def add(today):
    week = rules.this_week(today)  # the week the kiosk shows as "this week"
    this_week = _add_week(week, THIS_WEEK)
    _add_week(week + timedelta(weeks=1), NEXT_WEEK)
    db.session.flush()
    for index, lang, understood, unclear in TAPS:
        for answer, count in (("understood", understood), ("unclear", unclear)):
            for _ in range(count):
                db.session.add(
                    UnderstandingTap(
                        tap_id=str(uuid.uuid4()),
                        notice_id=this_week[index].id,
                        answer=answer,
                        lang=lang,
                        kiosk="gate",
                    )
                )
