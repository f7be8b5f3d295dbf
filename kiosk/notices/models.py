"""The week's notices and the parents' "I understand" / "not clear" taps on them."""

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class Notice(db.Model):
    """One item of a week: a day (or the whole week), one to three pictograms, texts per language.

    `texts` and `details` map a language code to the bridge figure's text
    ({"nl": ..., "ar": ...}); Dutch is there whenever anything was typed, and is the
    fallback. `phrases` are sentences from kiosk.phrasebook, in every language.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    week: Mapped[date] = mapped_column(index=True)  # the Monday of its ISO week
    day: Mapped[date | None]  # None: all week
    position: Mapped[int] = mapped_column(default=0)
    pictograms: Mapped[list] = mapped_column(JSON, default=list)  # catalogue keys, in order
    texts: Mapped[dict] = mapped_column(JSON, default=dict)
    # Sentences from the phrasebook ([{"key": ..., "slots": {...}}]), written out in each
    # language when shown; `texts` then holds only what was typed beside them.
    phrases: Mapped[list] = mapped_column(JSON, default=list)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    taps: Mapped[list["UnderstandingTap"]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self):
        return f"<Notice {self.id} {self.day or self.week} {self.texts.get('nl', '')[:30]!r}>"


class UnderstandingTap(db.Model):
    """One anonymous tap on "I understand" or "not clear", from one kiosk in one language.

    `tap_id` is made by the kiosk for each notice it shows; a double tap or a
    retry sends the same id again, and the unique constraint keeps it at one.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    tap_id: Mapped[str] = mapped_column(String(64), unique=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"))
    answer: Mapped[str] = mapped_column(String(12))  # "understood" or "unclear"
    lang: Mapped[str] = mapped_column(String(8))
    kiosk: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    notice: Mapped[Notice] = relationship(back_populates="taps")

    __table_args__ = (
        CheckConstraint("answer IN ('understood', 'unclear')", name="understanding_answer"),
        Index("ix_understanding_tap_notice", "notice_id", "lang", "answer"),
    )
