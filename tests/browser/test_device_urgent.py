"""The urgent message: the bridge figure sets it, every kiosk shows it, it ends by itself."""

import uuid
from datetime import timedelta

import pytest
from device_helpers import put_up_urgent, school_now, withdraw_urgent
from playwright.sync_api import expect

from kiosk import clock
from kiosk.extensions import db
from kiosk.urgent import queries

ARABIC = "المدرسة مغلقة اليوم بسبب العاصفة"


@pytest.fixture
def no_urgent_message_left(live_server):
    yield
    withdraw_urgent(live_server)


def test_urgent_message_shows_within_one_poll_in_dutch_and_arabic_and_ends_by_itself(
    live_server, new_page, staff_login, screenshot, no_urgent_message_left
):
    dutch = f"School dicht vandaag: storm {uuid.uuid4().hex[:6]}"
    landscape = new_page(has_touch=True)
    landscape.goto(live_server.url + "/kiosk/")
    portrait = new_page({"width": 1080, "height": 1920}, has_touch=True)
    portrait.goto(live_server.url + "/kiosk/?lang=ar")
    assert landscape.locator("#urgent").is_hidden()

    admin = new_page()
    staff_login(admin, live_server.url)
    ends_at = put_up_urgent(admin, live_server, {"nl": dutch, "ar": ARABIC}, timedelta(seconds=9))

    # Within one poll (1 s in the tests), over the screen, in each kiosk's language.
    urgent_nl = landscape.locator("#urgent")
    urgent_nl.locator(".urgent-text", has_text=dutch).wait_for(timeout=2500)
    assert urgent_nl.get_attribute("lang") == "nl"
    urgent_ar = portrait.locator("#urgent")
    urgent_ar.locator(".urgent-text", has_text=ARABIC).wait_for(timeout=2500)
    assert urgent_ar.get_attribute("lang") == "ar"
    assert urgent_ar.get_attribute("dir") == "rtl"
    for page in (landscape, portrait):
        assert page.evaluate(
            "() => document.querySelector('#urgent .urgent-picto').naturalWidth > 0"
        )
        # On top of the screen: the middle of the message is the message, not a tile.
        assert page.evaluate("""() => {
            const r = document.querySelector('#urgent').getBoundingClientRect();
            return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
                .closest('#urgent') !== null;
        }""")
    screenshot(landscape, "kiosk-urgent-nl-1920x1080", full_page=False)
    screenshot(portrait, "kiosk-urgent-ar-1080x1920", full_page=False)

    # Read aloud where a voice exists: Dutch and Arabic both have one.
    for page in (landscape, portrait):
        speaker = page.locator("#urgent .urgent-speaker")
        assert speaker.is_visible()
        audio = page.request.get(live_server.url + speaker.get_attribute("data-audio"))
        assert audio.ok and audio.headers["content-type"] == "audio/wav"

    # The portrait kiosk loses its network: no poll tells it, yet it ends on time.
    portrait.context.set_offline(True)
    seconds_left = (ends_at - school_now(live_server)).total_seconds()
    assert seconds_left > 0, "the test was too slow to see the message end"
    for page in (landscape, portrait):
        page.locator("#urgent").wait_for(state="hidden", timeout=(seconds_left + 3) * 1000)
    assert school_now(live_server) >= ends_at - timedelta(seconds=1)


def test_a_parent_can_close_it_and_the_next_parent_sees_it_again(
    make_live_server, new_page, staff_login, no_urgent_message_left
):
    server = make_live_server(KIOSK_IDLE_SECONDS=2)
    kiosk = new_page(has_touch=True)
    kiosk.goto(server.url + "/kiosk/")
    admin = new_page()
    staff_login(admin, server.url)
    put_up_urgent(admin, server, {"nl": "Geen zwemmen vandaag"}, timedelta(minutes=10))
    kiosk.locator("#urgent").wait_for(timeout=2500)
    kiosk.tap("#urgent .urgent-close")
    assert kiosk.locator("#urgent").is_hidden()
    kiosk.tap("a.tile-notices")
    kiosk.wait_for_url("**/kiosk/notices")
    assert kiosk.locator("#urgent").is_hidden(), "closed stays closed while the parent goes on"
    kiosk.wait_for_url(server.url + "/kiosk/", timeout=6000)  # idle: back home
    kiosk.locator("#urgent").wait_for(timeout=3000)


def test_withdrawn_message_leaves_every_kiosk_within_one_poll(
    live_server, new_page, staff_login, no_urgent_message_left
):
    text = f"Ingang via de zijpoort {uuid.uuid4().hex[:6]}"
    admin = new_page()
    staff_login(admin, live_server.url)
    put_up_urgent(admin, live_server, {"nl": text}, timedelta(hours=2))
    kiosk = new_page(has_touch=True)
    kiosk.goto(live_server.url + "/kiosk/?lang=en")
    kiosk.locator("#urgent .urgent-text", has_text=text).wait_for(timeout=2500)
    assert kiosk.get_attribute("#urgent", "lang") == "nl", "no English text: Dutch"

    admin.goto(live_server.url + "/admin/urgent")
    admin.click("[data-urgent-withdraw]")
    admin.wait_for_selector(".flash-success")
    kiosk.locator("#urgent").wait_for(state="hidden", timeout=2500)


def test_admin_previews_before_anything_reaches_the_kiosks(
    live_server, new_page, staff_login, no_urgent_message_left
):
    admin = new_page()
    staff_login(admin, live_server.url)
    admin.goto(live_server.url + "/admin/urgent")
    admin.select_option("select[name=pictogram]", "snow")
    admin.fill("input[name=text_nl]", "Sneeuw: de school opent om 10 uur")
    admin.fill("input[name=text_ar]", "ثلج: تفتح المدرسة في الساعة العاشرة")
    admin.click("button[value=preview]")
    previews = admin.locator(".urgent-preview .urgent-panel")
    expect(previews).to_have_count(2)
    assert previews.nth(1).get_attribute("dir") == "rtl"
    assert admin.input_value("input[name=text_nl]") == "Sneeuw: de school opent om 10 uur"
    assert admin.request.get(live_server.url + "/api/v1/kiosk").json()["urgent"] is None


LONG_DUTCH = (
    "Vandaag geen warme maaltijd: de keuken is gesloten door een stroomstoring. "
    "Geef je kind boterhammen mee of haal het om 12 uur op aan de hoofdingang."
)
CENTRE_IS_ITSELF = """selector => [...document.querySelectorAll(selector)].map(el => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && el.contains(hit);
})"""


@pytest.mark.parametrize(
    "viewport", [{"width": 1920, "height": 1080}, {"width": 1080, "height": 1920}]
)
def test_the_urgent_band_leaves_every_tile_and_the_home_button_tappable(
    live_server, new_page, screenshot, no_urgent_message_left, viewport
):
    with live_server.app.app_context():
        now = clock.now()
        queries.put_up("closed", {"nl": LONG_DUTCH}, now + timedelta(minutes=10), now, "test")
        db.session.commit()
    kiosk = new_page(viewport, has_touch=True)
    kiosk.goto(live_server.url + "/kiosk/")
    band = kiosk.locator("#urgent")
    band.locator(".urgent-text", has_text="stroomstoring").wait_for(timeout=2500)

    assert kiosk.eval_on_selector("#urgent", "el => el.getBoundingClientRect().top") == 0
    tiles = kiosk.evaluate(CENTRE_IS_ITSELF, "a.tile")
    assert len(tiles) == 7 and all(tiles), "a tile's centre is the band, not the tile"
    # The close control says what it does in a word beside its pictogram.
    close = band.locator(".urgent-close")
    assert close.locator("img").count() == 1 and close.inner_text().strip() == "Sluiten"
    size = f"{viewport['width']}x{viewport['height']}"
    screenshot(kiosk, f"kiosk-urgent-band-{size}", full_page=False)

    kiosk.tap("a.tile-notices")
    kiosk.wait_for_url("**/kiosk/notices")
    band.wait_for(timeout=2500)
    assert kiosk.evaluate(CENTRE_IS_ITSELF, ".home-button") == [True]
    kiosk.tap(".home-button")
    kiosk.wait_for_url(live_server.url + "/kiosk/")
