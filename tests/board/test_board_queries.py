"""What the board keeps in the database and reads back: choices forgotten in time, the
cards that stand for one child, the symbols a class has taken."""

from datetime import date, datetime, timedelta

from kiosk import retention
from kiosk.board import queries
from kiosk.board.models import Child, Choice
from kiosk.extensions import db

TUESDAY = date(2031, 3, 11)


def test_purge_forgets_choices_older_than_the_personal_days(school_app, add_class, add_choice):
    app = school_app(KIOSK_PERSONAL_DAYS=30)
    _, children = add_class(app)
    for age in (0, 30, 31, 90):
        moment = datetime.combine(TUESDAY - timedelta(days=age), datetime.min.time())
        add_choice(app, children["Amira"], "after", "care", moment)
    with app.app_context():
        deleted = retention.purge(datetime(2031, 3, 11, 12), app.config)
        assert deleted["board choices"] == 2
        kept = sorted((TUESDAY - c.day).days for c in db.session.scalars(db.select(Choice)))
        assert kept == [0, 30]


def test_a_childs_cards_are_its_own_changes_over_its_usual_week(school_app, add_class, add_choice):
    app = school_app()
    _, children = add_class(app)
    add_choice(app, children["Noah"], "after", "care", datetime(2031, 3, 11, 8, 0))
    add_choice(app, children["Amira"], "noon", "home", datetime(2031, 3, 11, 8, 10))
    add_choice(app, children["Amira"], "noon", "sandwiches", datetime(2031, 3, 11, 9, 30))
    with app.app_context():
        amira = db.session.get(Child, children["Amira"])
        today = queries.child_today(amira, TUESDAY)
        # Noah's care is not hers; the sandwiches came after the 9:00 cut-off.
        assert (today.noon, today.after) == ("home", "row")
        assert [late.code for late in today.late] == ["sandwiches"]


def test_a_symbol_is_taken_by_another_child_of_the_class_only(school_app, add_class):
    app = school_app()
    class_id, children = add_class(app, children=("Amira", "Noah"))  # dog, cat
    with app.app_context():
        amira = db.session.get(Child, children["Amira"])
        assert queries.symbol_taken(class_id, "dog", but=Child())  # a new child
        assert not queries.symbol_taken(class_id, "dog", but=amira)  # her own
        assert not queries.symbol_taken(class_id, "frog")
        assert queries.symbols_taken(amira.school_class, but=amira) == {"cat": "Noah"}
