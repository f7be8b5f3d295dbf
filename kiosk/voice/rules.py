"""Your voice, decided: which question is open, when a tap counts, what the results are.

Plain functions over the database session; no request, no Flask globals.
"""

import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from kiosk.extensions import db
from kiosk.voice.models import SCALE, Answer, AnswerCard, FreeText, KioskTurn, Question

# One kiosk adds at most one answer per question in this time (spec section 9).
KIOSK_QUIET = timedelta(seconds=20)
MIN_CARDS, MAX_CARDS = 2, 5
FREE_TEXT_MAX = 1000


def is_open(question: Question, today: date) -> bool:
    return question.opens_on <= today <= question.closes_on


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


def state(question: Question, today: date) -> str:
    """ "open", "planned" or "closed", as the admin's list says it."""
    if today < question.opens_on:
        return "planned"
    return "open" if today <= question.closes_on else "closed"


def close_now(question: Question, today: date):
    """Close a question as of yesterday, so nobody can answer it from now on."""
    question.closes_on = today - timedelta(days=1)
    question.opens_on = min(question.opens_on, question.closes_on)


def set_scale(question: Question):
    """Give a question the five feelings faces as its cards (their labels are translated)."""
    question.kind = "scale"
    question.cards = [
        AnswerCard(position=i, pictogram=key, texts={}) for i, key in enumerate(SCALE)
    ]


def card_of(question: Question, card_id) -> AnswerCard | None:
    """The card with this id if it belongs to this question."""
    return next((card for card in question.cards if str(card.id) == str(card_id)), None)


def has_answers(question_id: int) -> bool:
    return bool(
        db.session.scalar(db.select(Answer.id).where(Answer.question_id == question_id).limit(1))
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
            KioskTurn.last_at <= now - KIOSK_QUIET,
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


def phone_key(secret: str, question_id: int, phone_id: str) -> str:
    """A phone's key for one question: the cookie itself is never stored."""
    digest = hmac.new(secret.encode(), f"{question_id}:{phone_id}".encode(), hashlib.sha256)
    return "phone:" + digest.hexdigest()


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


@dataclass
class Results:
    """The answers to one question, counted per card and per language of the screen."""

    question: Question
    per_card: dict = field(default_factory=dict)  # card id -> count
    per_language: dict = field(default_factory=dict)  # lang -> {card id -> count}
    total: int = 0

    def language_total(self, lang):
        return sum(self.per_language.get(lang, {}).values())


def results(question: Question) -> Results:
    rows = db.session.execute(
        db.select(Answer.card_id, Answer.lang, db.func.count(Answer.id))
        .where(Answer.question_id == question.id)
        .group_by(Answer.card_id, Answer.lang)
    ).all()
    counted = Results(question, per_card={card.id: 0 for card in question.cards})
    per_language = defaultdict(dict)
    for card_id, lang, count in rows:
        counted.per_card[card_id] = counted.per_card.get(card_id, 0) + count
        per_language[lang][card_id] = count
        counted.total += count
    # Most answers first, so the school sees its main languages on top.
    counted.per_language = dict(
        sorted(per_language.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    )
    return counted


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


def forget_free_texts_before(moment: datetime) -> int:
    """Free texts are personal data: they go after KIOSK_PERSONAL_DAYS; the tallies stay."""
    return db.session.execute(db.delete(FreeText).where(FreeText.received_at < moment)).rowcount


def forget_turns_before(moment: datetime) -> int:
    """A kiosk's last turn only matters for KIOSK_QUIET; old ones are housekeeping."""
    return db.session.execute(db.delete(KioskTurn).where(KioskTurn.last_at < moment)).rowcount
