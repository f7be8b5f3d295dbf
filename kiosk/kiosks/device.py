"""Which kiosk a request comes from: the signed cookie a pairing link leaves, and the heartbeat."""

import hmac
from datetime import UTC, datetime, timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.kiosks import rules
from kiosk.kiosks.models import Kiosk
from kiosk.readiness.rules import kiosk_report
from kiosk.screens import from_trusted_network

COOKIE = "kiosk_screen"
# Chromium keeps a cookie 400 days at most, so the kiosk's is renewed every month.
COOKIE_MAX_AGE = 400 * 24 * 3600
RENEW_AFTER = timedelta(days=30)
_FOUND = "schoolpoort.kiosk"
_RENEW = "schoolpoort.kiosk_renew"


def _serializer():
    return URLSafeTimedSerializer(current_app.secret_key, salt="kiosk-screen")


def set_cookie(response, request, kiosk_id, secret):
    """Store the kiosk's identity on the screen: signed, out of reach of scripts."""
    response.set_cookie(
        COOKIE,
        _serializer().dumps({"id": kiosk_id, "key": secret}),
        max_age=COOKIE_MAX_AGE,
        path="/",
        httponly=True,
        samesite="Lax",
        secure=request.is_secure,
    )


def _from_cookie(request):
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        payload, signed_at = _serializer().loads(raw, return_timestamp=True)
    except BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    kiosk_id, secret = payload.get("id"), payload.get("key")
    if not isinstance(kiosk_id, int) or not isinstance(secret, str):
        return None
    kiosk = db.session.get(Kiosk, kiosk_id)
    # A revoked kiosk has no secret hash; a re-paired one has another.
    if kiosk is None or kiosk.secret_hash is None:
        return None
    if not hmac.compare_digest(kiosk.secret_hash, rules.digest(secret)):
        return None
    if datetime.now(UTC) - signed_at > RENEW_AFTER:
        request.environ[_RENEW] = payload
    return kiosk


def paired_kiosk(request) -> Kiosk | None:
    """The paired kiosk this request comes from, or None; asked of the database once a request."""
    environ = request.environ
    if _FOUND not in environ:
        environ[_FOUND] = _from_cookie(request)
    return environ[_FOUND]


def is_paired_kiosk(request) -> bool:
    """The check that kiosk.screens.is_school_screen asks (registered through also_trust)."""
    return paired_kiosk(request) is not None


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


def heartbeat(request):
    """Note that a kiosk polled: a paired one under its own name, else `?kiosk=NAME` from a
    trusted network. Writes at most once per kiosk every 30 seconds."""
    try:
        kiosk = paired_kiosk(request)
        address = request.remote_addr or ""
        if kiosk is None and from_trusted_network(request):
            kiosk = _named_kiosk(request.args.get("kiosk") or "gate", address)
        if kiosk is None:
            return
        now = utcnow()
        if not rules.heartbeat_due(kiosk.last_seen_at, now):
            return
        # The condition makes one process of many write, however many poll at once.
        db.session.execute(
            db.update(Kiosk)
            .where(
                Kiosk.id == kiosk.id,
                db.or_(
                    Kiosk.last_seen_at.is_(None),
                    Kiosk.last_seen_at <= now - rules.HEARTBEAT_EVERY,
                ),
            )
            .values(
                last_seen_at=now,
                last_address=address[:64],
                **kiosk_report(request.args, request.headers.get("X-Forwarded-For"), now),
            )
        )
        db.session.commit()
    except SQLAlchemyError:
        # A busy database must not cost the kiosk its snapshot; the next poll reports again.
        db.session.rollback()
        current_app.logger.warning("kiosk heartbeat not recorded", exc_info=True)


def _named_kiosk(name, address):
    """A trusted-network kiosk by its name; the first report puts it in the admin's list."""
    name = name.strip()
    if not rules.is_valid_name(name):
        return None
    kiosk = rules.find_by_name(name)
    if kiosk is not None:
        return kiosk
    db.session.add(Kiosk(name=name, last_seen_at=utcnow(), last_address=address[:64]))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # another process added it first
    return None
