"""Offline read-aloud: speech made on the server with espeak-ng, cached as WAV files.

Audio is generated once per (language, text) and stored in
``<instance_path>/speech/<sha256>.wav``, where the digest is the SHA-256 of
``lang + "\\0" + text`` (text with normalised whitespace, cut to 600 characters).
The text never travels in a URL: templates ask for ``speech_url(text, lang)``,
which makes the file if needed and returns ``/speech/<lang>/<digest>.wav``; the
route only serves files that already exist.

The app factory registers the blueprint and the template helper::

    from kiosk import speech
    app.register_blueprint(speech.bp)
    app.jinja_env.globals["speech_url"] = speech.speech_url

In a template the read-aloud button is shown only when a URL comes back::

    {% set audio = speech_url(item.text, lang) %}
    {% if audio %}<button data-audio="{{ audio }}">...</button>{% endif %}

Languages without an espeak-ng voice (Somali ``so``, Tigrinya ``ti``, Pashto
``ps``) get ``None``, so the button stays hidden.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from flask import Blueprint, abort, current_app, send_file, url_for

log = logging.getLogger(__name__)

#: Interface language -> espeak-ng voice (checked with ``espeak-ng --voices``,
#: espeak-ng 1.51). so, ti and ps have no voice and must stay out of this map.
VOICES: dict[str, str] = {
    "nl": "nl",
    "fr": "fr-be",  # Belgian French: septante, nonante
    "en": "en-gb",
    "ar": "ar",
    "tr": "tr",
    "pl": "pl",
    "ro": "ro",
    "bg": "bg",
    "uk": "uk",
    "ru": "ru",
    "fa": "fa",
    "es": "es",
}

MAX_CHARS = 600
RATE_WPM = 140
TIMEOUT_S = 20
_DIGEST_RE = re.compile(r"[0-9a-f]{64}")

bp = Blueprint("speech", __name__)


@functools.cache
def _espeak() -> str | None:
    """Path of the espeak-ng binary, or None when it is not installed."""
    return shutil.which("espeak-ng")


def has_voice(lang: str) -> bool:
    """True if *lang* can be read aloud on this server."""
    return lang in VOICES and _espeak() is not None


def _prepare(text: str) -> str:
    """Normalise whitespace and cut to MAX_CHARS at a word boundary."""
    text = " ".join(str(text).split())
    if len(text) > MAX_CHARS:
        cut = text[: MAX_CHARS + 1]
        space = cut.rfind(" ")
        text = (cut[:space] if space > 0 else text[:MAX_CHARS]).rstrip()
    return text


def text_digest(text: str, lang: str) -> str:
    """Cache key of *text* in *lang* (the file name without ``.wav``)."""
    key = f"{lang}\0{_prepare(text)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def audio_file(text: str, lang: str, cache_dir: Path) -> Path | None:
    """Return the cached WAV for *text* in *lang*, generating it if needed.

    None when the language has no voice, espeak-ng is missing, the text is
    empty, or generation fails. Never raises for a missing or failing espeak-ng.
    """
    exe = _espeak()
    voice = VOICES.get(lang)
    text = _prepare(text)
    if exe is None or voice is None or not text:
        return None
    cache_dir = Path(cache_dir)
    target = cache_dir / f"{text_digest(text, lang)}.wav"
    if target.is_file() and target.stat().st_size > 0:
        return target
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".wav")
    except OSError:
        log.exception("speech: cannot write to %s", cache_dir)
        return None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        subprocess.run(
            [exe, "-v", voice, "-s", str(RATE_WPM), "-w", str(tmp), "--", text],
            check=True,
            timeout=TIMEOUT_S,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if tmp.stat().st_size == 0:
            raise OSError("espeak-ng wrote an empty file")
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)  # atomic: readers see no file or a whole file
    except (OSError, subprocess.SubprocessError):
        log.exception("speech: espeak-ng failed for lang=%s", lang)
        return None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def speech_cache_dir() -> Path:
    """The app's speech cache, ``<instance_path>/speech`` (created)."""
    path = Path(current_app.instance_path) / "speech"
    path.mkdir(parents=True, exist_ok=True)
    return path


def speech_url(text: str | None, lang: str) -> str | None:
    """URL of the spoken *text* in *lang*, or None (no voice, empty text, failure).

    Registered by the app as a Jinja global so templates can hide the button.
    """
    if not text or not has_voice(lang):
        return None
    path = audio_file(text, lang, speech_cache_dir())
    if path is None:
        return None
    return url_for("speech.audio", lang=lang, digest=path.stem)


@bp.get("/speech/<lang>/<digest>.wav")
def audio(lang: str, digest: str):
    if lang not in VOICES or not _DIGEST_RE.fullmatch(digest):
        abort(404)
    path = Path(current_app.instance_path) / "speech" / f"{digest}.wav"
    if not path.is_file():
        abort(404)
    resp = send_file(path, mimetype="audio/wav", conditional=True, max_age=31536000)
    resp.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return resp
