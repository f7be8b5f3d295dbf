"""The parent café on the kiosk: the next meetings, each with its sign-up QR code."""

from flask import Blueprint, render_template

from kiosk import i18n
from kiosk.cafe import queries
from kiosk.qr import public_url

bp = Blueprint("cafe_kiosk", __name__)


@bp.get("/kiosk/cafe")
def kiosk():
    lang = i18n.current().code
    return render_template(
        "cafe/kiosk.html",
        meetings=queries.on_the_kiosk(),
        signup_url=lambda meeting: queries.signup_url(meeting, lang),
        ideas_url=public_url("cafe_phone.ideas", lang=lang),
    )
