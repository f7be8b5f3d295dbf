"""What `flask purge` deletes, capability by capability (spec section 7), and the daily run."""

import threading
import time
from datetime import datetime, timedelta

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.registry import registry


class ScheduledRun(db.Model):
    """When a daily job last ran; the claim on it is how one process of many gets the job."""

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_run: Mapped[datetime]


def purge(now, config) -> dict:
    """Delete every piece of personal data whose time is up; returns what went, counted."""
    deleted = {}
    for function in registry().purgers:
        deleted.update(function(now, config))
    db.session.commit()
    return deleted


def claim_daily(name, now=None) -> bool:
    """True for exactly one caller a day, whichever process asks first."""
    now = now or utcnow()
    if db.session.get(ScheduledRun, name) is None:
        db.session.add(ScheduledRun(name=name, last_run=datetime(2000, 1, 1)))
        try:
            db.session.commit()
        except Exception:
            db.session.rollback()  # another process made the row first
    claimed = db.session.execute(
        db.update(ScheduledRun)
        .where(ScheduledRun.name == name, ScheduledRun.last_run <= now - timedelta(days=1))
        .values(last_run=now)
    ).rowcount
    db.session.commit()
    return claimed == 1


def run_daily(app, interval_seconds=600):
    """Start a background thread that purges once a day in one process of the many."""

    def loop():
        while True:
            with app.app_context():
                try:
                    if claim_daily("purge"):
                        app.logger.info("daily purge: %s", purge(utcnow(), app.config))
                except Exception:
                    app.logger.exception("daily purge failed")
                    db.session.rollback()
                finally:
                    db.session.remove()
            time.sleep(interval_seconds)

    threading.Thread(target=loop, name="daily-purge", daemon=True).start()
