"""Chromium offers a parent's status page for the home screen: the page's manifest
passes every installability check (the condition for beforeinstallprompt)."""

from playwright.sync_api import expect

from kiosk.extensions import db
from kiosk.help.models import HelpOffer
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE


def test_chromium_finds_a_status_page_installable(live_server, browser, tmp_path, screenshot):
    with live_server.app.app_context():
        token = db.session.scalar(db.select(HelpOffer.token).limit(1))
    assert token, "the demo has a help offer"
    # A profile of its own: Chromium installs nothing from an incognito context.
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile",
        executable_path=CHROMIUM,
        # What a parent's visits would earn: the offer comes at once.
        args=[*CHROMIUM_ARGS, "--bypass-app-banner-engagement-checks"],
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
    )
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/m/s/{token}?lang=nl")
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == [], manifest["errors"]
        assert manifest["url"] == f"{live_server.url}/m/s/{token}.webmanifest?lang=nl"
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        # Chromium offers it, and the page's "add to home screen" button shows.
        expect(page.locator("[data-install]")).to_be_visible()
        screenshot(page, "status-keep-nl")
    finally:
        context.close()
