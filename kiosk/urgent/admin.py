"""The urgent message at /admin/urgent: the bridge figure sets, previews and withdraws it;
every kiosk shows it over every screen through the snapshot's "urgent" section."""

from datetime import datetime, time

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from kiosk import audit, clock, i18n, speech
from kiosk.extensions import db
from kiosk.forms import text_fields, texts_from
from kiosk.urgent import queries, rules
from kiosk.urgent.forms import urgent_form

bp = Blueprint("urgent_admin", __name__)


END_PROBLEMS = {
    "past": _l("The end time has already passed: choose a later one."),
    "too_far": _l("An urgent message lasts at most 14 days."),
}


def _panels(texts):
    """What each language's kiosk shows: its own text where given."""
    return [
        {
            "lang": language.code,
            "name": language.name,
            "dir": queries.direction(language.code),
            "text": texts[language.code],
        }
        for language in i18n.available()
        if texts.get(language.code)
    ]


@bp.route("/admin/urgent", methods=["GET", "POST"])
@login_required
def admin():
    now = clock.now()
    form = urgent_form()
    if request.method == "GET":
        form.ends_at.data = datetime.combine(now.date(), time(23, 59))
    preview = None
    if form.validate_on_submit():
        texts = texts_from(form, "text", i18n.available())
        problem = rules.end_problem(form.ends_at.data, now)
        if problem:
            form.ends_at.errors.append(END_PROBLEMS[problem])
        elif request.form.get("action") == "publish":
            message = queries.put_up(
                form.pictogram.data, texts, form.ends_at.data, now, current_user.username
            )
            audit.record(
                "urgent.set",
                message.texts["nl"],
                f"pictogram={message.pictogram} ends_at={message.ends_at:%Y-%m-%d %H:%M:%S} "
                f"languages={','.join(sorted(message.texts))}",
            )
            db.session.commit()
            speech.make(queries.spoken(message))  # read aloud from the kiosks' next poll on
            flash(_("The urgent message is on every kiosk."), "success")
            return redirect(url_for("urgent_admin.admin"))
        else:
            preview = _panels(texts)
    current = queries.showing(now)
    return render_template(
        "urgent/admin.html",
        form=form,
        text_fields=text_fields(form, "text", i18n.available()),
        preview=preview,
        current=current,
        current_panels=_panels(current.texts) if current else [],
        history=queries.recent(),
        now=now,
    )


@bp.post("/admin/urgent/withdraw")
@login_required
def withdraw():
    now = clock.now()
    current = queries.showing(now)
    if current is not None:
        queries.withdraw(now)
        audit.record("urgent.withdraw", current.texts.get("nl", ""))
        db.session.commit()
        flash(_("The urgent message is withdrawn from every kiosk."), "success")
    return redirect(url_for("urgent_admin.admin"))
