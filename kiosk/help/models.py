"""What I can bring: a parent's offer of languages and help with activities."""

from datetime import datetime

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class HelpOffer(db.Model):
    """One offer; its token is the parent's only key to see or withdraw it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(String(60))
    contact: Mapped[str] = mapped_column(String(120))
    languages: Mapped[list] = mapped_column(JSON, default=list)  # kiosk.spoken_languages codes
    activities: Mapped[list] = mapped_column(JSON, default=list)  # keys of rules.ACTIVITIES
    other: Mapped[str] = mapped_column(Text, default="")  # what "other" help means
    lang: Mapped[str] = mapped_column(String(8))  # the page's language: the school answers in it
    made_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(index=True)

    @property
    def is_active(self):
        return self.withdrawn_at is None
