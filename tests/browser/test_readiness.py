"""A kiosk on a plain-HTTP school network says it cannot keep an offline copy, and
/admin/kiosks shows why and what to do."""

import time
import uuid
from datetime import timedelta

from conftest import KIOSK
from playwright.sync_api import expect

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import queries, rules
from kiosk.screens.models import Kiosk

# The name a school network gives the server: plain http:// there is not a secure origin.
SCHOOL_ADDRESS = "http://schoolserver:8080"


def pairing_code(app, name):
    with app.app_context():
        kiosk = Kiosk(name=name)
        db.session.add(kiosk)
        code = rules.issue_code(kiosk, utcnow())
        db.session.commit()
    return code


def offline_state(app, name, since):
    with app.app_context():
        kiosk = queries.find_by_name(name)
        return kiosk.offline_copy if kiosk.last_seen_at > since else None


def test_a_kiosk_that_cannot_work_offline_shows_why_in_admin(
    live_server, browser, new_page, staff_login, screenshot
):
    base, app = live_server.url, live_server.app
    name = f"gate-{uuid.uuid4().hex[:6]}"
    code = pairing_code(app, name)

    # The screen reaches the server by its school-network name (through a proxy to the
    # test server), as a kiosk at a school without HTTPS does.
    context = browser.new_context(viewport=KIOSK, proxy={"server": base})
    try:
        kiosk = context.new_page()
        kiosk.goto(f"{SCHOOL_ADDRESS}/kiosk/pair/{code}")
        expect(kiosk).to_have_url(f"{SCHOOL_ADDRESS}/kiosk/")
        assert kiosk.evaluate("window.isSecureContext") is False
        since = utcnow()
        with app.app_context():
            queries.find_by_name(name).last_seen_at = since - timedelta(minutes=10)
            db.session.commit()
        deadline = time.monotonic() + 10
        while offline_state(app, name, since) is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert offline_state(app, name, since) == "insecure"
    finally:
        context.close()

    admin = new_page()
    staff_login(admin, base)
    admin.goto(f"{base}/admin/kiosks?lang=en")
    problem = admin.locator(f'tr[data-kiosk="{name}"] [data-problem=offline]')
    expect(problem).to_have_attribute("data-offline", "insecure")
    expect(problem).to_contain_text("not on a secure origin")
    expect(problem).to_contain_text("--unsafely-treat-insecure-origin-as-secure")
    expect(admin.locator(f'tr[data-kiosk="{name}"] .health')).to_contain_text(
        "1920x1080, landscape"
    )
    screenshot(admin, "admin-kiosks-offline-state")
