"""The people of "Who is who": first name, role, class, languages, a photo with consent."""

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class TeamMember(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))  # a key of team.rules.ROLES
    # The board's class (kiosk.board): a plain integer, no foreign key yet (linked when
    # merged); class_label keeps the name as typed.
    class_id: Mapped[int | None] = mapped_column(index=True)
    class_label: Mapped[str] = mapped_column(String(60), default="")
    languages: Mapped[list] = mapped_column(JSON, default=list)  # codes, see team/languages.py
    position: Mapped[int] = mapped_column(default=0)  # lower first on the screen
    # The random name of the processed photo's files under instance/team/, if any.
    photo_key: Mapped[str | None] = mapped_column(String(32), unique=True)
    # Who confirmed that this person agreed to be shown, and when (UTC).
    photo_consent_by: Mapped[str | None] = mapped_column(String(80))
    photo_consent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
