"""Which kiosk a request comes from: the signed cookie a pairing link leaves.

Every kiosk polls every few seconds, so the process remembers what the database said
about a kiosk for REMEMBER_SECONDS: a revoked or re-paired screen stops counting
within that time in every process (at once in the process that revoked it).
"""

import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from kiosk.screens import queries, rules

COOKIE = "kiosk_screen"
# Chromium keeps a cookie 400 days at most, so the kiosk's is renewed every month.
COOKIE_MAX_AGE = 400 * 24 * 3600
RENEW_AFTER = timedelta(days=30)
REMEMBER_SECONDS = 5
_FOUND = "schoolpoort.kiosk"
_RENEW = "schoolpoort.kiosk_renew"
_REMEMBERED = "schoolpoort.screens"


@dataclass(frozen=True)
class Screen:
    """A kiosk as its polls need it, without a database session."""

    id: int
    name: str
    last_seen_at: datetime | None


class Remembered:
    """What this process knows of its kiosks for a few seconds, held on the app.

    Keys are (kiosk id, secret digest) from cookies this app signed, and the names of
    kiosks on a trusted network; beside them, the cookies whose signature held. A
    stranger cannot make either grow.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._entries = {}  # key -> [good until, Screen | None]
        self._signed = {}  # cookie -> (payload, signed at), once its signature held

    def signed(self, cookie):
        """The cookie's payload and when it was signed; None when its signature fails."""
        found = self._signed.get(cookie)
        if found is None:
            try:
                found = _serializer(current_app.secret_key).loads(cookie, return_timestamp=True)
            except BadSignature:
                return None
            with self._lock:
                if len(self._signed) > 1000:
                    self._signed = {}
                self._signed[cookie] = found
        return found

    def get(self, key, ask):
        """The Screen (or None) for `key`, from `ask()` when not remembered."""
        now = _clock()
        found = self._entries.get(key)
        if found is not None and found[0] > now:
            return found[1]
        kiosk = ask()
        screen = kiosk and Screen(kiosk.id, kiosk.name, kiosk.last_seen_at)
        with self._lock:
            if len(self._entries) > 1000:  # now and then, forget what has run out
                self._entries = {k: v for k, v in self._entries.items() if v[0] > now}
            self._entries[key] = [now + REMEMBER_SECONDS, screen]
        return screen

    def seen(self, key, at):
        """Its heartbeat was written `at`: no other write until the database is asked again."""
        found = self._entries.get(key)
        if found is not None and found[1] is not None:
            found[1] = replace(found[1], last_seen_at=at)

    def forget(self):
        """After an admin's change to a kiosk: this process asks the database again."""
        with self._lock:
            self._entries = {}
            self._signed = {}


def init_app(app):
    app.extensions[_REMEMBERED] = Remembered()


def remembered() -> Remembered:
    return current_app.extensions[_REMEMBERED]


def _clock():
    return time.monotonic()


@cache
def _serializer(secret_key):
    return URLSafeTimedSerializer(secret_key, salt="kiosk-screen")


def set_cookie(response, request, kiosk_id, secret):
    """Store the kiosk's identity on the screen: signed, out of reach of scripts."""
    response.set_cookie(
        COOKIE,
        _serializer(current_app.secret_key).dumps({"id": kiosk_id, "key": secret}),
        max_age=COOKIE_MAX_AGE,
        path="/",
        httponly=True,
        samesite="Lax",
        secure=request.is_secure,
    )


def _from_cookie(request):
    """(key, Screen) for a valid cookie of a kiosk still paired with it, else (None, None)."""
    raw = request.cookies.get(COOKIE)
    signed = raw and remembered().signed(raw)
    if not signed:
        return None, None
    payload, signed_at = signed
    if not isinstance(payload, dict):
        return None, None
    kiosk_id, secret = payload.get("id"), payload.get("key")
    if not isinstance(kiosk_id, int) or not isinstance(secret, str):
        return None, None
    key = (kiosk_id, rules.digest(secret))
    screen = remembered().get(key, lambda: queries.paired_kiosk(*key))
    if screen is None:
        return None, None
    if datetime.now(UTC) - signed_at > RENEW_AFTER:
        request.environ[_RENEW] = payload
    return key, screen


def paired(request):
    """(key, Screen) of the paired kiosk this request comes from, or (None, None)."""
    environ = request.environ
    if _FOUND not in environ:
        environ[_FOUND] = _from_cookie(request)
    return environ[_FOUND]


def paired_kiosk(request) -> Screen | None:
    """The paired kiosk this request comes from, or None; worked out once a request."""
    return paired(request)[1]


def renew_cookie(response):
    """Give a paired screen's cookie a fresh lifetime once a month (an after-request hook)."""
    from flask import request

    payload = request.environ.get(_RENEW)
    if payload is None:
        return response
    already_set = any(h.startswith(COOKIE + "=") for h in response.headers.getlist("Set-Cookie"))
    if not already_set:
        set_cookie(response, request, payload["id"], payload["key"])
    return response
