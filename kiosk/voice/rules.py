"""Your voice, decided: when a question is open, when a kiosk's tap counts, how answers add up.

Plain functions over values. The database applies them in queries.py: the 20-second
rule is one conditional UPDATE there, so it holds across processes.
"""

import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kiosk.security import database_id

# One kiosk adds at most one answer per question in this time (spec section 9).
KIOSK_QUIET = timedelta(seconds=20)
MIN_CARDS, MAX_CARDS = 2, 5
FREE_TEXT_MAX = 1000


def is_open(question, today: date) -> bool:
    return question.opens_on <= today <= question.closes_on


def state(question, today: date) -> str:
    """ "open", "planned" or "closed", as the admin's list says it."""
    if today < question.opens_on:
        return "planned"
    return "open" if today <= question.closes_on else "closed"


def close_now(question, today: date):
    """Close a question as of yesterday, so nobody can answer it from now on."""
    question.closes_on = today - timedelta(days=1)
    question.opens_on = min(question.opens_on, question.closes_on)


def card_of(question, card_id):
    """The card with this id if it belongs to this question."""
    return next((card for card in question.cards if str(card.id) == str(card_id)), None)


def as_int(value) -> int | None:
    """A question or card id as sent by a page, or None when no row could have it."""
    return database_id(value)


def quiet_since(now: datetime) -> datetime:
    """A kiosk's new tap counts only when its last counted tap was at or before this moment."""
    return now - KIOSK_QUIET


def phone_key(secret: str, question_id: int, phone_id: str) -> str:
    """A phone's key for one question: the cookie itself is never stored."""
    digest = hmac.new(secret.encode(), f"{question_id}:{phone_id}".encode(), hashlib.sha256)
    return "phone:" + digest.hexdigest()


def screen_language(value, codes, default: str) -> str:
    """The language a kiosk says it showed, if it is one of `codes`; else `default`."""
    return value if isinstance(value, str) and value in codes else default


def free_texts_expire_before(now: datetime, personal_days: int) -> datetime:
    """Free texts are personal data: they go after KIOSK_PERSONAL_DAYS; the tallies stay."""
    return now - timedelta(days=personal_days)


def turns_expire_before(now: datetime) -> datetime:
    """A kiosk's last turn only matters for KIOSK_QUIET; a day later it is housekeeping."""
    return now - timedelta(days=1)


@dataclass
class Results:
    """The answers to one question, counted per card and per language of the screen."""

    question: object
    per_card: dict = field(default_factory=dict)  # card id -> count
    per_language: dict = field(default_factory=dict)  # lang -> {card id -> count}
    total: int = 0

    def language_total(self, lang):
        return sum(self.per_language.get(lang, {}).values())


def count(question, rows) -> Results:
    """Results from (card id, language, count) rows; the language with most answers first."""
    counted = Results(question, per_card={card.id: 0 for card in question.cards})
    per_language = defaultdict(dict)
    for card_id, lang, number in rows:
        counted.per_card[card_id] = counted.per_card.get(card_id, 0) + number
        per_language[lang][card_id] = number
        counted.total += number
    # Most answers first, so the school sees its main languages on top.
    counted.per_language = dict(
        sorted(per_language.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    )
    return counted
