"""The kiosk as a device: its service worker, the release it runs, and the offline card.

The service worker (static/js/sw.js) is served from the root so that its scope
covers the kiosk screens and everything they load: the snapshot, pictograms,
static files, read-aloud audio and photos. The release is a hash of what the
kiosk's browser gets (static files and templates); it travels in the snapshot,
and a kiosk whose page carries another release reloads itself once, when idle.
"""

import hashlib
from functools import cache
from pathlib import Path

from flask import Blueprint, render_template, send_file

from kiosk import ROOT

bp = Blueprint("device", __name__)

SERVICE_WORKER = ROOT / "static" / "js" / "sw.js"
RELEASE_FOLDERS = ("static", "templates")


def release_of(root: Path, folders=RELEASE_FOLDERS) -> str:
    """A short hash over every file under `folders` of `root`: names and contents."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@cache
def _release_of_this_code():
    return release_of(ROOT)


def release() -> str:
    """The release this process serves; the same in every process running the same code."""
    return _release_of_this_code()


def _release_section(lang, school_screen):
    return release()


@bp.app_context_processor
def _release_for_templates():
    return {"kiosk_release": release}


@bp.get("/sw.js")
def service_worker():
    """The service worker, at the root so that its scope is the whole site."""
    response = send_file(SERVICE_WORKER, mimetype="text/javascript", max_age=0)
    # The browser checks for a new worker on every visit; never from a stale cache.
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get("/kiosk/offline")
def offline():
    """The card the service worker shows for a screen it has never seen, while offline."""
    return render_template("device/offline.html")
