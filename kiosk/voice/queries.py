"""What the Your-voice screens read and write in the database.

A kiosk's tap counts through one conditional UPDATE of its turn row: the database,
not a count in Python, decides the 20-second rule, so it holds across processes.
"""

from datetime import date, datetime

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from kiosk import clock, pictograms
from kiosk.extensions import db
from kiosk.voice import rules
from kiosk.voice.models import SCALE, Answer, AnswerCard, FreeText, KioskTurn, Question
from kiosk.voice.texts import card_text, question_text


def open_question(today: date) -> Question | None:
    """The question parents can answer today (one at a time; the newest wins a tie)."""
    return db.session.scalar(
        db.select(Question)
        .where(Question.opens_on <= today, Question.closes_on >= today)
        .order_by(Question.opens_on.desc(), Question.id.desc())
        .limit(1)
    )


def overlapping(opens_on: date, closes_on: date, leave_out: int | None = None) -> Question | None:
    """Another question open on any day of this period: only one may be open at a time."""
    query = db.select(Question).where(
        Question.opens_on <= closes_on, Question.closes_on >= opens_on
    )
    if leave_out is not None:
        query = query.where(Question.id != leave_out)
    return db.session.scalar(query.order_by(Question.opens_on).limit(1))


def all_questions() -> list[Question]:
    """Every question, the latest first."""
    return db.session.scalars(
        db.select(Question).order_by(Question.opens_on.desc(), Question.id.desc())
    ).all()


def set_scale(question: Question):
    """Give a question the five feelings faces as its cards (their labels are translated)."""
    question.kind = "scale"
    question.cards = [
        AnswerCard(position=i, pictogram=key, texts={}) for i, key in enumerate(SCALE)
    ]


def has_answers(question_id: int) -> bool:
    return bool(
        db.session.scalar(db.select(Answer.id).where(Answer.question_id == question_id).limit(1))
    )


def answer_counts() -> dict:
    """{question id: how many answers}."""
    return dict(
        db.session.execute(
            db.select(Answer.question_id, db.func.count(Answer.id)).group_by(Answer.question_id)
        ).all()
    )


# --- Answers ------------------------------------------------------------------------------


def tap(question: Question, card: AnswerCard, *, tap_id, kiosk, lang, now, today) -> bool:
    """Count one tap on a kiosk; True when it counted, False for a repeat or too soon.

    A repeat of the same tap (a double tap, a retry) finds its key taken; a new tap
    from the same kiosk within KIOSK_QUIET finds the kiosk's turn not free yet. Both
    are decided by the database, so they hold across processes.
    """
    once_key = f"tap:{question.id}:{tap_id}"
    if db.session.scalar(db.select(Answer.id).where(Answer.once_key == once_key)):
        return False
    taken = db.session.execute(
        db.update(KioskTurn)
        .where(
            KioskTurn.question_id == question.id,
            KioskTurn.kiosk == kiosk,
            KioskTurn.last_at <= rules.quiet_since(now),
        )
        .values(last_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not taken:
        if db.session.get(KioskTurn, (question.id, kiosk)) is not None:
            db.session.rollback()
            return False  # this kiosk answered less than KIOSK_QUIET ago
        db.session.add(KioskTurn(question_id=question.id, kiosk=kiosk, last_at=now))
    db.session.add(
        Answer(
            question_id=question.id,
            card_id=card.id,
            answered_on=today,
            lang=lang,
            source=kiosk,
            once_key=once_key,
        )
    )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # the same tap, or the same kiosk's first tap, won a race
        return False
    return True


def has_phone_answer(key: str) -> bool:
    return bool(db.session.scalar(db.select(Answer.id).where(Answer.once_key == key)))


def phone_answer(question, card, *, key, text, lang, today) -> bool:
    """Store a phone's answer and its free text; False when this phone already answered."""
    db.session.add(
        Answer(
            question_id=question.id,
            card_id=card.id,
            answered_on=today,
            lang=lang,
            source="phone",
            once_key=key,
        )
    )
    if text:
        db.session.add(FreeText(question_id=question.id, card_id=card.id, lang=lang, text=text))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


# --- Results ------------------------------------------------------------------------------


def results(question: Question) -> rules.Results:
    rows = db.session.execute(
        db.select(Answer.card_id, Answer.lang, db.func.count(Answer.id))
        .where(Answer.question_id == question.id)
        .group_by(Answer.card_id, Answer.lang)
    ).all()
    return rules.count(question, rows)


def free_texts(question_id: int) -> list[FreeText]:
    return db.session.scalars(
        db.select(FreeText)
        .where(FreeText.question_id == question_id)
        .order_by(FreeText.received_at.desc())
    ).all()


def delete_question(question: Question):
    """A question goes with its cards, answers and free texts."""
    for model in (Answer, FreeText, KioskTurn):
        db.session.execute(db.delete(model).where(model.question_id == question.id))
    db.session.delete(question)


# --- What the shared machinery asks -------------------------------------------------------


def snapshot(lang, school_screen):
    """The open question as the kiosk shows it; never the answers (they are for staff)."""
    question = open_question(clock.today())
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


def dashboard():
    question = open_question(clock.today())
    if question is None:
        return []
    counted = results(question)
    return [(_("Answers to the open question"), counted.total, url_for("voice_admin.admin"))]


def _forget(model, column, moment: datetime) -> int:
    return db.session.execute(db.delete(model).where(column < moment)).rowcount


def purge(now, config):
    """Free texts after KIOSK_PERSONAL_DAYS; kiosk turns once the quiet time is long past."""
    personal = rules.free_texts_expire_before(now, config["KIOSK_PERSONAL_DAYS"])
    return {
        "voice free texts": _forget(FreeText, FreeText.received_at, personal),
        "voice kiosk turns": _forget(KioskTurn, KioskTurn.last_at, rules.turns_expire_before(now)),
    }
