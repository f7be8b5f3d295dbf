"""Your voice, decided: plain rules, no app, no database."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

from kiosk.voice import rules

TODAY = date(2025, 3, 10)


def question(opens_on, closes_on, cards=()):
    return SimpleNamespace(opens_on=opens_on, closes_on=closes_on, cards=list(cards))


def test_a_question_is_planned_then_open_then_closed():
    asked = question(TODAY, TODAY + timedelta(days=6))
    assert rules.state(asked, TODAY - timedelta(days=1)) == "planned"
    assert rules.state(asked, TODAY) == "open" and rules.is_open(asked, TODAY)
    assert rules.state(asked, TODAY + timedelta(days=7)) == "closed"


def test_closing_now_closes_as_of_yesterday_even_a_question_not_yet_open():
    planned = question(TODAY + timedelta(days=3), TODAY + timedelta(days=9))
    rules.close_now(planned, TODAY)
    assert not rules.is_open(planned, TODAY)
    assert planned.opens_on <= planned.closes_on == TODAY - timedelta(days=1)


def test_a_kiosk_waits_twenty_seconds_between_answers():
    now = datetime(2025, 3, 10, 8, 30, 0)
    assert rules.quiet_since(now) == now - timedelta(seconds=20)


def test_a_screen_language_the_school_does_not_show_counts_as_dutch():
    assert rules.screen_language("ar", {"nl", "ar"}, "nl") == "ar"
    assert rules.screen_language("xx", {"nl", "ar"}, "nl") == "nl"
    assert rules.screen_language(["ar"], {"nl", "ar"}, "nl") == "nl"


def test_a_phone_key_depends_on_the_question_and_never_holds_the_cookie():
    key = rules.phone_key("secret", 1, "phone-cookie")
    assert key.startswith("phone:") and "phone-cookie" not in key
    assert key != rules.phone_key("secret", 2, "phone-cookie")


def test_results_count_per_card_and_put_the_biggest_language_first():
    asked = question(TODAY, TODAY, cards=[SimpleNamespace(id=1), SimpleNamespace(id=2)])
    counted = rules.count(asked, [(1, "nl", 2), (2, "ar", 3), (1, "ar", 1)])
    assert counted.per_card == {1: 3, 2: 3} and counted.total == 6
    assert list(counted.per_language) == ["ar", "nl"]
    assert counted.language_total("ar") == 4


def test_card_ids_from_a_page_are_checked():
    asked = question(TODAY, TODAY, cards=[SimpleNamespace(id=7)])
    assert rules.card_of(asked, "7").id == 7
    assert rules.card_of(asked, "8") is None
    assert rules.as_int("12") == 12 and rules.as_int("x") is None and rules.as_int(None) is None
