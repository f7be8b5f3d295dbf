"""Help fixtures: the offer form's data, and the offers stored."""

import pytest

from kiosk.extensions import db
from kiosk.help.models import HelpOffer


def _offer(**changes):
    data = {
        "form_key": "key-" + changes.pop("key", "one"),
        "languages": ["pl", "uk"],
        "activities": ["reading", "other"],
        "other": "Naaien",
        "first_name": "Kasia",
        "contact": "0470 11 22 33",
    }
    data.update(changes)
    return data


@pytest.fixture
def offer():
    """offer(key="one", **fields) -> the form's data, a good offer unless changed."""
    return _offer


@pytest.fixture
def offers(app):
    """offers() -> every offer stored."""

    def stored():
        with app.app_context():
            return db.session.scalars(db.select(HelpOffer)).all()

    return stored
