"""The bridge figure's café: meetings, their sign-ups and waiting list, posters, topic ideas."""

from datetime import datetime

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import login_required

from kiosk import audit, clock
from kiosk import forms as shared_forms
from kiosk.cafe import queries, rules
from kiosk.cafe.forms import MeetingForm
from kiosk.cafe.models import (
    APPROVED,
    CANCELLED,
    CONFIRMED,
    NEW,
    REJECTED,
    WAITING,
    Idea,
    Meeting,
    Signup,
)
from kiosk.extensions import db
from kiosk.i18n import DEFAULT, LANGUAGES
from kiosk.security import database_id
from kiosk.spreadsheet import csv_response

bp = Blueprint("cafe_admin", __name__)


def dashboard_panel():
    """The admin dashboard's café counts."""
    return [
        (
            _("Café sign-ups for coming meetings"),
            queries.coming_signups(clock.now()),
            url_for("cafe_admin.index"),
        ),
        (_("Café topic ideas to look at"), queries.new_ideas(), url_for("cafe_admin.ideas")),
    ] + _filled_fast_panel()


def _filled_fast_panel():
    """A flag, only while there is one: meetings that filled within minutes (one client
    signing up again and again looks like this; the meeting page shows the burst)."""
    meetings = queries.filled_fast(clock.now())
    if not meetings:
        return []
    url = (
        url_for("cafe_admin.meeting", meeting_id=meetings[0].id)
        if len(meetings) == 1
        else url_for("cafe_admin.index")
    )
    return [(_("Café meetings that filled within minutes"), len(meetings), url)]


@bp.get("/admin/cafe")
@login_required
def index():
    now = clock.now()
    meetings = queries.all_meetings()
    return render_template(
        "cafe/admin_index.html",
        upcoming=[m for m in reversed(meetings) if m.starts_at > now],
        past=[m for m in meetings if m.starts_at <= now],
        waiting=queries.waiting_counts(),
        new_ideas=queries.new_ideas(),
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
def new():
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
            topic=shared_forms.texts_from(form, "topic"),
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
        return redirect(url_for("cafe_admin.meeting", meeting_id=meeting.id))
    return _form_page(form)


@bp.route("/admin/cafe/<int:meeting_id>/edit", methods=["GET", "POST"])
@login_required
def edit(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    form = MeetingForm(obj=meeting)
    if not form.is_submitted():
        shared_forms.fill_texts(form, "topic", meeting.topic)
        form.day.data = meeting.starts_at.date()
        form.start.data = meeting.starts_at.time()
        form.end.data = meeting.ends_at.time()
    if form.validate_on_submit():
        if form.capacity.data != meeting.capacity and not queries.change_capacity(
            meeting, form.capacity.data, clock.now()
        ):
            form.capacity.errors.append(
                _("%(taken)d places are taken already.", taken=meeting.places_taken)
            )
            return _form_page(form, meeting)
        meeting.topic = shared_forms.texts_from(form, "topic")
        meeting.starts_at, meeting.ends_at = _moments(form)
        for name in ("pictogram", "place", "languages", "interpreter", "childcare"):
            setattr(meeting, name, form[name].data)
        audit.record("cafe.meeting.update", f"meeting {meeting.id}", meeting.topic[DEFAULT])
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("cafe_admin.meeting", meeting_id=meeting.id))
    return _form_page(form, meeting)


@bp.post("/admin/cafe/<int:meeting_id>/delete")
@login_required
def delete(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    audit.record(
        "cafe.meeting.delete",
        f"meeting {meeting.id}",
        f"{meeting.topic.get(DEFAULT, '')}, {len(meeting.signups)} sign-ups",
    )
    queries.cancel_meeting(meeting)
    db.session.commit()
    flash(_("The meeting is removed."), "success")
    return redirect(url_for("cafe_admin.index"))


def _by_status(meeting):
    groups = {CONFIRMED: [], WAITING: [], CANCELLED: []}
    for signup in meeting.signups:
        groups[signup.status].append(signup)
    return groups


@bp.get("/admin/cafe/<int:meeting_id>")
@login_required
def meeting(meeting_id):
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
        cancelled=groups[CANCELLED],
        adults=sum(s.adults for s in groups[CONFIRMED]),
        children=sum(s.children for s in groups[CONFIRMED]),
        interpreters=interpreters,
        bursts=rules.bursts(groups[CONFIRMED] + groups[WAITING]),
    )


def _signup_action(signup_id):
    signup = db.get_or_404(Signup, signup_id)
    back = redirect(url_for("cafe_admin.meeting", meeting_id=signup.meeting_id))
    return signup, back


@bp.post("/admin/cafe/signups/<int:signup_id>/promote")
@login_required
def promote(signup_id):
    signup, back = _signup_action(signup_id)
    if queries.promote(signup):
        audit.record("cafe.signup.promote", f"meeting {signup.meeting_id}", f"sign-up {signup.id}")
        db.session.commit()
        flash(_("Moved up from the waiting list."), "success")
        if signup.meeting.places_left < 0:
            flash(_("This meeting now has more people than places."), "error")
    return back


@bp.post("/admin/cafe/signups/<int:signup_id>/cancel")
@login_required
def cancel(signup_id):
    signup, back = _signup_action(signup_id)
    moved = queries.cancel_signup(signup, clock.now())
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


@bp.post("/admin/cafe/<int:meeting_id>/signups/cancel")
@login_required
def cancel_burst(meeting_id):
    """Cancel the sign-ups of one burst (the ids its form lists) in one go: the waiting
    ones first, so the places the others free go to the parents who wait behind them."""
    meeting = db.get_or_404(Meeting, meeting_id)
    ids = {database_id(value) for value in request.form.getlist("signup")} - {None}
    chosen = [s for s in meeting.signups if s.id in ids and s.status in (WAITING, CONFIRMED)]
    chosen.sort(key=lambda signup: signup.status != WAITING)
    now = clock.now()
    cancelled, moved = [], []
    for signup in chosen:
        moved_up = queries.cancel_signup(signup, now)
        if moved_up is not None:
            cancelled.append(signup.id)
            moved.extend(moved_up)
    if cancelled:
        listed = ", ".join(map(str, sorted(cancelled)))
        audit.record("cafe.signup.cancel_burst", f"meeting {meeting.id}", f"sign-ups {listed}")
        db.session.commit()
        flash(_("Cancelled."), "success")
        if moved:
            flash(_("%(count)d moved up from the waiting list.", count=len(moved)), "success")
    return redirect(url_for("cafe_admin.meeting", meeting_id=meeting.id))


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
def signups_csv(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    groups = _by_status(meeting)
    positions = rules.waiting_positions(groups[WAITING])
    rows = [
        (
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
        for signup in groups[CONFIRMED] + groups[WAITING] + groups[CANCELLED]
    ]
    name = f"cafe-{meeting.starts_at:%Y-%m-%d}-{meeting.id}.csv"
    return csv_response(name, CSV_COLUMNS, rows)


@bp.get("/admin/cafe/<int:meeting_id>/poster")
@login_required
def poster(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    with force_locale(DEFAULT):  # the poster hangs at the gate in Dutch
        return render_template("cafe/poster.html", meeting=meeting, languages=LANGUAGES)


# --- Topic ideas -------------------------------------------------------------------------

IDEA_ACTIONS = {"approve": APPROVED, "reject": REJECTED}


@bp.get("/admin/cafe/ideas")
@login_required
def ideas():
    rows = queries.tally()
    return render_template(
        "cafe/admin_ideas.html",
        new=[(idea, votes) for idea, votes in rows if idea.status == NEW],
        approved=[(idea, votes) for idea, votes in rows if idea.status == APPROVED],
        rejected=[(idea, votes) for idea, votes in rows if idea.status == REJECTED],
    )


@bp.post("/admin/cafe/ideas/<int:idea_id>/<any(approve, reject, delete):action>")
@login_required
def idea(idea_id, action):
    idea = db.get_or_404(Idea, idea_id)
    audit.record(f"cafe.idea.{action}", f"idea {idea.id}", idea.text)
    if action == "delete":
        db.session.delete(idea)
    else:
        idea.status = IDEA_ACTIONS[action]
    db.session.commit()
    return redirect(url_for("cafe_admin.ideas"))
