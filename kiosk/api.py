from flask import Blueprint, Response, current_app, request
from sqlalchemy import text

from kiosk import i18n, snapshot
from kiosk.extensions import db
from kiosk.kiosks.device import heartbeat
from kiosk.screens import is_school_screen

bp = Blueprint("api", __name__)


@bp.get("/api/v1/kiosk")
def kiosk_snapshot():
    heartbeat(request)  # the poll is each kiosk's sign of life for /admin/kiosks
    body, etag = snapshot.serialised(i18n.current().code, is_school_screen(request))
    response = Response(body, mimetype="application/json")
    # The ETag is the content's hash, so every process gives the same one.
    response.set_etag(etag)
    response.headers["Cache-Control"] = "no-cache"
    response.vary.add("Cookie")
    return response.make_conditional(request)


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:
        current_app.logger.exception("database unreachable")
        return {"status": "database unreachable"}, 503
    return {"status": "ok"}
