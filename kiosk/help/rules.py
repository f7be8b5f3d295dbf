"""What I can bring, decided: the kinds of help, who offers what, and when offers go."""

from collections import defaultdict
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l

from kiosk.extensions import db
from kiosk.help.models import HelpOffer
from kiosk.spoken_languages import LANGUAGES

# Help with school activities (issue 15), in the order the form asks.
ACTIVITIES = {
    "cafe": _l("The parent café"),
    "trips": _l("School trips"),
    "reading": _l("Reading with children"),
    "cooking": _l("Cooking"),
    "repairs": _l("Repairs and odd jobs"),
    "other": _l("Something else"),
}

# An offer stands for a school year unless the parent withdraws it sooner.
OFFER_DAYS = 365


def language_choices():
    """Languages a parent can translate from Dutch into: every spoken language but Dutch."""
    return [(code, name) for code, name in LANGUAGES if code != "nl"]


def find(token) -> HelpOffer | None:
    return db.session.scalar(db.select(HelpOffer).filter_by(token=token))


def withdraw(offer: HelpOffer, now: datetime) -> bool:
    """Withdraw once; False when it was already withdrawn."""
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
        .where(HelpOffer.withdrawn_at.is_(None), HelpOffer.made_at >= now - timedelta(OFFER_DAYS))
        .order_by(HelpOffer.made_at.desc())
    ).all()


def by_language(offers) -> dict[str, list[HelpOffer]]:
    """Offers grouped by the language they translate, the most offered first."""
    grouped = defaultdict(list)
    for offer in offers:
        for code in offer.languages:
            grouped[code].append(offer)
    return dict(sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0])))


def by_activity(offers) -> dict[str, list[HelpOffer]]:
    """Offers grouped by kind of help, in the form's order."""
    grouped = {key: [] for key in ACTIVITIES}
    for offer in offers:
        for key in offer.activities:
            grouped.setdefault(key, []).append(offer)
    return {key: found for key, found in grouped.items() if found}


def forget_before(now: datetime, personal_days: int) -> int:
    """Withdrawn offers go `personal_days` after withdrawal; standing ones after a school year."""
    keep = timedelta(days=personal_days)
    return db.session.execute(
        db.delete(HelpOffer).where(
            db.or_(
                HelpOffer.withdrawn_at < now - keep,
                HelpOffer.made_at < now - timedelta(OFFER_DAYS) - keep,
            )
        )
    ).rowcount
