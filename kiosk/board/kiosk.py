"""'Where is my child going?' on the kiosk: the board, one class, and the cards tapped there."""

from datetime import date

from flask import Blueprint, render_template, request
from sqlalchemy.exc import IntegrityError

from kiosk import audit, clock, i18n, pictograms, taps
from kiosk.board import queries, rules
from kiosk.board.models import Child, SchoolClass
from kiosk.extensions import db
from kiosk.i18n import kiosk_url
from kiosk.screens import is_school_screen

bp = Blueprint("board_kiosk", __name__)


# What the kiosk shows when it refuses a card: a pictogram, no text to read.
REFUSAL_PICTOGRAMS = {
    "locked": "lock",
    "not_today": "lock",
    "no_school": "no_school",
    "no_noon": "no_school",
    "unknown_child": "cross",
    "unknown_choice": "cross",
}


@bp.get("/kiosk/board")
def kiosk():
    lang = i18n.current().code
    today = clock.today()
    return render_template(
        "board/kiosk.html",
        day=today,
        classes=queries.board(today, lang, is_school_screen(request)),
        class_url=lambda c: kiosk_url("board_kiosk.kiosk_class", class_id=c["id"]),
    )


@bp.get("/kiosk/board/<int:class_id>")
def kiosk_class(class_id):
    school_class = db.get_or_404(SchoolClass, class_id)
    school_screen = is_school_screen(request)
    today = clock.today()
    (shown,) = queries.board(today, i18n.current().code, school_screen, only_class=school_class)
    return render_template(
        "board/class.html",
        day=today,
        school_class=shown,
        school_screen=school_screen,
        interactive=True,
        noon_cards=rules.NOON,
        after_cards=rules.AFTER,
    )


def _refuse(reason, status):
    key = REFUSAL_PICTOGRAMS[reason]
    label = str(pictograms.get(key).label)
    return {"error": reason, "pictogram": pictograms.url(key), "label": label}, status


def _state(child, day, status):
    today = queries.child_today(child, day)
    return {"status": status, "child": child.id, "noon": today.noon, "after": today.after}


@bp.post("/kiosk/board/choice")
@taps.from_school_screen
def choose():
    """A card tapped on a kiosk: {"id": uuid, "child": id, "choice": "noon:warm", "day", "kiosk"}.

    The kiosk makes the id once per tap, so a retry or a double send counts once.
    """
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return _refuse("unknown_choice", 400)
    request_id = taps.tap_id(data.get("id"))
    choice = rules.parse_choice(data.get("choice"))
    if request_id is None or choice is None:
        return _refuse("unknown_choice", 400)
    child_id = rules.child_id(data.get("child"))
    child = db.session.get(Child, child_id) if child_id is not None else None
    if child is None:
        return _refuse("unknown_child", 404)
    try:
        day = date.fromisoformat(data["day"]) if data.get("day") else clock.today()
    except (TypeError, ValueError):
        return _refuse("unknown_choice", 400)

    if queries.tap_stored(request_id):
        return _state(child, day, "repeat")
    kind, code = choice
    now = clock.now()
    plan = queries.plan(child.school_class, day)
    refused = rules.why_not(kind, plan, clock.today(), now, queries.cutoff())
    if refused:
        return _refuse(refused, 409)
    if getattr(queries.child_today(child, day), kind) == code:
        return _state(child, day, "unchanged")

    kiosk_name = taps.kiosk_name(request, data.get("kiosk"))
    queries.add_choice(request_id, child, day, kind, code, now, kiosk_name)
    late = " (after the cut-off)" if rules.is_late(now, day, queries.cutoff()) else ""
    audit.record(
        "board.choice",
        f"{child.school_class.name}: {child.first_name}",
        f"{day.isoformat()} {kind}={code}{late}",
        actor=f"kiosk {kiosk_name}",
    )
    try:
        db.session.commit()
    except IntegrityError:  # the same tap arrived twice at once: the other one stored it
        db.session.rollback()
        return _state(child, day, "repeat")
    return _state(child, day, "saved")
