"""The school's clock: "today" and "now" where the school is, not where the server is.

Tests may stop the clock with the setting KIOSK_FAKE_NOW ("2031-03-11T08:30"),
honoured only when the app is testing, so a server in a test can stand on a
school day before or after the noon cut-off whatever day the test runs.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def zone():
    return ZoneInfo(current_app.config["KIOSK_TIMEZONE"])


def now() -> datetime:
    """The school's wall-clock time, naive, as the bridge figure types times."""
    fake = current_app.config.get("KIOSK_FAKE_NOW")
    if fake and current_app.testing:
        return datetime.fromisoformat(fake)
    return datetime.now(zone()).replace(tzinfo=None)


def today() -> date:
    return now().date()


def local(moment_utc: datetime | None) -> datetime | None:
    """A stored UTC timestamp in the school's time, for display."""
    if moment_utc is None:
        return None
    return moment_utc.replace(tzinfo=UTC).astimezone(zone()).replace(tzinfo=None)


def iso(moment_local: datetime) -> str:
    """A school wall-clock time as ISO 8601 with its offset."""
    return moment_local.replace(tzinfo=zone()).isoformat()


def utc(moment_local: datetime) -> datetime:
    """A school wall-clock time as a naive UTC timestamp, as stored."""
    return moment_local.replace(tzinfo=zone()).astimezone(UTC).replace(tzinfo=None)
