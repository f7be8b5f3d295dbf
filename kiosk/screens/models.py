"""The school's own screens: each kiosk, its one-time pairing codes, failed pairing attempts."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.auth.models import utcnow
from kiosk.extensions import db


class Kiosk(db.Model):
    """A screen at the school: paired through a link, or reporting by name from a trusted net."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    paired_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    # The hash of the secret in the screen's cookie; None when nothing may prove to be this kiosk.
    secret_hash: Mapped[str | None] = mapped_column(String(64))
    last_seen_at: Mapped[datetime | None]
    last_address: Mapped[str | None] = mapped_column(String(64))
    # What the kiosk's page says of itself at its poll (kiosk/readiness/rules.py reads it).
    offline_copy: Mapped[str | None] = mapped_column(String(16))
    screen: Mapped[str | None] = mapped_column(String(24))
    clock_off_seconds: Mapped[int | None]
    loaded_at: Mapped[datetime | None]
    # Addresses in the poll's X-Forwarded-For: what KIOSK_PROXY_HOPS should be.
    forwarded_hops: Mapped[int | None]

    codes: Mapped[list["PairingCode"]] = relationship(
        back_populates="kiosk", cascade="all, delete-orphan", order_by="PairingCode.created_at"
    )

    @property
    def is_paired(self):
        return self.secret_hash is not None


class PairingCode(db.Model):
    """A one-time link /kiosk/pair/<code>; only the code's hash is kept."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]

    kiosk: Mapped[Kiosk] = relationship(back_populates="codes")


class FailedPairing(db.Model):
    """One refused pairing link, kept in the database so the limit holds across processes."""

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_failed_pairing_who", "address", "at"),)
