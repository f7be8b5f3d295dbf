"""The audit log: who changed what, and when (spec section 4)."""

from datetime import datetime

from flask_login import current_user
from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class AuditEntry(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(80))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


def record(action, target="", detail="", actor=None):
    """Add an entry to the session; it is committed with the change it describes."""
    if actor is None:
        actor = current_user.username if current_user.is_authenticated else "anonymous"
    db.session.add(
        AuditEntry(actor=actor, action=action, target=str(target)[:200], detail=str(detail))
    )
