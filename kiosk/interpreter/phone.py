"""Ask for an interpreter on the phone: the request form (its status page is a status finder)."""

from flask import Blueprint, redirect, render_template, url_for

from kiosk import forms, i18n, spoken_languages
from kiosk.interpreter import queries, rules
from kiosk.interpreter.forms import RequestForm

bp = Blueprint("interpreter_phone", __name__)


@bp.route("/m/interpreter", methods=["GET", "POST"])
def form():
    form = RequestForm()
    if not form.is_submitted() and rules.may_interpret(i18n.current().code):
        form.language.data = i18n.current().code  # the page's language is the likely one
    if form.validate_on_submit():
        token = forms.made_once(
            form.form_key.data,
            lambda: queries.make_request(
                language=form.language.data,
                purpose=form.purpose.data,
                preferred_times=form.preferred_times.data,
                reach_by=form.reach_by.data,
                phone=rules.normalise_phone(form.phone.data),
                class_name=form.class_name.data,
                page_lang=i18n.current().code,
            ),
        )
        return redirect(url_for("status.page", token=token, lang=i18n.current().code))
    return render_template(
        "interpreter/form.html",
        form=form,
        most_asked=spoken_languages.most_asked(exclude=rules.NOT_FOR_INTERPRETING),
        others=spoken_languages.others(exclude=rules.NOT_FOR_INTERPRETING),
        is_rtl=spoken_languages.is_rtl,
        purpose_pictos={key: pictogram for key, _label, pictogram in rules.PURPOSES},
    ), (422 if form.errors else 200)
