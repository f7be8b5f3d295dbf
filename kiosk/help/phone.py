"""What I can bring on the phone: a parent offers languages and help, and can withdraw it."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from kiosk import forms, i18n
from kiosk.auth.models import utcnow
from kiosk.help import queries
from kiosk.help.forms import HelpOfferForm

bp = Blueprint("help_phone", __name__)


@bp.route("/m/help", methods=["GET", "POST"])
def offer():
    form = HelpOfferForm()
    if form.validate_on_submit():
        token = forms.made_once(
            form.form_key.data,
            lambda: queries.make_offer(
                first_name=form.first_name.data,
                contact=form.contact.data,
                languages=form.languages.data,
                activities=form.activities.data,
                other=form.other.data,
                lang=i18n.current().code,
            ),
        )
        return redirect(url_for("status.page", token=token))
    return render_template("help/phone.html", form=form)


@bp.post("/m/help/<token>/withdraw")
def withdraw(token):
    offer = queries.find(token) or abort(404)
    if queries.withdraw(offer, utcnow()):
        flash(_("Your offer is withdrawn. Thank you all the same!"), "success")
    return redirect(url_for("status.page", token=token))
