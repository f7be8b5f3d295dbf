"""The parent café on the parent's phone: sign up, the calendar file, cancel, topic ideas."""

import re
import secrets
from datetime import timedelta

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from kiosk import clock, forms, i18n, security
from kiosk.cafe import queries, rules
from kiosk.cafe.forms import IdeaForm, SignupForm, interpreter_language_codes
from kiosk.cafe.models import APPROVED, CANCELLED, CONFIRMED, WAITING, Idea, Meeting
from kiosk.extensions import db
from kiosk.qr import public_url

bp = Blueprint("cafe_phone", __name__)

VOTER_COOKIE = "cafe_voter"
_VOTER_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


# --- Sign up, calendar, cancel ------------------------------------------------------------


@bp.route("/m/cafe/<int:meeting_id>", methods=["GET", "POST"])
def signup(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    if not rules.is_open(meeting, clock.now()):
        code = 409 if request.method == "POST" else 200
        return render_template("cafe/signup.html", meeting=meeting, form=None), code
    form = SignupForm()
    if not form.is_submitted() and i18n.current().code in interpreter_language_codes():
        form.interpreter_language.data = i18n.current().code
    if form.validate_on_submit():
        token = forms.made_once(
            form.form_key.data,
            lambda: (
                queries.sign_up(
                    meeting,
                    name=form.name.data,
                    adults=form.adults.data,
                    children=form.children.data,
                    interpreter_language=(
                        form.interpreter_language.data if form.interpreter.data else None
                    ),
                    contact=form.contact.data or None,
                    lang=i18n.current().code,
                    now=clock.now(),
                    address_hash=rules.address_hash(
                        current_app.config["SECRET_KEY"], request.remote_addr
                    ),
                ).token
            ),
        )
        return redirect(url_for("status.page", token=token))
    code = 400 if form.is_submitted() else 200
    return render_template("cafe/signup.html", meeting=meeting, form=form), code


def _signup_or_404(token):
    return queries.by_token(token) or abort(404)


@bp.get("/m/s/<token>.ics")
def calendar(token):
    # Imported here: few parents ask for it, and icalendar costs every process 3 MB.
    from icalendar import Alarm, Calendar, Event

    signup = _signup_or_404(token)
    meeting = signup.meeting
    topic, _lang = i18n.pick(meeting.topic, signup.lang)
    zone = clock.zone()
    event = Event()
    event.add("uid", f"cafe-{meeting.id}-{signup.id}@{request.host.split(':')[0]}")
    event.add("dtstamp", clock.now().replace(tzinfo=zone))
    event.add("dtstart", meeting.starts_at.replace(tzinfo=zone))
    event.add("dtend", meeting.ends_at.replace(tzinfo=zone))
    with i18n.letter(i18n.current().code):  # a calendar file is a letter: its register
        event.add("summary", f"{_('Parent café')}: {topic}")
    event.add("location", meeting.place)
    status_link = public_url("status.page", token=token, lang=signup.lang)
    event.add("url", status_link)
    event.add("description", status_link)
    alarm = Alarm()  # the phone's calendar reminds a day before, with or without a channel
    alarm.add("action", "DISPLAY")
    alarm.add("description", event["summary"])
    alarm.add("trigger", -timedelta(days=1))
    event.add_component(alarm)
    event.add(
        "status",
        {CONFIRMED: "CONFIRMED", WAITING: "TENTATIVE", CANCELLED: "CANCELLED"}[signup.status],
    )
    cal = Calendar()
    cal.add("prodid", "-//Schoolpoort//Parent café//EN")
    cal.add("version", "2.0")
    cal.add_component(event)
    cal.add_missing_timezones()
    return Response(
        cal.to_ical(),
        mimetype="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="parent-cafe.ics"'},
    )


@bp.post("/m/s/<token>/cancel")
def cancel(token):
    signup = _signup_or_404(token)
    now = clock.now()
    if not rules.is_open(signup.meeting, now):
        flash(_("This café has started already: it can no longer be cancelled here."), "error")
    elif queries.cancel_signup(signup, now) is not None:
        db.session.commit()
        flash(_("Your sign-up is cancelled. Thank you for letting us know."), "success")
    return redirect(url_for("status.page", token=token))


# --- Topic ideas ----------------------------------------------------------------------------


def _voter_id():
    """This phone's voter id from its cookie, or a new one."""
    found = request.cookies.get(VOTER_COOKIE, "")
    return found if _VOTER_ID.match(found) else secrets.token_urlsafe(24)


def _keep_voter(response, voter):
    """A long-lived random id: the only thing that says "this phone voted already"."""
    if request.cookies.get(VOTER_COOKIE) != voter:
        response.set_cookie(
            VOTER_COOKIE, voter, max_age=2 * 365 * 24 * 3600, httponly=True, samesite="Lax"
        )
    return response


@bp.route("/m/cafe/ideas", methods=["GET", "POST"])
def ideas():
    voter = _voter_id()
    form = IdeaForm()
    if form.validate_on_submit():
        forms.made_once(
            form.form_key.data,
            lambda: queries.propose_idea(
                text=form.text.data,
                pictogram=form.pictogram.data or None,
                lang=i18n.current().code,
            ),
        )
        flash(_("Thank you! The school reads every idea first; then it appears here."), "success")
        return _keep_voter(redirect(url_for("cafe_phone.ideas")), voter)
    page = render_template(
        "cafe/ideas.html",
        form=form,
        ideas=queries.approved_ideas(),
        voted=queries.voted_ideas(voter),
    )
    return _keep_voter(Response(page, 400 if form.is_submitted() else 200), voter)


@bp.post("/m/cafe/ideas/<int:idea_id>/vote")
@security.phone_answer_limit(per="idea_id")
def vote(idea_id):
    idea = db.get_or_404(Idea, idea_id)
    if idea.status != APPROVED:
        abort(404)
    voter = _voter_id()
    if queries.vote(idea.id, voter):
        flash(_("Thank you for your vote!"), "success")
    else:
        flash(_("You had already voted for this topic."), "success")
    response = redirect(url_for("cafe_phone.ideas", _anchor=f"idea-{idea.id}"))
    return _keep_voter(response, voter)
