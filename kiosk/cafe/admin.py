"""The bridge figure's café: meetings, their sign-ups and waiting list, posters, topic ideas."""

import csv
import io
from datetime import datetime

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import func, select

from kiosk import audit, clock
from kiosk.cafe import rules
from kiosk.cafe.forms import MeetingForm
from kiosk.cafe.models import (
    APPROVED,
    CONFIRMED,
    NEW,
    REJECTED,
    WAITING,
    Idea,
    Meeting,
    Signup,
)
from kiosk.cafe.views import bp
from kiosk.extensions import db
from kiosk.i18n import DEFAULT, LANGUAGES
from kiosk.reminders import queries as outbox


def _new_ideas():
    return db.session.scalar(select(func.count(Idea.id)).where(Idea.status == NEW))


def _counts():
    now = clock.now()
    coming = db.session.scalar(
        select(func.count(Signup.id))
        .join(Meeting)
        .where(Meeting.starts_at > now, Signup.status == CONFIRMED)
    )
    return [
        (_("Café sign-ups for coming meetings"), coming, url_for("cafe.admin_index")),
        (_("Café topic ideas to look at"), _new_ideas(), url_for("cafe.admin_ideas")),
    ]


def _waiting_counts():
    rows = db.session.execute(
        select(Signup.meeting_id, func.count(Signup.id))
        .where(Signup.status == WAITING)
        .group_by(Signup.meeting_id)
    )
    return dict(rows.all())


@bp.get("/admin/cafe")
@login_required
def admin_index():
    now = clock.now()
    meetings = db.session.scalars(select(Meeting).order_by(Meeting.starts_at.desc())).all()
    return render_template(
        "cafe/admin_index.html",
        upcoming=[m for m in reversed(meetings) if m.starts_at > now],
        past=[m for m in meetings if m.starts_at <= now],
        waiting=_waiting_counts(),
        new_ideas=_new_ideas(),
    )


def _form_page(form, meeting=None):
    return render_template(
        "cafe/admin_form.html", form=form, meeting=meeting, languages=LANGUAGES, default=DEFAULT
    )


def _moments(form):
    return (
        datetime.combine(form.day.data, form.start.data),
        datetime.combine(form.day.data, form.end.data),
    )


@bp.route("/admin/cafe/new", methods=["GET", "POST"])
@login_required
def admin_new():
    form = MeetingForm()
    if not form.is_submitted():
        form.pictogram.data = "parent_cafe"
        form.languages.data = [DEFAULT]
        form.capacity.data = 15
    if form.validate_on_submit():
        starts_at, ends_at = _moments(form)
        if starts_at <= clock.now():
            form.day.errors.append(_("This moment has passed already."))
            return _form_page(form)
        meeting = Meeting(
            topic=form.topics(),
            pictogram=form.pictogram.data,
            starts_at=starts_at,
            ends_at=ends_at,
            place=form.place.data,
            capacity=form.capacity.data,
            places_left=form.capacity.data,
            languages=form.languages.data,
            interpreter=form.interpreter.data,
            childcare=form.childcare.data,
        )
        db.session.add(meeting)
        db.session.flush()
        audit.record("cafe.meeting.create", f"meeting {meeting.id}", meeting.topic[DEFAULT])
        db.session.commit()
        flash(_("The meeting is added; the kiosk shows it within a minute."), "success")
        return redirect(url_for("cafe.admin_meeting", meeting_id=meeting.id))
    return _form_page(form)


@bp.route("/admin/cafe/<int:meeting_id>/edit", methods=["GET", "POST"])
@login_required
def admin_edit(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    form = MeetingForm(obj=meeting)
    if not form.is_submitted():
        form.fill_topics(meeting.topic)
        form.day.data = meeting.starts_at.date()
        form.start.data = meeting.starts_at.time()
        form.end.data = meeting.ends_at.time()
    if form.validate_on_submit():
        if form.capacity.data != meeting.capacity and not rules.change_capacity(
            meeting, form.capacity.data, clock.now()
        ):
            form.capacity.errors.append(
                _("%(taken)d places are taken already.", taken=meeting.places_taken)
            )
            return _form_page(form, meeting)
        meeting.topic = form.topics()
        meeting.starts_at, meeting.ends_at = _moments(form)
        for name in ("pictogram", "place", "languages", "interpreter", "childcare"):
            setattr(meeting, name, form[name].data)
        audit.record("cafe.meeting.update", f"meeting {meeting.id}", meeting.topic[DEFAULT])
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("cafe.admin_meeting", meeting_id=meeting.id))
    return _form_page(form, meeting)


@bp.post("/admin/cafe/<int:meeting_id>/delete")
@login_required
def admin_delete(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    audit.record(
        "cafe.meeting.delete",
        f"meeting {meeting.id}",
        f"{meeting.topic.get(DEFAULT, '')}, {len(meeting.signups)} sign-ups",
    )
    outbox.meeting_cancelled(meeting)
    db.session.delete(meeting)
    db.session.commit()
    flash(_("The meeting is removed."), "success")
    return redirect(url_for("cafe.admin_index"))


def _by_status(meeting):
    groups = {CONFIRMED: [], WAITING: [], "cancelled": []}
    for signup in meeting.signups:
        groups[signup.status].append(signup)
    return groups


@bp.get("/admin/cafe/<int:meeting_id>")
@login_required
def admin_meeting(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    groups = _by_status(meeting)
    interpreters = {}
    for signup in groups[CONFIRMED]:
        if signup.interpreter_language:
            code = signup.interpreter_language
            interpreters[code] = interpreters.get(code, 0) + 1
    return render_template(
        "cafe/admin_meeting.html",
        meeting=meeting,
        confirmed=groups[CONFIRMED],
        waiting=groups[WAITING],
        cancelled=groups["cancelled"],
        adults=sum(s.adults for s in groups[CONFIRMED]),
        children=sum(s.children for s in groups[CONFIRMED]),
        interpreters=interpreters,
    )


def _signup_action(signup_id):
    signup = db.get_or_404(Signup, signup_id)
    back = redirect(url_for("cafe.admin_meeting", meeting_id=signup.meeting_id))
    return signup, back


@bp.post("/admin/cafe/signups/<int:signup_id>/promote")
@login_required
def admin_promote(signup_id):
    signup, back = _signup_action(signup_id)
    if rules.promote(signup):
        audit.record("cafe.signup.promote", f"meeting {signup.meeting_id}", f"sign-up {signup.id}")
        db.session.commit()
        flash(_("Moved up from the waiting list."), "success")
        if signup.meeting.places_left < 0:
            flash(_("This meeting now has more people than places."), "error")
    return back


@bp.post("/admin/cafe/signups/<int:signup_id>/cancel")
@login_required
def admin_cancel(signup_id):
    signup, back = _signup_action(signup_id)
    moved = rules.cancel(signup, clock.now())
    if moved is not None:
        audit.record("cafe.signup.cancel", f"meeting {signup.meeting_id}", f"sign-up {signup.id}")
        db.session.commit()
        flash(_("Cancelled."), "success")
        if moved:
            flash(
                _("%(count)d moved up from the waiting list.", count=len(moved)),
                "success",
            )
    return back


CSV_COLUMNS = (
    "status",
    "waiting position",
    "name",
    "adults",
    "children for childcare",
    "interpreter language",
    "phone or e-mail",
    "language",
    "signed up at",
)


@bp.get("/admin/cafe/<int:meeting_id>/signups.csv")
@login_required
def admin_csv(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    groups = _by_status(meeting)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    positions = {signup.id: n for n, signup in enumerate(groups[WAITING], start=1)}
    for signup in groups[CONFIRMED] + groups[WAITING] + groups["cancelled"]:
        row = (
            signup.status,
            positions.get(signup.id, ""),
            signup.name,
            signup.adults,
            signup.children,
            signup.interpreter_language or "",
            signup.contact or "",
            signup.lang,
            clock.local(signup.created_at).strftime("%Y-%m-%d %H:%M"),
        )
        writer.writerow([rules.spreadsheet_cell(value) for value in row])
    name = f"cafe-{meeting.starts_at:%Y-%m-%d}-{meeting.id}.csv"
    return Response(
        "\ufeff" + buffer.getvalue(),  # the BOM makes spreadsheets read UTF-8 names right
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/admin/cafe/<int:meeting_id>/poster")
@login_required
def admin_poster(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    with force_locale(DEFAULT):  # the poster hangs at the gate in Dutch
        return render_template("cafe/poster.html", meeting=meeting, languages=LANGUAGES)


# --- Topic ideas -------------------------------------------------------------------------

IDEA_ACTIONS = {"approve": APPROVED, "reject": REJECTED}


@bp.get("/admin/cafe/ideas")
@login_required
def admin_ideas():
    rows = rules.tally()
    return render_template(
        "cafe/admin_ideas.html",
        new=[(idea, votes) for idea, votes in rows if idea.status == NEW],
        approved=[(idea, votes) for idea, votes in rows if idea.status == APPROVED],
        rejected=[(idea, votes) for idea, votes in rows if idea.status == REJECTED],
    )


@bp.post("/admin/cafe/ideas/<int:idea_id>/<any(approve, reject, delete):action>")
@login_required
def admin_idea(idea_id, action):
    idea = db.get_or_404(Idea, idea_id)
    audit.record(f"cafe.idea.{action}", f"idea {idea.id}", idea.text)
    if action == "delete":
        db.session.delete(idea)
    else:
        idea.status = IDEA_ACTIONS[action]
    db.session.commit()
    return redirect(url_for("cafe.admin_ideas"))
