"""All configuration, read from the environment in one place (spec section 8)."""

import os
import secrets
from pathlib import Path


def _int(name, default):
    return int(os.environ.get(name, default))


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in instance/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def from_environment(instance_path: Path) -> dict:
    """The settings of spec section 8, with their defaults."""
    default_db = f"sqlite:///{instance_path / 'schoolpoort.sqlite'}"
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", default_db),
        "KIOSK_PUBLIC_URL": os.environ.get("KIOSK_PUBLIC_URL", "").rstrip("/"),
        "KIOSK_IDLE_SECONDS": _int("KIOSK_IDLE_SECONDS", 90),
        "KIOSK_POLL_SECONDS": _int("KIOSK_POLL_SECONDS", 15),
        "KIOSK_SNAPSHOT_SECONDS": _int("KIOSK_SNAPSHOT_SECONDS", 1),
        "KIOSK_PHOTO_DAYS": _int("KIOSK_PHOTO_DAYS", 60),
        "KIOSK_PERSONAL_DAYS": _int("KIOSK_PERSONAL_DAYS", 30),
        "KIOSK_MEAL_CUTOFF": os.environ.get("KIOSK_MEAL_CUTOFF", "09:00"),
        "KIOSK_TRUSTED_NETWORKS": os.environ.get("KIOSK_TRUSTED_NETWORKS", ""),
        "KIOSK_PROXY_HOPS": _int("KIOSK_PROXY_HOPS", 0),
        "KIOSK_HOST": os.environ.get("KIOSK_HOST", "0.0.0.0"),
        "KIOSK_PORT": _int("KIOSK_PORT", 8080),
        "SCHOOL_NAME": os.environ.get("SCHOOL_NAME", "Schoolpoort"),
        # How Dutch addresses parents: "je" on screens and "u" in letters, or one for both.
        "KIOSK_DUTCH_REGISTER": os.environ.get("KIOSK_DUTCH_REGISTER", "je/u"),
        # Reaching parents (spec section 12): every channel optional.
        "KIOSK_SMTP_URL": os.environ.get("KIOSK_SMTP_URL", ""),
        "KIOSK_MAIL_FROM": os.environ.get("KIOSK_MAIL_FROM", ""),
        "KIOSK_SMS_URL": os.environ.get("KIOSK_SMS_URL", ""),
        "KIOSK_SMS_TOKEN": os.environ.get("KIOSK_SMS_TOKEN", ""),
        "KIOSK_TIMEZONE": os.environ.get("KIOSK_TIMEZONE", "Europe/Brussels"),
        # A phone's answer or vote, per address and question or topic (kiosk.security.
        # phone_answer_limit). A school's Wi-Fi shows every parent as one address: a
        # hundred answering within a minute of drop-off stay under 120, and 600 an hour is
        # more than the parents of a whole school; a script from one address adds no more.
        "KIOSK_PHONE_ANSWER_LIMIT": "120 per minute;600 per hour",
        # The kiosk page stays open for days: its CSRF token must not expire.
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "MAX_CONTENT_LENGTH": 200 * 1024 * 1024,
    }
