"""An interpreter request: what a parent asked for, and what the bridge figure arranged."""

from datetime import date, datetime, time

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class InterpreterRequest(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    # What the parent asked (kiosk.spoken_languages code, rules.PURPOSES key, ...).
    language: Mapped[str] = mapped_column(String(12), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    preferred_times: Mapped[str] = mapped_column(Text, default="")
    reach_by: Mapped[str] = mapped_column(String(10))  # "phone" or "gate"
    phone: Mapped[str | None] = mapped_column(String(20))
    class_name: Mapped[str] = mapped_column(String(60), default="")
    page_lang: Mapped[str] = mapped_column(String(8), default="nl")  # the form's language

    # What the bridge figure does with it.
    status: Mapped[str] = mapped_column(String(20), default="received", index=True)
    staff_notes: Mapped[str] = mapped_column(Text, default="")
    meeting_date: Mapped[date | None]
    meeting_time: Mapped[time | None]
    meeting_mode: Mapped[str | None] = mapped_column(String(10))  # "on_site" or "phone"
    place: Mapped[dict] = mapped_column(JSON, default=dict)  # {"nl": ..., "ar": ...}
    decline_reason: Mapped[str | None] = mapped_column(String(20))
    decline_note: Mapped[dict] = mapped_column(JSON, default=dict)  # {"nl": ..., "ar": ...}
    closed_at: Mapped[datetime | None] = mapped_column(index=True)  # arranged or declined
