"""The urgent message in the database: the one showing, a new one, withdrawn."""

from datetime import datetime, timedelta

from kiosk.extensions import db
from kiosk.urgent import queries

NOW = datetime(2026, 3, 2, 7, 30)


def test_a_message_shows_until_its_end_and_not_after(app):
    with app.app_context():
        message = queries.put_up("closed", {"nl": "Storm"}, NOW + timedelta(hours=1), NOW, "bridge")
        db.session.commit()
        assert queries.showing(NOW) == message
        assert queries.showing(NOW + timedelta(minutes=59)) == message
        assert queries.showing(NOW + timedelta(hours=1)) is None


def test_a_new_message_replaces_the_one_showing(app):
    with app.app_context():
        first = queries.put_up("closed", {"nl": "Storm"}, NOW + timedelta(hours=5), NOW, "bridge")
        db.session.commit()
        second = queries.put_up("snow", {"nl": "Sneeuw"}, NOW + timedelta(hours=1), NOW, "bridge")
        db.session.commit()
        assert first.withdrawn_at is not None
        assert queries.showing(NOW) == second
        # Once the second ends, the first does not come back.
        assert queries.showing(NOW + timedelta(hours=2)) is None


def test_withdraw_takes_it_off_at_once(app):
    with app.app_context():
        storm = {"nl": "Storm", "ar": " "}
        queries.put_up("closed", storm, NOW + timedelta(hours=5), NOW, "bridge")
        db.session.commit()
        assert queries.withdraw(NOW) == 1
        db.session.commit()
        assert queries.showing(NOW) is None
        assert queries.recent()[0].texts == {"nl": "Storm"}, "blank translations are not kept"
