"""The board's rules without a browser: which plan applies, which card stands, the counts."""

from datetime import date, datetime, time

import pytest

from kiosk.board import rules
from kiosk.board.rules import Change, Holiday, Slot

TUESDAY = date(2031, 3, 11)
WEDNESDAY = date(2031, 3, 12)
SATURDAY = date(2031, 3, 15)
NINE = time(9, 0)

WEEK = rules.default_template() | {
    (1, "morning"): Slot("swimming", "swimming_pool", time(8, 30), time(12, 0), {"nl": "Zwemzak"}),
}
USUAL = {str(day): {"noon": "warm", "after": "row"} for day in range(5)}


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute))


# --- Which plan applies on a date -----------------------------------------------------


def test_a_school_day_follows_the_template():
    plan = rules.plan_for(TUESDAY, WEEK)
    assert plan.closed is None
    assert plan.part("morning").slot.activity == "swimming"
    assert plan.part("afternoon").slot.place == "classroom"
    assert not plan.changed
    assert plan.has_school and plan.has_noon_choice


def test_wednesday_afternoon_is_no_school_through_the_template():
    plan = rules.plan_for(WEDNESDAY, WEEK)
    assert plan.part("morning").school
    assert not plan.part("afternoon").school
    assert plan.has_school
    assert not plan.has_noon_choice


def test_an_exception_overrides_one_part_and_is_marked_as_a_change():
    trip = Slot("forest_trip", "forest", None, time(15, 30), {"nl": "Ophalen aan het bos"})
    plan = rules.plan_for(TUESDAY, WEEK, {"afternoon": trip})
    assert plan.part("afternoon").slot == trip
    assert plan.part("afternoon").changed
    assert not plan.part("morning").changed
    assert plan.changed


def test_a_closed_day_exception_takes_the_noon_choice_away():
    plan = rules.plan_for(TUESDAY, WEEK, {"afternoon": Slot(rules.NO_SCHOOL)})
    assert not plan.has_noon_choice
    assert plan.has_school


def test_weekends_have_no_school():
    plan = rules.plan_for(SATURDAY, WEEK)
    assert plan.closed == "weekend"
    assert not plan.has_school


def test_a_holiday_period_closes_every_day_in_it_and_no_other():
    holiday = Holiday(date(2031, 3, 10), date(2031, 3, 14), {"nl": "Krokusvakantie"})
    plan = rules.plan_for(TUESDAY, WEEK, holidays=[holiday])
    assert plan.closed == "holiday"
    assert plan.holiday.name["nl"] == "Krokusvakantie"
    assert not plan.has_school
    assert rules.plan_for(date(2031, 3, 17), WEEK, holidays=[holiday]).has_school


def test_an_exception_on_a_holiday_or_a_weekend_still_shows():
    party = Slot("school_party", "playground", time(14, 0), time(17, 0))
    plan = rules.plan_for(SATURDAY, WEEK, {"afternoon": party})
    assert plan.closed == "weekend"
    assert plan.part("afternoon").school and plan.part("afternoon").changed
    assert not plan.part("morning").school


def test_a_missing_template_cell_is_school_with_nothing_special():
    plan = rules.plan_for(TUESDAY, {})
    assert plan.part("morning").school
    assert plan.part("morning").slot.activity is None


# --- Bad times -------------------------------------------------------------------------


def test_end_before_start_is_found():
    problems = rules.time_problems(Slot(starts=time(12), ends=time(8, 30)), Slot())
    assert problems == {"morning": rules.END_BEFORE_START}


def test_a_morning_running_into_the_afternoon_overlaps():
    morning = Slot(starts=time(8, 30), ends=time(12, 30))
    afternoon = Slot(starts=time(12, 0), ends=time(15, 30))
    assert rules.time_problems(morning, afternoon) == {"afternoon": rules.OVERLAP}


def test_right_times_or_no_times_are_fine():
    morning = Slot(starts=time(8, 30), ends=time(12))
    assert rules.time_problems(morning, Slot(starts=time(13, 15), ends=time(15, 30))) == {}
    assert rules.time_problems(Slot(), Slot()) == {}
    assert rules.time_problems(morning, Slot(rules.NO_SCHOOL, starts=time(9))) == {}


# --- Which card stands for a child --------------------------------------------------------


def test_the_usual_week_stands_without_changes():
    plan = rules.plan_for(TUESDAY, WEEK)
    assert rules.standing_choice("noon", plan, USUAL, [], NINE) == "warm"
    assert rules.standing_choice("after", plan, USUAL, [], NINE) == "row"


def test_the_latest_change_wins():
    plan = rules.plan_for(TUESDAY, WEEK)
    changes = [
        Change("noon", "home", at(TUESDAY, 7, 50)),
        Change("noon", "sandwiches", at(TUESDAY, 8, 10)),
        Change("after", "care", at(TUESDAY, 8, 15)),
    ]
    assert rules.standing_choice("noon", plan, USUAL, changes, NINE) == "sandwiches"
    assert rules.standing_choice("after", plan, USUAL, changes, NINE) == "care"


def test_a_noon_change_after_the_cut_off_does_not_count_but_an_after_school_one_does():
    plan = rules.plan_for(TUESDAY, WEEK)
    changes = [Change("noon", "home", at(TUESDAY, 9)), Change("after", "pickup", at(TUESDAY, 14))]
    assert rules.standing_choice("noon", plan, USUAL, changes, NINE) == "warm"
    assert rules.standing_choice("after", plan, USUAL, changes, NINE) == "pickup"


def test_no_card_stands_where_the_day_asks_none():
    assert rules.standing_choice("noon", rules.plan_for(WEDNESDAY, WEEK), USUAL, [], NINE) is None
    assert rules.standing_choice("after", rules.plan_for(WEDNESDAY, WEEK), USUAL, [], NINE) == "row"
    assert rules.standing_choice("after", rules.plan_for(SATURDAY, WEEK), USUAL, [], NINE) is None


def test_a_child_without_a_usual_week_has_no_card_until_one_is_tapped():
    plan = rules.plan_for(TUESDAY, WEEK)
    assert rules.standing_choice("noon", plan, {}, [], NINE) is None
    assert rules.usual_choice({"1": {"noon": "pizza"}}, 1, "noon") is None


def test_noon_locks_at_the_cut_off():
    assert not rules.noon_locked(TUESDAY, at(TUESDAY, 8, 59), NINE)
    assert rules.noon_locked(TUESDAY, at(TUESDAY, 9), NINE)
    assert rules.noon_locked(TUESDAY, at(date(2031, 3, 12), 7), NINE)
    assert rules.noon_locked(TUESDAY, at(TUESDAY, 0), rules.parse_cutoff("00:00"))
    assert not rules.noon_locked(TUESDAY, at(TUESDAY, 23, 58), rules.parse_cutoff("23:59"))


@pytest.mark.parametrize(
    ("kind", "day", "now", "reason"),
    [
        ("noon", TUESDAY, at(TUESDAY, 8), None),
        ("noon", TUESDAY, at(TUESDAY, 9, 1), "locked"),
        ("after", TUESDAY, at(TUESDAY, 14), None),
        ("noon", WEDNESDAY, at(WEDNESDAY, 8), "no_noon"),
        ("after", WEDNESDAY, at(WEDNESDAY, 8), None),
        ("after", SATURDAY, at(SATURDAY, 8), "no_school"),
        ("after", TUESDAY, at(WEDNESDAY, 8), "not_today"),
    ],
)
def test_why_a_kiosk_may_not_set_a_card(kind, day, now, reason):
    plan = rules.plan_for(day, WEEK)
    assert rules.why_not(kind, plan, now.date(), now, NINE) == reason


def test_choice_codes_are_checked():
    assert rules.parse_choice("noon:warm") == ("noon", "warm")
    assert rules.parse_choice("after:care") == ("after", "care")
    for bad in ("noon:care", "lunch:warm", "warm", "", None, 3):
        assert rules.parse_choice(bad) is None


def test_a_kiosk_names_a_child_by_a_number_or_digits():
    assert rules.child_id(12) == 12 and rules.child_id("12") == 12
    for bad in (True, "12a", "-3", "", None, 1.5, [12]):
        assert rules.child_id(bad) is None


def test_a_late_change_is_one_made_on_its_day_after_the_cut_off():
    assert rules.is_late(at(TUESDAY, 10, 20), TUESDAY, NINE)
    assert not rules.is_late(at(TUESDAY, 8, 59), TUESDAY, NINE)


# --- The counts ------------------------------------------------------------------------------


def test_counts_name_the_children_behind_each_card():
    tally = rules.counts(
        [
            rules.ChildDay("Noah", "warm", "row"),
            rules.ChildDay("amira", "warm", "care"),
            rules.ChildDay("Lina", "home", None),
        ]
    )
    assert tally["noon"] == {"warm": ["amira", "Noah"], "sandwiches": [], "home": ["Lina"]}
    assert tally["after"] == {"row": ["Noah"], "pickup": [], "care": ["amira"]}


def test_the_school_counts_are_the_classes_together():
    first = rules.counts([rules.ChildDay("Noah", "warm", "row")])
    second = rules.counts([rules.ChildDay("Elif", "warm", "care")])
    school = rules.add_counts(first, second)
    assert len(school["noon"]["warm"]) == 2
    assert school["after"]["care"] == ["Elif"]


# --- Symbols and colours -------------------------------------------------------------------


def test_new_children_get_free_symbols_in_order():
    catalogue = ["dog", "cat", "frog", "duck"]
    assert rules.symbols_for(["A", "B"], catalogue, ["cat"]) == ["dog", "frog"]
    with pytest.raises(ValueError):
        rules.symbols_for(["A", "B", "C", "D"], catalogue, ["cat"])


def test_pasted_names_are_split_on_lines_and_commas():
    assert rules.split_names("Amira\n Noah, Lina\n\n ,Elif ") == ["Amira", "Noah", "Lina", "Elif"]


def test_text_on_a_class_colour_stays_readable():
    assert rules.ink_for("#f6c445") == "#000000"
    assert rules.ink_for("#2e7d32") == "#ffffff"
    assert rules.ink_for("#FFFFFF") == "#000000"
