"""Your voice and What I can bring, as the bridge figure, a kiosk and a parent's phone use them."""

import re
import secrets

import pytest
from playwright.sync_api import expect
from qr_helpers import qr_texts

from kiosk.extensions import db
from kiosk.help.models import HelpOffer
from kiosk.voice.models import Answer, Question

SIZES = {"landscape": (1920, 1080), "small": (1280, 800), "portrait": (1080, 1920)}


def open_admin(new_page, staff_login, base_url, path="/admin/voice"):
    page = new_page({"width": 1280, "height": 900})
    staff_login(page, base_url)
    page.goto(base_url + path)
    return page


def answers_of(server, question_id):
    with server.app.app_context():
        return db.session.scalar(
            db.select(db.func.count(Answer.id)).where(Answer.question_id == question_id)
        )


def test_a_tap_on_an_arabic_kiosk_shows_in_admin_once(
    make_live_server, new_page, kiosk_page, staff_login, assert_accessible, screenshot
):
    server = make_live_server(KIOSK_TRUSTED_NETWORKS="127.0.0.0/8")  # the kiosk is at school
    admin = open_admin(new_page, staff_login, server.url)
    # The demo's question is open: the bridge figure closes it, then opens her own.
    admin.click('tr[data-state="open"] form[action$="/close"] button')
    admin.locator("a.button[href$='/admin/voice/new']").click()
    admin.fill("#text_nl", "Hoe was het schoolfeest?")
    admin.fill("#text_ar", "كيف كان حفل المدرسة؟")
    cards = (
        ("face1", "Niet fijn", "ليس جيدا"),
        ("face3", "Gewoon", "عادي"),
        ("face5", "Fijn", "جيد"),
    )
    for index, (face, dutch, arabic) in enumerate(cards):
        admin.select_option(f"#card{index}_picto", face)
        admin.fill(f"#card{index}_nl", dutch)
        admin.fill(f"#card{index}_ar", arabic)
    assert_accessible(admin)
    screenshot(admin, "voice-admin-new-question")
    admin.click("button[type=submit].primary")
    admin.wait_for_url(re.compile(r"/admin/voice\?question=\d+"))
    question_id = int(admin.url.rsplit("=", 1)[1])
    assert admin.get_attribute(f'tr[data-question="{question_id}"]', "data-state") == "open"

    kiosk_page.goto(server.url + "/kiosk/voice?lang=ar")
    assert kiosk_page.inner_text("#voice-question-text") == "كيف كان حفل المدرسة؟"
    buttons = kiosk_page.locator(".voice-card[data-answer]")
    assert buttons.count() == 3
    for box in (buttons.nth(i).bounding_box() for i in range(3)):
        assert box["width"] >= 64 and box["height"] >= 64
    assert_accessible(kiosk_page)
    screenshot(kiosk_page, "voice-kiosk-ar-1920x1080", full_page=False)
    chosen = buttons.nth(2).get_attribute("data-answer")

    with kiosk_page.expect_response("**/kiosk/voice/answer") as first:
        buttons.nth(2).tap()
    assert first.value.json() == {"counted": True}
    expect(kiosk_page.locator(".voice-thanks")).to_be_visible()
    screenshot(kiosk_page, "voice-kiosk-thanks-ar", full_page=False)
    # Within one poll of the admin page, the answer counts under Arabic.
    arabic = admin.locator(f'#results tr[data-lang="ar"] td[data-answer="{chosen}"]')
    arabic.wait_for(timeout=4000)
    assert arabic.inner_text() == "1"
    screenshot(admin, "voice-admin-results")
    assert_accessible(admin)

    # Thanks, then home in the same language; a second tap within 20 seconds adds nothing.
    kiosk_page.wait_for_url(server.url + "/kiosk/?lang=ar", timeout=8000)
    kiosk_page.goto(server.url + "/kiosk/voice?lang=ar")
    with kiosk_page.expect_response("**/kiosk/voice/answer") as second:
        kiosk_page.locator(".voice-card[data-answer]").nth(0).tap()
    assert second.value.json() == {"counted": False}
    admin.wait_for_timeout(2500)  # more than one poll of the admin page
    assert admin.inner_text('#results tr[data-lang="all"] td[data-total]') == "1"
    assert answers_of(server, question_id) == 1


def decode_qr(locator, path):
    locator.screenshot(path=str(path))
    found = qr_texts(path)
    assert found, "no QR code found"
    return found[0]


def test_phone_answer_with_html_is_escaped_in_admin_and_a_polish_offer_shows_under_polish(
    live_server,
    kiosk_page,
    phone_page,
    new_page,
    staff_login,
    assert_accessible,
    screenshot,
    tmp_path,
):
    kiosk_page.goto(live_server.url + "/kiosk/voice")
    url = decode_qr(kiosk_page.locator(".voice-phone figure.qr").first, tmp_path / "qr.png")
    assert url == live_server.url + "/m/voice?lang=nl"

    phone_page.goto(url)
    assert phone_page.get_attribute("html", "lang") == "nl"
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone_page)
    screenshot(phone_page, "voice-phone-360x640")
    phone_page.locator(".answer-card").nth(3).click()
    marker = secrets.token_hex(4)
    text = f'<script>alert("{marker}")</script> Meer uitleg graag'
    phone_page.fill("textarea[name=text]", text)
    phone_page.click("button[type=submit]")
    expect(phone_page.locator("p.flash[role=status]")).to_be_visible()
    expect(phone_page.locator("textarea")).to_have_count(0)

    admin = open_admin(new_page, staff_login, live_server.url)
    dialogs = []
    admin.on("dialog", lambda dialog: dialogs.append(dialog.message))
    admin.reload()
    quote = admin.locator(".free-texts blockquote", has_text=marker)
    assert quote.inner_text() == text
    assert admin.locator(".free-texts script").count() == 0 and dialogs == []

    phone_page.goto(live_server.url + "/m/help?lang=en")
    assert phone_page.locator("text=Not for formal talks").is_visible()
    assert_accessible(phone_page)
    name = f"Zofia {marker}"
    phone_page.check('input[name=languages][value="pl"]')
    phone_page.check('input[name=activities][value="reading"]')
    phone_page.fill("#first_name", name)
    phone_page.fill("#contact", "0470 98 76 54")
    screenshot(phone_page, "help-phone-360x640")
    phone_page.click("button[type=submit]")
    phone_page.wait_for_url(re.compile(r"/m/s/[\w-]{40,}"))
    assert phone_page.locator("[data-status=received]").is_visible()
    assert phone_page.locator('span[lang="pl"]').inner_text() == "Polski"
    assert_accessible(phone_page)
    screenshot(phone_page, "help-status-360x640")

    admin.reload()
    polish = admin.locator('.offer-group[data-lang="pl"]')
    assert name in polish.inner_text() and "Polski" in polish.locator("h4").inner_text()
    assert name not in admin.locator('.offer-group[data-lang="ar"]').inner_text()

    phone_page.click("button.secondary")
    expect(phone_page.locator("[data-status=cancelled]")).to_be_visible()
    admin.reload()
    assert name not in admin.locator("#help").inner_text()
    with live_server.app.app_context():
        assert db.session.scalar(db.select(HelpOffer).filter_by(first_name=name)).withdrawn_at


@pytest.mark.parametrize("size", SIZES)
def test_the_voice_screen_fits_every_kiosk_screen(school_server, new_page, screenshot, size):
    width, height = SIZES[size]
    page = new_page({"width": width, "height": height}, has_touch=True)
    page.goto(school_server.url + "/kiosk/voice")
    assert page.locator(".voice-card[data-answer]").count() >= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    screenshot(page, f"voice-kiosk-{size}-{width}x{height}", full_page=False)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_voice_and_help_pages_are_accessible(
    school_server, kiosk_page, phone_page, assert_accessible, lang
):
    kiosk_page.goto(f"{school_server.url}/kiosk/voice?lang={lang}")
    assert_accessible(kiosk_page)
    for path in ("/m/voice", "/m/help"):
        phone_page.goto(f"{school_server.url}{path}?lang={lang}")
        assert_accessible(phone_page)


def test_the_admin_voice_page_is_accessible(live_server, new_page, staff_login, assert_accessible):
    admin = open_admin(new_page, staff_login, live_server.url)
    assert admin.locator(".charts svg").count() == 2
    assert_accessible(admin)
    with live_server.app.app_context():
        question_id = db.session.scalar(db.select(Question.id).order_by(Question.id))
    admin.goto(f"{live_server.url}/admin/voice/{question_id}")
    assert_accessible(admin)
