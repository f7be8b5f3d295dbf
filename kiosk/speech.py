"""Offline read-aloud: speech made on the server with espeak-ng, kept as WAV files.

Audio is made once per (language, text) and stored in
``<instance_path>/speech/<sha256>.wav``, where the digest is the SHA-256 of
``lang + "\\0" + text`` (text with normalised whitespace, cut to 600 characters).
The text never travels in a URL.

Making audio takes up to TIMEOUT_S, so it never happens while a page renders:

- A template asks ``speech_url(text, lang)``, which only looks: the URL of audio that
  exists, or None (no button). A text without audio yet is noted as wanted.
- Audio is made when a text is saved (``make``: a notice, the urgent message), and by
  the background job (``run_in_background``, or ``flask speech make``) for whatever the
  kiosks read aloud now (the sources capabilities add with ``add_source``) or a page
  wanted, still missing.
- The purge (a purger in the registry) deletes audio that no source reads aloud and no
  page asked for in KEEP_ASKED.

In a template the read-aloud button is shown only when a URL comes back::

    {% set audio = speech_url(item.text, lang) %}
    {% if audio %}<button data-audio="{{ audio }}">...</button>{% endif %}

Languages without an espeak-ng voice (Somali ``so``, Tigrinya ``ti``, Pashto
``ps``) get ``None``, so the button stays hidden.
"""

import contextlib
import functools
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from pathlib import Path

import click
from flask import Blueprint, abort, current_app, send_file, url_for

from kiosk.extensions import db
from kiosk.registry import registry

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
# Audio a page asked for is kept this long after the last ask (a weekend, a holiday week).
KEEP_ASKED = timedelta(days=10)
# A page's ask is written on the file at most this often: one write per file per hour.
TOUCH_EVERY_S = 3600
# How many missing texts pages may note between two runs of the job.
WANTED_MAX = 1000
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


# --- What the kiosks read aloud ----------------------------------------------------------


@dataclass
class _Speech:
    # functions() -> {(text, lang)}: what the kiosks read aloud now, made ahead of a page
    sources: list[Callable[[], Iterable[tuple[str, str]]]] = field(default_factory=list)
    # (text, lang) that a page asked for before its audio existed, for the next job
    wanted: set[tuple[str, str]] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


def init_app(app):
    """The audio route, the purge of audio nobody reads aloud any more, `flask speech make`."""
    app.extensions["speech"] = _Speech()
    app.register_blueprint(bp)
    registry(app).purgers.append(purge)


def add_source(app, source: Callable[[], Iterable[tuple[str, str]]]):
    """Have the job make (and the purge keep) the audio of what `source()` returns."""
    app.extensions["speech"].sources.append(source)


def speech_url(text: str | None, lang: str) -> str | None:
    """URL of the spoken *text* in *lang* when its audio exists, else None.

    Never makes audio: a page renders at once. Audio still missing is noted for the
    background job; the button shows from the page after it. A Jinja global.
    A voice a parent recorded for this text, once approved, comes before espeak-ng.
    """
    recorded = recording_url(text, lang)
    if recorded or not has_voice(lang):
        return recorded
    text = _prepare(text)
    digest = text_digest(text, lang)
    path = Path(current_app.instance_path) / "speech" / f"{digest}.wav"
    try:
        asked_before = path.stat().st_mtime
    except OSError:
        _note_wanted(text, lang)
        return None
    if asked_before < time.time() - TOUCH_EVERY_S:
        _touch(path)  # still asked for: the purge keeps it
    return url_for("speech.audio", lang=lang, digest=digest)


# What phones record; an approved recording is kept as recordings/<text_digest>.<ext>.
RECORDED = {"ogg": "audio/ogg", "webm": "audio/webm", "m4a": "audio/mp4"}


def recording_url(text: str | None, lang: str) -> str | None:
    """URL of a parent's approved recording of *text* in *lang*, or None."""
    if not text:
        return None
    digest = text_digest(text, lang)
    folder = Path(current_app.instance_path) / "recordings"
    for ext in RECORDED:
        if (folder / f"{digest}.{ext}").is_file():
            return url_for("speech.recording", lang=lang, digest=digest, ext=ext)
    return None


def _note_wanted(text, lang):
    speech = current_app.extensions["speech"]
    with speech.lock:
        if len(speech.wanted) < WANTED_MAX:
            speech.wanted.add((text, lang))


def _touch(path):
    with contextlib.suppress(OSError):  # gone meanwhile: the next ask notes it as wanted
        os.utime(path)


def make(texts: Iterable[tuple[str, str]]) -> int:
    """Make the audio of each (text, lang) that has none yet; how many were made.

    Takes up to TIMEOUT_S per text: call it when a text is saved, or from the job.
    """
    cache_dir = speech_cache_dir()
    made = 0
    for text, lang in set(texts):
        text = _prepare(text or "")
        if not text or not has_voice(lang):
            continue
        if (cache_dir / f"{text_digest(text, lang)}.wav").is_file():
            continue
        made += audio_file(text, lang, cache_dir) is not None
    return made


def spoken_now() -> set[tuple[str, str]]:
    """What every source reads aloud now."""
    found = set()
    for source in current_app.extensions["speech"].sources:
        found.update(source())
    return found


def make_missing() -> int:
    """The job: make what the sources read aloud now and what pages asked for, if missing."""
    speech = current_app.extensions["speech"]
    with speech.lock:
        wanted, speech.wanted = speech.wanted, set()
    return make(spoken_now() | wanted)


def purge(now, config) -> dict:
    """Delete audio that no source reads aloud and no page asked for in KEEP_ASKED
    (a purger in the registry: `now` is naive UTC)."""
    cache_dir = speech_cache_dir()
    keep = {text_digest(text, lang) for text, lang in spoken_now()}
    asked_since = (now - KEEP_ASKED).replace(tzinfo=UTC).timestamp()
    gone = 0
    for path in cache_dir.glob("*.wav"):
        try:
            if path.stem in keep or path.stat().st_mtime >= asked_since:
                continue
            path.unlink()
            gone += 1
        except OSError:
            continue  # made or purged meanwhile by another process
    return {"speech files": gone}


def run_in_background(app, interval_seconds=60):
    """Start a thread that makes missing audio every `interval_seconds`, outside requests."""

    def loop():
        while True:
            with app.app_context():
                try:
                    made = make_missing()
                    if made:
                        app.logger.info("speech: %d texts made", made)
                except Exception:
                    app.logger.exception("speech: making audio failed")
                finally:
                    db.session.remove()
            time.sleep(interval_seconds)

    threading.Thread(target=loop, name="speech", daemon=True).start()


@bp.cli.command("make")
def make_command():
    """Make the audio the kiosks read aloud that is still missing."""
    click.echo(f"{make_missing()} texts made.")


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


@bp.get("/speech/<lang>/recorded/<digest>.<ext>")
def recording(lang: str, digest: str, ext: str):
    if ext not in RECORDED or not _DIGEST_RE.fullmatch(digest):
        abort(404)
    path = Path(current_app.instance_path) / "recordings" / f"{digest}.{ext}"
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype=RECORDED[ext], conditional=True, max_age=86400)
