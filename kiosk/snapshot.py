"""The one JSON snapshot of everything the kiosk shows (spec section 2).

Each capability adds its part to the registry in its `init_app`; the kiosk screens and
`GET /api/v1/kiosk` both call `build()`, so the screen and the API never differ.

Every kiosk asks for it every few seconds, so the API keeps the serialised body
for KIOSK_SNAPSHOT_SECONDS (default 1) per language and kind of screen. A commit
in this process forgets it at once; another process's change shows within that
second. The ETag stays the content's hash, the same in every process.
"""

import hashlib
import json
import threading
import time

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from kiosk.registry import registry

EMPTY = {"notices": [], "board": [], "photos": [], "cafe": [], "urgent": None}


def build(lang: str, school_screen: bool) -> dict:
    """The snapshot in `lang`; personal content only when `school_screen` is true."""
    snapshot = dict(EMPTY, lang=lang)
    for key, function in registry().snapshot_sections.items():
        snapshot[key] = function(lang, school_screen)
    return snapshot


_recent = {}  # (app, lang, school_screen) -> (good until, body, etag)
_lock = threading.Lock()
_commits = 0


@event.listens_for(Session, "after_commit")
def _forget_recent(session):
    global _commits
    with _lock:
        _commits += 1
        _recent.clear()


def serialised(lang: str, school_screen: bool) -> tuple[bytes, str]:
    """The snapshot as JSON bytes and its ETag, built at most once a second."""
    app = current_app._get_current_object()
    key = (id(app), lang, school_screen)
    now = time.monotonic()
    with _lock:
        found = _recent.get(key)
        commits_before = _commits
    if found and found[0] > now:
        return found[1], found[2]
    body = json.dumps(
        build(lang, school_screen), ensure_ascii=False, sort_keys=True, default=str
    ).encode()
    etag = hashlib.sha1(body).hexdigest()
    keep = app.config.get("KIOSK_SNAPSHOT_SECONDS", 1)
    with _lock:
        if keep and _commits == commits_before:  # nothing changed while it was built
            _recent[key] = (now + keep, body, etag)
    return body, etag
