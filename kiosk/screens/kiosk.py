"""The school's screens' own routes: pairing through a one-time link, the service worker
and the offline card.

The service worker (static/js/sw.js) is served from the root so that its scope covers
the kiosk screens and everything they load: the snapshot, pictograms, static files,
read-aloud audio and photos.
"""

from dataclasses import dataclass

from flask import Blueprint, Response, json, redirect, render_template, request, send_file, url_for
from flask_babel import lazy_gettext as _l

from kiosk import ROOT, audit
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import identity, queries, rules, speculation

bp = Blueprint("screens_kiosk", __name__)

SERVICE_WORKER = ROOT / "static" / "js" / "sw.js"


@bp.get("/sw.js")
def service_worker():
    """The service worker, at the root so that its scope is the whole site."""
    response = send_file(SERVICE_WORKER, mimetype="text/javascript", max_age=0)
    # The browser checks for a new worker on every visit; never from a stale cache.
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get(speculation.RULES_URL)
def speculation_rules():
    """What the home screen prerenders (its `Speculation-Rules` header names this file)."""
    body = json.dumps(speculation.RULES)
    response = Response(body, mimetype="application/speculationrules+json")
    response.headers["Cache-Control"] = "max-age=3600"
    return response


@bp.get("/kiosk/offline")
def offline():
    """The card the service worker shows for a screen it has never seen, while offline."""
    return render_template("screens/offline.html")


@bp.get("/kiosk/pair/<code>")
def pair(code):
    """Opened on the screen itself: a valid code makes it one of the school's own screens."""
    address = request.remote_addr or "unknown"
    now = utcnow()
    pairing = queries.find_code(code)
    refusal = rules.refusal(pairing, now)
    if refusal and queries.is_locked_out(address, now):
        # Wrong codes from this address are refused for a while. A right code still pairs:
        # behind a tunnel every screen shares one address, and a code of 256 random bits
        # is not found by guessing, so a flood of guesses must not stop the real screen.
        refusal = "locked"
    elif refusal is None and not queries.use_code(pairing, now):
        refusal = "used"  # another tab or process used it a moment ago
    if refusal and identity.paired_kiosk(request) is not None:
        # A paired screen opening a pairing link again (its auto-start command): it is home.
        return redirect(url_for("home_kiosk.kiosk"))
    if refusal == "locked":
        return _refused("locked", 429)
    if refusal:
        queries.note_failure(address, now)
        target = pairing.kiosk.name if pairing else ""
        audit.record("kiosk.pair_failed", target, f"{refusal} code from {address}")
        db.session.commit()
        return _refused(refusal, 404 if refusal == "unknown" else 410)
    kiosk = pairing.kiosk
    secret = rules.pair(kiosk, address, now)
    audit.record("kiosk.pair", kiosk.name, f"from {address}")
    db.session.commit()
    identity.remembered().forget()  # its earlier screen's cookie, at once in this process
    response = redirect(url_for("home_kiosk.kiosk"))
    identity.set_cookie(response, request, kiosk.id, secret)
    response.headers["Cache-Control"] = "no-store"
    return response


@dataclass(frozen=True)
class Refusal:
    reason: str
    pictogram: str
    title: str
    message: str


REFUSALS = {
    refusal.reason: refusal
    for refusal in (
        Refusal(
            "unknown",
            "cross",
            _l("This pairing link does not work"),
            _l("Check that the whole link was typed, or ask the school for a new one."),
        ),
        Refusal(
            "used",
            "lock",
            _l("This pairing link has been used"),
            _l("A pairing link works once. Ask the school for a new one."),
        ),
        Refusal(
            "expired",
            "clock",
            _l("This pairing link has expired"),
            _l("A pairing link works for 24 hours. Ask the school for a new one."),
        ),
        Refusal(
            "locked",
            "wait",
            _l("Too many wrong pairing links"),
            _l("Please wait 15 minutes before trying again."),
        ),
    )
}


def _refused(reason, status):
    """A clear page on the kiosk, never a pairing."""
    page = render_template("screens/pair_refused.html", refusal=REFUSALS[reason])
    return page, status, {"Cache-Control": "no-store"}
