"""What I can bring, decided: the kinds of help, how long an offer stands, how offers group."""

from collections import defaultdict

from flask_babel import lazy_gettext as _l

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


def by_language(offers) -> dict[str, list]:
    """Offers grouped by the language they translate, the most offered first."""
    grouped = defaultdict(list)
    for offer in offers:
        for code in offer.languages:
            grouped[code].append(offer)
    return dict(sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0])))


def by_activity(offers) -> dict[str, list]:
    """Offers grouped by kind of help, in the form's order."""
    grouped = {key: [] for key in ACTIVITIES}
    for offer in offers:
        for key in offer.activities:
            grouped.setdefault(key, []).append(offer)
    return {key: found for key, found in grouped.items() if found}
