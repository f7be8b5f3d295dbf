"""The kiosk on a school's unreliable Wi-Fi: it keeps its content offline and catches up."""

import re
import uuid
from datetime import timedelta

import pytest
from device_helpers import put_up_urgent, wait_until_ready_offline, withdraw_urgent

TILE_IMAGES_LOADED = """() => [...document.querySelectorAll('a.tile img')]
    .every(img => img.complete && img.naturalWidth > 0)"""


@pytest.fixture
def no_urgent_message_left(live_server):
    yield
    withdraw_urgent(live_server)


def test_offline_kiosk_keeps_its_screens_and_catches_up_without_reload(
    live_server, new_page, staff_login, screenshot, no_urgent_message_left
):
    kiosk = new_page(has_touch=True)
    kiosk.goto(live_server.url + "/kiosk/?kiosk=gate")
    wait_until_ready_offline(kiosk)
    kiosk.click("a.tile-notices")
    kiosk.wait_for_url("**/kiosk/notices")
    wait_until_ready_offline(kiosk)
    kiosk.click(".home-button")
    kiosk.wait_for_url(live_server.url + "/kiosk/")

    kiosk.context.set_offline(True)
    kiosk.reload()
    assert kiosk.locator("a.tile").count() == 7
    assert kiosk.evaluate(TILE_IMAGES_LOADED), "the pictograms come from the cache"
    last_updated = kiosk.locator(".last-updated")
    last_updated.wait_for(state="visible", timeout=3000)
    assert re.search(r"\b\d\d:\d\d\b", last_updated.inner_text())
    screenshot(kiosk, "kiosk-home-offline", full_page=False)

    kiosk.click("a.tile-notices")
    kiosk.wait_for_url("**/kiosk/notices")
    assert kiosk.locator("#screen").count() == 1, "the notices screen, not an error page"
    assert kiosk.evaluate(
        "() => [...document.querySelectorAll('#screen img')].every(i => i.naturalWidth > 0)"
    )
    kiosk.click(".home-button")
    kiosk.wait_for_url(live_server.url + "/kiosk/")
    assert kiosk.locator("a.tile").count() == 7

    # Back online, a change made in the admin appears within one poll, without a reload.
    kiosk.evaluate("window.stayedOnThisPage = true")
    kiosk.context.set_offline(False)
    admin = new_page()
    staff_login(admin, live_server.url)
    text = f"Terug online {uuid.uuid4().hex[:6]}"
    put_up_urgent(admin, live_server, {"nl": text}, timedelta(minutes=5))
    kiosk.locator("#urgent .urgent-text", has_text=text).wait_for(timeout=4000)
    assert kiosk.evaluate("window.stayedOnThisPage") is True
    assert kiosk.locator(".last-updated").is_hidden()


def test_a_screen_never_seen_shows_the_offline_card_and_comes_back(live_server, new_page):
    kiosk = new_page(has_touch=True)
    kiosk.goto(live_server.url + "/kiosk/?lang=ar")
    wait_until_ready_offline(kiosk)
    kiosk.context.set_offline(True)
    response = kiosk.goto(live_server.url + "/kiosk/does-not-exist-yet?lang=ar")
    assert response is not None and response.ok
    assert "screen-offline" in kiosk.get_attribute("body", "class")
    assert kiosk.get_attribute("html", "dir") == "rtl"
    assert kiosk.locator(".home-button").is_visible()

    kiosk.context.set_offline(False)
    # Back online, the kiosk loads the screen it was asked for by itself.
    kiosk.wait_for_selector("body.kiosk:not(.screen-offline)", timeout=5000)
    assert kiosk.url.endswith("/kiosk/does-not-exist-yet?lang=ar")
