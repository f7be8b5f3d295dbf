"""What I can bring: a parent offers languages and help, sees the offer and can withdraw it."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from kiosk import audit, clock, forms, i18n, status
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.help import rules
from kiosk.help.forms import HelpOfferForm
from kiosk.help.models import HelpOffer
from kiosk.spoken_languages import name_of
from kiosk.spreadsheet import csv_response

bp = Blueprint("help", __name__)


@bp.context_processor
def _helpers():
    return {"name_of": name_of, "activities": rules.ACTIVITIES}


@bp.route("/m/help", methods=["GET", "POST"])
def phone():
    form = HelpOfferForm()
    if form.validate_on_submit():

        def offer():
            token = status.new_token()
            db.session.add(
                HelpOffer(
                    token=token,
                    first_name=form.first_name.data,
                    contact=form.contact.data,
                    languages=form.languages.data,
                    activities=form.activities.data,
                    other=form.other.data if "other" in form.activities.data else "",
                    lang=i18n.current().code,
                )
            )
            return token

        token = forms.made_once(form.form_key.data, offer)
        return redirect(url_for("status.page", token=token))
    return render_template("help/phone.html", form=form)


def _find(token):
    offer = rules.find(token)
    if offer is None:
        return None
    return status.Status(
        kind="help",
        status="received" if offer.is_active else "cancelled",
        template="help/status.html",
        context={"offer": offer, "name_of": name_of, "activities": rules.ACTIVITIES},
    )


@bp.post("/m/help/<token>/withdraw")
def withdraw(token):
    offer = rules.find(token) or abort(404)
    if rules.withdraw(offer, utcnow()):
        flash(_("Your offer is withdrawn. Thank you all the same!"), "success")
    return redirect(url_for("status.page", token=token))


def _dashboard():
    standing = len(rules.standing(utcnow()))
    return [(_("Offers of help"), standing, url_for("voice_admin.admin", _anchor="help"))]


def _purge(now, config):
    return {"help offers": rules.forget_before(now, config["KIOSK_PERSONAL_DAYS"])}


# --- Admin (shown on /admin/voice) ----------------------------------------------------------


@bp.get("/admin/voice/help.csv")
@login_required
def admin_csv():
    rows = [
        [
            clock.local(offer.made_at).strftime("%Y-%m-%d"),
            offer.first_name,
            offer.contact,
            ", ".join(name_of(code) for code in offer.languages),
            ", ".join(str(rules.ACTIVITIES.get(key, key)) for key in offer.activities),
            offer.other,
        ]
        for offer in rules.standing(utcnow())
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
def admin_delete(offer_id):
    offer = db.get_or_404(HelpOffer, offer_id)
    audit.record("help.delete", offer.id, offer.first_name)
    db.session.delete(offer)
    db.session.commit()
    flash(_("Offer removed."), "success")
    return redirect(url_for("voice_admin.admin") + "#help")
