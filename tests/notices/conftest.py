"""The notices' fixtures: this week, as the kiosk counts it (the coming one on a weekend)."""

import pytest

from kiosk import clock
from kiosk.notices import rules


@pytest.fixture
def week(app):
    with app.app_context():
        return rules.this_week(clock.today())
