"""The voice tests' app: its test client (127.0.0.1) is one of the school's screens, as a
kiosk is, so its taps count."""

import pytest

SCHOOL_SCREENS = "127.0.0.0/8"  # the test client's address


@pytest.fixture
def app(make_app):
    return make_app(KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS)
