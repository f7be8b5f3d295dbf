"""The home screen has its tiles prerendered: speculation rules named in a header, served as
a file of the app, so that the Content-Security-Policy stays 'self'."""

import json

from kiosk.auth.models import utcnow
from tests.readiness.test_readiness_kiosks import ms, paired_screen, report, row


def test_the_home_screen_names_its_speculation_rules_in_a_header(client):
    home = client.get("/kiosk/")
    assert home.headers["Speculation-Rules"] == '"/kiosk/speculation-rules.json"'
    assert "script-src 'self'" in home.headers["Content-Security-Policy"]
    rules = client.get("/kiosk/speculation-rules.json")
    assert rules.status_code == 200
    assert rules.mimetype == "application/speculationrules+json"
    (rule,) = json.loads(rules.data)["prerender"]
    assert rule["where"] == {"selector_matches": "a.tile[href]"}


def test_only_the_home_screen_prerenders(client):
    for path in ("/kiosk/board", "/kiosk/offline", "/healthz", "/api/v1/kiosk"):
        assert "Speculation-Rules" not in client.get(path).headers, path


def test_admin_kiosks_shows_when_a_kiosk_last_loaded_its_page(app, admin_client):
    now = utcnow()
    report(app, paired_screen(app, "gate"), clock=ms(now), loaded=ms(now))
    shown = row(admin_client, "gate")
    assert "Page loaded " in shown and 'class="loaded"' in shown
