"""The week's notices on the kiosk, and the parents' "I understand" / "not clear" taps."""

from datetime import date, timedelta

from flask import Blueprint, jsonify, render_template, request

from kiosk import clock, i18n, taps
from kiosk.extensions import db
from kiosk.notices import labels, queries, rules
from kiosk.notices.models import Notice
from kiosk.screens import is_school_screen

bp = Blueprint("notices_kiosk", __name__)


@bp.get("/kiosk/notices")
def kiosk():
    today = clock.today()
    first, last = rules.kiosk_weeks(today)
    week = rules.parse_week(request.args.get("week")) or first
    lang = i18n.current().code
    preview = bool(request.args.get("preview"))

    def week_url(other):
        args = {"week": rules.week_param(other)}
        if preview:
            args["preview"] = 1
        return i18n.kiosk_url("notices_kiosk.kiosk", **args)

    items = queries.week_items(week, lang)
    for item in items:
        day = date.fromisoformat(item["date"]) if item["date"] else None
        item["day_label"] = labels.day_label(day)
        item["today"] = day == today
        item["past"] = day is not None and day < today
        item["read_aloud"] = queries.read_aloud(item)
    return render_template(
        "notices/kiosk.html",
        items=items,
        week=week,
        week_title=labels.week_title(week, today),
        week_range=labels.week_range(week),
        previous_url=week_url(week - timedelta(weeks=1)) if week > first else None,
        next_url=week_url(week + timedelta(weeks=1)) if week < last else None,
        preview=preview,
        school_screen=is_school_screen(request),
    )


@bp.post("/kiosk/notices/<int:notice_id>/understanding")
@taps.from_school_screen
def understanding(notice_id):
    """One parent's "I understand" or "not clear"; the same tap id sent again counts once."""
    notice = db.session.get(Notice, notice_id)
    if notice is None:
        return jsonify(error="unknown notice"), 404
    data = request.get_json(silent=True)
    data = data if isinstance(data, dict) else {}
    tap_id, answer = taps.tap_id(data.get("tap")), data.get("answer")
    if tap_id is None or answer not in rules.ANSWERS:
        return jsonify(error="a tap needs its id and an answer"), 400
    lang = data.get("lang")
    lang = lang if isinstance(lang, str) and lang in i18n.BY_CODE else i18n.current().code
    kiosk_name = taps.kiosk_name(request, data.get("kiosk"))
    if queries.record_tap(notice, tap_id, answer, lang, kiosk_name):
        return jsonify(counted=True, answer=answer), 201
    return jsonify(counted=False, answer=answer), 200
