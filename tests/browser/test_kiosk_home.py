"""The kiosk home as a parent meets it: big tiles, their language, back home when idle."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

SIZES = {"landscape": (1920, 1080), "small": (1280, 800), "portrait": (1080, 1920)}


def test_root_lands_on_the_kiosk_with_big_tiles(live_server, kiosk_page, screenshot):
    kiosk_page.goto(live_server.url + "/")
    assert urlparse(kiosk_page.url).path == "/kiosk/"
    tiles = kiosk_page.locator("a.tile")
    assert tiles.count() == 7
    for box in (tiles.nth(i).bounding_box() for i in range(tiles.count())):
        assert box["width"] >= 64 and box["height"] >= 64
    screenshot(kiosk_page, "kiosk-home-1920x1080")


def test_every_touch_target_is_at_least_64px(live_server, kiosk_page):
    kiosk_page.goto(live_server.url + "/kiosk/")
    small = kiosk_page.eval_on_selector_all(
        "a, button",
        """els => els.filter(e => e.offsetParent !== null)
                  .map(e => [e.textContent.trim(), e.getBoundingClientRect()])
                  .filter(([t, r]) => r.width < 64 || r.height < 64)
                  .map(([t]) => t)""",
    )
    assert small == []


def test_no_link_leaves_the_kiosk_or_points_to_the_admin(live_server, kiosk_page):
    kiosk_page.goto(live_server.url + "/kiosk/")
    hrefs = kiosk_page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert hrefs
    for href in hrefs:
        url = urlparse(href)
        assert url.netloc == urlparse(live_server.url).netloc, href
        assert url.path.startswith("/kiosk"), href
    assert kiosk_page.locator("input, textarea").count() == 0


def test_arabic_turns_the_kiosk_right_to_left(live_server, kiosk_page, screenshot):
    kiosk_page.goto(live_server.url + "/kiosk/")
    kiosk_page.click("text=العربية")
    expect(kiosk_page.locator("html")).to_have_attribute("dir", "rtl")
    assert kiosk_page.get_attribute("html", "lang") == "ar"
    first, second = (kiosk_page.locator("a.tile").nth(i).bounding_box() for i in (0, 1))
    assert first["x"] > second["x"], "the first tile stands on the right in Arabic"
    screenshot(kiosk_page, "kiosk-home-ar")


def test_idle_kiosk_returns_home_in_dutch(make_live_server, kiosk_page):
    server = make_live_server(KIOSK_IDLE_SECONDS=2)
    kiosk_page.goto(server.url + "/kiosk/?lang=ar")
    kiosk_page.click("a.tile-notices")
    kiosk_page.wait_for_url("**/kiosk/notices*")
    kiosk_page.wait_for_url(server.url + "/kiosk/", timeout=8000)
    assert kiosk_page.get_attribute("html", "lang") == "nl"


@pytest.mark.parametrize("size", SIZES)
def test_home_fits_every_kiosk_screen_without_scrolling(live_server, new_page, screenshot, size):
    width, height = SIZES[size]
    page = new_page({"width": width, "height": height})
    page.goto(live_server.url + "/kiosk/")
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"kiosk-home-{size}-{width}x{height}", full_page=False)


def test_unknown_kiosk_page_keeps_the_home_button(live_server, kiosk_page):
    response = kiosk_page.goto(live_server.url + "/kiosk/nothing?lang=fr")
    assert response.status == 404
    kiosk_page.click(".home-button")
    kiosk_page.wait_for_url(live_server.url + "/kiosk/?lang=fr")
