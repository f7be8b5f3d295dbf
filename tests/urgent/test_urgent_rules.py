"""When the urgent message is on the kiosks: decisions without a browser."""

from datetime import datetime, timedelta

from kiosk.extensions import db
from kiosk.urgent import rules

NOW = datetime(2026, 3, 2, 7, 30)


def test_end_time_must_lie_ahead_and_within_two_weeks():
    assert rules.end_problem(NOW - timedelta(minutes=1), NOW) == "past"
    assert rules.end_problem(NOW, NOW) == "past"
    assert rules.end_problem(NOW + timedelta(hours=9), NOW) is None
    assert rules.end_problem(NOW + timedelta(days=15), NOW) == "too_far"


def test_a_message_shows_until_its_end_and_not_after(app):
    with app.app_context():
        message = rules.put_up("closed", {"nl": "Storm"}, NOW + timedelta(hours=1), NOW, "bridge")
        db.session.commit()
        assert rules.showing(NOW) == message
        assert rules.showing(NOW + timedelta(minutes=59)) == message
        assert rules.showing(NOW + timedelta(hours=1)) is None


def test_a_new_message_replaces_the_one_showing(app):
    with app.app_context():
        first = rules.put_up("closed", {"nl": "Storm"}, NOW + timedelta(hours=5), NOW, "bridge")
        db.session.commit()
        second = rules.put_up("snow", {"nl": "Sneeuw"}, NOW + timedelta(hours=1), NOW, "bridge")
        db.session.commit()
        assert first.withdrawn_at is not None
        assert rules.showing(NOW) == second
        # Once the second ends, the first does not come back.
        assert rules.showing(NOW + timedelta(hours=2)) is None


def test_withdraw_takes_it_off_at_once(app):
    with app.app_context():
        rules.put_up("closed", {"nl": "Storm", "ar": " "}, NOW + timedelta(hours=5), NOW, "bridge")
        db.session.commit()
        assert rules.withdraw(NOW) == 1
        db.session.commit()
        assert rules.showing(NOW) is None
        assert rules.recent()[0].texts == {"nl": "Storm"}, "blank translations are not kept"
