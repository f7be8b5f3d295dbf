"""The parent café as people meet it: kiosk QR code -> phone sign-up -> calendar -> cancel."""

import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect
from qr_helpers import qr_texts

ROOT = Path(__file__).resolve().parents[2]
KIOSK = {"width": 1920, "height": 1080}
PHONE = {"width": 360, "height": 640}


def _translations_with_turkish(folder):
    """The app's catalogues plus Turkish, so `?lang=tr` is a language the server speaks.

    While Turkish has no catalogue of its own yet, an empty one makes Turkish
    selectable (its interface strings then stay in English, its content is Turkish).
    """
    target = folder / "translations"
    shutil.copytree(ROOT / "translations", target)
    turkish = target / "tr" / "LC_MESSAGES" / "messages.po"
    if not turkish.exists():
        turkish.parent.mkdir(parents=True)
        turkish.write_text(
            'msgid ""\nmsgstr ""\n"Language: tr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        )
    return str(target)


def _snapshot_entry(page, base_url, meeting_id, lang="tr"):
    body = page.request.get(f"{base_url}/api/v1/kiosk?lang={lang}").json()
    return next(entry for entry in body["cafe"] if entry["id"] == meeting_id)


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_a_parent_signs_up_in_turkish_from_the_kiosk_qr_code(
    make_live_server, new_page, screenshot, tmp_path
):
    server = make_live_server(BABEL_TRANSLATION_DIRECTORIES=_translations_with_turkish(tmp_path))
    kiosk = new_page(KIOSK, has_touch=True)
    kiosk.goto(f"{server.url}/kiosk/cafe?lang=tr")
    assert kiosk.get_attribute("html", "lang") == "tr"
    meeting_id = int(kiosk.locator("[data-meeting]").first.get_attribute("data-meeting"))
    entry = _snapshot_entry(kiosk, server.url, meeting_id)
    places = entry["places_left"]
    assert places > 0

    shot = screenshot(kiosk, "cafe-kiosk-tr-1920x1080", full_page=False)
    decoded = set(qr_texts(shot))
    signup_url = f"{server.url}/m/cafe/{meeting_id}?lang=tr"
    assert signup_url in decoded
    assert f"{server.url}/m/cafe/ideas?lang=tr" in decoded
    assert entry["signup_url"] == signup_url

    phone = new_page(PHONE, is_mobile=True, has_touch=True)
    phone.goto(next(url for url in decoded if url == signup_url))
    assert phone.get_attribute("html", "lang") == "tr"
    expect(phone.locator(".cafe-topic")).to_contain_text(entry["topic"])
    _no_sideways_scroll(phone)
    phone.fill("input[name=name]", "Ayşe")
    phone.check("input[name=children][value='2']")
    phone.check("input[name=interpreter]")
    assert phone.input_value("select[name=interpreter_language]") == "tr"
    screenshot(phone, "cafe-phone-signup-tr")
    phone.click("form button[type=submit]")

    phone.wait_for_url(re.compile(r"/m/s/[A-Za-z0-9_-]{43}$"))
    assert phone.get_attribute("html", "lang") == "tr"
    expect(phone.locator("[data-status]")).to_have_attribute("data-status", "confirmed")
    expect(phone.locator("[data-status] h1")).to_contain_text("Ayşe")
    expect(phone.locator(".cafe-topic")).to_contain_text(entry["topic"])
    _no_sideways_scroll(phone)
    screenshot(phone, "cafe-phone-status-tr")
    # Kept without a bookmark: its own QR code opens this very page; with no offer from
    # the phone, "add to home screen" stays hidden.
    keep_qr = tmp_path / "keep-qr.png"
    phone.locator(".keep-qr svg").screenshot(path=str(keep_qr))
    assert qr_texts(keep_qr) == [phone.url.split("?")[0]]
    expect(phone.locator("[data-install]")).to_be_hidden()
    # A phone that offers it (Chrome fires beforeinstallprompt): the button shows and asks.
    phone.evaluate(
        """() => {
          const offer = new Event("beforeinstallprompt", { cancelable: true });
          offer.prompt = () => { window.installAsked = true; };
          offer.userChoice = Promise.resolve({ outcome: "accepted" });
          window.dispatchEvent(offer);
        }"""
    )
    phone.click("[data-install-button]")
    assert phone.evaluate("window.installAsked") is True
    expect(phone.locator("[data-install]")).to_be_hidden()
    assert _snapshot_entry(phone, server.url, meeting_id)["places_left"] == places - 1
    # The kiosk follows by itself, without a reload.
    expect(kiosk.locator(f'[data-meeting="{meeting_id}"] [data-places-left]')).to_have_attribute(
        "data-places-left", str(places - 1), timeout=8000
    )

    with phone.expect_download() as download:
        phone.click("[data-ics]")
    (event,) = Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")
    assert entry["topic"] in str(event["SUMMARY"])
    assert event["DTSTART"].dt == datetime.fromisoformat(entry["starts_at"])

    phone.click("form.cancel button")
    expect(phone.locator("[data-status]")).to_have_attribute("data-status", "cancelled")
    assert phone.get_attribute("html", "lang") == "tr"
    screenshot(phone, "cafe-phone-cancelled-tr")
    assert _snapshot_entry(phone, server.url, meeting_id)["places_left"] == places


def _first_meeting(page, base_url):
    return page.request.get(f"{base_url}/api/v1/kiosk").json()["cafe"][0]["id"]


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_kiosk_cafe_screen_is_accessible_and_fits(
    live_server, new_page, assert_accessible, screenshot, lang
):
    for name, size in {"landscape": KIOSK, "small": {"width": 1280, "height": 800}}.items():
        page = new_page(size, has_touch=True)
        page.goto(f"{live_server.url}/kiosk/cafe?lang={lang}")
        assert page.locator("[data-meeting]").count() >= 3
        assert page.evaluate("document.documentElement.scrollHeight") <= size["height"]
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        small = page.eval_on_selector_all(
            "a, button",
            """els => els.filter(e => e.offsetParent !== null)
                      .map(e => e.getBoundingClientRect())
                      .filter(r => r.width < 64 || r.height < 64).length""",
        )
        assert small == 0
        screenshot(page, f"cafe-kiosk-{lang}-{name}", full_page=False)
    assert_accessible(page)


def test_the_phone_pages_are_accessible_and_fit_360_px(
    live_server, phone_page, assert_accessible, screenshot
):
    meeting_id = _first_meeting(phone_page, live_server.url)
    for lang in ("nl", "ar"):
        phone_page.goto(f"{live_server.url}/m/cafe/{meeting_id}?lang={lang}")
        _no_sideways_scroll(phone_page)
        assert_accessible(phone_page)
    phone_page.click("form button[type=submit]")  # no name: the error says so
    expect(phone_page.locator(".field.has-error")).to_have_count(1)
    _no_sideways_scroll(phone_page)
    assert_accessible(phone_page)
    screenshot(phone_page, "cafe-phone-error-ar")
    phone_page.fill("input[name=name]", "Browser test")
    phone_page.click("form button[type=submit]")
    phone_page.wait_for_url(re.compile(r"/m/s/"))
    _no_sideways_scroll(phone_page)
    assert_accessible(phone_page)
    phone_page.click("form.cancel button")

    phone_page.goto(f"{live_server.url}/m/cafe/ideas?lang=en")
    _no_sideways_scroll(phone_page)
    assert_accessible(phone_page)
    phone_page.fill("input[name=text]", "Browser test: bedtime stories")
    phone_page.locator(".picture-options label").nth(1).click()
    phone_page.click("form:has(input[name=text]) button[type=submit]")
    expect(phone_page.locator(".flash")).to_be_visible()
    screenshot(phone_page, "cafe-phone-ideas-en")


def test_the_bridge_figure_plans_a_cafe_and_prints_its_poster(
    live_server, new_page, staff_login, assert_accessible, screenshot
):
    page = new_page()
    staff_login(page, live_server.url)
    page.goto(f"{live_server.url}/admin/cafe")
    assert_accessible(page)
    page.click("a[href='/admin/cafe/new']")
    page.fill("input[name=topic_nl]", "Browsertest: naar school in september")
    page.click(".meeting-form details summary")
    page.fill("input[name=topic_ar]", "الذهاب إلى المدرسة في سبتمبر")
    page.fill("input[name=day]", "2099-09-01")
    page.fill("input[name=start]", "08:45")
    page.fill("input[name=end]", "10:00")
    page.fill("input[name=place]", "Refter")
    page.fill("input[name=capacity]", "8")
    page.check("input[name=childcare]")
    assert_accessible(page)
    page.click(".meeting-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/cafe/\d+$"))
    assert_accessible(page)
    screenshot(page, "cafe-admin-meeting")
    page.click("a[href$='/poster']")
    assert page.get_attribute("html", "lang") == "nl"
    expect(page.locator(".poster h1")).to_contain_text("Browsertest")
    assert_accessible(page)
    shot = screenshot(page, "cafe-admin-poster")
    decoded = qr_texts(shot)
    assert len(decoded) == 1 and re.fullmatch(rf"{live_server.url}/m/cafe/\d+", decoded[0])
    page.goto(f"{live_server.url}/admin/cafe/ideas")
    assert_accessible(page)
    screenshot(page, "cafe-admin-ideas")
