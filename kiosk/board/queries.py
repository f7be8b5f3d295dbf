"""What the board reads and writes in the database, the rules applied to what it finds.

`board(day, lang, school_screen)` builds the classes for the snapshot's `board`
section (`snapshot`), the kiosk screens and the admin preview alike, so what a
screen shows and what the API says never differ. `school_day` gives the counts of
the admin's today page, its CSV and the dashboard; `purge_choices` forgets the
children's old choices.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask import current_app

from kiosk import clock, phrasebook, pictograms
from kiosk.board import rules
from kiosk.board.models import Child, Choice, Holiday, PlanException, SchoolClass
from kiosk.extensions import db
from kiosk.i18n import pick


def cutoff():
    return rules.parse_cutoff(current_app.config["KIOSK_MEAL_CUTOFF"])


def snapshot(lang, school_screen):
    """Today's board for every class; children only for the school's own screens."""
    return board(clock.today(), lang, school_screen)


def purge_choices(now, config):
    """Children's choices go KIOSK_PERSONAL_DAYS after their day (spec section 7)."""
    oldest_kept = now.date() - timedelta(days=config["KIOSK_PERSONAL_DAYS"])
    deleted = db.session.execute(db.delete(Choice).where(Choice.day < oldest_kept)).rowcount
    return {"board choices": deleted}


def classes() -> list[SchoolClass]:
    return db.session.scalars(
        db.select(SchoolClass).order_by(SchoolClass.sort_order, SchoolClass.name)
    ).all()


def holidays() -> list[rules.Holiday]:
    return [h.as_rule() for h in db.session.scalars(db.select(Holiday))]


def exceptions_on(day: date) -> dict[int, dict[str, rules.Slot]]:
    """{class id: {part: slot}} for the exceptions of one date."""
    found = defaultdict(dict)
    for exception in db.session.scalars(db.select(PlanException).filter_by(day=day)):
        found[exception.class_id][exception.part] = exception.as_rule()
    return found


def plan(school_class: SchoolClass, day: date, holiday_list=None, exceptions=None):
    """The rules' DayPlan of one class on one date."""
    if exceptions is None:
        exceptions = exceptions_on(day)
    if holiday_list is None:
        holiday_list = holidays()
    return rules.plan_for(
        day, school_class.template(), exceptions.get(school_class.id, {}), holiday_list
    )


def changes_on(day: date, child_ids=None) -> dict[int, list[tuple[rules.Change, Choice]]]:
    """The kiosk changes of one date per child, oldest first (in the order they were stored)."""
    query = db.select(Choice).filter_by(day=day).order_by(Choice.id)
    if child_ids is not None:
        query = query.where(Choice.child_id.in_(child_ids))
    found = defaultdict(list)
    for choice in db.session.scalars(query):
        change = rules.Change(choice.kind, choice.code, clock.local(choice.made_at), choice.kiosk)
        found[choice.child_id].append((change, choice))
    return found


@dataclass
class ChildToday:
    """One child on one date: the cards that stand and the kiosk changes behind them."""

    child: Child
    noon: str | None
    after: str | None
    changes: list[rules.Change] = field(default_factory=list)
    late: list[rules.Change] = field(default_factory=list)

    def as_count(self) -> rules.ChildDay:
        return rules.ChildDay(self.child.first_name, self.noon, self.after)


def children_on(school_class: SchoolClass, day_plan: rules.DayPlan, changes=None):
    """Every child of the class with its standing cards on the plan's date."""
    if changes is None:
        changes = changes_on(day_plan.day, [child.id for child in school_class.children])
    limit = cutoff()
    found = []
    for child in school_class.children:
        made = [change for change, _ in changes.get(child.id, [])]
        found.append(
            ChildToday(
                child,
                rules.standing_choice("noon", day_plan, child.usual_week, made, limit),
                rules.standing_choice("after", day_plan, child.usual_week, made, limit),
                made,
                [c for c in made if rules.is_late(c.made_at, day_plan.day, limit)],
            )
        )
    return found


def children_per_class() -> dict[int, int]:
    """{class id: how many children}, for classes that have any."""
    query = db.select(Child.class_id, db.func.count(Child.id)).group_by(Child.class_id)
    return dict(db.session.execute(query).all())


def children_count() -> int:
    return db.session.scalar(db.select(db.func.count(Child.id)))


def remove_all_children() -> int:
    """The end of the school year: every child and choice goes; classes and weeks stay."""
    db.session.execute(db.delete(Choice))
    return db.session.execute(db.delete(Child)).rowcount


def symbols_taken(school_class: SchoolClass, but: Child | None = None) -> dict[str, str]:
    """{symbol: first name} of the class's children, `but` one of them left out."""
    query = db.select(Child.symbol, Child.first_name, Child.id).filter_by(class_id=school_class.id)
    return {
        symbol: name
        for symbol, name, child_id in db.session.execute(query)
        if but is None or child_id != but.id
    }


def symbol_taken(class_id: int, symbol: str, but: Child | None = None) -> bool:
    """Whether another child of the class has this symbol."""
    query = db.select(Child.id).filter_by(class_id=class_id, symbol=symbol)
    if but is not None and but.id is not None:
        query = query.where(Child.id != but.id)
    return db.session.scalar(query) is not None


def exceptions_from(school_class: SchoolClass, day: date) -> list[PlanException]:
    """The class's exceptions on `day` and after, by date."""
    return db.session.scalars(
        db.select(PlanException)
        .filter(PlanException.class_id == school_class.id, PlanException.day >= day)
        .order_by(PlanException.day, PlanException.part)
    ).all()


def remove_exception(class_id: int, day: date, part: str):
    """Make room for a new exception of one part of one date."""
    db.session.execute(db.delete(PlanException).filter_by(class_id=class_id, day=day, part=part))


def holiday_rows() -> list[Holiday]:
    return db.session.scalars(db.select(Holiday).order_by(Holiday.first_day)).all()


def child_today(child: Child, day: date) -> ChildToday:
    """The cards that stand for one child on `day`, as the kiosk shows them."""
    day_plan = plan(child.school_class, day)
    changes = changes_on(day, [child.id])
    (today,) = [
        c for c in children_on(child.school_class, day_plan, changes) if c.child.id == child.id
    ]
    return today


def tap_stored(request_id: str) -> bool:
    """Whether a kiosk tap with this id is stored already (a retry or a double send)."""
    return db.session.scalar(db.select(Choice.id).filter_by(request_id=request_id)) is not None


def add_choice(request_id, child: Child, day: date, kind, code, now, kiosk_name):
    """A card tapped on a kiosk, added to the session (the caller commits)."""
    db.session.add(
        Choice(
            request_id=request_id,
            child_id=child.id,
            day=day,
            kind=kind,
            code=code,
            made_at=clock.utc(now),
            kiosk=kiosk_name,
        )
    )


def school_day(day: date):
    """Per class: plan, children with their cards, counts, late changes; and the school's counts."""
    holiday_list, exceptions = holidays(), exceptions_on(day)
    changes = changes_on(day)
    found = []
    for school_class in classes():
        day_plan = plan(school_class, day, holiday_list, exceptions)
        children = children_on(school_class, day_plan, changes)
        found.append(
            {
                "school_class": school_class,
                "plan": day_plan,
                "children": children,
                "counts": rules.counts(child.as_count() for child in children),
                "late": sorted(
                    ((late, today.child) for today in children for late in today.late),
                    key=lambda pair: pair[0].made_at,
                ),
            }
        )
    return found, rules.add_counts(*(row["counts"] for row in found))


def _label(key):
    p = pictograms.get(key)
    return str(p.label) if p else None


def _url(key):
    return pictograms.url(key) if key and pictograms.get(key) else None


def _hhmm(moment):
    return moment.strftime("%H:%M") if moment else None


def note_in(slot: rules.Slot, lang: str) -> tuple[str, str]:
    """(note, its language): the phrasebook sentences and typed note in `lang`, else Dutch."""
    codes = list(dict.fromkeys((lang, "nl")))
    return pick(phrasebook.texts_in(slot.phrases, slot.note, codes), lang)


def part_json(part: rules.Part, lang: str) -> dict:
    note, note_lang = note_in(part.slot, lang)
    return {
        "part": part.part,
        "part_url": pictograms.url(part.part),
        "part_label": _label(part.part),
        "school": part.school,
        "activity": part.slot.activity,
        "url": _url(part.slot.activity),
        "label": _label(part.slot.activity),
        "place": part.slot.place if part.school else None,
        "place_url": _url(part.slot.place) if part.school else None,
        "place_label": _label(part.slot.place) if part.school else None,
        "starts": _hhmm(part.slot.starts),
        "ends": _hhmm(part.slot.ends),
        "note": note or None,
        "note_lang": note_lang if note else None,
        "changed": part.changed,
    }


def today_json(day_plan: rules.DayPlan, lang: str, now) -> dict:
    holiday = pick(day_plan.holiday.name, lang)[0] if day_plan.holiday else None
    return {
        "date": day_plan.day.isoformat(),
        "closed": day_plan.closed,
        "holiday": holiday or None,
        "school": day_plan.has_school,
        "noon_choice": day_plan.has_noon_choice,
        "noon_locked": rules.noon_locked(day_plan.day, now, cutoff()),
        "changed": day_plan.changed,
        "parts": [part_json(part, lang) for part in day_plan.parts],
    }


def child_json(today: ChildToday, show_first_name: bool) -> dict:
    child = today.child
    found = {
        "id": child.id,
        "symbol": child.symbol,
        "url": pictograms.url(child.symbol),
        "label": _label(child.symbol),
        "noon": today.noon,
        "after": today.after,
    }
    if show_first_name:
        found["first_name"] = child.first_name
    return found


def class_json(school_class, day_plan, lang, now, school_screen, changes=None) -> dict:
    found = {
        "id": school_class.id,
        "name": school_class.name,
        "colour": school_class.colour,
        "ink": rules.ink_for(school_class.colour),
        "animal": school_class.animal,
        "animal_url": pictograms.url(school_class.animal),
        "animal_label": _label(school_class.animal),
        "show_first_names": school_class.show_first_names,
        "today": today_json(day_plan, lang, now),
    }
    if school_screen:
        found["children"] = [
            child_json(today, school_class.show_first_names)
            for today in children_on(school_class, day_plan, changes)
        ]
    return found


def board(day: date, lang: str, school_screen: bool, only_class=None) -> list[dict]:
    """Every class (or one) on `day`, children included only for the school's own screens."""
    holiday_list, exceptions = holidays(), exceptions_on(day)
    changes = changes_on(day) if school_screen else None
    now = clock.now()
    shown = [only_class] if only_class else classes()
    return [
        class_json(c, plan(c, day, holiday_list, exceptions), lang, now, school_screen, changes)
        for c in shown
    ]
