"""The urgent message: the bridge figure sets, previews and withdraws it at /admin/urgent;
every kiosk shows it over every screen through the snapshot's "urgent" section."""

from datetime import datetime, time

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from kiosk import audit, clock, i18n, pictograms, speech
from kiosk.extensions import db
from kiosk.urgent import rules
from kiosk.urgent.models import UrgentMessage

bp = Blueprint("urgent", __name__)


DUTCH_REQUIRED = _l("The Dutch text is required: every kiosk falls back to it.")
END_PROBLEMS = {
    "past": _l("The end time has already passed: choose a later one."),
    "too_far": _l("An urgent message lasts at most 14 days."),
}


def _direction(code):
    language = i18n.BY_CODE.get(code)
    return "rtl" if language and language.rtl else "ltr"


def _urgent(lang, school_screen):
    """null, or the message in `lang` (Dutch where it has no text in `lang`)."""
    message = rules.showing(clock.now())
    if message is None:
        return None
    text, text_lang = i18n.pick(message.texts, lang)
    pictogram = pictograms.get(message.pictogram) or pictograms.get("warning")
    return {
        "id": message.id,
        "text": text,
        "lang": text_lang,
        "dir": _direction(text_lang),
        "url": pictograms.url(pictogram),
        "alt": str(pictogram.label),
        "ends_at": clock.iso(message.ends_at),
        "audio": speech.speech_url(text, text_lang),
    }


def _pictogram_choices():
    """The warning sign first, then the school's concepts (storm, closed, strike, ...)."""
    choices = [pictograms.get("warning")] + pictograms.in_group("concept")
    return [SelectChoice(p.key, p.label) for p in choices]


class UrgentForm(FlaskForm):
    pictogram = SelectField(_l("Pictogram"), default="warning")
    ends_at = DateTimeLocalField(
        _l("Ends at"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[InputRequired(message=_l("Say when the message ends."))],
    )


def _form():
    """The form with one short text per language of the interface, Dutch required."""

    class Form(UrgentForm):
        pass

    for language in i18n.available():
        if language.code == i18n.DEFAULT:
            required = DataRequired(message=DUTCH_REQUIRED)
        else:
            required = Optional()
        field = StringField(
            language.name,
            validators=[required, Length(max=rules.MAX_TEXT)],
            render_kw={"lang": language.code, "dir": _direction(language.code)},
        )
        setattr(Form, f"text_{language.code}", field)
    form = Form()
    form.pictogram.choices = _pictogram_choices()
    return form


def _texts(form):
    return {
        language.code: form[f"text_{language.code}"].data or "" for language in i18n.available()
    }


def _panels(texts):
    """What each language's kiosk shows: its own text where given."""
    return [
        {
            "lang": language.code,
            "name": language.name,
            "dir": _direction(language.code),
            "text": texts[language.code].strip(),
        }
        for language in i18n.available()
        if (texts.get(language.code) or "").strip()
    ]


@bp.route("/admin/urgent", methods=["GET", "POST"])
@login_required
def admin():
    now = clock.now()
    form = _form()
    if request.method == "GET":
        form.ends_at.data = datetime.combine(now.date(), time(23, 59))
    preview = None
    if form.validate_on_submit():
        problem = rules.end_problem(form.ends_at.data, now)
        if problem:
            form.ends_at.errors.append(END_PROBLEMS[problem])
        elif request.form.get("action") == "publish":
            message = rules.put_up(
                form.pictogram.data, _texts(form), form.ends_at.data, now, current_user.username
            )
            audit.record(
                "urgent.set",
                message.texts["nl"],
                f"pictogram={message.pictogram} ends_at={message.ends_at:%Y-%m-%d %H:%M:%S} "
                f"languages={','.join(sorted(message.texts))}",
            )
            db.session.commit()
            flash(_("The urgent message is on every kiosk."), "success")
            return redirect(url_for("urgent.admin"))
        else:
            preview = _panels(_texts(form))
    current = rules.showing(now)
    return render_template(
        "urgent/admin.html",
        form=form,
        preview=preview,
        current=current,
        current_panels=_panels(current.texts) if current else [],
        history=rules.recent(),
        now=now,
    )


@bp.post("/admin/urgent/withdraw")
@login_required
def withdraw():
    now = clock.now()
    current = rules.showing(now)
    if current is not None:
        rules.withdraw(now)
        audit.record("urgent.withdraw", current.texts.get("nl", ""))
        db.session.commit()
        flash(_("The urgent message is withdrawn from every kiosk."), "success")
    return redirect(url_for("urgent.admin"))


def _dashboard():
    if rules.showing(clock.now()) is None:
        return []
    return [(_("Urgent message on every kiosk"), 1, url_for("urgent.admin"))]


__all__ = ["UrgentMessage", "bp"]
