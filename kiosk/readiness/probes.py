"""The machine's side of the facts: files, programs, disk space, servers that must answer."""

import shutil
import socket
from pathlib import Path
from urllib.parse import urlsplit

from kiosk import speech

# A probe of a mail or SMS server waits this long at most, so a page that asks stays quick.
TIMEOUT_SECONDS = 2
DEFAULT_PORTS = {"smtp": 25, "smtps": 465, "http": 80, "https": 443}


def secret_key_file(instance_path: Path, secret_key: str) -> tuple[bool, float | None]:
    """(the key in use was made on this machine in instance/secret_key, when it was made)."""
    key_file = Path(instance_path) / "secret_key"
    try:
        made_here = key_file.read_text().strip() == secret_key
        return made_here, key_file.stat().st_mtime
    except OSError:
        return False, None


def catalogue_times(translations: Path) -> dict[str, tuple[float, float | None]]:
    """{language code: (.po modified, .mo modified or None when not compiled)}."""
    times = {}
    for po in sorted(Path(translations).glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        times[po.parent.parent.name] = (
            po.stat().st_mtime,
            mo.stat().st_mtime if mo.exists() else None,
        )
    return times


def voiced_languages() -> tuple[set[str], bool]:
    """(the languages espeak-ng reads aloud, whether espeak-ng is here), as speech.py decides."""
    return set(speech.VOICES), shutil.which("espeak-ng") is not None


def font_files(static_folder: Path) -> list[str]:
    folder = Path(static_folder) / "fonts"
    return [path.name for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def answers(url: str, timeout: float = TIMEOUT_SECONDS) -> bool:
    """Whether the server of a smtp:// or http(s):// URL accepts a connection within timeout."""
    parts = urlsplit(url)
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return False
    if not parts.hostname or not port:
        return False
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            return True
    except OSError:
        return False
