"""The board's tables: classes, their week plan and exceptions, holidays, children, choices."""

from dataclasses import replace
from datetime import date, datetime, time

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.auth.models import utcnow
from kiosk.board import rules
from kiosk.extensions import db


class SchoolClass(db.Model):
    """A class as a small child knows it: a colour and an animal."""

    __tablename__ = "board_class"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    colour: Mapped[str] = mapped_column(String(7), default="#1d5fa8")
    animal: Mapped[str] = mapped_column(String(40))
    sort_order: Mapped[int] = mapped_column(default=0)
    show_first_names: Mapped[bool] = mapped_column(default=False)

    week: Mapped[list["PlanSlot"]] = relationship(
        back_populates="school_class", cascade="all, delete-orphan"
    )
    exceptions: Mapped[list["PlanException"]] = relationship(
        back_populates="school_class", cascade="all, delete-orphan"
    )
    children: Mapped[list["Child"]] = relationship(
        back_populates="school_class", cascade="all, delete-orphan", order_by="Child.first_name"
    )

    def template(self) -> dict:
        return {(slot.weekday, slot.part): slot.as_rule() for slot in self.week}


class _Planned:
    """The columns a template cell and an exception share."""

    activity: Mapped[str | None] = mapped_column(String(40))
    place: Mapped[str | None] = mapped_column(String(40))
    starts: Mapped[time | None]
    ends: Mapped[time | None]
    note: Mapped[dict] = mapped_column(JSON, default=dict)  # {"nl": ..., "ar": ...}

    def as_rule(self) -> rules.Slot:
        return rules.Slot(self.activity, self.place, self.starts, self.ends, dict(self.note or {}))


class PlanSlot(_Planned, db.Model):
    """One cell of a class's weekly template: a weekday and a part of the day."""

    __tablename__ = "board_plan_slot"
    __table_args__ = (UniqueConstraint("class_id", "weekday", "part"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("board_class.id", ondelete="CASCADE"))
    weekday: Mapped[int]
    part: Mapped[str] = mapped_column(String(10))
    school_class: Mapped[SchoolClass] = relationship(back_populates="week")


class PlanException(_Planned, db.Model):
    """One part of one date unlike the week: a trip, a closed day, a pick-up elsewhere."""

    __tablename__ = "board_exception"
    __table_args__ = (UniqueConstraint("class_id", "day", "part"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("board_class.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(index=True)
    part: Mapped[str] = mapped_column(String(10))
    # Sentences from the phrasebook beside (or instead of) the typed note, in every language.
    phrases: Mapped[list] = mapped_column(JSON, default=list)
    school_class: Mapped[SchoolClass] = relationship(back_populates="exceptions")

    def as_rule(self) -> rules.Slot:
        slot = super().as_rule()
        return replace(slot, phrases=tuple(self.phrases or ()))


class Holiday(db.Model):
    """Closed dates for the whole school: one day or a period."""

    __tablename__ = "board_holiday"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[dict] = mapped_column(JSON, default=dict)
    first_day: Mapped[date] = mapped_column(index=True)
    last_day: Mapped[date]

    def as_rule(self) -> rules.Holiday:
        return rules.Holiday(self.first_day, self.last_day, dict(self.name or {}))


class Child(db.Model):
    """A child as the board knows it: a first name, a symbol and a usual week."""

    __tablename__ = "board_child"
    # Two children with one symbol in a class could not tell their buttons apart.
    __table_args__ = (UniqueConstraint("class_id", "symbol"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("board_class.id", ondelete="CASCADE"))
    first_name: Mapped[str] = mapped_column(String(40))
    symbol: Mapped[str] = mapped_column(String(40))
    # {"0": {"noon": "warm", "after": "row"}, ... "4": {...}}: weekday -> usual cards.
    usual_week: Mapped[dict] = mapped_column(JSON, default=dict)
    school_class: Mapped[SchoolClass] = relationship(back_populates="children")
    choices: Mapped[list["Choice"]] = relationship(
        back_populates="child", cascade="all, delete-orphan", passive_deletes=True
    )


class Choice(db.Model):
    """A card tapped on a kiosk for a child and a day; the latest of each kind stands.

    `request_id` is made by the kiosk for each tap, so a retry or a double send
    of the same tap is stored once (the unique constraint decides, not Python).
    """

    __tablename__ = "board_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[str] = mapped_column(String(64), unique=True)
    child_id: Mapped[int] = mapped_column(
        ForeignKey("board_child.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(8))
    code: Mapped[str] = mapped_column(String(12))
    made_at: Mapped[datetime] = mapped_column(default=utcnow)  # UTC
    kiosk: Mapped[str] = mapped_column(String(60), default="")
    child: Mapped[Child] = relationship(back_populates="choices")
