"""Translations, decided: is a link still good, is an upload audio, how a text exists."""

from datetime import datetime, timedelta

LINK_DAYS = 14
MAX_TEXT = 600
MAX_SECONDS = 30
# 30 seconds of what phones record (Opus ~32-64 kbit/s, AAC up to 128 kbit/s), with room.
MAX_BYTES = 1_000_000
KINDS = ("notice", "meeting", "question")


def expires_at(made_at: datetime) -> datetime:
    return made_at + timedelta(days=LINK_DAYS)


def link_state(expires: datetime, revoked: datetime | None, now: datetime) -> str:
    """ "open", "revoked" or "expired": only an open link shows texts or stores anything."""
    if revoked is not None:
        return "revoked"
    return "open" if now < expires else "expired"


def audio_kind(head: bytes) -> str | None:
    """The file extension of a recording by its first bytes, None when it is not audio
    a phone makes: Ogg (Opus), WebM (Chrome, Firefox) or MP4/AAC (Safari, iPhone)."""
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head[4:8] == b"ftyp":
        return "m4a"
    return None


def recording_problem(size: int, seconds: float | None) -> str | None:
    """ "large" or "long" when a recording may not be kept; its length may be unknown."""
    if size > MAX_BYTES:
        return "large"
    if seconds is not None and seconds > MAX_SECONDS + 0.5:
        return "long"
    return None


def parse_item(value: str | None) -> tuple[str, int] | None:
    """ "notice-12" -> ("notice", 12); None for anything else."""
    kind, _, number = (value or "").partition("-")
    if kind in KINDS and number.isdigit() and len(number) < 10:
        return kind, int(number)
    return None


def how_written(texts: dict, lang: str, phrased: bool, by_parent: bool) -> str | None:
    """How a text exists in `lang`: "phrase", "parent", "staff", or None when it does not."""
    if phrased:
        return "phrase"
    if not (texts or {}).get(lang):
        return None
    return "parent" if by_parent else "staff"
