"""The notices' decisions as plain functions: which week, in which order, what to copy,
which days the school calendar closes, and which notice parents understand worst."""

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from kiosk.board.rules import NO_SCHOOL

# What the bridge figure may write: short enough to read at the gate in a few seconds.
TEXT_MAX = 140
DETAILS_MAX = 600
PICTOGRAMS_MAX = 3
# How far ahead the kiosk's arrows go from this week.
WEEKS_AHEAD = 4

ANSWERS = ("understood", "unclear")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")
FIRST_YEAR, LAST_YEAR = 1970, 2999


def week_of(day: date) -> date:
    """The Monday of the ISO week that `day` lies in: how a week is stored."""
    return day - timedelta(days=day.weekday())


def week_param(week: date) -> str:
    """A week as the URL writes it: "2025-W03"."""
    year, number, _ = week.isocalendar()
    return f"{year}-W{number:02d}"


def parse_week(text: str | None) -> date | None:
    """The Monday of an ISO week written "2025-W03", or None for anything else."""
    match = _WEEK.fullmatch((text or "").strip())
    # A school's weeks lie well inside what date arithmetic can reach from them.
    if not match or not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        return None
    try:
        return date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def days_of(week: date) -> list[date]:
    """Monday to Sunday of the week that starts on `week`."""
    return [week + timedelta(days=n) for n in range(7)]


def this_week(today: date) -> date:
    """The week a parent means by "this week": on a Saturday or Sunday, the coming one."""
    return week_of(today + timedelta(days=2 if today.weekday() >= 5 else 0))


def kiosk_weeks(today: date) -> tuple[date, date]:
    """The first and last week the kiosk's arrows reach: this week and a few ahead."""
    first = this_week(today)
    return first, first + timedelta(weeks=WEEKS_AHEAD)


def closed_days(week: date, holidays) -> list[tuple[date | None, object]]:
    """The school days of `week` that the school calendar closes, as (day, holiday).

    `holidays` are the board's closed periods (each with `covers(day)`). A period
    that closes the whole school week is one item for the week (day None); the
    first period that covers a day names it.
    """
    school_days = days_of(week)[:5]
    by_day = {}
    for holiday in sorted(holidays, key=lambda h: h.first_day):
        for day in school_days:
            if holiday.covers(day):
                by_day.setdefault(day, holiday)
    names = {id(holiday) for holiday in by_day.values()}
    if len(by_day) == len(school_days) and len(names) == 1:
        return [(None, by_day[school_days[0]])]
    return sorted(by_day.items())


def says_no_school(text: str, phrase: str) -> bool:
    """Whether a notice's text says the calendar's "no school" phrase (any case, whole words)."""
    phrase = (phrase or "").strip()
    if not phrase:
        return False
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text or "", re.IGNORECASE) is not None


def order_key(notice):
    """All-week items first, then day by day; within a day, the bridge figure's order."""
    return (notice.day is not None, notice.day or notice.week, notice.position, notice.id or 0)


def in_order(notices):
    return sorted(notices, key=order_key)


def swap_partner(notices, notice, direction):
    """The item that `notice` changes place with when moved "up" or "down", or None.

    Items move within their own day: the kiosk groups by day, so a move across
    days would undo itself.
    """
    same_day = [n for n in in_order(notices) if n.day == notice.day]
    index = same_day.index(notice)
    other = index - 1 if direction == "up" else index + 1
    return same_day[other] if 0 <= other < len(same_day) else None


def copy_plan(last_week, this_week, week):
    """What "copy last week" adds to `week`: last week's items one week later.

    An item already there with the same day, pictograms and texts is not copied
    again, so a second click (or a double click) adds nothing.
    """

    def shape(day, notice):
        phrases = json.dumps(getattr(notice, "phrases", None) or [], sort_keys=True)
        return (day, tuple(notice.pictograms), tuple(sorted(notice.texts.items())), phrases)

    present = {shape(n.day, n) for n in this_week}
    plan = []
    for notice in in_order(last_week):
        day = notice.day + timedelta(weeks=1) if notice.day else None
        if day is not None and week_of(day) != week:
            continue
        if shape(day, notice) in present:
            continue
        present.add(shape(day, notice))
        plan.append(
            {
                "week": week,
                "day": day,
                "pictograms": list(notice.pictograms),
                "texts": dict(notice.texts),
                "phrases": list(getattr(notice, "phrases", None) or []),
                "details": dict(notice.details or {}),
            }
        )
    return plan


def problems(
    texts: dict, details: dict, pictogram_keys: list, known, phrases=(), no_school=None
) -> dict:
    """What is wrong with an item, per field: {"text_nl": [...], "pictograms": [...]}.

    Messages are (message, values) pairs for the caller to translate. `known(key)`
    says whether a pictogram key is in the catalogue. An item of phrasebook sentences
    needs no typed text; typed text always needs its Dutch. A notice never says "no
    school" (the pictogram, or `no_school[lang]`, that phrase in each language):
    closing a day in the school calendar makes that notice.
    """
    found = {}

    def add(name, message, **values):
        found.setdefault(name, []).append((message, values))

    if not (texts.get("nl") or "").strip():
        if texts:
            add("text_nl", "dutch_required")
        elif not phrases:
            add("text_nl", "sentence_or_dutch")
    for code, text in texts.items():
        if len(text or "") > TEXT_MAX:
            add(f"text_{code}", "too_long", max=TEXT_MAX, length=len(text))
    for code, text in details.items():
        if len(text or "") > DETAILS_MAX:
            add(f"details_{code}", "too_long", max=DETAILS_MAX, length=len(text))
    unknown = [key for key in pictogram_keys if not known(key)]
    if unknown:
        add("pictograms", "unknown_pictogram", codes=", ".join(unknown))
    if NO_SCHOOL in pictogram_keys:
        add("pictograms", "no_school")
    for code, phrase in (no_school or {}).items():
        if says_no_school(texts.get(code), phrase) or says_no_school(details.get(code), phrase):
            add(f"text_{code}", "no_school")
    if not pictogram_keys:
        add("pictograms", "no_pictogram")
    elif len(pictogram_keys) > PICTOGRAMS_MAX:
        add("pictograms", "too_many_pictograms", max=PICTOGRAMS_MAX, count=len(pictogram_keys))
    return found


@dataclass
class Understanding:
    """How one notice was understood: counts in all, and per language of the screen."""

    notice_id: int
    understood: int = 0
    unclear: int = 0
    by_language: dict = field(default_factory=dict)  # lang -> {"understood": n, "unclear": n}

    @property
    def total(self):
        return self.understood + self.unclear

    @property
    def unclear_share(self):
        return self.unclear / self.total if self.total else 0.0

    def add(self, lang, answer, count):
        setattr(self, answer, getattr(self, answer) + count)
        per_language = self.by_language.setdefault(lang, {"understood": 0, "unclear": 0})
        per_language[answer] += count


def tally(rows) -> dict[int, Understanding]:
    """Counts per notice from (notice_id, lang, answer, count) rows."""
    result = {}
    for notice_id, lang, answer, count in rows:
        result.setdefault(notice_id, Understanding(notice_id)).add(lang, answer, count)
    return result


def worst_first(understandings):
    """Worst understood first: the largest share of "not clear", then the most "not clear"."""
    return sorted(
        (u for u in understandings if u.total),
        key=lambda u: (-u.unclear_share, -u.unclear, -u.total, u.notice_id),
    )


def read_aloud(text: str, details: str) -> str:
    """What the kiosk's read-aloud button speaks of an item: its text, then the longer one."""
    return f"{text} {details or ''}".strip()
