"""The outbox: every message to a parent, written in the transaction of what caused it."""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.auth.models import utcnow
from kiosk.extensions import db

WAITING, SENT, FAILED, CALLED, WITHDRAWN = "waiting", "sent", "failed", "called", "withdrawn"


class OutboxMessage(db.Model):
    """One short message to one parent's e-mail address or phone number.

    Times are UTC. `try_at` is when a sender may next try it; `give_up_at` is 24 hours
    after it was first due (sooner if what it is about starts sooner). `claimed_until`
    marks it as being sent by one process, so no other sends it too.
    """

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "reminder", "place_free", ...
    about: Mapped[str] = mapped_column(String(40), index=True)  # "signup 12", "interpreter 3"
    call_list: Mapped[str] = mapped_column(String(40))  # where it is called: "cafe 3", ...
    to: Mapped[str] = mapped_column(String(120))  # e-mail address or E.164 number; purged
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)  # purged
    link: Mapped[str] = mapped_column(String(300))  # the parent's status page
    status: Mapped[str] = mapped_column(String(12), default=WAITING)
    try_at: Mapped[datetime]
    give_up_at: Mapped[datetime]
    ends_at: Mapped[datetime]  # when what it is about is over: the purge counts from it
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_until: Mapped[datetime | None]
    error: Mapped[str] = mapped_column(String(200), default="")
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_outbox_message_status_try_at", "status", "try_at"),)
