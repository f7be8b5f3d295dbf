"""What every status page /m/s/<token> shares: the ways to keep it without a bookmark."""

import html
import json
import re
from io import BytesIO

from flask_babel import gettext as _
from markupsafe import escape
from PIL import Image

from kiosk import qr

PHOTOGRAPH = "Photograph this code, or show it to the bridge figure: it opens this page again."


def keep_section(page):
    return page.split("data-keep>")[1].split("</section>")[0]


def assert_keepable(app, page, token, lang, calendar):
    """The page offers its own link as a large QR code, "add to home screen" only where
    the phone offers it (hidden without JS), and the calendar where `calendar` is true."""
    keep = keep_section(page)
    with app.test_request_context(f"/m/s/{token}?lang={lang}"):
        own_link = qr.public_url("status.page", token=token)
        assert own_link == f"http://localhost/m/s/{token}"
        assert str(qr.qr_svg(own_link, _("Keep this page"))) in keep
        assert str(escape(_(PHOTOGRAPH))) in keep
    assert "<li data-install hidden>" in keep
    assert ("data-ics" in keep) is calendar
    assert_home_screen_manifest(app, page, token, lang)


def manifest_link(page):
    """The href of the page's <link rel="manifest">, or None."""
    head = page.split("</head>")[0]
    found = re.search(r'<link rel="manifest" href="([^"]+)">', head)
    return html.unescape(found.group(1)) if found else None


def assert_home_screen_manifest(app, page, token, lang):
    """The page links a manifest that puts this very page on a phone's home screen, in
    its language, with icons the app serves at the sizes it declares."""
    client = app.test_client()
    link = manifest_link(page)
    assert link == f"/m/s/{token}.webmanifest?lang={lang}"
    response = client.get(link)  # a browser sends no cookie for it
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.get_data(as_text=True))
    assert manifest["start_url"] == f"/m/s/{token}?lang={lang}"
    assert manifest["scope"] == manifest["id"] == f"/m/s/{token}"
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == lang
    assert manifest["name"] and manifest["short_name"]
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = set()
    for icon in manifest["icons"]:
        served = client.get(icon["src"])
        assert served.status_code == 200 and served.mimetype == icon["type"] == "image/png"
        with Image.open(BytesIO(served.data)) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]
        sizes.add(icon["sizes"])
        served.close()
    assert {"192x192", "512x512"} <= sizes
