"""Translator links and the translations parents propose through them."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class TranslatorLink(db.Model):
    """A one-time link `/t/<token>` for one parent and one language."""

    __tablename__ = "translator_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    lang: Mapped[str] = mapped_column(String(8))
    first_name: Mapped[str] = mapped_column(String(60))  # for the school, never on a kiosk
    made_by: Mapped[str] = mapped_column(String(80))
    made_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    revoked_at: Mapped[datetime | None]

    proposals: Mapped[list["Proposal"]] = relationship(back_populates="link")


class Proposal(db.Model):
    """One translation of one text (a notice, a café topic, a question), waiting or decided.

    `kind` and `item_id` say which text: ("notice", Notice.id), ("meeting", Meeting.id),
    ("question", Question.id). `recording` is the stored file's name, if it was spoken.
    """

    __tablename__ = "translation_proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int | None] = mapped_column(
        ForeignKey("translator_link.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    item_id: Mapped[int]
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    recording: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(10), default="waiting", index=True)
    made_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]

    link: Mapped[TranslatorLink | None] = relationship(back_populates="proposals")
