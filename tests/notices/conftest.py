"""The notices' fixtures: this week, as the kiosk counts it."""

import pytest

from kiosk import clock
from kiosk.notices import rules


@pytest.fixture
def week(app):
    with app.app_context():
        return rules.week_of(clock.today())
