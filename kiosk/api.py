from flask import Blueprint, Response, current_app, request
from sqlalchemy import text
from werkzeug.http import quote_etag

from kiosk import i18n, snapshot
from kiosk.extensions import db
from kiosk.screens import is_school_screen
from kiosk.screens.heartbeat import heartbeat

bp = Blueprint("api", __name__)


@bp.get("/api/v1/kiosk")
def kiosk_snapshot():
    heartbeat(request)  # the poll is each kiosk's sign of life for /admin/kiosks
    body, etag = snapshot.serialised(i18n.selected_code(), is_school_screen(request))
    # The ETag is the content's hash, so every process gives the same one; a kiosk
    # that has this snapshot already hears 304 with no body. A school screen's snapshot
    # holds children's names and symbols: no shared cache may keep any snapshot.
    unchanged = request.if_none_match.contains(etag)
    return Response(
        b"" if unchanged else body,
        304 if unchanged else 200,
        headers={"ETag": quote_etag(etag), "Cache-Control": "private, no-cache", "Vary": "Cookie"},
        mimetype="application/json",
    )


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:
        current_app.logger.exception("database unreachable")
        return {"status": "database unreachable"}, 503
    return {"status": "ok"}
