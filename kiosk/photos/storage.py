"""Where processed photos live on disk: `<instance>/<folder>/<key>.jpg` and `<key>-thumb.jpg`.

Only the renditions made by `processing.process_photo` are written here, never
an original (spec section 7). A key is random, so a file's name says nothing
about the photo and cannot be guessed from another one's.
"""

import os
import re
import secrets
import time
from pathlib import Path

from flask import abort, current_app, send_file

from kiosk.photos.processing import ProcessedPhoto

KEY_PATTERN = re.compile(r"[0-9a-f]{32}")
KINDS = {"screen": "{key}.jpg", "thumbnail": "{key}-thumb.jpg"}
# A file under a key never changes, so a kiosk may keep it a day; "private" keeps
# photos of children out of any shared proxy cache.
CACHE_SECONDS = 24 * 3600


def folder(name: str) -> Path:
    """The instance folder for one capability's photos ("photos", "team"), made on first use."""
    path = Path(current_app.instance_path) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_of(name: str, key: str, kind: str = "screen") -> Path:
    if not KEY_PATTERN.fullmatch(key or ""):
        raise ValueError("not a photo key")
    return folder(name) / KINDS[kind].format(key=key)


def save(name: str, processed: ProcessedPhoto) -> str:
    """Write both renditions under a new random key and return the key.

    Each file is written beside its final name and then renamed into place, so
    a reader never sees half a file.
    """
    key = secrets.token_hex(16)
    written = []
    try:
        for kind, data in (("screen", processed.screen), ("thumbnail", processed.thumbnail)):
            final = path_of(name, key, kind)
            partial = final.with_suffix(".part")
            partial.write_bytes(data)
            os.replace(partial, final)
            written.append(final)
    except OSError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return key


def delete(name: str, key: str | None) -> None:
    """Remove both renditions of a key; a file already gone is fine."""
    if not key or not KEY_PATTERN.fullmatch(key):
        return
    for kind in KINDS:
        path_of(name, key, kind).unlink(missing_ok=True)


def delete_orphans(name: str, known_keys: set[str], older_than_seconds: int = 3600) -> int:
    """Remove files whose key no row knows (left by a crash between write and commit).

    Files younger than `older_than_seconds` are left alone: their row may be
    about to be committed by another request.
    """
    removed = 0
    cutoff = time.time() - older_than_seconds
    for path in folder(name).iterdir():
        key = path.name.split(".")[0].removesuffix("-thumb")
        if key in known_keys or not path.is_file():
            continue
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def send(name: str, key: str, kind: str):
    """Answer with one rendition, with cache headers; 404 when the file is gone.

    The caller has already decided that this request may see it.
    """
    try:
        path = path_of(name, key, kind)
    except ValueError:
        abort(404)
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype="image/jpeg", conditional=True, max_age=CACHE_SECONDS)
    response.cache_control.public = False
    response.cache_control.private = True
    response.vary.add("Cookie")
    return response
