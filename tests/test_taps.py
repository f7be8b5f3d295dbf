"""The parts every counted kiosk tap shares: its id, and the kiosk it comes from."""

from kiosk import taps
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import rules as kiosk_rules
from kiosk.screens.models import Kiosk


def test_a_tap_needs_a_random_id_of_its_own():
    assert taps.tap_id("3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f")
    assert taps.tap_id("Zx_9-aBcDeFgHiJkLmNoPq")
    for not_an_id in (
        "short",
        "",
        None,
        12345678901234567,
        "x" * 65,
        "<script>alert(1)</script>-long",
    ):
        assert taps.tap_id(not_an_id) is None


def test_a_paired_kiosk_is_named_by_its_pairing_not_by_what_its_page_says(app, client):
    with app.app_context():
        kiosk = Kiosk(name="hall")
        db.session.add(kiosk)
        code = kiosk_rules.issue_code(kiosk, utcnow())
        db.session.commit()
    client.get(f"/kiosk/pair/{code}")
    with app.test_request_context():
        from flask import request

        assert taps.kiosk_name(request, "gate") == "gate"  # this request has no cookie
    cookie = client.get_cookie("kiosk_screen")
    headers = {"Cookie": f"kiosk_screen={cookie.value}"}
    with app.test_request_context(headers=headers):
        from flask import request

        assert taps.kiosk_name(request, "another-name-every-time") == "hall"


def test_an_unpaired_screen_keeps_a_valid_name_and_loses_an_invalid_one(app):
    with app.test_request_context():
        from flask import request

        assert taps.kiosk_name(request, " hall ") == "hall"
        assert taps.kiosk_name(request, "<b>x</b>") == "gate"
        assert taps.kiosk_name(request, "x" * 41) == "gate"
        assert taps.kiosk_name(request, None) == "gate"
