"""Your voice on the kiosk: the open question as big cards, and one anonymous tap per card."""

import secrets

from flask import Blueprint, jsonify, render_template, request

from kiosk import clock, i18n, taps
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import is_school_screen
from kiosk.voice import queries, rules, texts
from kiosk.voice.models import Question

bp = Blueprint("voice_kiosk", __name__)
bp.context_processor(texts.template_helpers)


@bp.get("/kiosk/voice")
def kiosk():
    question = queries.open_question(clock.today())
    return render_template(
        "voice/kiosk.html",
        question=question,
        tap_id=secrets.token_urlsafe(16),
        school_screen=is_school_screen(request),
    )


@bp.post("/kiosk/voice/answer")
@taps.from_school_screen
def kiosk_answer():
    """One tap on a card: {question, answer, tap, kiosk, lang} -> {counted: true|false}."""
    data = request.get_json(silent=True)
    data = data if isinstance(data, dict) else {}
    question_id = rules.as_int(data.get("question"))
    question = db.session.get(Question, question_id) if question_id else None
    if question is None:
        return jsonify(error="unknown question"), 404
    if not rules.is_open(question, clock.today()):
        return jsonify(error="closed"), 409
    card = rules.card_of(question, data.get("answer"))
    tap_id = taps.tap_id(data.get("tap"))
    if card is None or tap_id is None:
        return jsonify(error="unknown answer"), 400
    shown = {language.code for language in i18n.available()}
    counted = queries.tap(
        question,
        card,
        tap_id=tap_id,
        kiosk=taps.kiosk_name(request, data.get("kiosk")),
        lang=rules.screen_language(data.get("lang"), shown, i18n.DEFAULT),
        now=utcnow(),
        today=clock.today(),
    )
    return jsonify(counted=counted)
