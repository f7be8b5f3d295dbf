"""Class photos: only the processed renditions' key, never the original."""

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class Photo(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # The random name of its two files under instance/photos/ (see storage.py).
    key: Mapped[str] = mapped_column(String(32), unique=True)
    # The board's class (kiosk.board): a plain integer, no foreign key yet, because
    # the class table is built beside this one; class_label keeps the name as typed.
    class_id: Mapped[int | None] = mapped_column(index=True)
    class_label: Mapped[str] = mapped_column(String(60), default="")
    captions: Mapped[dict] = mapped_column(JSON, default=dict)  # {"nl": ..., "ar": ...}
    width: Mapped[int]
    height: Mapped[int]
    visible: Mapped[bool] = mapped_column(default=True)
    # Who confirmed that every child shown may be shown, and when (UTC).
    consent_by: Mapped[str] = mapped_column(String(80))
    consent_at: Mapped[datetime]
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
