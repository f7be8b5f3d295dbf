"""A parent types and records a Somali translation on the phone; the kiosk shows it, with
the recorded voice, only after the bridge figure approved it (issue 28, done when)."""

from kiosk import clock
from kiosk.extensions import db
from kiosk.notices import rules as notice_rules
from kiosk.notices.models import Notice
from kiosk.translations import queries
from tests.browser.conftest import PHONE

TEXT = "Berri waa dabaal: keen shukumaan."


def test_a_somali_translation_typed_and_recorded_reaches_the_kiosk_after_approval(
    make_live_server, microphone_browser, kiosk_page, new_page, staff_login, screenshot
):
    server = make_live_server()
    with server.app.app_context():
        # The demo week is made of phrasebook sentences, in Somali already: this one was
        # typed in Dutch only, as a bridge figure's own text is.
        typed = Notice(
            week=notice_rules.this_week(clock.today()),
            pictograms=["swimming"],
            texts={"nl": "Morgen zwemmen: breng een handdoek mee."},
        )
        db.session.add(typed)
        db.session.commit()
        typed_id = typed.id
        token = queries.make_link("so", "Asha", "bridge").token
    context = microphone_browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    phone = context.new_page()
    phone.goto(f"{server.url}/t/{token}")
    assert phone.locator("html").get_attribute("lang") == "so"
    form = phone.locator(f"form.translate#notice-{typed_id}")
    dutch = form.locator("p.dutch[lang=nl]").inner_text()
    form.locator("textarea").fill(TEXT)
    form.locator(".record-button").click()
    phone.wait_for_timeout(1500)
    form.locator(".record-button").click()
    phone.wait_for_selector("[data-recorded]", state="attached")
    screenshot(phone, "translations-phone-so")
    form.locator("button[type=submit]").click()
    phone.wait_for_selector(".flash-success")
    context.close()

    kiosk_page.goto(f"{server.url}/kiosk/notices?lang=so")
    assert TEXT not in kiosk_page.content()  # not before approval

    admin = new_page()
    staff_login(admin, server.url)
    admin.goto(f"{server.url}/admin/translations/")
    assert TEXT in admin.content() and "Asha" in admin.content()
    admin.locator("form[action*=approve] button").first.click()
    admin.wait_for_selector(".flash-success")

    kiosk_page.goto(f"{server.url}/kiosk/notices?lang=so")
    shown = kiosk_page.locator("p.notice-text[lang=so]", has_text=TEXT)
    assert shown.count() == 1
    notice = kiosk_page.locator("li.notice", has=shown)
    speaker = notice.locator("button[data-audio]")
    assert speaker.get_attribute("lang") == "so"
    audio_url = speaker.get_attribute("data-audio")
    assert audio_url.startswith("/speech/so/recorded/")
    played = kiosk_page.request.get(f"{server.url}{audio_url}")
    assert played.status == 200 and played.headers["content-type"].startswith("audio/")
    assert "Asha" not in kiosk_page.content() and dutch
    screenshot(kiosk_page, "translations-kiosk-so")
