"""/t/<token>: a parent translates what the kiosk lacks in their language, typed or spoken."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from kiosk import forms, i18n
from kiosk.extensions import db
from kiosk.translations import queries, rules
from kiosk.translations.forms import TranslationForm

bp = Blueprint("translations_phone", __name__)

# What a refused recording tells the parent, by the problem store_recording names.
PROBLEMS = {
    "audio": lambda: _("This is not a recording. Please record again."),
    "large": lambda: _("The recording is too large. Please record again, shorter."),
    "long": lambda: _("The recording is longer than 30 seconds. Please record again, shorter."),
}


@bp.route("/t/<token>", methods=["GET", "POST"])
def translate(token):
    link = queries.find_link(token)
    if link is None:
        return render_template("translations/closed.html"), 404
    with force_locale(link.lang if link.lang in i18n.BY_CODE else i18n.DEFAULT):
        if queries.link_state(link) != "open":
            return render_template("translations/closed.html"), 410
        sent = TranslationForm() if request.method == "POST" else None
        if sent is not None:
            if _take(link, sent):
                flash(_("Thank you! The school checks it before the kiosk shows it."), "success")
                return redirect(url_for(".translate", token=token))
            db.session.rollback()
        missing = queries.missing_in(link.lang)
        entries = []
        for item in missing:
            if sent is not None and sent.item.data == item["key"]:
                form = sent
            else:
                form = TranslationForm(formdata=None, item=item["key"])
            entries.append((item, form))
        page = render_template(
            "translations/phone.html",
            link=link,
            language=i18n.BY_CODE[link.lang],
            entries=entries,
        )
        return page, (400 if sent is not None else 200)


def _take(link, form) -> bool:
    """Keep the parent's proposal (one per form, however often it is sent)."""
    if not form.validate_on_submit():
        return False
    item = rules.parse_item(form.item.data)
    if item is None or item[0] + "-" + str(item[1]) not in {i["key"] for i in queries.items()}:
        form.text.errors.append(_("This text is no longer asked."))
        return False
    recording = None
    upload = request.files.get("recording")
    data = upload.read(rules.MAX_BYTES + 1) if upload else b""
    if data:
        recording, problem = queries.store_recording(data)
        if problem:
            form.recording.errors.append(PROBLEMS[problem]())
            return False
    forms.made_once(
        form.form_key.data,
        lambda: queries.propose(link, item[0], item[1], form.text.data, recording),
    )
    return True
