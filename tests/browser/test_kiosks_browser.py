"""Pairing a screen as the school does it: a link made in /admin/kiosks, opened on the screen,
trusted until revoked; the kiosk's polls show in the admin as "last seen"."""

import json
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from flask import request, request_started
from playwright.sync_api import expect
from qr_helpers import qr_texts

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import is_school_screen, queries
from kiosk.screens.identity import COOKIE


def trusted(app, cookie_value):
    """is_school_screen for a request that carries this browser's real kiosk cookie."""
    answers = []
    # The live server's threads send this signal too (the admin's page still loading, the
    # kiosk's polls); only the test client's request, served in this thread, is the question.
    here = threading.get_ident()

    def ask(sender, **extra):
        if threading.get_ident() == here:
            answers.append(is_school_screen(request))

    client = app.test_client()
    if cookie_value:
        client.set_cookie(COOKIE, cookie_value)
    with request_started.connected_to(ask, app):
        client.get("/kiosk/")
    return answers[0]


def kiosk_cookie(page):
    return next((c for c in page.context.cookies() if c["name"] == COOKIE), None)


def snapshot(page, base_url):
    """GET /api/v1/kiosk as this browser sends it (its cookies included)."""
    return json.loads(page.request.get(f"{base_url}/api/v1/kiosk?lang=nl").text())


def nothing_personal(body):
    return body["photos"] == [] and all("children" not in c for c in body["board"])


def last_seen(app, name):
    with app.app_context():
        return queries.find_by_name(name).last_seen_at


def pretend_silent(app, name):
    with app.app_context():
        kiosk = queries.find_by_name(name)
        kiosk.last_seen_at = utcnow() - timedelta(minutes=10)
        db.session.commit()


def wait_until(condition, seconds=8):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_a_screen_paired_in_admin_is_trusted_until_revoked(
    live_server, new_page, kiosk_page, staff_login, screenshot, assert_accessible
):
    base, app = live_server.url, live_server.app
    name = f"hall-{uuid.uuid4().hex[:6]}"

    # The kiosk before pairing: a browser nobody trusts gets nothing personal.
    kiosk_page.goto(f"{base}/kiosk/")
    assert kiosk_cookie(kiosk_page) is None
    assert nothing_personal(snapshot(kiosk_page, base))
    assert not trusted(app, None)

    # The administrator pairs a screen and gets a one-time link with its QR code.
    admin = new_page()
    staff_login(admin, base)
    admin.goto(f"{base}/admin/kiosks?lang=en")
    admin.fill("#name", name)
    admin.click("text=Make a pairing link")
    link = admin.locator("[data-pairing-link]").inner_text().strip()
    assert link.startswith(f"{base}/kiosk/pair/")
    shot = screenshot(admin, "admin-kiosks-pairing-link")
    assert qr_texts(shot) == [link]
    assert_accessible(admin)
    staff_view = snapshot(admin, base)

    # Opened on the screen, the link lands on the kiosk home with a cookie scripts cannot read.
    kiosk_page.goto(link)
    assert kiosk_page.url == f"{base}/kiosk/"
    cookie = kiosk_cookie(kiosk_page)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    assert cookie["expires"] > time.time() + 365 * 24 * 3600
    assert COOKIE not in kiosk_page.evaluate("document.cookie")
    assert trusted(app, cookie["value"])
    paired_view = snapshot(kiosk_page, base)
    assert {k: paired_view[k] for k in ("board", "photos")} == {
        k: staff_view[k] for k in ("board", "photos")
    }

    # Its polls are its heartbeat: the admin sees it paired, seen just now, not silent.
    pretend_silent(app, name)
    assert wait_until(lambda: utcnow() - last_seen(app, name) < timedelta(seconds=30))
    admin.goto(f"{base}/admin/kiosks?lang=en")
    row = admin.locator(f'tr[data-kiosk="{name}"]')
    assert row.get_attribute("data-state") == "paired"
    assert row.get_attribute("data-silent") is None
    seen_at = datetime.fromisoformat(row.locator("time").get_attribute("datetime"))
    assert datetime.now(UTC) - seen_at < timedelta(seconds=30)
    assert "127.0.0.1" in row.inner_text()
    screenshot(admin, "admin-kiosks-list")

    # Revoked: its next request is no longer trusted, and its polls no longer count.
    row.locator("button", has_text="Revoke").click()
    expect(admin.locator(f'tr[data-kiosk="{name}"]')).to_have_attribute("data-state", "revoked")
    assert not trusted(app, cookie["value"])
    assert nothing_personal(snapshot(kiosk_page, base))
    pretend_silent(app, name)
    stale = last_seen(app, name)
    kiosk_page.wait_for_timeout(2500)  # two polls at 1 s
    assert last_seen(app, name) == stale

    # The used link, opened again elsewhere, pairs nothing: a clear page on the kiosk.
    other = new_page()
    response = other.goto(link)
    assert response.status == 410
    assert other.locator("[data-refused=used]").is_visible()
    assert other.locator(".home-button").is_visible()
    assert kiosk_cookie(other) is None


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_a_refused_pairing_link_is_clear_and_accessible(
    live_server, kiosk_page, screenshot, assert_accessible, lang
):
    response = kiosk_page.goto(f"{live_server.url}/kiosk/pair/not-a-real-code?lang={lang}")
    assert response.status == 404
    card = kiosk_page.locator("[data-refused=unknown]")
    assert card.locator("img.picto").is_visible()
    assert kiosk_page.get_attribute("html", "lang") == lang
    screenshot(kiosk_page, f"kiosk-pairing-refused-{lang}")
    assert_accessible(kiosk_page)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_kiosks_admin_page_is_accessible(
    live_server, new_page, staff_login, assert_accessible, lang
):
    page = new_page()
    staff_login(page, live_server.url)
    page.goto(f"{live_server.url}/admin/kiosks?lang={lang}")
    assert page.locator('tr[data-kiosk="gate"]').is_visible()  # the demo's kiosk
    assert_accessible(page)
