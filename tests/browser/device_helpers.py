"""Helpers for the device's browser tests (the kiosk offline, the urgent message)."""

from kiosk import clock
from kiosk.extensions import db
from kiosk.urgent import queries


def school_now(server):
    with server.app.app_context():
        return clock.now()


def withdraw_urgent(server):
    """The live server is shared: leave no urgent message over other tests' kiosks."""
    with server.app.app_context():
        queries.withdraw(clock.now())
        db.session.commit()


def put_up_urgent(page, server, texts, ends_in, pictogram="closed"):
    """Set the urgent message the way the bridge figure does, in /admin/urgent."""
    ends_at = school_now(server) + ends_in
    page.goto(server.url + "/admin/urgent")
    page.select_option("select[name=pictogram]", pictogram)
    for lang, text in texts.items():
        page.fill(f"input[name=text_{lang}]", text)
    page.fill("input[name=ends_at]", ends_at.strftime("%Y-%m-%dT%H:%M:%S"))
    page.click("button[value=publish]")
    page.wait_for_selector(".flash-success")
    return ends_at


def wait_until_ready_offline(page):
    """The service worker holds what this page needs offline."""
    page.wait_for_selector("body[data-offline=ready]", state="attached")
