"""Your voice: the kiosk's question, the phone's answer with free text, and the results."""

import secrets
from datetime import timedelta

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import login_required
from wtforms import SelectChoice

from kiosk import audit, clock, i18n, pictograms, taps
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.help import queries as help_queries
from kiosk.help import rules as help_rules
from kiosk.spoken_languages import name_of
from kiosk.spreadsheet import csv_response
from kiosk.voice import chart, rules
from kiosk.voice.forms import PhoneAnswerForm, question_form_class
from kiosk.voice.models import Answer, AnswerCard, Question

bp = Blueprint("voice", __name__)

PHONE_COOKIE = "voice_phone"


def question_text(question, lang=None):
    """(text, language it is in): the question in the chosen language, else Dutch."""
    return i18n.pick(question.texts, lang)


def card_text(card, lang=None):
    """(text, language it is in): a card's own text, or the feelings face's translated name."""
    if card.texts:
        return i18n.pick(card.texts, lang)
    found = pictograms.get(card.pictogram)
    return (str(found.label) if found else ""), lang or i18n.current().code


@bp.context_processor
def _helpers():
    return {
        "question_text": question_text,
        "card_text": card_text,
        "free_text_max": rules.FREE_TEXT_MAX,
        "language_name": _language_name,
        "name_of": name_of,
    }


def _snapshot(lang, school_screen):
    """The open question as the kiosk shows it; never the answers (they are for staff)."""
    question = rules.open_question(clock.today())
    if question is None:
        return None
    return {
        "id": question.id,
        "kind": question.kind,
        "text": question_text(question, lang)[0],
        "answers": [
            {
                "id": card.id,
                "text": card_text(card, lang)[0],
                "url": pictograms.url(card.pictogram),
            }
            for card in question.cards
        ],
    }


# --- Kiosk --------------------------------------------------------------------------------


@bp.get("/kiosk/voice")
def kiosk():
    question = rules.open_question(clock.today())
    return render_template("voice/kiosk.html", question=question, tap_id=secrets.token_urlsafe(16))


def _screen_language(value):
    codes = {language.code for language in i18n.available()}
    return value if isinstance(value, str) and value in codes else i18n.DEFAULT


@bp.post("/kiosk/voice/answer")
def kiosk_answer():
    """One tap on a card: {question, answer, tap, kiosk, lang} -> {counted: true|false}."""
    data = request.get_json(silent=True)
    data = data if isinstance(data, dict) else {}
    question_id = _as_int(data.get("question"))
    question = db.session.get(Question, question_id) if question_id else None
    if question is None:
        return jsonify(error="unknown question"), 404
    if not rules.is_open(question, clock.today()):
        return jsonify(error="closed"), 409
    card = rules.card_of(question, data.get("answer"))
    tap_id = taps.tap_id(data.get("tap"))
    if card is None or tap_id is None:
        return jsonify(error="unknown answer"), 400
    counted = rules.tap(
        question,
        card,
        tap_id=tap_id,
        kiosk=taps.kiosk_name(request, data.get("kiosk")),
        lang=_screen_language(data.get("lang")),
        now=utcnow(),
        today=clock.today(),
    )
    return jsonify(counted=counted)


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- Phone --------------------------------------------------------------------------------


@bp.route("/m/voice", methods=["GET", "POST"])
def phone():
    phone_id = request.cookies.get(PHONE_COOKIE) or secrets.token_urlsafe(16)
    question = rules.open_question(clock.today())
    form = PhoneAnswerForm()
    key = None
    if question is not None:
        key = rules.phone_key(current_app.config["SECRET_KEY"], question.id, phone_id)
        form.answer.choices = [
            SelectChoice(str(card.id), card_text(card)[0]) for card in question.cards
        ]
    # It closed while the parent was typing: say so, and show what they wrote.
    closed = request.method == "POST" and question is None
    if request.method == "POST" and question is not None and form.validate():
        if _as_int(form.question.data) != question.id:
            form.answer.errors.append(_("The question has changed. Please choose again."))
        elif rules.card_of(question, form.answer.data) is None:
            form.answer.errors.append(_("Please choose one of the answers."))
        else:
            counted = rules.phone_answer(
                question,
                rules.card_of(question, form.answer.data),
                key=key,
                text=form.text.data or "",
                lang=i18n.current().code,
                today=clock.today(),
            )
            if not counted:
                flash(_("You already answered this question. Thank you!"), "error")
            return _with_cookie(redirect(url_for("voice.phone")), phone_id)
    if question is not None:
        form.question.data = str(question.id)
    page = render_template(
        "voice/phone.html",
        question=question,
        form=form,
        answered=key is not None and rules.has_phone_answer(key),
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


# --- Admin --------------------------------------------------------------------------------


def _results_context(question):
    """What the results block shows: the counts, the two charts and the language names."""
    if question is None:
        return {"question": None}
    counted = rules.results(question)
    labels = [card_text(card)[0] for card in question.cards]
    bars = [
        (label, pictograms.url(card.pictogram), counted.per_card.get(card.id, 0))
        for label, card in zip(labels, question.cards, strict=True)
    ]
    rows = [
        (
            _language_name(lang),
            [per_card.get(card.id, 0) for card in question.cards],
        )
        for lang, per_card in counted.per_language.items()
    ]
    return {
        "question": question,
        "results": counted,
        "labels": labels,
        "colours": chart.colours(question.kind),
        "answers_chart": chart.per_answer(_("Answers"), bars, question.kind),
        "languages_chart": chart.per_language(
            _("Answers per language of the screen"), rows, question.kind
        ),
    }


def _language_name(code):
    found = i18n.BY_CODE.get(code)
    return found.name if found else code


def _chosen_question(questions):
    """The question whose results the admin shows: ?question=, else the open one, else newest."""
    wanted = _as_int(request.args.get("question"))
    if wanted:
        return db.get_or_404(Question, wanted)
    return rules.open_question(clock.today()) or (questions[0] if questions else None)


@bp.get("/admin/voice")
@login_required
def admin():
    questions = db.session.scalars(
        db.select(Question).order_by(Question.opens_on.desc(), Question.id.desc())
    ).all()
    chosen = _chosen_question(questions)
    offers = help_queries.standing(utcnow())
    return render_template(
        "voice/admin.html",
        questions=questions,
        today=clock.today(),
        state=rules.state,
        answer_counts=_answer_counts(),
        free_texts=rules.free_texts(chosen.id) if chosen else [],
        offers=offers,
        offers_by_language=help_rules.by_language(offers),
        offers_by_activity=help_rules.by_activity(offers),
        activities=help_rules.ACTIVITIES,
        **_results_context(chosen),
    )


def _answer_counts():
    return dict(
        db.session.execute(
            db.select(Answer.question_id, db.func.count(Answer.id)).group_by(Answer.question_id)
        ).all()
    )


@bp.get("/admin/voice/<int:question_id>/results")
@login_required
def admin_results(question_id):
    """The results block alone: the admin page fetches it every poll to stay fresh."""
    question = db.get_or_404(Question, question_id)
    return render_template("voice/_results.html", **_results_context(question))


def _fill(question, form, locked=False):
    question.texts = form.question_texts()
    question.opens_on = form.opens_on.data
    question.closes_on = form.closes_on.data
    if locked:
        # The cards keep their ids so the answers keep their meaning; only texts change.
        if question.kind == "cards":
            for card, (picture, texts) in zip(question.cards, form.filled_cards(), strict=False):
                card.pictogram, card.texts = picture, texts
        return
    if form.kind.data == "scale":
        rules.set_scale(question)
    else:
        question.kind = "cards"
        question.cards = [
            AnswerCard(position=index, pictogram=picture, texts=texts)
            for index, (picture, texts) in enumerate(form.filled_cards())
        ]


def _check_period(form, question_id=None):
    other = rules.overlapping(form.opens_on.data, form.closes_on.data, leave_out=question_id)
    if other is None:
        return True
    form.opens_on.errors.append(
        _(
            "Only one question can be open at a time: «%(other)s» is open from %(start)s "
            "to %(end)s. Close it first or choose other days.",
            other=question_text(other, "nl")[0],
            start=other.opens_on.strftime("%d/%m/%Y"),
            end=other.closes_on.strftime("%d/%m/%Y"),
        )
    )
    return False


@bp.route("/admin/voice/new", methods=["GET", "POST"])
@login_required
def admin_new():
    languages = i18n.available()
    form = question_form_class(languages)()
    if form.validate_on_submit() and _check_period(form):
        question = Question()
        _fill(question, form)
        db.session.add(question)
        db.session.flush()
        audit.record("voice.question.create", question.id, question.texts.get("nl", ""))
        db.session.commit()
        flash(_("Question saved."), "success")
        return redirect(url_for("voice.admin", question=question.id))
    return render_template("voice/question_form.html", form=form, languages=languages, locked=False)


@bp.route("/admin/voice/<int:question_id>", methods=["GET", "POST"])
@login_required
def admin_edit(question_id):
    question = db.get_or_404(Question, question_id)
    languages = i18n.available()
    locked = rules.has_answers(question.id)
    form = question_form_class(languages)()
    if request.method == "GET":
        _load(form, question)
    if locked:
        form.kind.data = question.kind
    if form.validate_on_submit() and _check_period(form, question.id):
        if locked and question.kind == "cards" and len(form.filled_cards()) != len(question.cards):
            form.kind.errors.append(
                _("This question has answers: its cards can change their text, not their number.")
            )
        else:
            _fill(question, form, locked)
            audit.record("voice.question.edit", question.id, question.texts.get("nl", ""))
            db.session.commit()
            flash(_("Question saved."), "success")
            return redirect(url_for("voice.admin", question=question.id))
    return render_template(
        "voice/question_form.html", form=form, languages=languages, question=question, locked=locked
    )


def _load(form, question):
    form.kind.data = question.kind
    form.opens_on.data = question.opens_on
    form.closes_on.data = question.closes_on
    for code, text in question.texts.items():
        if f"text_{code}" in form:
            form[f"text_{code}"].data = text
    if question.kind == "cards":
        for index, card in enumerate(question.cards[: rules.MAX_CARDS]):
            form[f"card{index}_picto"].data = card.pictogram
            for code, text in card.texts.items():
                if f"card{index}_{code}" in form:
                    form[f"card{index}_{code}"].data = text


@bp.post("/admin/voice/<int:question_id>/close")
@login_required
def admin_close(question_id):
    question = db.get_or_404(Question, question_id)
    rules.close_now(question, clock.today())
    audit.record("voice.question.close", question.id, question.texts.get("nl", ""))
    db.session.commit()
    flash(_("The question is closed."), "success")
    return redirect(url_for("voice.admin", question=question.id))


@bp.post("/admin/voice/<int:question_id>/delete")
@login_required
def admin_delete(question_id):
    question = db.get_or_404(Question, question_id)
    if rules.has_answers(question.id) and request.form.get("confirm") != "yes":
        flash(_("Tick the box to delete this question together with its answers."), "error")
        return redirect(url_for("voice.admin", question=question.id))
    audit.record("voice.question.delete", question.id, question.texts.get("nl", ""))
    rules.delete_question(question)
    db.session.commit()
    flash(_("Question deleted."), "success")
    return redirect(url_for("voice.admin"))


@bp.get("/admin/voice/<int:question_id>/results.csv")
@login_required
def results_csv(question_id):
    question = db.get_or_404(Question, question_id)
    counted = rules.results(question)
    header = [_("Language")] + [card_text(card, "nl")[0] for card in question.cards] + [_("Total")]
    rows = [
        [_language_name(lang)]
        + [per_card.get(card.id, 0) for card in question.cards]
        + [counted.language_total(lang)]
        for lang, per_card in counted.per_language.items()
    ]
    rows.append(
        [_("Total")]
        + [counted.per_card.get(card.id, 0) for card in question.cards]
        + [counted.total]
    )
    return csv_response(f"voice-{question.id}-results.csv", header, rows)


@bp.get("/admin/voice/<int:question_id>/texts.csv")
@login_required
def texts_csv(question_id):
    question = db.get_or_404(Question, question_id)
    cards = {card.id: card_text(card, "nl")[0] for card in question.cards}
    rows = [
        [
            clock.local(text.received_at).strftime("%Y-%m-%d %H:%M"),
            _language_name(text.lang),
            cards.get(text.card_id, ""),
            text.text,
        ]
        for text in rules.free_texts(question.id)
    ]
    header = [_("Received"), _("Language"), _("Answer"), _("Text")]
    return csv_response(f"voice-{question.id}-texts.csv", header, rows)


def _dashboard():
    question = rules.open_question(clock.today())
    if question is None:
        return []
    counted = rules.results(question)
    return [(_("Answers to the open question"), counted.total, url_for("voice.admin"))]


def _purge(now, config):
    personal = timedelta(days=config["KIOSK_PERSONAL_DAYS"])
    return {
        "voice free texts": rules.forget_free_texts_before(now - personal),
        "voice kiosk turns": rules.forget_turns_before(now - timedelta(days=1)),
    }
