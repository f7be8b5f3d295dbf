"""Ask for an interpreter: the kiosk screen, the phone form, the status page and the queue."""

from babel.dates import format_date, format_time
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required

from kiosk import audit, clock, forms, i18n, spoken_languages, status
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.interpreter import rules
from kiosk.interpreter.forms import HandleForm, RequestForm
from kiosk.interpreter.models import InterpreterRequest
from kiosk.reminders import queries as outbox
from kiosk.spreadsheet import csv_response

bp = Blueprint("interpreter", __name__)


# --- Kiosk -------------------------------------------------------------------------


@bp.get("/kiosk/interpreter")
def kiosk():
    return render_template("interpreter/kiosk.html")


# --- Phone -------------------------------------------------------------------------


def _status_url(token):
    return url_for("status.page", token=token, lang=i18n.current().code)


@bp.route("/m/interpreter", methods=["GET", "POST"])
def form():
    form = RequestForm()
    if form.validate_on_submit():

        def ask():
            token = status.new_token()
            db.session.add(
                InterpreterRequest(
                    token=token,
                    language=form.language.data,
                    purpose=form.purpose.data,
                    preferred_times=form.preferred_times.data,
                    reach_by=form.reach_by.data,
                    phone=rules.normalise_phone(form.phone.data),
                    class_name=form.class_name.data,
                    page_lang=i18n.current().code,
                )
            )
            return token

        return redirect(_status_url(forms.made_once(form.form_key.data, ask)))
    return render_template(
        "interpreter/form.html",
        form=form,
        most_asked=spoken_languages.most_asked(exclude=rules.NOT_FOR_INTERPRETING),
        others=spoken_languages.others(exclude=rules.NOT_FOR_INTERPRETING),
        is_rtl=spoken_languages.is_rtl,
        purpose_pictos={key: pictogram for key, _label, pictogram in rules.PURPOSES},
    ), (422 if form.errors else 200)


def _find(token):
    found = db.session.scalar(db.select(InterpreterRequest).filter_by(token=token))
    if found is None:
        return None
    return status.Status(
        kind="interpreter",
        status=found.status,
        template="interpreter/status.html",
        context={"asked": found, **_shown_to_parent(found)},
    )


def _shown_to_parent(asked):
    """Everything the status page shows, in the parent's language where we have it."""
    place, place_lang = i18n.pick(asked.place)
    note, note_lang = i18n.pick(asked.decline_note)
    locale = get_locale()
    return {
        "meeting_date_text": (
            format_date(asked.meeting_date, format="full", locale=locale)
            if asked.meeting_date
            else ""
        ),
        "meeting_time_text": (
            format_time(asked.meeting_time, format="short", locale=locale)
            if asked.meeting_time
            else ""
        ),
        "language_name": spoken_languages.name_of(asked.language),
        "language_rtl": spoken_languages.is_rtl(asked.language),
        "purpose": rules.PURPOSE_LABELS.get(asked.purpose, ""),
        "mode": rules.MODES.get(asked.meeting_mode, ""),
        "place": place,
        "place_lang": place_lang,
        "reason": rules.DECLINE_REASONS.get(asked.decline_reason, ""),
        "note": note,
        "note_lang": note_lang,
    }


# --- Admin -------------------------------------------------------------------------


def _filtered():
    """The queue as the bridge figure filtered it: ?status= and ?language=."""
    query = db.select(InterpreterRequest).order_by(InterpreterRequest.created_at)
    chosen_status = request.args.get("status", "")
    chosen_language = request.args.get("language", "")
    if chosen_status in rules.STATUSES:
        query = query.where(InterpreterRequest.status == chosen_status)
    if chosen_language:
        query = query.where(InterpreterRequest.language == chosen_language)
    return db.session.scalars(query).all(), chosen_status, chosen_language


def _counts():
    rows = db.session.execute(
        db.select(InterpreterRequest.status, db.func.count()).group_by(InterpreterRequest.status)
    )
    return {state: count for state, count in rows}


@bp.get("/admin/interpreter")
@login_required
def admin():
    requests, chosen_status, chosen_language = _filtered()
    in_use = db.session.scalars(db.select(InterpreterRequest.language).distinct()).all()
    languages = sorted(in_use, key=lambda code: spoken_languages.label_of(code).casefold())
    return render_template(
        "interpreter/admin_list.html",
        groups=[(state, [r for r in requests if r.status == state]) for state in rules.STATUSES],
        counts=_counts(),
        chosen_status=chosen_status,
        chosen_language=chosen_language,
        languages=languages,
        **_admin_helpers(),
    )


def _admin_helpers():
    return {
        "status_labels": rules.STATUS_LABELS,
        "purpose_labels": rules.PURPOSE_LABELS,
        "modes": rules.MODES,
        "own_name": spoken_languages.name_of,
        "label_of": spoken_languages.label_of,
        "is_rtl": spoken_languages.is_rtl,
    }


@bp.route("/admin/interpreter/<int:request_id>", methods=["GET", "POST"])
@login_required
def handle(request_id):
    asked = db.get_or_404(InterpreterRequest, request_id)
    parent_lang = asked.page_lang if asked.page_lang != i18n.DEFAULT else None
    form = HandleForm(obj=None if request.method == "POST" else _FormData(asked))
    if form.validate_on_submit():
        before = asked.status
        rules.change_status(asked, form.status.data, utcnow())
        asked.staff_notes = form.staff_notes.data
        arranged = form.status.data == "arranged"
        asked.meeting_date = form.meeting_date.data if arranged else None
        asked.meeting_time = form.meeting_time.data if arranged else None
        asked.meeting_mode = form.meeting_mode.data if arranged else None
        asked.place = _texts(form.place_nl.data, parent_lang, form.place_parent.data, arranged)
        declined = form.status.data == "declined"
        asked.decline_reason = form.decline_reason.data if declined else None
        asked.decline_note = _texts(
            form.decline_note_nl.data, parent_lang, form.decline_note_parent.data, declined
        )
        audit.record(
            "interpreter.update", f"request {asked.id}", f"status={before}->{asked.status}"
        )
        outbox.interpreter_answered(asked)
        db.session.commit()
        flash(_("Saved. The parent's status page shows it now."), "success")
        return redirect(url_for("interpreter.handle", request_id=asked.id))
    return render_template(
        "interpreter/admin_request.html",
        asked=asked,
        form=form,
        parent_lang=parent_lang,
        parent_lang_name=i18n.BY_CODE[parent_lang].name if parent_lang else "",
        status_url=url_for("status.page", token=asked.token, lang=asked.page_lang),
        **_admin_helpers(),
    ), (422 if form.errors else 200)


def _texts(dutch, parent_lang, in_parent_lang, keep):
    """Content per language, Dutch first (i18n.pick falls back to it)."""
    if not keep:
        return {}
    texts = {"nl": dutch} if dutch else {}
    if parent_lang and in_parent_lang:
        texts[parent_lang] = in_parent_lang
    return texts


class _FormData:
    """The request as the handling form's initial values."""

    def __init__(self, asked):
        self.status = asked.status
        self.staff_notes = asked.staff_notes
        self.meeting_date = asked.meeting_date
        self.meeting_time = asked.meeting_time
        self.meeting_mode = asked.meeting_mode
        self.place_nl = (asked.place or {}).get("nl", "")
        self.place_parent = (asked.place or {}).get(asked.page_lang, "")
        self.decline_reason = asked.decline_reason or ""
        self.decline_note_nl = (asked.decline_note or {}).get("nl", "")
        self.decline_note_parent = (asked.decline_note or {}).get(asked.page_lang, "")


CSV_COLUMNS = (
    ("id", _l("Number")),
    ("received", _l("Received")),
    ("status", _l("Status")),
    ("language", _l("Language")),
    ("purpose", _l("What for")),
    ("preferred_times", _l("Preferred days and times")),
    ("reach_by", _l("How to reach")),
    ("phone", _l("Phone number")),
    ("class_name", _l("Class")),
    ("meeting", _l("Arranged for")),
    ("mode", _l("On site or by phone")),
    ("place", _l("Place")),
    ("decline_reason", _l("Reason")),
    ("staff_notes", _l("Notes")),
)


def _csv_row(asked):
    received = clock.local(asked.created_at)
    meeting = ""
    if asked.meeting_date:
        meeting = asked.meeting_date.isoformat()
        if asked.meeting_time:
            meeting += " " + asked.meeting_time.strftime("%H:%M")
    values = {
        "id": asked.id,
        "received": received.strftime("%Y-%m-%d %H:%M") if received else "",
        "status": rules.STATUS_LABELS[asked.status],
        "language": f"{spoken_languages.label_of(asked.language)} ({asked.language})",
        "purpose": rules.PURPOSE_LABELS.get(asked.purpose, asked.purpose),
        "preferred_times": asked.preferred_times,
        "reach_by": _("Phone") if asked.reach_by == "phone" else _("At the gate"),
        "phone": asked.phone or "",
        "class_name": asked.class_name,
        "meeting": meeting,
        "mode": rules.MODES.get(asked.meeting_mode, ""),
        "place": (asked.place or {}).get("nl", ""),
        "decline_reason": rules.DECLINE_REASONS.get(asked.decline_reason, ""),
        "staff_notes": asked.staff_notes,
    }
    return [values[key] for key, _label in CSV_COLUMNS]


@bp.get("/admin/interpreter/export.csv")
@login_required
def export():
    requests, chosen_status, chosen_language = _filtered()
    name = "-".join(filter(None, ("interpreter", chosen_status, chosen_language)))
    header = [str(label) for _key, label in CSV_COLUMNS]
    return csv_response(f"{name}.csv", header, (_csv_row(asked) for asked in requests))


def _dashboard():
    counts = _counts()
    return [
        (
            _("New interpreter requests"),
            counts.get("received", 0),
            url_for("interpreter.admin", status="received"),
        ),
        (
            _("Interpreter requests in progress"),
            counts.get("in_progress", 0),
            url_for("interpreter.admin", status="in_progress"),
        ),
    ]


# --- Retention and demo ------------------------------------------------------------


def _purge_closed_requests(now, config):
    moment = rules.purge_moment(now)
    deleted = db.session.execute(
        db.delete(InterpreterRequest).where(
            InterpreterRequest.status.in_(rules.CLOSED),
            InterpreterRequest.closed_at < moment,
            db.or_(
                InterpreterRequest.meeting_date.is_(None),
                InterpreterRequest.meeting_date < moment.date(),
            ),
        )
    ).rowcount
    return {"interpreter requests": deleted}
