"""What the school's screens read and write in the database."""

from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import rules
from kiosk.screens.models import FailedPairing, Kiosk, PairingCode


def all_kiosks() -> list[Kiosk]:
    """Every kiosk by name, with its pairing codes (the admin's list)."""
    return db.session.scalars(
        db.select(Kiosk).options(selectinload(Kiosk.codes)).order_by(Kiosk.name)
    ).all()


def find_by_name(name) -> Kiosk | None:
    """The kiosk with this name, whatever its capitals."""
    return db.session.scalar(db.select(Kiosk).where(db.func.lower(Kiosk.name) == name.lower()))


def paired_kiosk(kiosk_id, secret_digest) -> Kiosk | None:
    """The kiosk whose screen holds this secret; None once it is revoked or paired anew."""
    kiosk = db.session.get(Kiosk, kiosk_id)
    # A revoked kiosk has no secret hash; a re-paired one has another.
    if kiosk is None or kiosk.secret_hash is None:
        return None
    return kiosk if rules.same_digest(kiosk.secret_hash, secret_digest) else None


def named_kiosk(name, address) -> Kiosk | None:
    """A trusted-network kiosk by its name; a new one, seen now at `address`, if none has it."""
    kiosk = find_by_name(name)
    if kiosk is not None:
        return kiosk
    db.session.add(Kiosk(name=name, last_seen_at=utcnow(), last_address=address))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # another process added it first
    return find_by_name(name)


def note_heartbeat(kiosk_id, address, now, report=None):
    """The kiosk was seen `now` at `address`, with what it reports of itself (its offline
    copy, screen and clock: kiosk/readiness), unless another process wrote that already.

    Written on a connection of its own, not through the session: a heartbeat is no
    content, so it does not empty the snapshot that session commits empty.
    """
    with db.engine.begin() as connection:
        connection.execute(
            db.update(Kiosk)
            .where(
                Kiosk.id == kiosk_id,
                db.or_(
                    Kiosk.last_seen_at.is_(None),
                    Kiosk.last_seen_at <= now - rules.HEARTBEAT_EVERY,
                ),
            )
            .values(last_seen_at=now, last_address=address, **(report or {}))
        )


def find_code(code) -> PairingCode | None:
    if not code or len(code) > 100:
        return None
    return db.session.scalar(db.select(PairingCode).filter_by(code_hash=rules.digest(code)))


def use_code(pairing, now) -> bool:
    """Mark the code used; False when another request used it first (the database decides)."""
    used = db.session.execute(
        db.update(PairingCode)
        .where(
            PairingCode.id == pairing.id,
            PairingCode.used_at.is_(None),
            PairingCode.expires_at > now,
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    return used == 1


def is_locked_out(address, now) -> bool:
    """Too many refused pairing links from this address lately."""
    failures = db.session.scalar(
        db.select(db.func.count(FailedPairing.id)).where(
            FailedPairing.address == address, FailedPairing.at > now - rules.WINDOW
        )
    )
    return rules.too_many_failures(failures)


def note_failure(address, now):
    """Add a refusal to the session; it is committed with its audit entry."""
    db.session.add(FailedPairing(address=address[:64], at=now))


def silent_kiosks(now) -> list[Kiosk]:
    return [k for k in db.session.scalars(db.select(Kiosk)) if rules.is_silent(k, now)]


def forget_old_pairing_attempts(now, config) -> dict:
    """Refused attempts after a day; used and expired codes after 30 days (until then a
    second opening says "used")."""
    failures = db.delete(FailedPairing).where(FailedPairing.at < now - timedelta(days=1))
    codes = db.delete(PairingCode).where(PairingCode.expires_at < now - timedelta(days=30))
    return {
        "failed pairings": db.session.execute(failures).rowcount,
        "pairing codes": db.session.execute(codes).rowcount,
    }
