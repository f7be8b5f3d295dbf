"""The release a kiosk runs: a hash of what its browser gets (static files and templates).

It travels in the snapshot, and a kiosk whose page carries another release reloads
itself once, when idle.
"""

import hashlib
from functools import cache
from pathlib import Path

from kiosk import ROOT

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


def snapshot_section(lang, school_screen):
    return release()


def for_templates():
    """Templates ask `kiosk_release()` (a context processor)."""
    return {"kiosk_release": release}
