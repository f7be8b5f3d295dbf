"""Ask for an interpreter as a parent does: scan the QR, ask in Arabic, follow the status."""

import secrets
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from babel.dates import format_date
from playwright.sync_api import expect
from qr_helpers import qr_texts

from kiosk import clock

PHONE = {"width": 360, "height": 640}
KIOSK_SIZES = {"small": (1280, 800), "portrait": (1080, 1920)}


def _ask(page, class_name, language="ar"):
    page.select_option("#language", language)
    page.check("input[name=purpose][value=care_meeting]")
    page.fill("#preferred_times", "الاثنين بعد المدرسة")
    page.check("input[name=reach_by][value=phone]")
    page.fill("#phone", "0470 12 34 56")
    page.fill("#class_name", class_name)
    page.click("form.interpreter-form button[type=submit]")
    page.wait_for_url("**/m/s/**")


def _open_in_admin(page, base_url, class_name, language="ar"):
    page.goto(f"{base_url}/admin/interpreter?language={language}")
    page.locator("tr", has_text=class_name).get_by_role("link").click()
    page.wait_for_url("**/admin/interpreter/*")


def test_a_parent_asks_in_arabic_by_qr_and_sees_the_arrangement(
    live_server, kiosk_page, phone_page, new_page, staff_login, screenshot, assert_accessible
):
    kiosk_page.goto(f"{live_server.url}/kiosk/interpreter?lang=ar")
    assert kiosk_page.get_attribute("html", "dir") == "rtl"
    shot = screenshot(kiosk_page, "interpreter-kiosk-ar-1920x1080", full_page=False)
    [code] = qr_texts(shot)
    assert code == f"{live_server.url}/m/interpreter?lang=ar"

    assert phone_page.viewport_size == PHONE
    phone_page.goto(code)
    assert phone_page.get_attribute("html", "dir") == "rtl"
    assert phone_page.get_attribute("html", "lang") == "ar"
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone_page, "interpreter-phone-form-ar")
    class_name = f"3B-{secrets.token_hex(3)}"
    _ask(phone_page, class_name)
    assert phone_page.get_attribute("html", "lang") == "ar"
    assert phone_page.locator('[data-status="received"]').is_visible()
    screenshot(phone_page, "interpreter-phone-status-received-ar")
    assert_accessible(phone_page)
    status_url = phone_page.url

    stranger = new_page()
    stranger.goto(f"{live_server.url}/admin/interpreter?language=ar")
    assert urlparse(stranger.url).path == "/admin/login"
    assert class_name not in stranger.content()

    bridge = new_page()
    staff_login(bridge, live_server.url)
    _open_in_admin(bridge, live_server.url, class_name)
    with live_server.app.app_context():  # the school's today, as the bridge figure sees it
        talk_day = clock.today() + timedelta(days=9)
    bridge.select_option("#status", "arranged")
    bridge.fill("#meeting_date", talk_day.isoformat())
    bridge.fill("#meeting_time", "15:30")
    bridge.check("input[name=meeting_mode][value=on_site]")
    bridge.fill("#place_nl", "Klas 3B, bij juf An")
    bridge.fill("#place_parent", "القسم 3B، مع المعلمة آن")
    bridge.click("form.handle-form button[type=submit]")
    expect(bridge.locator(".flash-success")).to_be_visible()
    screenshot(bridge, "interpreter-admin-request")

    phone_page.goto(status_url)
    arrangement = phone_page.locator('[data-status="arranged"] .arrangement')
    assert arrangement.get_attribute("data-date") == talk_day.isoformat()
    assert arrangement.get_attribute("data-time") == "15:30"
    assert arrangement.get_attribute("data-mode") == "on_site"
    text = arrangement.inner_text()
    assert format_date(talk_day, format="full", locale="ar") in text
    assert "القسم 3B، مع المعلمة آن" in text
    assert phone_page.get_attribute("html", "lang") == "ar"
    screenshot(phone_page, "interpreter-phone-status-arranged-ar")
    assert_accessible(phone_page)


def test_bad_input_on_the_phone_keeps_everything_typed(live_server, phone_page, screenshot):
    phone_page.goto(f"{live_server.url}/m/interpreter?lang=en")
    phone_page.select_option("#language", "")  # the page's language comes chosen: unchoose it
    phone_page.fill("#preferred_times", "<b>Friday</b> " + "x" * 320)
    phone_page.check("input[name=reach_by][value=phone]")
    phone_page.fill("#phone", "12345")
    phone_page.fill("#class_name", "<i>2A</i>")
    phone_page.click("form.interpreter-form button[type=submit]")
    errors = phone_page.locator("p.error").all_inner_texts()
    assert "Choose the language you speak." in errors
    assert "Choose what the talk is about." in errors
    assert "Please keep this to 300 characters." in errors
    assert any(e.startswith("This does not look like a phone number.") for e in errors)
    assert phone_page.input_value("#preferred_times").startswith("<b>Friday</b> ")
    assert phone_page.input_value("#phone") == "12345"
    assert phone_page.input_value("#class_name") == "<i>2A</i>"
    assert phone_page.locator("form b, form i").count() == 0, "typed HTML stays text"
    screenshot(phone_page, "interpreter-phone-errors-en")


def test_the_kiosk_screen_fits_and_never_leaves_the_kiosk(live_server, new_page, screenshot):
    for size, (width, height) in KIOSK_SIZES.items():
        page = new_page({"width": width, "height": height}, has_touch=True)
        page.goto(f"{live_server.url}/kiosk/interpreter")
        assert page.evaluate("document.documentElement.scrollHeight") <= height, size
        assert page.evaluate("document.documentElement.scrollWidth") <= width, size
        assert page.locator("input, textarea, select").count() == 0
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert all(urlparse(href).path.startswith("/kiosk") for href in hrefs)
        small = page.eval_on_selector_all(
            "a, button",
            """els => els.filter(e => e.offsetParent !== null)
                      .map(e => e.getBoundingClientRect())
                      .filter(r => r.width < 64 || r.height < 64).length""",
        )
        assert small == 0
        assert page.locator("[data-promise]").count() == 4
        screenshot(page, f"interpreter-kiosk-nl-{size}-{width}x{height}", full_page=False)


def test_the_home_tile_opens_the_interpreter_screen(live_server, kiosk_page):
    kiosk_page.goto(f"{live_server.url}/kiosk/?lang=ar")
    kiosk_page.click("a.tile-interpreter")
    kiosk_page.wait_for_url("**/kiosk/interpreter*")
    assert urlparse(kiosk_page.url).path == "/kiosk/interpreter"
    assert kiosk_page.get_attribute("html", "lang") == "ar"
    assert kiosk_page.locator(".qr svg").is_visible()


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_interpreter_pages_are_accessible(
    live_server, kiosk_page, new_page, staff_login, assert_accessible, screenshot, lang
):
    kiosk_page.goto(f"{live_server.url}/kiosk/interpreter?lang={lang}")
    assert_accessible(kiosk_page)

    phone = new_page(PHONE, is_mobile=True, has_touch=True)
    phone.goto(f"{live_server.url}/m/interpreter?lang={lang}")
    assert_accessible(phone)
    phone.click("form.interpreter-form button[type=submit]")
    expect(phone.locator("p.error").first).to_be_visible()
    assert_accessible(phone)

    class_name = f"4C-{secrets.token_hex(3)}"
    _ask(phone, class_name, language="ti")
    bridge = new_page()
    staff_login(bridge, live_server.url)
    bridge.goto(f"{live_server.url}/admin/interpreter?lang={lang}")
    assert bridge.locator("tr", has_text=class_name).is_visible()
    screenshot(bridge, f"interpreter-admin-queue-{lang}")
    assert_accessible(bridge)
    _open_in_admin(bridge, live_server.url, class_name, language="ti")
    assert_accessible(bridge)
    bridge.select_option("#status", "declined")
    bridge.click("form.handle-form button[type=submit]")
    expect(bridge.locator("p.error"), "a decline needs a reason").to_have_count(1)
    assert_accessible(bridge)
    bridge.select_option("#decline_reason", "no_interpreter")
    bridge.click("form.handle-form button[type=submit]")
    expect(bridge.locator(".flash-success")).to_be_visible()

    phone.reload()
    assert phone.locator('[data-status="declined"] .reason').is_visible()
    assert_accessible(phone)
