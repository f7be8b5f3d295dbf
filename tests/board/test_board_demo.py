"""The demo board: enough classes, children and plans for a first look."""

from datetime import date, timedelta

from kiosk.board.demo import add as add_board
from kiosk.board.models import Child, PlanException, SchoolClass
from kiosk.extensions import db

A_THURSDAY = date(2031, 3, 13)


def test_the_demo_has_four_classes_with_children_and_a_full_week(make_app):
    app = make_app()
    with app.app_context():
        add_board(A_THURSDAY)
        db.session.commit()
        classes = db.session.scalars(db.select(SchoolClass)).all()
        assert len(classes) >= 4
        for school_class in classes:
            assert 8 <= len(school_class.children) <= 20
            symbols = [child.symbol for child in school_class.children]
            assert len(set(symbols)) == len(symbols)
            assert all(len(child.usual_week) == 5 for child in school_class.children)
            week = {(slot.weekday, slot.part): slot for slot in school_class.week}
            assert len(week) == 10
            assert week[(2, "afternoon")].activity == "no_school"
        notes = [slot.note for c in classes for slot in c.week if slot.note]
        assert any({"nl", "en", "fr", "ar", "tr"} <= set(note) for note in notes)


def test_the_demo_has_one_exception_this_week_and_some_choices_today(make_app):
    app = make_app()
    with app.app_context():
        add_board(A_THURSDAY)
        db.session.commit()
        (exception,) = db.session.scalars(db.select(PlanException)).all()
        monday = A_THURSDAY - timedelta(days=A_THURSDAY.weekday())
        assert monday <= exception.day <= monday + timedelta(days=4)
        assert {"nl", "en", "fr", "ar", "tr"} <= set(exception.note)
        assert sum(len(child.choices) for child in db.session.scalars(db.select(Child))) == 2
        page = app.test_client().get("/kiosk/board")
        assert page.status_code == 200
