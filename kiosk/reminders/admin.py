"""The bridge figure's side of the messages: the call list, and what could not be sent."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from kiosk import audit
from kiosk.extensions import db
from kiosk.reminders import queries
from kiosk.reminders.models import OutboxMessage

bp = Blueprint("reminders_admin", __name__)


@bp.app_template_global()
def call_list(name):
    """Who to call for this page ("cafe 3", "interpreter"): none while an SMS gateway works."""
    if current_app.config.get("KIOSK_SMS_URL"):
        return []
    return queries.to_call(name)


def dashboard():
    return [
        (
            _("Messages to parents that could not be sent"),
            queries.count_failed(),
            url_for("reminders_admin.index"),
        )
    ]


@bp.get("/admin/reminders")
@login_required
def index():
    return render_template("reminders/admin.html", messages=queries.failed())


@bp.post("/admin/reminders/<int:message_id>/called")
@login_required
def called(message_id):
    """The "called" mark on the call list; audited, as every change the admin makes."""
    message = db.get_or_404(OutboxMessage, message_id)
    if queries.mark_called(message):
        audit.record("reminders.called", f"message {message.id}", message.about)
        db.session.commit()
    back = request.form.get("back", "")
    if not back.startswith("/admin/") or "//" in back or "\\" in back:
        back = url_for("reminders_admin.index")
    return redirect(back)
