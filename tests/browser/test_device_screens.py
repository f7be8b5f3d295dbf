"""The kiosk's device-wide parts on every screen size, by keyboard, for axe, on one host."""

import shutil
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
from device_helpers import school_now, withdraw_urgent

from kiosk.extensions import db
from kiosk.urgent import queries

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"landscape": (1920, 1080), "small": (1280, 800), "portrait": (1080, 1920)}
LONG_DUTCH = (
    "De school is vandaag gesloten wegens de storm. Kinderen die al op school zijn, "
    "blijven in de turnzaal tot ze worden opgehaald. Bel de school bij vragen."
)
LONG_ARABIC = (
    "المدرسة مغلقة اليوم بسبب العاصفة. الأطفال الموجودون في المدرسة يبقون في القاعة "
    "الرياضية حتى يأتي أحد لأخذهم. اتصلوا بالمدرسة إذا كان لديكم سؤال."
)


@pytest.fixture
def urgent_message(live_server):
    """A long urgent message in Dutch and Arabic on every kiosk, for this test only."""
    with live_server.app.app_context():
        queries.put_up(
            "closed",
            {"nl": LONG_DUTCH, "ar": LONG_ARABIC},
            school_now(live_server) + timedelta(minutes=10),
            school_now(live_server),
            "tests",
        )
        db.session.commit()
    yield
    withdraw_urgent(live_server)


def fits(page, selector):
    return page.evaluate(
        """(selector) => {
            const r = document.querySelector(selector).getBoundingClientRect();
            return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        }""",
        selector,
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_urgent_message_fits_every_kiosk_screen(
    live_server, new_page, screenshot, urgent_message, size, lang
):
    width, height = SIZES[size]
    page = new_page({"width": width, "height": height}, has_touch=True)
    page.goto(f"{live_server.url}/kiosk/?lang={lang}")
    page.locator("#urgent").wait_for(timeout=3000)
    assert fits(page, "#urgent"), "the whole message is on the screen"
    assert fits(page, "#urgent .urgent-close")
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if lang == "ar":
        screenshot(page, f"kiosk-urgent-long-ar-{width}x{height}", full_page=False)


@pytest.mark.parametrize("size", SIZES)
def test_offline_card_fits_every_kiosk_screen(live_server, new_page, screenshot, size):
    width, height = SIZES[size]
    page = new_page({"width": width, "height": height})
    page.goto(f"{live_server.url}/kiosk/offline?lang=ar")
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"kiosk-offline-card-ar-{width}x{height}", full_page=False)


ALL_LANGUAGES = ("tr", "pl", "ro", "bg", "uk", "ru", "so", "ti", "fa", "ps", "es")


def test_home_fits_every_screen_with_all_fifteen_languages(make_live_server, new_page, tmp_path):
    """Once every catalogue is in, the language chooser still leaves the home unscrolled."""
    catalogues = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", catalogues)
    for code in ALL_LANGUAGES:
        shutil.copytree(catalogues / "en", catalogues / code, dirs_exist_ok=True)
    server = make_live_server(BABEL_TRANSLATION_DIRECTORIES=str(catalogues))
    for width, height in SIZES.values():
        for lang in ("nl", "ar"):
            page = new_page({"width": width, "height": height})
            page.goto(f"{server.url}/kiosk/?lang={lang}")
            assert page.locator(".language-chooser a").count() == 15
            assert page.evaluate("document.documentElement.scrollHeight") <= height, (width, lang)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (width, lang)
            page.close()


def focus_rings(page, presses):
    """Tab through the page; for each focused element: (its name, ring width, ring style)."""
    rings = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        ring = page.evaluate("""() => {
            const el = document.activeElement, style = getComputedStyle(el);
            if (el === document.body) return null;
            return [el.tagName + ' ' + (el.textContent || el.name || '').trim().slice(0, 20),
                    parseFloat(style.outlineWidth), style.outlineStyle];
        }""")
        if ring is None:  # round the page once
            break
        rings.append(ring)
    return rings


def test_focus_is_visible_on_the_kiosk_and_the_admin(
    live_server, new_page, staff_login, urgent_message
):
    kiosk = new_page()
    kiosk.goto(f"{live_server.url}/kiosk/")
    kiosk.locator("#urgent").wait_for(timeout=3000)
    rings = focus_rings(kiosk, 40)
    assert len(rings) >= 7 + 2, "every tile and the urgent message's buttons"
    assert any("BUTTON" in name for name, _, _ in rings)
    assert [r for r in rings if r[1] < 3 or r[2] == "none"] == [], rings

    admin = new_page()
    staff_login(admin, live_server.url)
    admin.goto(f"{live_server.url}/admin/urgent")
    rings = focus_rings(admin, 60)
    assert any(name.startswith("SELECT") for name, _, _ in rings)
    assert [r for r in rings if r[1] < 3 or r[2] == "none"] == [], rings


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_device_pages_are_accessible(
    live_server, new_page, staff_login, assert_accessible, urgent_message, lang
):
    kiosk = new_page({"width": 1080, "height": 1920})
    kiosk.goto(f"{live_server.url}/kiosk/?lang={lang}")
    kiosk.locator("#urgent").wait_for(timeout=3000)
    assert_accessible(kiosk)
    kiosk.goto(f"{live_server.url}/kiosk/offline?lang={lang}")
    assert_accessible(kiosk)

    admin = new_page()
    staff_login(admin, live_server.url)
    admin.goto(f"{live_server.url}/admin/urgent?lang={lang}")
    assert_accessible(admin)
    admin.fill("input[name=text_nl]", "Storm")
    admin.fill("input[name=text_ar]", "عاصفة")
    admin.click("button[value=preview]")
    admin.locator(".urgent-preview").wait_for()
    assert_accessible(admin)


def test_no_page_requests_another_host(live_server, new_page, staff_login, urgent_message):
    host = urlparse(live_server.url).netloc
    kiosk = new_page(has_touch=True)
    hosts = set()
    kiosk.context.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    kiosk.goto(f"{live_server.url}/kiosk/?lang=ar")
    kiosk.locator("#urgent").wait_for(timeout=3000)
    kiosk.tap("#urgent .urgent-close")
    for index in range(kiosk.locator("a.tile").count()):
        with kiosk.expect_navigation():
            kiosk.locator("a.tile").nth(index).tap()
        kiosk.goto(f"{live_server.url}/kiosk/?lang=ar")
    admin = new_page()
    admin.context.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    staff_login(admin, live_server.url)
    admin.goto(f"{live_server.url}/admin/urgent")
    hosts.discard("")  # data: URLs
    assert hosts == {host}
