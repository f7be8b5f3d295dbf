"""Your voice for the bridge figure: /admin/voice, the questions, their results and free texts."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from kiosk import audit, clock, i18n, pictograms
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.forms import fill_texts
from kiosk.help import queries as help_queries
from kiosk.help import rules as help_rules
from kiosk.spreadsheet import csv_response
from kiosk.voice import chart, queries, rules, texts
from kiosk.voice.forms import question_form_class
from kiosk.voice.models import AnswerCard, Question
from kiosk.voice.texts import card_text, language_name, question_text

bp = Blueprint("voice_admin", __name__)
bp.context_processor(texts.template_helpers)


def _results_context(question):
    """What the results block shows: the counts, the two charts and the language names."""
    if question is None:
        return {"question": None}
    counted = queries.results(question)
    labels = [card_text(card)[0] for card in question.cards]
    bars = [
        (label, pictograms.url(card.pictogram), counted.per_card.get(card.id, 0))
        for label, card in zip(labels, question.cards, strict=True)
    ]
    rows = [
        (
            language_name(lang),
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


def _chosen_question(questions):
    """The question whose results the admin shows: ?question=, else the open one, else newest."""
    wanted = rules.as_int(request.args.get("question"))
    if wanted:
        return db.get_or_404(Question, wanted)
    return queries.open_question(clock.today()) or (questions[0] if questions else None)


@bp.get("/admin/voice")
@login_required
def admin():
    questions = queries.all_questions()
    chosen = _chosen_question(questions)
    offers = help_queries.standing(utcnow())
    return render_template(
        "voice/admin.html",
        questions=questions,
        today=clock.today(),
        state=rules.state,
        answer_counts=queries.answer_counts(),
        free_texts=queries.free_texts(chosen.id) if chosen else [],
        offers=offers,
        offers_by_language=help_rules.by_language(offers),
        offers_by_activity=help_rules.by_activity(offers),
        activities=help_rules.ACTIVITIES,
        **_results_context(chosen),
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
            for card, (picture, card_texts) in zip(
                question.cards, form.filled_cards(), strict=False
            ):
                card.pictogram, card.texts = picture, card_texts
        return
    if form.kind.data == "scale":
        queries.set_scale(question)
    else:
        question.kind = "cards"
        question.cards = [
            AnswerCard(position=index, pictogram=picture, texts=card_texts)
            for index, (picture, card_texts) in enumerate(form.filled_cards())
        ]


def _load(form, question):
    form.kind.data = question.kind
    form.opens_on.data = question.opens_on
    form.closes_on.data = question.closes_on
    fill_texts(form, "text", question.texts)
    if question.kind == "cards":
        for index, card in enumerate(question.cards[: rules.MAX_CARDS]):
            form[f"card{index}_picto"].data = card.pictogram
            fill_texts(form, f"card{index}", card.texts)


def _check_period(form, question_id=None):
    other = queries.overlapping(form.opens_on.data, form.closes_on.data, leave_out=question_id)
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
        return redirect(url_for("voice_admin.admin", question=question.id))
    return render_template("voice/question_form.html", form=form, languages=languages, locked=False)


@bp.route("/admin/voice/<int:question_id>", methods=["GET", "POST"])
@login_required
def admin_edit(question_id):
    question = db.get_or_404(Question, question_id)
    languages = i18n.available()
    locked = queries.has_answers(question.id)
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
            return redirect(url_for("voice_admin.admin", question=question.id))
    return render_template(
        "voice/question_form.html", form=form, languages=languages, question=question, locked=locked
    )


@bp.post("/admin/voice/<int:question_id>/close")
@login_required
def admin_close(question_id):
    question = db.get_or_404(Question, question_id)
    rules.close_now(question, clock.today())
    audit.record("voice.question.close", question.id, question.texts.get("nl", ""))
    db.session.commit()
    flash(_("The question is closed."), "success")
    return redirect(url_for("voice_admin.admin", question=question.id))


@bp.post("/admin/voice/<int:question_id>/delete")
@login_required
def admin_delete(question_id):
    question = db.get_or_404(Question, question_id)
    if queries.has_answers(question.id) and request.form.get("confirm") != "yes":
        flash(_("Tick the box to delete this question together with its answers."), "error")
        return redirect(url_for("voice_admin.admin", question=question.id))
    audit.record("voice.question.delete", question.id, question.texts.get("nl", ""))
    queries.delete_question(question)
    db.session.commit()
    flash(_("Question deleted."), "success")
    return redirect(url_for("voice_admin.admin"))


@bp.get("/admin/voice/<int:question_id>/results.csv")
@login_required
def results_csv(question_id):
    question = db.get_or_404(Question, question_id)
    counted = queries.results(question)
    header = [_("Language")] + [card_text(card, "nl")[0] for card in question.cards] + [_("Total")]
    rows = [
        [language_name(lang)]
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
            language_name(text.lang),
            cards.get(text.card_id, ""),
            text.text,
        ]
        for text in queries.free_texts(question.id)
    ]
    header = [_("Received"), _("Language"), _("Answer"), _("Text")]
    return csv_response(f"voice-{question.id}-texts.csv", header, rows)
