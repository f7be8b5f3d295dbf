from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from kiosk.extensions import db

ROLES = ("admin", "editor")


def utcnow():
    return datetime.now(UTC).replace(tzinfo=None)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="editor")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Part of every session's id: raising it ends every session of this account at its
    # next request (logout, a new password), though the signed cookies stay valid.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    def get_id(self):
        return f"{self.id}.{self.session_version}"

    def end_sessions(self):
        self.session_version = (self.session_version or 0) + 1

    def set_password(self, password):
        # Werkzeug's default is scrypt (spec section 4).
        self.password_hash = generate_password_hash(password)
        self.end_sessions()

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    @property
    def is_admin(self):
        return self.role == "admin"


class FailedLogin(db.Model):
    """One wrong password, kept in the database so the limit holds across processes."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_failed_login_who", "username", "address", "at"),)
