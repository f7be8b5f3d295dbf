"""Kiosk taps that count (board cards, voice answers, "understood / not clear"): the parts
every such route shares, written once.

Each tap carries an id that the kiosk makes once (a double tap or a retry sends the same
id again), and the name of the kiosk it came from, for the audit log and the pause
between two answers of one kiosk.
"""

import re

from kiosk.screens import identity
from kiosk.screens.rules import NAME as _KIOSK_NAME

# A UUID or 16 random bytes in base64url, as static/js makes them.
_TAP_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")

DEFAULT_KIOSK = "gate"


def tap_id(value) -> str | None:
    """The tap's id as the kiosk sent it, or None when it is not one."""
    return value if isinstance(value, str) and _TAP_ID.fullmatch(value) else None


def kiosk_name(request, claimed) -> str:
    """The kiosk a tap comes from: a paired kiosk's own name, which its page cannot change;
    else the name the page says (`?kiosk=` on a trusted network), when it is a valid one."""
    paired = identity.paired_kiosk(request)
    if paired is not None:
        return paired.name
    name = claimed.strip() if isinstance(claimed, str) else ""
    return name if _KIOSK_NAME.match(name) else DEFAULT_KIOSK
