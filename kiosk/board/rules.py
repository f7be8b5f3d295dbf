"""The board's decisions, as plain functions: no request, no database, no Flask.

Which plan applies to a class on a date (weekly template, an exception for that
date, a holiday, the weekend), which card stands for a child (its usual week, a
change made on a kiosk, the noon cut-off) and what the teacher, the kitchen and
the after-school care count.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time

from kiosk.security import database_id

PARTS = ("morning", "afternoon")
SCHOOL_DAYS = (0, 1, 2, 3, 4)  # Monday to Friday; date.weekday() numbering
NO_SCHOOL = "no_school"  # the activity that says "no school in this part of the day"

NOON = ("warm", "sandwiches", "home")
AFTER = ("row", "pickup", "care")
CHOICES = {"noon": NOON, "after": AFTER}


# --- Which plan applies on a date -----------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """What the bridge figure planned for one part of the day (template or exception)."""

    activity: str | None = None
    place: str | None = None
    starts: time | None = None
    ends: time | None = None
    note: Mapping[str, str] = field(default_factory=dict)
    phrases: tuple = ()  # phrasebook sentences ({"key", "slots"}), shown in every language

    @property
    def school(self) -> bool:
        return self.activity != NO_SCHOOL


@dataclass(frozen=True)
class Part:
    """One part of one day as the kiosk shows it."""

    part: str
    slot: Slot
    changed: bool = False  # an exception for this date, not the usual week

    @property
    def school(self) -> bool:
        return self.slot.school


@dataclass(frozen=True)
class Holiday:
    first_day: date
    last_day: date
    name: Mapping[str, str] = field(default_factory=dict)

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class DayPlan:
    day: date
    parts: tuple[Part, ...]
    closed: str | None = None  # None on a school day, else "weekend" or "holiday"
    holiday: Holiday | None = None

    def part(self, name) -> Part:
        return next(part for part in self.parts if part.part == name)

    @property
    def has_school(self) -> bool:
        return any(part.school for part in self.parts)

    @property
    def has_noon_choice(self) -> bool:
        """Lunch at school is only a question when there is school after it."""
        return self.part("morning").school and self.part("afternoon").school

    @property
    def changed(self) -> bool:
        return any(part.changed for part in self.parts)


CLOSED_SLOT = Slot(activity=NO_SCHOOL)


def plan_for(
    day: date,
    template: Mapping[tuple[int, str], Slot],
    exceptions: Mapping[str, Slot] | None = None,
    holidays: Iterable[Holiday] = (),
) -> DayPlan:
    """The plan of one class on `day`.

    `template` maps (weekday, part) to the usual week's slot; a missing cell is a
    school part with nothing special. An exception for the date (per part) wins
    over everything, even a holiday or a weekend: the bridge figure typed it for
    that very day. Otherwise weekends and holidays have no school, and school
    days follow the template (where Wednesday afternoon says "no school").
    """
    exceptions = exceptions or {}
    holiday = next((h for h in holidays if h.covers(day)), None)
    if day.weekday() not in SCHOOL_DAYS:
        closed = "weekend"
    elif holiday is not None:
        closed = "holiday"
    else:
        closed = None
    parts = []
    for name in PARTS:
        if name in exceptions:
            parts.append(Part(name, exceptions[name], changed=True))
        elif closed:
            parts.append(Part(name, CLOSED_SLOT))
        else:
            parts.append(Part(name, template.get((day.weekday(), name), Slot())))
    return DayPlan(day, tuple(parts), closed, holiday if closed == "holiday" else None)


def default_template() -> dict[tuple[int, str], Slot]:
    """A new class's week: the classroom, and no school on Wednesday afternoon."""
    week = {(day, part): Slot(place="classroom") for day in SCHOOL_DAYS for part in PARTS}
    week[(2, "afternoon")] = Slot(activity=NO_SCHOOL)
    return week


# --- Bad times ----------------------------------------------------------------------


END_BEFORE_START = "end_before_start"
OVERLAP = "overlap"


def time_problems(morning: Slot, afternoon: Slot) -> dict[str, str]:
    """What is wrong with the times of one day: {"morning"|"afternoon": problem}.

    A part may not end before it starts, and the morning may not run into the
    afternoon. Parts without school or without times are never wrong.
    """
    problems = {}
    for name, slot in (("morning", morning), ("afternoon", afternoon)):
        if slot.school and slot.starts and slot.ends and slot.ends <= slot.starts:
            problems[name] = END_BEFORE_START
    if "afternoon" not in problems and morning.school and afternoon.school:
        morning_end = morning.ends or morning.starts
        runs_into = morning_end and afternoon.starts and afternoon.starts < morning_end
        before_it = morning.starts and afternoon.ends and afternoon.ends <= morning.starts
        if runs_into or before_it:
            problems["afternoon"] = OVERLAP
    return problems


# --- Which card stands for a child ----------------------------------------------------


def parse_cutoff(text: str) -> time:
    """KIOSK_MEAL_CUTOFF ("09:00") as a time; "00:00" locks noon all day."""
    hours, minutes = text.strip().split(":")
    return time(int(hours), int(minutes))


def noon_locked(day: date, now: datetime, cutoff: time) -> bool:
    """The noon choice of `day` is locked from its cut-off on (and on every past day)."""
    return now >= datetime.combine(day, cutoff)


def is_late(made_at: datetime, day: date, cutoff: time) -> bool:
    """A change made on its own day after the cut-off: the kitchen must be told."""
    return made_at >= datetime.combine(day, cutoff)


@dataclass(frozen=True)
class Change:
    """A card tapped on a kiosk for one day; `made_at` in the school's time."""

    kind: str  # "noon" or "after"
    code: str
    made_at: datetime
    kiosk: str = ""


def usual_choice(usual_week: Mapping | None, weekday: int, kind: str) -> str | None:
    """The card of a child's usual week for a weekday and kind, if any."""
    code = ((usual_week or {}).get(str(weekday)) or {}).get(kind)
    return code if code in CHOICES[kind] else None


def standing_choice(
    kind: str,
    plan: DayPlan,
    usual_week: Mapping | None,
    changes: Iterable[Change],
    cutoff: time,
) -> str | None:
    """Which card stands for a child on `plan.day`: None when the day asks nothing.

    The latest change of that kind wins over the usual week; a noon change made
    at or after the cut-off never counts (the kitchen has already ordered).
    """
    if not plan.has_school or (kind == "noon" and not plan.has_noon_choice):
        return None
    standing = usual_choice(usual_week, plan.day.weekday(), kind)
    for change in changes:
        if change.kind != kind or change.code not in CHOICES[kind]:
            continue
        if kind == "noon" and is_late(change.made_at, plan.day, cutoff):
            continue
        standing = change.code
    return standing


def why_not(kind: str, plan: DayPlan, today: date, now: datetime, cutoff: time) -> str | None:
    """Why a kiosk may not set this kind of card for `plan.day` now; None when it may."""
    if plan.day != today:
        return "not_today"
    if not plan.has_school:
        return "no_school"
    if kind == "noon":
        if not plan.has_noon_choice:
            return "no_noon"
        if noon_locked(plan.day, now, cutoff):
            return "locked"
    return None


def child_id(value) -> int | None:
    """The child id a kiosk sends (a number, or digits); None for anything else."""
    return database_id(value)


def parse_choice(value) -> tuple[str, str] | None:
    """ "noon:warm" -> ("noon", "warm"); None for anything that is not a known card."""
    if not isinstance(value, str) or ":" not in value:
        return None
    kind, code = value.split(":", 1)
    return (kind, code) if code in CHOICES.get(kind, ()) else None


# --- The counts -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChildDay:
    """One child on one day, for the counts: who, and the two cards that stand."""

    first_name: str
    noon: str | None
    after: str | None


def counts(children: Iterable[ChildDay]) -> dict[str, dict[str, list[str]]]:
    """{"noon": {"warm": [first names], ...}, "after": {...}}, every card present, names sorted."""
    found = {kind: {code: [] for code in codes} for kind, codes in CHOICES.items()}
    for child in children:
        for kind in CHOICES:
            code = getattr(child, kind)
            if code in found[kind]:
                found[kind][code].append(child.first_name)
    for kind in found.values():
        for names in kind.values():
            names.sort(key=str.casefold)
    return found


def add_counts(*tallies) -> dict[str, dict[str, list[str]]]:
    """The school's counts: the classes' counts together."""
    total = {kind: {code: [] for code in codes} for kind, codes in CHOICES.items()}
    for tally in tallies:
        for kind, cards in tally.items():
            for code, names in cards.items():
                total[kind][code].extend(names)
    return total


# --- Symbols ------------------------------------------------------------------------------


def free_symbols(catalogue: Iterable[str], taken: Iterable[str]) -> list[str]:
    """The symbols nobody in the class has yet, in catalogue order."""
    taken = set(taken)
    return [symbol for symbol in catalogue if symbol not in taken]


def symbols_for(names: list[str], catalogue: Iterable[str], taken: Iterable[str]) -> list[str]:
    """A free symbol for each new child in turn; ValueError when there are not enough."""
    free = free_symbols(catalogue, taken)
    if len(free) < len(names):
        raise ValueError(len(free))
    return free[: len(names)]


def split_names(text: str) -> list[str]:
    """First names pasted one per line or separated by commas, blanks dropped."""
    return [name.strip() for line in text.splitlines() for name in line.split(",") if name.strip()]


# --- Colours ------------------------------------------------------------------------------


def ink_for(colour: str) -> str:
    """Black or white text, whichever reads better on the class colour (WCAG luminance)."""
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # Contrast with black is (L + .05) / .05, with white 1.05 / (L + .05): pick the larger.
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"
