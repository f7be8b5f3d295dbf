"""The heartbeat: each kiosk's poll is its sign of life in /admin/kiosks."""

from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.readiness.rules import kiosk_report
from kiosk.screens import identity, queries, rules
from kiosk.screens.trust import from_trusted_network


def heartbeat(request):
    """Note that a kiosk polled: a paired one under its own name, else `?kiosk=NAME` from a
    trusted network. Writes at most once per kiosk every 30 seconds."""
    try:
        address = (request.remote_addr or "")[:64]
        key, screen = identity.paired(request)
        if screen is None and from_trusted_network(request):
            key, screen = _named(request.args.get("kiosk") or "gate", address)
        if screen is None:
            return
        now = utcnow()
        if rules.heartbeat_due(screen.last_seen_at, now):
            report = kiosk_report(request.args, request.headers.get("X-Forwarded-For"), now)
            queries.note_heartbeat(screen.id, address, now, report)
            identity.remembered().seen(key, now)
    except SQLAlchemyError:
        # A busy database must not cost the kiosk its snapshot; the next poll reports again.
        db.session.rollback()
        current_app.logger.warning("kiosk heartbeat not recorded", exc_info=True)


def _named(name, address):
    """(key, Screen) of a trusted-network kiosk by its name; its first report puts it in
    the admin's list (and is its first heartbeat)."""
    name = name.strip()
    if not rules.is_valid_name(name):
        return None, None
    key = ("name", name.lower())
    return key, identity.remembered().get(key, lambda: queries.named_kiosk(name, address))
