"""A parent's status page can go on the phone's home screen: its own web app manifest,
linked from status pages only (a help offer's page here; tests/status_helpers.py checks
every kind's)."""

import json
import re
from pathlib import Path

from tests.status_helpers import manifest_link

COLOURS = (Path(__file__).resolve().parents[2] / "static" / "css" / "colours.css").read_text()


def _help_offer(client, offer, lang):
    response = client.post(f"/m/help?lang={lang}", data=offer())
    assert response.status_code == 302, response.text
    return response.headers["Location"].split("/m/s/")[1].split("?")[0]


def test_only_status_pages_link_a_manifest(client, offer):
    token = _help_offer(client, offer, "nl")
    assert manifest_link(client.get(f"/m/s/{token}").get_data(as_text=True))
    for path in ("/kiosk/", "/m/help", "/m/interpreter", "/admin/login"):
        assert manifest_link(client.get(path).get_data(as_text=True)) is None, path


def test_the_manifest_speaks_the_pages_language_and_wears_the_schools_colours(client, offer):
    token = _help_offer(client, offer, "ar")
    page = client.get(f"/m/s/{token}?lang=ar").get_data(as_text=True)
    manifest = json.loads(client.get(manifest_link(page)).data)
    assert (manifest["lang"], manifest["dir"]) == ("ar", "rtl")
    assert manifest["start_url"] == f"/m/s/{token}?lang=ar"
    accent = re.search(r"--accent:\s*(#\w+)", COLOURS).group(1)
    paper = re.search(r"--paper:\s*(#\w+)", COLOURS).group(1)
    assert (manifest["theme_color"], manifest["background_color"]) == (accent, paper)


def test_no_manifest_for_a_token_nobody_holds(client):
    assert client.get("/m/s/" + "x" * 43 + ".webmanifest").status_code == 404
