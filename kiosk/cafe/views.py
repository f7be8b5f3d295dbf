"""The parent café on the kiosk and the parent's phone; the admin lives in admin.py."""

import re
import secrets
from datetime import timedelta

from babel import dates
from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk import clock, forms, i18n, pictograms, status
from kiosk.cafe import rules
from kiosk.cafe.forms import IdeaForm, SignupForm, interpreter_language_codes
from kiosk.cafe.models import CANCELLED, CONFIRMED, NEW, WAITING, Idea, Meeting, Signup
from kiosk.extensions import db
from kiosk.qr import public_url

bp = Blueprint("cafe", __name__)

KIOSK_MEETINGS = 3  # what fits the kiosk screen beside the ideas QR code
VOTER_COOKIE = "cafe_voter"
_VOTER_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


# --- Shown everywhere ------------------------------------------------------------------


@bp.app_template_global()
def cafe_day(meeting):
    """The meeting's day in full, as this language writes it: "maandag 30 november 2026"."""
    return dates.format_date(meeting.starts_at, "full", locale=str(get_locale()))


@bp.app_template_global()
def cafe_hours(meeting):
    locale = str(get_locale())
    start = dates.format_time(meeting.starts_at, "short", locale=locale)
    end = dates.format_time(meeting.ends_at, "short", locale=locale)
    return f"{start} – {end}"


@bp.app_template_global()
def language_name(code):
    language = i18n.BY_CODE.get(code)
    return language.name if language else code


def _upcoming():
    """The meetings the kiosk shows: the screen and the snapshot both ask this."""
    return rules.upcoming(clock.now(), limit=KIOSK_MEETINGS)


def _signup_url(meeting, lang):
    return public_url("cafe.signup", meeting_id=meeting.id, lang=lang)


def cafe_snapshot(lang, school_screen):
    """The upcoming meetings, without a name or a list of who comes."""
    entries = []
    for meeting in _upcoming():
        topic, topic_lang = i18n.pick(meeting.topic, lang)
        entries.append(
            {
                "id": meeting.id,
                "starts_at": clock.iso(meeting.starts_at),
                "ends_at": clock.iso(meeting.ends_at),
                "places_left": max(meeting.places_left, 0),
                "capacity": meeting.capacity,
                "signup_url": _signup_url(meeting, lang),
                "topic": topic,
                "topic_lang": topic_lang,
                "pictogram": pictograms.url(meeting.pictogram),
                "place": meeting.place,
                "languages": list(meeting.languages or []),
                "interpreter": meeting.interpreter,
                "childcare": meeting.childcare,
            }
        )
    return entries


# --- Kiosk -----------------------------------------------------------------------------


@bp.get("/kiosk/cafe")
def kiosk():
    lang = i18n.current().code
    return render_template(
        "cafe/kiosk.html",
        meetings=_upcoming(),
        signup_url=lambda meeting: _signup_url(meeting, lang),
        ideas_url=public_url("cafe.ideas", lang=lang),
    )


# --- Phone: sign up, status, calendar, cancel -----------------------------------------


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
                rules.sign_up(
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
                ).token
            ),
        )
        return redirect(url_for("status.page", token=token))
    code = 400 if form.is_submitted() else 200
    return render_template("cafe/signup.html", meeting=meeting, form=form), code


def _signup(token):
    return db.session.scalar(db.select(Signup).filter_by(token=token))


def _signup_or_404(token):
    return _signup(token) or abort(404)


def find_signup(token):
    signup = _signup(token)
    if signup is None:
        return None
    return status.Status(
        kind="cafe",
        status=signup.status,
        template="cafe/status.html",
        context={
            "signup": signup,
            "meeting": signup.meeting,
            "is_open": rules.is_open(signup.meeting, clock.now()),
        },
        position=rules.waiting_position(signup),
    )


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
    elif rules.cancel(signup, now) is not None:
        db.session.commit()
        flash(_("Your sign-up is cancelled. Thank you for letting us know."), "success")
    return redirect(url_for("status.page", token=token))


# --- Phone: topic ideas ----------------------------------------------------------------


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

        def propose():
            idea = Idea(
                text=form.text.data,
                pictogram=form.pictogram.data or None,
                lang=i18n.current().code,
                status=NEW,
            )
            db.session.add(idea)
            db.session.flush()
            return f"idea-{idea.id}"

        forms.made_once(form.form_key.data, propose)
        flash(_("Thank you! The school reads every idea first; then it appears here."), "success")
        return _keep_voter(redirect(url_for("cafe.ideas")), voter)
    page = render_template(
        "cafe/ideas.html",
        form=form,
        ideas=rules.approved_ideas(),
        voted=rules.voted_ideas(voter),
    )
    return _keep_voter(Response(page, 400 if form.is_submitted() else 200), voter)


@bp.post("/m/cafe/ideas/<int:idea_id>/vote")
def vote(idea_id):
    idea = db.get_or_404(Idea, idea_id)
    if idea.status != "approved":
        abort(404)
    voter = _voter_id()
    if rules.vote(idea.id, voter):
        flash(_("Thank you for your vote!"), "success")
    else:
        flash(_("You had already voted for this topic."), "success")
    response = redirect(url_for("cafe.ideas", _anchor=f"idea-{idea.id}"))
    return _keep_voter(response, voter)


# --- Purge -----------------------------------------------------------------------------


def forget_cafe_guests(now, config):
    """Names and contacts go KIOSK_PERSONAL_DAYS after the meeting; the counts stay."""
    cutoff = clock.local(now) - timedelta(days=config["KIOSK_PERSONAL_DAYS"])
    return {"café sign-ups": rules.forget_people_before(cutoff)}
