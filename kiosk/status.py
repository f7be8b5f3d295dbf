"""One status page per sign-up or request: `/m/s/<token>` and `/api/v1/status/<token>`.

The token is the only key a parent holds (spec section 3). Each capability that
hands out tokens (café sign-ups, interpreter requests, help offers) adds a finder
to the registry; the first finder that knows the token answers.
"""

import json
import re
import secrets
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, url_for
from flask_babel import lazy_gettext as _l

from kiosk import i18n
from kiosk.registry import registry

bp = Blueprint("status", __name__)


def new_token() -> str:
    """A random token of 256 bits, safe in a URL."""
    return secrets.token_urlsafe(32)


@dataclass
class Status:
    """What a finder returns: the JSON of the status API and how to render the page."""

    kind: str  # "cafe", "interpreter", "help"
    status: str  # "confirmed", "waiting", "cancelled", "received", "in_progress", ...
    template: str
    context: dict = field(default_factory=dict)
    position: int | None = None

    def as_json(self):
        body = {"kind": self.kind, "status": self.status}
        if self.position is not None:
            body["position"] = self.position
        return body


def find(token) -> Status | None:
    for function in registry().status_finders:
        found = function(token)
        if found:
            return found
    return None


@bp.get("/m/s/<token>")
def page(token):
    found = find(token) or abort(404)
    # In the page's language: a browser fetches the manifest without cookies.
    manifest_url = url_for("status.manifest", token=token, lang=i18n.current().code)
    return render_template(
        found.template, token=token, status=found, manifest_url=manifest_url, **found.context
    )


# --- On the home screen: a web app manifest per status page --------------------------------

# What the phone's home screen calls each kind of status page.
HOME_SCREEN_NAMES = {
    "cafe": _l("Parent café"),
    "interpreter": _l("Interpreter"),
    "help": _l("What I can bring"),
}
ICON_SIZES = (192, 512)  # static/icons/home-screen-*.png, made by scripts/home-screen-icons


@cache
def _colour(static_folder, name):
    """A colour of static/css/colours.css, the one place colours are named."""
    colours = (Path(static_folder) / "css" / "colours.css").read_text()
    return re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{3,6}})\b", colours).group(1)


@bp.get("/m/s/<token>.webmanifest")
def manifest(token):
    """What a phone needs to offer "add to home screen" for this one status page: it
    opens this page, in this language, and nothing beyond it."""
    found = find(token) or abort(404)
    language = i18n.current()
    own_page = url_for("status.page", token=token)
    name = str(HOME_SCREEN_NAMES.get(found.kind, current_app.config["SCHOOL_NAME"]))
    body = {
        "id": own_page,
        "name": f"{name} · {current_app.config['SCHOOL_NAME']}",
        "short_name": name,
        "lang": language.code,
        "dir": "rtl" if language.rtl else "ltr",
        "start_url": url_for("status.page", token=token, lang=language.code),
        "scope": own_page,
        "display": "standalone",
        "theme_color": _colour(current_app.static_folder, "accent"),
        "background_color": _colour(current_app.static_folder, "paper"),
        "icons": [
            {
                "src": url_for("static", filename=f"icons/home-screen-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for size in ICON_SIZES
            for purpose in ("any", "maskable")  # the house keeps to the maskable safe zone
        ],
    }
    return current_app.response_class(
        json.dumps(body, ensure_ascii=False), mimetype="application/manifest+json"
    )


@bp.get("/api/v1/status/<token>")
def api(token):
    found = find(token) or abort(404)
    return found.as_json()
