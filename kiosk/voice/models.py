"""Your voice: the school's questions, their answer cards and the anonymous answers."""

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.auth.models import utcnow
from kiosk.extensions import db

# The five-face feelings scale, very unhappy to very happy (pictogram group "face").
SCALE = ("face1", "face2", "face3", "face4", "face5")


class Question(db.Model):
    """One question to the parents; open from `opens_on` to `closes_on`, both included."""

    __tablename__ = "voice_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    texts: Mapped[dict] = mapped_column(JSON, default=dict)  # {"nl": ..., "ar": ...}
    kind: Mapped[str] = mapped_column(String(10), default="cards")  # "cards" or "scale"
    opens_on: Mapped[date]
    closes_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    cards: Mapped[list["AnswerCard"]] = relationship(
        back_populates="question",
        order_by="AnswerCard.position",
        cascade="all, delete-orphan",
    )


class AnswerCard(db.Model):
    """One big card a parent can tap: a pictogram and a short text per language."""

    __tablename__ = "voice_card"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("voice_question.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    pictogram: Mapped[str] = mapped_column(String(40))
    texts: Mapped[dict] = mapped_column(JSON, default=dict)  # empty on the five-face scale

    question: Mapped[Question] = relationship(back_populates="cards")


class Answer(db.Model):
    """One anonymous answer: which card, on which day, in which language, from where.

    Nothing here points at a person. `once_key` is what makes a repeat count once:
    the kiosk's tap id (a double tap, a retry) or a keyed hash of the phone's
    cookie and the question (one answer per phone per question).
    """

    __tablename__ = "voice_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("voice_question.id", ondelete="CASCADE"), index=True
    )
    card_id: Mapped[int] = mapped_column(ForeignKey("voice_card.id", ondelete="CASCADE"))
    answered_on: Mapped[date]
    lang: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(40))  # the kiosk's name, or "phone"
    once_key: Mapped[str] = mapped_column(String(120), unique=True)


class KioskTurn(db.Model):
    """When a kiosk last added an answer to a question: the 20-second rule's one row.

    A conditional UPDATE on this row decides, in the database, whether a tap counts,
    so two processes (or a child tapping fast) never both add one.
    """

    __tablename__ = "voice_kiosk_turn"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("voice_question.id", ondelete="CASCADE"), primary_key=True
    )
    kiosk: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_at: Mapped[datetime]


class FreeText(db.Model):
    """What a parent wrote on /m/voice: read by staff only, deleted with the personal data."""

    __tablename__ = "voice_free_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("voice_question.id", ondelete="CASCADE"), index=True
    )
    card_id: Mapped[int | None] = mapped_column(ForeignKey("voice_card.id", ondelete="SET NULL"))
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
