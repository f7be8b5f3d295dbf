"""A school day for the board's tests: the clock stands on a Tuesday, the screens are trusted."""

import uuid
from datetime import time

import pytest

from kiosk import clock
from kiosk.board import rules
from kiosk.board.models import Child, Choice, PlanSlot, SchoolClass
from kiosk.extensions import db

BEFORE_CUTOFF = "2031-03-11T08:30"  # a Tuesday
SCHOOL_SCREENS = "127.0.0.0/8"  # the test client's address


@pytest.fixture
def school_app(make_app):
    """make the app standing on Tuesday 8:30 (or KIOSK_FAKE_NOW=...), its client trusted."""

    def make(**settings):
        config = {"KIOSK_FAKE_NOW": BEFORE_CUTOFF, "KIOSK_TRUSTED_NETWORKS": SCHOOL_SCREENS}
        config.update(settings)
        return make_app(**config)

    return make


@pytest.fixture
def add_class():
    """add_class(app, name, children=[first names], **columns) -> (class id, {first name: id})."""

    def add(app, name="Uilen", children=("Amira", "Noah", "Lina"), usual=None, **columns):
        usual = usual or {str(day): {"noon": "warm", "after": "row"} for day in range(5)}
        with app.app_context():
            school_class = SchoolClass(
                name=name, colour=columns.pop("colour", "#2e7d32"),
                animal=columns.pop("animal", "animal_owl"), **columns,
            )  # fmt: skip
            for (weekday, part), slot in rules.default_template().items():
                school_class.week.append(
                    PlanSlot(
                        weekday=weekday,
                        part=part,
                        activity=slot.activity or "painting",
                        place=slot.place,
                        starts=time(8, 30) if part == "morning" else time(13, 15),
                        ends=time(12) if part == "morning" else time(15, 30),
                    )
                )
            symbols = ["dog", "cat", "frog", "duck", "star", "kite", "apple", "car"]
            for first_name, symbol in zip(children, symbols, strict=False):
                school_class.children.append(
                    Child(first_name=first_name, symbol=symbol, usual_week=usual)
                )
            db.session.add(school_class)
            db.session.commit()
            return school_class.id, {child.first_name: child.id for child in school_class.children}

    return add


@pytest.fixture
def add_choice():
    """add_choice(app, child id, kind, code, at, kiosk): a tap stored as a kiosk stores it;
    `at` is the school's wall-clock time."""

    def add(app, child_id, kind, code, at, kiosk="gate"):
        with app.app_context():
            db.session.add(
                Choice(
                    request_id=str(uuid.uuid4()),
                    child_id=child_id,
                    day=at.date(),
                    kind=kind,
                    code=code,
                    made_at=clock.utc(at),
                    kiosk=kiosk,
                )
            )
            db.session.commit()

    return add
