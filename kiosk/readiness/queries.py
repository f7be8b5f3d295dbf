"""The database's side of the facts: the last backup, parents' contacts, the kiosks' polls,
the schema's migrations."""

from datetime import datetime, timedelta

from flask import current_app

from kiosk.cafe.models import Signup
from kiosk.extensions import db
from kiosk.retention import ScheduledRun
from kiosk.screens.models import Kiosk

BACKUP = "backup"  # the ScheduledRun row that `flask backup` updates
RECENT_POLL = timedelta(days=1)


def record_backup(now: datetime):
    """Note that `flask backup` wrote a copy now."""
    db.session.merge(ScheduledRun(name=BACKUP, last_run=now))
    db.session.commit()


def last_backup_at() -> datetime | None:
    run = db.session.get(ScheduledRun, BACKUP)
    return run.last_run if run else None


def contacts_left() -> int:
    """Café sign-ups that left a phone number or e-mail (the purge empties old ones)."""
    return db.session.scalar(db.select(db.func.count(Signup.id)).where(Signup.contact.is_not(None)))


def forwarded_hops(now: datetime) -> list[int]:
    """How many X-Forwarded-For addresses each kiosk's poll of the last day carried."""
    return list(
        db.session.scalars(
            db.select(Kiosk.forwarded_hops).where(
                Kiosk.forwarded_hops.is_not(None), Kiosk.last_seen_at >= now - RECENT_POLL
            )
        )
    )


def migration_heads() -> tuple[set[str], set[str]] | None:
    """(the database's Alembic revisions, the code's), or None where Flask-Migrate is not loaded."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    migrate = current_app.extensions.get("migrate")
    if migrate is None:
        return None
    config = migrate.migrate.get_config(migrate.directory)
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with db.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current, heads
