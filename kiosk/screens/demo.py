"""The demo's kiosk named `gate`, and its pairing link for `flask demo` and `flask serve`.

Only the code's hash is in the database, so the demo keeps the code itself in the
instance folder (like the demo login) to print the link until it is used.
"""

from pathlib import Path

from flask import current_app

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import queries, rules
from kiosk.screens.models import Kiosk

NAME = "gate"
CODE_FILE = "demo-pairing.txt"


def _code_file() -> Path:
    return Path(current_app.instance_path) / CODE_FILE


def add(today):
    kiosk = queries.find_by_name(NAME) or Kiosk(name=NAME)
    db.session.add(kiosk)
    code = rules.issue_code(kiosk, utcnow())
    _code_file().write_text(code + "\n")
    _code_file().chmod(0o600)


def pairing_path(code) -> str:
    """/kiosk/pair/<code>, also outside a request (the CLI)."""
    return current_app.url_map.bind("localhost").build("screens_kiosk.pair", {"code": code})


def unused_link(base_url) -> str | None:
    """The demo's pairing link while it can still pair the gate's screen, else None."""
    if not _code_file().exists():
        return None
    code = _code_file().read_text().strip()
    if rules.refusal(queries.find_code(code), utcnow()) is not None:
        return None
    return base_url + pairing_path(code)
