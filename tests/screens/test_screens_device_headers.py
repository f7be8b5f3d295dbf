"""The kiosk as a device, without a browser: its service worker, release and headers."""

import re
from pathlib import Path

import pytest

from kiosk.screens.release import release, release_of

ROOT = Path(__file__).resolve().parents[2]


def test_service_worker_is_served_from_the_root_and_never_stale(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["Service-Worker-Allowed"] == "/"


def test_kiosk_pages_register_it_and_carry_their_release(client):
    page = client.get("/kiosk/").get_data(as_text=True)
    assert 'data-service-worker="/sw.js"' in page
    assert f'data-release="{release()}"' in page
    assert client.get("/api/v1/kiosk").json["release"] == release()


def test_release_changes_with_any_static_file_or_template(tmp_path):
    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    script = tmp_path / "static" / "js" / "kiosk.js"
    script.write_text("one")
    first = release_of(tmp_path)
    assert release_of(tmp_path) == first, "the same code gives the same release in every process"
    script.write_text("two")
    second = release_of(tmp_path)
    assert second != first
    (tmp_path / "templates" / "new.html").write_text("<p>")
    assert release_of(tmp_path) != second


def test_offline_card_speaks_the_kiosk_language_and_keeps_home(client):
    page = client.get("/kiosk/offline?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in page
    assert "screen-offline" in page
    assert 'class="home-button"' in page


PAGES = [
    "/kiosk/",
    "/kiosk/offline",
    "/kiosk/no-such-screen",
    "/api/v1/kiosk",
    "/sw.js",
    "/admin/login",
    "/admin/urgent",
    "/m/no-such-page",
    "/pictograms/26A0.svg",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_answer_has_the_security_headers(client, path):
    headers = client.get(path).headers
    parts = headers["Content-Security-Policy"].split("; ")
    policy = {part.split()[0]: part.split()[1:] for part in parts}
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"], "no inline or foreign scripts"
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin")


def test_no_template_has_an_inline_script_or_handler():
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{template.name}: {match.group(0)}")
        for match in re.finditer(r"\s(on[a-z]+)\s*=\s*[\"']", text):
            offenders.append(f"{template.name}: {match.group(1)}")
        for match in re.finditer(r"(?:\ssrc=|<link[^>]*\shref=)\"(?:https?:)?//", text):
            offenders.append(f"{template.name}: loads from another host: {match.group(0)}")
    assert offenders == []


def test_no_style_or_script_loads_from_another_host():
    foreign = re.compile(r"https?://|url\(\s*['\"]?//")
    offenders = [
        path.name
        for path in (ROOT / "static").rglob("*")
        if path.suffix in (".css", ".js") and foreign.search(path.read_text())
    ]
    assert offenders == []
