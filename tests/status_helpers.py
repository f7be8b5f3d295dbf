"""What every status page /m/s/<token> shares: the ways to keep it without a bookmark."""

from flask_babel import gettext as _
from markupsafe import escape

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
