"""Issue 14 in the browser: a screen nobody trusts sees the "only on the school's own screens"
card and loads no photo; paired in /admin/kiosks it shows the class photos; revoked, it swaps
back to the card at its next poll and its cookie opens no photo any more."""

import re
import uuid

from playwright.sync_api import expect

from kiosk.extensions import db
from kiosk.photos.models import Photo
from kiosk.team.models import TeamMember

PHOTO_FILE = re.compile(r"/kiosk/(photos/(screen|thumb)|team/photos)/[0-9a-f]{32}\.jpg")


def photo_requests(page):
    """Every request the page makes for a class or team photo, as it happens."""
    seen = []
    page.on("request", lambda request: PHOTO_FILE.search(request.url) and seen.append(request.url))
    return seen


def photo_urls(server):
    with server.app.app_context():
        photos = db.session.scalars(db.select(Photo.key)).all()
        team = db.session.scalars(db.select(TeamMember.photo_key)).all()
    return [f"/kiosk/photos/screen/{key}.jpg" for key in photos] + [
        f"/kiosk/team/photos/{key}.jpg" for key in team if key
    ]


def shows_the_card(page):
    return page.locator("[data-school-screens-only]").is_visible()


def loaded_photo(page):
    """The slide on screen: its photo URL, once the browser has drawn it."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.slideshow .slide:not([hidden]) img')]"
        ".some(img => img.complete && img.naturalWidth > 0)",
        timeout=5000,
    )
    return page.get_attribute(".slideshow .slide:not([hidden]) img", "src")


def test_photos_only_on_a_paired_screen_and_gone_at_the_poll_after_revoking(
    live_server, kiosk_page, new_page, staff_login, screenshot, assert_accessible
):
    base = live_server.url
    assert live_server.app.config["KIOSK_TRUSTED_NETWORKS"] == ""  # 127.0.0.1 proves nothing
    assert live_server.app.config["KIOSK_POLL_SECONDS"] == 1
    known = photo_urls(live_server)
    assert known
    kiosk = kiosk_page
    requested = photo_requests(kiosk)

    # Not (yet) one of the school's own screens: the card, and no photo fetched at all.
    kiosk.goto(f"{base}/kiosk/photos")
    assert shows_the_card(kiosk)
    assert kiosk.locator(".slideshow img").count() == 0
    kiosk.goto(f"{base}/kiosk/photos?lang=ar")
    assert shows_the_card(kiosk)
    assert_accessible(kiosk)
    screenshot(kiosk, "kiosk-photos-before-pairing-ar", full_page=False)
    kiosk.wait_for_timeout(1500)  # a poll or more: still nothing
    assert requested == []
    for url in known:
        assert kiosk.request.get(base + url).status == 404

    # The bridge figure pairs this screen in /admin/kiosks, in another browser.
    name = f"entrance-{uuid.uuid4().hex[:6]}"
    admin = new_page()
    staff_login(admin, base)
    admin.goto(f"{base}/admin/kiosks?lang=en")
    admin.fill("#name", name)
    admin.click("text=Make a pairing link")
    link = admin.locator("[data-pairing-link]").inner_text().strip()
    assert link.startswith(f"{base}/kiosk/pair/")

    # Opened on the kiosk: home, and then the photos show.
    kiosk.goto(link)
    assert kiosk.url == f"{base}/kiosk/"
    kiosk.goto(f"{base}/kiosk/photos")
    assert not shows_the_card(kiosk)
    shown = loaded_photo(kiosk)
    assert shown in known and any(shown in url for url in requested)
    screenshot(kiosk, "kiosk-photos-paired", full_page=False)

    # Revoked in the admin: within a poll or two the kiosk swaps to the card by itself.
    admin.goto(f"{base}/admin/kiosks?lang=en")
    admin.locator(f'tr[data-kiosk="{name}"] button', has_text="Revoke").click()
    expect(admin.locator(f'tr[data-kiosk="{name}"]')).to_have_attribute("data-state", "revoked")
    kiosk.wait_for_selector("[data-school-screens-only]", timeout=5000)
    assert kiosk.locator(".slideshow img").count() == 0
    screenshot(kiosk, "kiosk-photos-revoked", full_page=False)
    # Its cookie is still sent, and opens nothing.
    assert any(c["name"] == "kiosk_screen" for c in kiosk.context.cookies())
    assert kiosk.request.get(base + shown).status == 404
    for url in known:
        assert kiosk.request.get(base + url).status == 404
