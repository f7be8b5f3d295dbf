"""What each capability hands the shared machinery, held on the app.

Each capability's `init_app(app)` adds its parts here; nothing is registered as a
side effect of an import, so what runs (a purge, a snapshot part) depends only on
the list in `create_app`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask, current_app


@dataclass
class Registry:
    # key -> function(lang, school_screen): the kiosk snapshot's parts (kiosk/snapshot.py)
    snapshot_sections: dict[str, Callable] = field(default_factory=dict)
    # function(token) -> Status | None: who knows a parent's token (kiosk/status.py)
    status_finders: list[Callable] = field(default_factory=list)
    # function(now, config) -> {what: count}: personal data whose time is up (kiosk/retention.py)
    purgers: list[Callable] = field(default_factory=list)
    # function(request) -> bool: other ways to prove a school screen (kiosk/screens/)
    trust_checks: list[Callable] = field(default_factory=list)
    # function() -> [(label, count, url)]: the admin dashboard's counts
    dashboard_panels: list[Callable] = field(default_factory=list)
    # (endpoint, label, admin only): the admin menu, in the order capabilities start
    admin_sections: list[tuple] = field(default_factory=list)


def init_app(app: Flask):
    app.extensions["schoolpoort"] = Registry()


def registry(app: Flask | None = None) -> Registry:
    """The app's registry (the current app's when none is given)."""
    return (app or current_app).extensions["schoolpoort"]
