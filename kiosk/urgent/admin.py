"""The urgent message at /admin/urgent: the bridge figure sets, previews and withdraws it;
every kiosk shows it over every screen through the snapshot's "urgent" section."""

from datetime import datetime, time, timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from kiosk import audit, clock, i18n, phrasebook, speech
from kiosk.board import queries as board_queries
from kiosk.extensions import db
from kiosk.forms import text_fields, texts_from
from kiosk.urgent import queries, rules
from kiosk.urgent.forms import DUTCH_REQUIRED, urgent_form

bp = Blueprint("urgent_admin", __name__)


END_PROBLEMS = {
    "past": _l("The end time has already passed: choose a later one."),
    "too_far": _l("An urgent message lasts at most 14 days."),
}


# Sentences from the phrasebook per message: an urgent message says one or two things.
SENTENCES_MAX = 2


def _sentence_rows(rows, today):
    """The phrasebook rows as the form draws them; days are those of this week."""
    monday = today - timedelta(days=today.weekday())
    days = [(str(n), format_date(monday + timedelta(days=n), "EEEE d MMMM")) for n in range(7)]
    classes = [(c.name, c.name) for c in board_queries.classes()]
    return [
        phrasebook.row_view(row, days, classes)
        for row in phrasebook.shown_rows(rows, SENTENCES_MAX)
    ]


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
    classes = [c.name for c in board_queries.classes()]
    if request.method == "POST":
        rows, phrases = phrasebook.rows_from(request.form, SENTENCES_MAX, classes)
    else:
        rows, phrases = phrasebook.rows_of([], SENTENCES_MAX), []
    refreshing = "refresh" in request.form  # "show its blanks": nothing meant to be sent yet
    if refreshing:
        for row in rows:
            row.problems = {}
    valid = form.validate_on_submit() and not refreshing
    texts = texts_from(form, "text", i18n.available())
    if (
        request.method == "POST"
        and not refreshing
        and not texts.get("nl")
        and (texts or not phrases)
    ):
        form.text_nl.errors = [DUTCH_REQUIRED]  # typed text, or nothing at all, needs Dutch
        valid = False
    if valid and not phrasebook.has_problems(rows):
        problem = rules.end_problem(form.ends_at.data, now)
        codes = [language.code for language in i18n.available()]
        if problem:
            form.ends_at.errors.append(END_PROBLEMS[problem])
        elif request.form.get("action") == "publish":
            message = queries.put_up(
                form.pictogram.data,
                texts,
                form.ends_at.data,
                now,
                current_user.username,
                phrases,
            )
            db.session.flush()
            audit.record(
                "urgent.set",
                queries.texts_of(message, ["nl"]).get("nl", ""),
                f"pictogram={message.pictogram} ends_at={message.ends_at:%Y-%m-%d %H:%M:%S} "
                f"languages={','.join(sorted(queries.texts_of(message)))}",
            )
            db.session.commit()
            speech.make(queries.spoken(message))  # read aloud from the kiosks' next poll on
            flash(_("The urgent message is on every kiosk."), "success")
            return redirect(url_for("urgent_admin.admin"))
        else:
            preview = _panels(phrasebook.texts_in(phrases, texts, codes))
    current = queries.showing(now)
    return render_template(
        "urgent/admin.html",
        form=form,
        text_fields=text_fields(form, "text", i18n.available()),
        preview=preview,
        current=current,
        current_panels=_panels(queries.texts_of(current)) if current else [],
        history=[(m, queries.texts_of(m, ["nl"]).get("nl", "")) for m in queries.recent()],
        sentences=_sentence_rows(rows, now.date()),
        sentence_groups=phrasebook.grouped_choices(),
        now=now,
    )


@bp.post("/admin/urgent/withdraw")
@login_required
def withdraw():
    now = clock.now()
    current = queries.showing(now)
    if current is not None:
        queries.withdraw(now)
        audit.record("urgent.withdraw", queries.texts_of(current, ["nl"]).get("nl", ""))
        db.session.commit()
        flash(_("The urgent message is withdrawn from every kiosk."), "success")
    return redirect(url_for("urgent_admin.admin"))
