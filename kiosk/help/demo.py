"""Demo content for What I can bring: a few parents who offered languages and help."""

from datetime import timedelta

from kiosk import status
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.help.models import HelpOffer

OFFERS = (
    ("Fatima", "0470 12 34 56", ["ar", "ary", "fr"], ["cafe", "cooking"], "", "ar"),
    ("Mehmet", "0486 65 43 21", ["tr", "ku"], ["repairs", "trips"], "", "tr"),
    ("Anna", "anna.k@example.org", ["pl", "ru", "uk"], ["reading"], "", "pl"),
    ("Abdi", "0465 11 22 33", ["so"], ["cafe", "other"], "Voetbal op woensdag", "nl"),
)


def add(today):
    for days_ago, (name, contact, languages, activities, other, lang) in enumerate(OFFERS):
        db.session.add(
            HelpOffer(
                token=status.new_token(),
                first_name=name,
                contact=contact,
                languages=languages,
                activities=activities,
                other=other,
                lang=lang,
                made_at=utcnow() - timedelta(days=3 * days_ago + 1),
            )
        )
