"""Café fixtures: a meeting made straight in the database, and a parent's sign-up form."""

from datetime import timedelta

import pytest

from kiosk import clock
from kiosk.cafe.models import Meeting
from kiosk.extensions import db


@pytest.fixture
def make_meeting(app):
    """make_meeting(**fields) -> id of a meeting a week ahead (or `days` ahead)."""

    def make(days=7, capacity=10, places_left=None, **fields):
        with app.app_context():
            starts_at = clock.now().replace(second=0, microsecond=0) + timedelta(days=days)
            values = {
                "topic": {"nl": "Slapen", "en": "Sleep", "fr": "Le sommeil", "tr": "Uyku"},
                "pictogram": "nap",
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=1, minutes=30),
                "place": "Refter",
                "languages": ["nl", "tr"],
                "interpreter": True,
                "childcare": True,
            }
            values.update(fields)
            meeting = Meeting(
                capacity=capacity,
                places_left=capacity if places_left is None else places_left,
                **values,
            )
            db.session.add(meeting)
            db.session.commit()
            return meeting.id

    return make


@pytest.fixture
def sign_up(client):
    """sign_up(meeting_id, lang="en", **fields) -> the response to the form sent once."""

    def send(meeting_id, lang="en", **fields):
        data = {"name": "Amina", "adults": "1", "children": "0"}
        data.update(fields)
        return client.post(f"/m/cafe/{meeting_id}?lang={lang}", data=data)

    return send
