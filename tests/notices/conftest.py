"""The notices' fixtures: an app whose test client (127.0.0.1) is one of the school's
screens, as a kiosk is, so its taps count; this week, as the kiosk counts it."""

import pytest

from kiosk import clock
from kiosk.notices import rules

SCHOOL_SCREENS = "127.0.0.0/8"  # the test client's address


@pytest.fixture
def app(make_app):
    return make_app(KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS)


@pytest.fixture
def week(app):
    with app.app_context():
        return rules.this_week(clock.today())
