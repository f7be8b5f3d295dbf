"""The parent café's tables: meetings, sign-ups, and topic ideas with their votes."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.auth.models import utcnow
from kiosk.extensions import db

CONFIRMED, WAITING, CANCELLED = "confirmed", "waiting", "cancelled"
NEW, APPROVED, REJECTED = "new", "approved", "rejected"


class Meeting(db.Model):
    """One café: its times are the school's wall-clock (naive local), as typed in the admin.

    `places_left` is capacity minus the adults of confirmed sign-ups; it only ever
    changes through the conditional updates in rules.py, so it cannot be raced.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[dict] = mapped_column(JSON, default=dict)  # {"nl": ..., "ar": ...}
    pictogram: Mapped[str] = mapped_column(String(40), default="parent_cafe")
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(120))
    capacity: Mapped[int]
    places_left: Mapped[int]
    languages: Mapped[list] = mapped_column(JSON, default=list)  # language codes spoken
    interpreter: Mapped[bool] = mapped_column(default=False)
    childcare: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    signups: Mapped[list["Signup"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Signup.id"
    )

    @property
    def places_taken(self) -> int:
        return self.capacity - self.places_left


class Signup(db.Model):
    """One parent's sign-up; its random token is the only key the parent holds."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(40))  # emptied by purge
    adults: Mapped[int]
    children: Mapped[int]  # children needing childcare
    interpreter_language: Mapped[str | None] = mapped_column(String(8))
    contact: Mapped[str | None] = mapped_column(String(120))  # emptied by purge
    lang: Mapped[str] = mapped_column(String(8))  # the language the parent signed up in
    # rules.address_hash of the address it came from, so a burst shows; emptied by purge
    address_hash: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="signups")

    __table_args__ = (Index("ix_signup_meeting_status", "meeting_id", "status"),)


class Idea(db.Model):
    """A topic a parent proposed; shown to other parents once the bridge figure approves it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(140))
    pictogram: Mapped[str | None] = mapped_column(String(40))
    lang: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12), default=NEW, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    votes: Mapped[list["IdeaVote"]] = relationship(
        back_populates="idea", cascade="all, delete-orphan"
    )


class IdeaVote(db.Model):
    """One phone's vote for one idea: the unique constraint is what makes it one."""

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"))
    voter: Mapped[str] = mapped_column(String(64))  # a random id kept in a cookie
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    idea: Mapped[Idea] = relationship(back_populates="votes")

    __table_args__ = (UniqueConstraint("idea_id", "voter", name="uq_idea_vote_voter"),)
