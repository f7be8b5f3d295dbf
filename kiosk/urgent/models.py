from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class UrgentMessage(db.Model):
    """One urgent message for every kiosk: a pictogram and a short text per language.

    `ends_at` is the school's wall-clock time, as the bridge figure typed it; the
    other timestamps are UTC, as every system timestamp.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    pictogram: Mapped[str] = mapped_column(String(40))
    texts: Mapped[dict] = mapped_column(JSON)  # {"nl": ..., "ar": ...}, Dutch required
    # Sentences from the phrasebook ([{"key": ..., "slots": {...}}]), shown in every language.
    phrases: Mapped[list] = mapped_column(JSON, default=list)
    ends_at: Mapped[datetime] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    withdrawn_at: Mapped[datetime | None] = mapped_column(default=None)
