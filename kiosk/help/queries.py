"""What I can bring in the database: offers made, withdrawn, standing, and purged."""

from datetime import datetime, timedelta

from kiosk import status
from kiosk.extensions import db
from kiosk.help import rules
from kiosk.help.models import HelpOffer
from kiosk.spoken_languages import name_of


def make_offer(*, first_name, contact, languages, activities, other, lang) -> str:
    """A parent's new offer, added to the session; returns its token (for made_once)."""
    token = status.new_token()
    db.session.add(
        HelpOffer(
            token=token,
            first_name=first_name,
            contact=contact,
            languages=languages,
            activities=activities,
            other=other if "other" in activities else "",
            lang=lang,
        )
    )
    return token


def find(token) -> HelpOffer | None:
    return db.session.scalar(db.select(HelpOffer).filter_by(token=token))


def withdraw(offer: HelpOffer, now: datetime) -> bool:
    """Withdraw once; False when it was already withdrawn. Commits."""
    done = db.session.execute(
        db.update(HelpOffer)
        .where(HelpOffer.id == offer.id, HelpOffer.withdrawn_at.is_(None))
        .values(withdrawn_at=now)
    ).rowcount
    db.session.commit()
    return bool(done)


def standing(now: datetime) -> list[HelpOffer]:
    """The offers the school can use now: not withdrawn, not older than a school year."""
    return db.session.scalars(
        db.select(HelpOffer)
        .where(
            HelpOffer.withdrawn_at.is_(None),
            HelpOffer.made_at >= now - timedelta(rules.OFFER_DAYS),
        )
        .order_by(HelpOffer.made_at.desc())
    ).all()


def find_status(token):
    """The status page of an offer (a status finder), or None for another token."""
    offer = find(token)
    if offer is None:
        return None
    return status.Status(
        kind="help",
        status="received" if offer.is_active else "cancelled",
        template="help/status.html",
        context={"offer": offer, "name_of": name_of, "activities": rules.ACTIVITIES},
    )


def forget_before(now: datetime, personal_days: int) -> int:
    """Withdrawn offers go `personal_days` after withdrawal; standing ones after a school year."""
    keep = timedelta(days=personal_days)
    return db.session.execute(
        db.delete(HelpOffer).where(
            db.or_(
                HelpOffer.withdrawn_at < now - keep,
                HelpOffer.made_at < now - timedelta(rules.OFFER_DAYS) - keep,
            )
        )
    ).rowcount


def purge(now, config):
    """A purger: offers whose time is up."""
    return {"help offers": forget_before(now, config["KIOSK_PERSONAL_DAYS"])}
