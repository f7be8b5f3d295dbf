"""The notices' decisions, without a browser or a request."""

from datetime import date
from types import SimpleNamespace

from kiosk.notices import rules


def item(id, day=None, position=0, week=date(2025, 1, 13), texts=None, pictograms=("swimming",)):
    return SimpleNamespace(
        id=id,
        day=day,
        week=week,
        position=position,
        texts=texts or {"nl": f"item {id}"},
        details={},
        pictograms=list(pictograms),
    )


def test_a_week_is_its_iso_monday_and_reads_as_year_w_number():
    assert rules.week_of(date(2025, 1, 16)) == date(2025, 1, 13)
    assert rules.week_of(date(2025, 1, 19)) == date(2025, 1, 13)  # Sunday still belongs to it
    assert rules.week_param(date(2024, 12, 30)) == "2025-W01"  # ISO year, not calendar year
    assert rules.parse_week("2025-W01") == date(2024, 12, 30)
    assert rules.parse_week("2025-W3") == date(2025, 1, 13)
    for nonsense in (None, "", "2025-W54", "2025-13", "W03", "2025-W03; drop table", "0001-W01"):
        assert rules.parse_week(nonsense) is None


def test_the_kiosk_reaches_this_week_and_a_few_ahead():
    first, last = rules.kiosk_weeks(date(2025, 1, 15))
    assert first == date(2025, 1, 13)
    assert (last - first).days == 7 * rules.WEEKS_AHEAD


def test_on_a_weekend_this_week_is_the_coming_one():
    monday = date(2025, 1, 20)
    for day in (date(2025, 1, 18), date(2025, 1, 19)):  # Saturday, Sunday
        assert rules.this_week(day) == monday
        assert rules.kiosk_weeks(day)[0] == monday
    assert rules.this_week(date(2025, 1, 17)) == date(2025, 1, 13)  # Friday: still this one
    assert rules.this_week(monday) == monday


def holiday(first, last=None, name="Vakantie"):
    return SimpleNamespace(
        first_day=first,
        name={"nl": name},
        covers=lambda day: first <= day <= (last or first),
    )


def test_the_calendar_closes_days_and_a_whole_week_is_one_item():
    week = date(2025, 1, 13)
    friday, study_day = date(2025, 1, 17), holiday(date(2025, 1, 17), name="Studiedag")
    assert rules.closed_days(week, [study_day]) == [(friday, study_day)]
    assert rules.closed_days(week, []) == []
    # A Friday-to-Tuesday break closes Monday and Tuesday of the next week, not its weekend.
    crossing = holiday(date(2025, 1, 17), date(2025, 1, 21))
    closed = rules.closed_days(date(2025, 1, 20), [crossing])
    assert [day for day, _ in closed] == [date(2025, 1, 20), date(2025, 1, 21)]
    holidays = holiday(date(2025, 1, 11), date(2025, 1, 26), name="Krokus")
    assert rules.closed_days(week, [holidays]) == [(None, holidays)]


def test_no_notice_says_no_school():
    def known(key):
        return True

    phrases = {"nl": "Geen school", "fr": "Pas d'école"}
    found = rules.problems({"nl": "Studiedag"}, {}, ["no_school"], known, no_school=phrases)
    assert found == {"pictograms": [("no_school", {})]}
    found = rules.problems(
        {"nl": "Vrijdag GEEN SCHOOL"}, {}, ["calendar"], known, no_school=phrases
    )
    assert found == {"text_nl": [("no_school", {})]}
    found = rules.problems(
        {"nl": "x", "fr": "Pas d'école!"}, {}, ["calendar"], known, no_school=phrases
    )
    assert list(found) == ["text_fr"]
    assert (
        rules.problems({"nl": "Geen schoolfoto"}, {}, ["calendar"], known, no_school=phrases) == {}
    )


def test_all_week_items_come_first_then_day_by_day_in_the_chosen_order():
    monday, tuesday = date(2025, 1, 13), date(2025, 1, 14)
    items = [item(1, tuesday, 1), item(2, monday, 5), item(3, None, 9), item(4, monday, 2)]
    assert [n.id for n in rules.in_order(items)] == [3, 4, 2, 1]


def test_an_item_moves_within_its_own_day_only():
    monday, tuesday = date(2025, 1, 13), date(2025, 1, 14)
    first, second, other = item(1, monday, 1), item(2, monday, 2), item(3, tuesday, 3)
    items = [first, second, other]
    assert rules.swap_partner(items, second, "up") is first
    assert rules.swap_partner(items, first, "down") is second
    assert rules.swap_partner(items, first, "up") is None
    assert rules.swap_partner(items, second, "down") is None  # not into Tuesday
    assert rules.swap_partner(items, other, "up") is None


def test_copy_last_week_shifts_days_by_a_week_and_never_copies_twice():
    last_week, week = date(2025, 1, 6), date(2025, 1, 13)
    swimming = item(1, date(2025, 1, 7), week=last_week, texts={"nl": "Zwemmen", "ar": "سباحة"})
    reading = item(2, None, week=last_week, texts={"nl": "Lezen"}, pictograms=("reading_home",))
    plan = rules.copy_plan([swimming, reading], [], week)
    assert [(p["day"], p["texts"]["nl"]) for p in plan] == [
        (None, "Lezen"),
        (date(2025, 1, 14), "Zwemmen"),
    ]
    assert plan[1]["texts"] == {"nl": "Zwemmen", "ar": "سباحة"}
    assert all(p["week"] == week for p in plan)

    copied = [
        item(10 + i, p["day"], texts=p["texts"], pictograms=p["pictograms"])
        for i, p in enumerate(plan)
    ]
    assert rules.copy_plan([swimming, reading], copied, week) == []
    # Something the bridge figure already added stays, and last week's items still come.
    own = item(20, date(2025, 1, 15), texts={"nl": "Eigen bericht"})
    assert len(rules.copy_plan([swimming, reading], [own], week)) == 2


def test_problems_name_each_bad_field():
    known = {"swimming", "gym_lesson", "forest_trip", "museum"}.__contains__
    assert rules.problems({"nl": "Zwemmen"}, {}, ["swimming"], known) == {}

    found = rules.problems({"ar": "سباحة"}, {}, ["swimming"], known)
    assert found == {"text_nl": [("dutch_required", {})]}
    assert "text_nl" in rules.problems({"nl": "   "}, {}, ["swimming"], known)

    four = ["swimming", "gym_lesson", "forest_trip", "museum"]
    assert rules.problems({"nl": "x"}, {}, four, known)["pictograms"] == [
        ("too_many_pictograms", {"max": 3, "count": 4})
    ]
    assert rules.problems({"nl": "x"}, {}, [], known)["pictograms"] == [("no_pictogram", {})]
    assert rules.problems({"nl": "x"}, {}, ["swimming", "1F600"], known)["pictograms"] == [
        ("unknown_pictogram", {"codes": "1F600"})
    ]

    long_text = "a" * (rules.TEXT_MAX + 1)
    assert rules.problems({"nl": "x", "tr": long_text}, {}, ["swimming"], known) == {
        "text_tr": [("too_long", {"max": rules.TEXT_MAX, "length": rules.TEXT_MAX + 1})]
    }
    assert "details_fr" in rules.problems(
        {"nl": "x"}, {"fr": "b" * (rules.DETAILS_MAX + 1)}, ["swimming"], known
    )
    assert rules.problems({"nl": "a" * rules.TEXT_MAX}, {}, ["swimming"], known) == {}


def test_worst_understood_comes_first_and_unanswered_notices_stay_out():
    counts = rules.tally(
        [
            (1, "nl", "understood", 9),
            (1, "ar", "unclear", 1),
            (2, "ar", "unclear", 3),
            (2, "nl", "understood", 1),
            (3, "tr", "understood", 4),
            (4, "fr", "unclear", 1),
        ]
    )
    assert counts[2].by_language == {
        "ar": {"understood": 0, "unclear": 3},
        "nl": {"understood": 1, "unclear": 0},
    }
    assert (counts[1].understood, counts[1].unclear, counts[1].total) == (9, 1, 10)
    # 4: all of one "not clear"; 2: 3 of 4; 1: 1 of 10; 3: none.
    assert [u.notice_id for u in rules.worst_first(counts.values())] == [4, 2, 1, 3]
    assert rules.worst_first([rules.Understanding(5)]) == []
