"""One status page per sign-up or request: `/m/s/<token>` and `/api/v1/status/<token>`.

The token is the only key a parent holds (spec section 3). Each capability that
hands out tokens (café sign-ups, interpreter requests, help offers) adds a finder
to the registry; the first finder that knows the token answers.
"""

import secrets
from dataclasses import dataclass, field

from flask import Blueprint, abort, render_template

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
    return render_template(found.template, token=token, status=found, **found.context)


@bp.get("/api/v1/status/<token>")
def api(token):
    found = find(token) or abort(404)
    return found.as_json()
