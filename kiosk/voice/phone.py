"""Your voice on a phone (/m/voice): the open question, one answer per phone, and free text."""

import secrets

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms import SelectChoice

from kiosk import clock, i18n, security
from kiosk.voice import queries, rules, texts
from kiosk.voice.forms import PhoneAnswerForm

bp = Blueprint("voice_phone", __name__)
bp.context_processor(texts.template_helpers)

PHONE_COOKIE = "voice_phone"


@bp.route("/m/voice", methods=["GET", "POST"])
@security.phone_answer_limit()  # one question is open at a time
def phone():
    phone_id = request.cookies.get(PHONE_COOKIE) or secrets.token_urlsafe(16)
    question = queries.open_question(clock.today())
    form = PhoneAnswerForm()
    key = None
    if question is not None:
        key = rules.phone_key(current_app.config["SECRET_KEY"], question.id, phone_id)
        form.answer.choices = [
            SelectChoice(str(card.id), texts.card_text(card)[0]) for card in question.cards
        ]
    # It closed while the parent was typing: say so, and show what they wrote.
    closed = request.method == "POST" and question is None
    if request.method == "POST" and question is not None and form.validate():
        if rules.as_int(form.question.data) != question.id:
            form.answer.errors.append(_("The question has changed. Please choose again."))
        elif rules.card_of(question, form.answer.data) is None:
            form.answer.errors.append(_("Please choose one of the answers."))
        else:
            counted = queries.phone_answer(
                question,
                rules.card_of(question, form.answer.data),
                key=key,
                text=form.text.data or "",
                lang=i18n.current().code,
                today=clock.today(),
            )
            if not counted:
                flash(_("You already answered this question. Thank you!"), "error")
            return _with_cookie(redirect(url_for("voice_phone.phone")), phone_id)
    if question is not None:
        form.question.data = str(question.id)
    page = render_template(
        "voice/phone.html",
        question=question,
        form=form,
        answered=key is not None and queries.has_phone_answer(key),
        closed=closed,
    )
    return _with_cookie(current_app.make_response(page), phone_id)


def _with_cookie(response, phone_id):
    """The phone's random id: one answer per phone per question, nothing else."""
    response.set_cookie(
        PHONE_COOKIE,
        phone_id,
        max_age=2 * 365 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure,
    )
    return response
