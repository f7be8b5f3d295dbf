"""The decisions about the school's own screens, as plain functions (no request, no database).

Pairing codes and kiosk secrets are random (256 bits) and kept only as SHA-256
hashes: a copy of the database pairs no screen and forges no cookie.
"""

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from kiosk.screens.models import PairingCode

CODE_VALID_FOR = timedelta(hours=24)
HEARTBEAT_EVERY = timedelta(seconds=30)
SILENT_AFTER = timedelta(minutes=5)
# Guessing codes is limited as the login is: 10 refusals per address in 15 minutes.
MAX_FAILURES = 10
WINDOW = timedelta(minutes=15)
NAME = re.compile(r"^\w[\w .-]{0,39}$")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def same_digest(stored: str, presented: str) -> bool:
    """Compared in constant time, so the answer's timing gives no digest away."""
    return hmac.compare_digest(stored, presented)


def too_many_failures(failures_in_window: int) -> bool:
    return failures_in_window >= MAX_FAILURES


def is_valid_name(name) -> bool:
    return bool(name) and NAME.match(name) is not None


def issue_code(kiosk, now) -> str:
    """A new one-time pairing code for `kiosk`; earlier open codes stop working."""
    close_open_codes(kiosk, now)
    code = new_secret()
    kiosk.codes.append(
        PairingCode(code_hash=digest(code), created_at=now, expires_at=now + CODE_VALID_FOR)
    )
    return code


def close_open_codes(kiosk, now):
    for open_code in open_codes(kiosk, now):
        open_code.expires_at = now


def open_codes(kiosk, now):
    return [c for c in kiosk.codes if c.used_at is None and c.expires_at > now]


def refusal(pairing: PairingCode | None, now) -> str | None:
    """Why this code pairs nothing ("unknown", "used", "expired"), or None when it may pair."""
    if pairing is None:
        return "unknown"
    if pairing.used_at is not None:
        return "used"
    if pairing.expires_at <= now:
        return "expired"
    return None


def pair(kiosk, address, now) -> str:
    """Give the kiosk a fresh secret (any earlier screen's cookie stops working); returns it."""
    secret = new_secret()
    kiosk.secret_hash = digest(secret)
    kiosk.paired_at = now
    kiosk.revoked_at = None
    kiosk.last_seen_at = now
    kiosk.last_address = address
    return secret


def revoke(kiosk, now):
    """The screen's cookie stops working at its next request; open pairing links too."""
    kiosk.secret_hash = None
    kiosk.revoked_at = now
    close_open_codes(kiosk, now)


def heartbeat_due(last_seen: datetime | None, now) -> bool:
    """At most one write per kiosk every 30 seconds, however often it polls."""
    return last_seen is None or now - last_seen >= HEARTBEAT_EVERY


def state(kiosk, now) -> str:
    """What the admin sees: "paired", "waiting" (for its link), "revoked", "network", "unpaired"."""
    if kiosk.is_paired:
        return "paired"
    if open_codes(kiosk, now):
        return "waiting"
    if kiosk.revoked_at is not None:
        return "revoked"
    if kiosk.last_seen_at is not None:
        return "network"  # reports by name from a trusted network, never paired
    return "unpaired"


def is_silent(kiosk, now) -> bool:
    """A kiosk that should be reporting has not for more than 5 minutes."""
    if kiosk.last_seen_at is None:
        return False
    if not kiosk.is_paired and kiosk.revoked_at and kiosk.last_seen_at <= kiosk.revoked_at:
        return False  # revoked on purpose, and not reporting by name since
    return now - kiosk.last_seen_at > SILENT_AFTER
