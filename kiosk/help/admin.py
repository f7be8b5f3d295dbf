"""What I can bring for the bridge figure: the offers (shown on /admin/voice), CSV, removal."""

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required

from kiosk import audit, clock
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.help import queries, rules
from kiosk.help.models import HelpOffer
from kiosk.spoken_languages import name_of
from kiosk.spreadsheet import csv_response

bp = Blueprint("help_admin", __name__)


def dashboard_panel():
    standing = len(queries.standing(utcnow()))
    return [(_("Offers of help"), standing, url_for("voice_admin.admin", _anchor="help"))]


@bp.get("/admin/voice/help.csv")
@login_required
def offers_csv():
    rows = [
        [
            clock.local(offer.made_at).strftime("%Y-%m-%d"),
            offer.first_name,
            offer.contact,
            ", ".join(name_of(code) for code in offer.languages),
            ", ".join(str(rules.ACTIVITIES.get(key, key)) for key in offer.activities),
            offer.other,
        ]
        for offer in queries.standing(utcnow())
    ]
    header = [
        _("Made on"),
        _("First name"),
        _("Contact"),
        _("Languages"),
        _("Help with"),
        _("Other"),
    ]
    return csv_response("help-offers.csv", header, rows)


@bp.post("/admin/voice/help/<int:offer_id>/delete")
@login_required
def delete(offer_id):
    offer = db.get_or_404(HelpOffer, offer_id)
    audit.record("help.delete", offer.id, offer.first_name)
    db.session.delete(offer)
    db.session.commit()
    flash(_("Offer removed."), "success")
    return redirect(url_for("voice_admin.admin") + "#help")
