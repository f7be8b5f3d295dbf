"""Kiosk taps that count (board cards, voice answers, "understood / not clear"): the parts
every such route shares, written once.

A tap counts only from one of the school's own screens (`from_school_screen`); each
carries an id that the kiosk makes once (a double tap or a retry sends the same id
again), and the name of the kiosk it came from, for the audit log and the pause between
two answers of one kiosk.
"""

import re
from functools import wraps

from flask import request

from kiosk import pictograms
from kiosk.screens import identity, is_school_screen
from kiosk.screens.rules import NAME as _KIOSK_NAME

# A UUID or 16 random bytes in base64url, as static/js makes them.
_TAP_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")

DEFAULT_KIOSK = "gate"


def from_school_screen(view):
    """A tap route counts taps from the school's own screens only; anyone else (a stranger
    with the kiosk page's CSRF token, any kiosk name in the body) gets 403 and the lock
    pictogram the kiosk shows, and nothing is stored."""

    @wraps(view)
    def only_school_screens(*args, **kwargs):
        if not is_school_screen(request):
            lock = pictograms.get("lock")
            refusal = {"error": "not_school_screen", "pictogram": pictograms.url(lock)}
            return {**refusal, "label": str(lock.label)}, 403
        return view(*args, **kwargs)

    return only_school_screens


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
