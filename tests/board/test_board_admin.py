"""The bridge figure's board: classes, the week, changes, holidays, children, today's counts."""

import csv
import io
import re
from datetime import date, datetime

import pytest

from kiosk.audit import AuditEntry
from kiosk.board.models import Child, Choice, Holiday, PlanException, PlanSlot, SchoolClass
from kiosk.extensions import db

TUESDAY = date(2031, 3, 11)
AFTER_CUTOFF = "2031-03-11T10:15"


@pytest.fixture
def staff(school_app, credentials):
    """An app on Tuesday 8:30 and a client logged in as the bridge figure."""
    app = school_app(KIOSK_TRUSTED_NETWORKS="")
    client = app.test_client()
    username, password = credentials
    assert (
        client.post("/admin/login", data={"username": username, "password": password}).status_code
        == 302
    )
    return app, client


def rows(app, model, **filters):
    with app.app_context():
        return db.session.scalars(db.select(model).filter_by(**filters)).all()


def audited(app, action):
    return [entry.target for entry in rows(app, AuditEntry, action=action)]


def week_form(app, class_id):
    """The week form as the page fills it in."""
    data = {}
    for slot in rows(app, PlanSlot, class_id=class_id):
        prefix = f"d{slot.weekday}_{slot.part}"
        data[f"{prefix}_activity"] = slot.activity or ""
        data[f"{prefix}_place"] = slot.place or ""
        data[f"{prefix}_starts"] = slot.starts.strftime("%H:%M") if slot.starts else ""
        data[f"{prefix}_ends"] = slot.ends.strftime("%H:%M") if slot.ends else ""
        data[f"{prefix}_note_nl"] = (slot.note or {}).get("nl", "")
    return data


def test_the_board_admin_needs_a_login(school_app):
    client = school_app().test_client()
    for path in (
        "/admin/board",
        "/admin/board/today",
        "/admin/board/holidays",
        "/admin/board/preview",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login" in response.headers["Location"]


def test_a_new_class_starts_with_a_week_without_wednesday_afternoon(staff):
    app, client = staff
    response = client.post(
        "/admin/board",
        data={
            "class-name": "Vosjes",
            "class-colour": "#e65100",
            "class-animal": "animal_fox",
            "class-sort_order": "3",
            "class-show_first_names": "y",
        },
    )
    assert response.status_code == 302
    (fox,) = rows(app, SchoolClass, name="Vosjes")
    assert fox.colour == "#e65100" and fox.show_first_names
    week = {(s.weekday, s.part): s.activity for s in rows(app, PlanSlot, class_id=fox.id)}
    assert len(week) == 10 and week[(2, "afternoon")] == "no_school"
    assert audited(app, "board.class.create") == ["Vosjes"]
    assert "Vosjes" in client.get("/admin/board").get_data(as_text=True)


def test_a_class_without_a_name_is_refused_and_keeps_what_was_typed(staff):
    app, client = staff
    response = client.post(
        "/admin/board?lang=en",
        data={"class-name": "  ", "class-colour": "#123456", "class-animal": "animal_bear"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Give the class a name." in page
    assert 'value="#123456"' in page
    assert rows(app, SchoolClass) == []


def test_the_week_grid_saves_every_cell(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)
    data = week_form(app, class_id) | {
        "d1_morning_activity": "swimming",
        "d1_morning_place": "swimming_pool",
        "d1_morning_note_nl": "Zwemzak mee",
        "d1_morning_note_ar": "أحضروا ملابس السباحة",
    }
    assert client.post(f"/admin/board/class/{class_id}/week", data=data).status_code == 302
    (tuesday,) = rows(app, PlanSlot, class_id=class_id, weekday=1, part="morning")
    assert tuesday.activity == "swimming" and tuesday.place == "swimming_pool"
    assert tuesday.note == {"nl": "Zwemzak mee", "ar": "أحضروا ملابس السباحة"}
    assert audited(app, "board.week.edit") == ["Uilen"]
    page = client.get(f"/admin/board/class/{class_id}/week").get_data(as_text=True)
    assert "Zwemzak mee" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"d0_morning_starts": "12:00", "d0_morning_ends": "08:30"},
            "The end comes before the start.",
        ),
        ({"d0_morning_ends": "13:30"}, "This overlaps with the morning"),
        ({"d0_afternoon_starts": "quarter past"}, "Not a valid time value"),
    ],
)
def test_bad_times_in_the_week_are_refused_and_nothing_is_stored(staff, add_class, change, message):
    app, client = staff
    class_id, _ = add_class(app)
    data = week_form(app, class_id) | change | {"d3_afternoon_note_nl": "typed and kept"}
    response = client.post(f"/admin/board/class/{class_id}/week?lang=en", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page and "typed and kept" in page
    assert all(not slot.note for slot in rows(app, PlanSlot, class_id=class_id))


def test_a_change_for_one_date_shows_on_the_kiosk_board(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)
    response = client.post(
        f"/admin/board/class/{class_id}/exceptions",
        data={
            "change-day": "2031-03-11",
            "change-part": "afternoon",
            "change-change_activity": "forest_trip",
            "change-change_place": "forest",
            "change-change_ends": "15:30",
            "change-change_note_nl": "Ophalen om 15:30 aan de ingang van het bos",
        },
    )
    assert response.status_code == 302
    (trip,) = rows(app, PlanException, class_id=class_id)
    assert trip.day == TUESDAY and trip.part == "afternoon" and trip.ends.hour == 15
    afternoon = next(c for c in client.get("/api/v1/kiosk").json["board"] if c["id"] == class_id)[
        "today"
    ]["parts"][1]
    assert afternoon["changed"] and afternoon["note"].startswith("Ophalen om 15:30")
    assert afternoon["ends"] == "15:30"
    assert len(audited(app, "board.exception.add")) == 1


def test_a_change_said_with_a_phrasebook_sentence_shows_in_every_language(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)
    data = {
        "change-day": "2031-03-11",
        "change-part": "afternoon",
        "change-change_activity": "forest_trip",
        "change-change_place": "forest",
        "phrase": "pick_up",
        "slot_place": "forest",
    }
    page = client.post(f"/admin/board/class/{class_id}/exceptions?lang=en", data=data)
    assert page.status_code == 400 and "Fill this in for the sentence." in page.get_data(True)
    assert rows(app, PlanException, class_id=class_id) == []

    data["slot_time"] = "15:30"
    assert client.post(f"/admin/board/class/{class_id}/exceptions", data=data).status_code == 302
    (trip,) = rows(app, PlanException, class_id=class_id)
    assert trip.note == {} and trip.phrases[0]["key"] == "pick_up"
    for code, words in (("nl", "Haal je kind op in het bos om 15:30."), ("uk", "ліс")):
        board = client.get(f"/api/v1/kiosk?lang={code}").json["board"]
        afternoon = next(c for c in board if c["id"] == class_id)["today"]["parts"][1]
        assert afternoon["note_lang"] == code and words in afternoon["note"]


def test_a_whole_day_change_runs_from_the_morning_to_the_afternoon(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)
    client.post(
        f"/admin/board/class/{class_id}/exceptions",
        data={
            "change-day": "2031-03-13",
            "change-part": "day",
            "change-change_activity": "excursion_bus",
            "change-change_place": "out_of_school",
            "change-change_starts": "08:00",
            "change-change_ends": "17:00",
        },
    )
    parts = {e.part: e for e in rows(app, PlanException, class_id=class_id)}
    assert parts["morning"].starts.hour == 8 and parts["morning"].ends is None
    assert parts["afternoon"].starts is None and parts["afternoon"].ends.hour == 17
    # A second change for the same date and part replaces the first.
    client.post(
        f"/admin/board/class/{class_id}/exceptions",
        data={
            "change-day": "2031-03-13",
            "change-part": "afternoon",
            "change-change_activity": "no_school",
        },
    )
    assert len(rows(app, PlanException, class_id=class_id)) == 2
    (afternoon,) = rows(app, PlanException, class_id=class_id, part="afternoon")
    assert afternoon.activity == "no_school"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"change-day": ""}, "Which date?"),
        (
            {"change-change_starts": "15:00", "change-change_ends": "14:00"},
            "The end comes before the start.",
        ),
        ({"change-change_starts": "11:00"}, "This overlaps with the other part of that day"),
    ],
)
def test_a_bad_change_is_refused_and_keeps_the_typing(staff, add_class, change, message):
    app, client = staff
    class_id, _ = add_class(app)
    data = {
        "change-day": "2031-03-11",
        "change-part": "afternoon",
        "change-change_activity": "forest_trip",
        "change-change_note_nl": "Bosuitstap",
    } | change
    response = client.post(f"/admin/board/class/{class_id}/exceptions?lang=en", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page and "Bosuitstap" in page
    assert rows(app, PlanException) == []


def test_holidays_close_the_school_on_the_kiosk(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)
    response = client.post(
        "/admin/board/holidays",
        data={
            "name_nl": "Krokusvakantie",
            "name_en": "Spring half-term",
            "first_day": "2031-03-10",
            "last_day": "2031-03-14",
        },
    )
    assert response.status_code == 302
    today = client.get("/api/v1/kiosk?lang=en").json["board"][0]["today"]
    assert today["closed"] == "holiday" and today["holiday"] == "Spring half-term"
    assert "Krokusvakantie" in client.get("/kiosk/board").get_data(as_text=True)
    (holiday,) = rows(app, Holiday)
    client.post(f"/admin/board/holiday/{holiday.id}/delete")
    assert client.get("/api/v1/kiosk").json["board"][0]["today"]["closed"] is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"name_nl": "Vakantie", "first_day": "2031-03-14", "last_day": "2031-03-10"},
            "The last day comes before the first day.",
        ),
        ({"name_nl": "Vakantie", "first_day": ""}, "Which date?"),
        ({"name_en": "Holiday", "first_day": "2031-03-14"}, "Dutch is needed"),
    ],
)
def test_a_bad_holiday_is_refused(staff, data, message):
    app, client = staff
    response = client.post("/admin/board/holidays?lang=en", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert rows(app, Holiday) == []


def child_form(class_id, name="Yusuf", symbol="rocket", **usual):
    data = {"first_name": name, "school_class": str(class_id), "symbol": symbol}
    for day in range(5):
        data[f"noon_{day}"] = usual.get("noon", "warm")
        data[f"after_{day}"] = usual.get("after", "row")
    return data


def test_a_child_is_added_with_its_symbol_and_usual_week(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)
    form = client.get(f"/admin/board/class/{class_id}/children/new").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="rabbit"', form), "the first free symbol is offered"
    data = child_form(class_id, noon="sandwiches", after="care")
    assert client.post(f"/admin/board/class/{class_id}/children/new", data=data).status_code == 302
    (yusuf,) = rows(app, Child, first_name="Yusuf")
    assert yusuf.symbol == "rocket"
    assert yusuf.usual_week["1"] == {"noon": "sandwiches", "after": "care"}
    assert len(audited(app, "board.child.add")) == 1


def test_two_children_with_one_symbol_in_a_class_are_refused(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)  # Amira has the dog
    response = client.post(
        f"/admin/board/class/{class_id}/children/new?lang=en",
        data=child_form(class_id, symbol="dog"),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Another child in this class has this symbol." in page
    assert 'value="Yusuf"' in page
    assert rows(app, Child, first_name="Yusuf") == []


def test_a_child_moves_to_another_class_unless_its_symbol_is_taken_there(staff, add_class):
    app, client = staff
    owls, children = add_class(app, "Uilen")
    lions, _ = add_class(app, "Leeuwtjes", children=("Omar",))  # Omar has the dog
    amira = children["Amira"]  # the dog too
    response = client.post(
        f"/admin/board/child/{amira}?lang=en", data=child_form(lions, "Amira", "dog")
    )
    assert response.status_code == 400
    assert "Another child in this class has this symbol." in response.get_data(as_text=True)
    assert rows(app, Child, id=amira)[0].class_id == owls

    response = client.post(
        f"/admin/board/child/{amira}", data=child_form(lions, "Amira", "unicorn")
    )
    assert response.status_code == 302
    moved = rows(app, Child, id=amira)[0]
    assert moved.class_id == lions and moved.symbol == "unicorn"
    assert audited(app, "board.child.edit") == ["Leeuwtjes: Amira"]


def test_a_child_is_removed_with_its_choices(staff, add_class):
    app, client = staff
    _, children = add_class(app)
    with app.app_context():
        db.session.add(
            Choice(
                request_id="r-1234567",
                child_id=children["Noah"],
                day=TUESDAY,
                kind="noon",
                code="home",
            )
        )
        db.session.commit()
    assert client.post(f"/admin/board/child/{children['Noah']}/delete").status_code == 302
    assert rows(app, Child, first_name="Noah") == [] and rows(app, Choice) == []
    assert len(audited(app, "board.child.delete")) == 1


def test_bulk_add_gives_each_child_a_free_symbol(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)  # dog, cat and frog are taken
    response = client.post(
        f"/admin/board/class/{class_id}/children/bulk",
        data={
            "bulk-names": "Elif\nMila, Omar\n\nHiba",
            "bulk-noon": "home",
            "bulk-after": "pickup",
        },
    )
    assert response.status_code == 302
    children = rows(app, Child, class_id=class_id)
    symbols = [c.symbol for c in children]
    assert len(children) == 7 and len(set(symbols)) == 7
    assert {"dog", "cat", "frog"} <= set(symbols)
    (hiba,) = [c for c in children if c.first_name == "Hiba"]
    assert hiba.usual_week["0"] == {"noon": "home", "after": "pickup"}


def test_bulk_add_says_when_the_symbols_run_out(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)
    names = "\n".join(f"Kind {n}" for n in range(70))
    response = client.post(
        f"/admin/board/class/{class_id}/children/bulk?lang=en", data={"bulk-names": names}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "symbols are still free in this class" in page and "Kind 69" in page
    assert len(rows(app, Child, class_id=class_id)) == 3


def test_today_counts_each_card_and_names_the_children(staff, add_class, add_choice):
    app, client = staff
    owls, owl_children = add_class(app, "Uilen")
    add_class(
        app,
        "Leeuwtjes",
        children=("Omar", "Elif"),
        usual={str(d): {"noon": "sandwiches", "after": "care"} for d in range(5)},
    )
    add_choice(app, owl_children["Noah"], "noon", "home", datetime(2031, 3, 11, 8, 5))
    add_choice(
        app, owl_children["Lina"], "after", "pickup", datetime(2031, 3, 11, 10, 42), kiosk="hall"
    )

    page = client.get("/admin/board/today?date=2031-03-11&lang=en").get_data(as_text=True)
    owls_row = page.split(f'<tr data-class="{owls}">')[1].split("</tr>")[0]
    numbers = [cell.split(">")[1].split("<")[0] for cell in owls_row.split('class="number"')[1:]]
    assert numbers == ["2", "0", "1", "2", "1", "0"]  # warm, sandwiches, home; row, pickup, care
    school_row = page.split('<tr data-class="school">')[1].split("</tr>")[0]
    school = [cell.split(">")[1].split("<")[0] for cell in school_row.split('class="number"')[1:]]
    assert school == ["2", "2", "1", "2", "1", "2"]

    owls_page = page.split(f'<section class="print-page class-day" data-class="{owls}"')[1].split(
        "</section>"
    )[0]
    warm = owls_page.split('data-card="noon:warm"')[1].split("</div>")[0]
    assert "Amira" in warm and "Lina" in warm and "Noah" not in warm
    pickup = owls_page.split('data-card="after:pickup"')[1].split("</div>")[0]
    assert "Lina" in pickup and "changed at 10:42 on kiosk hall" in pickup
    assert "Changed on a kiosk after the cut-off" in owls_page


def test_the_kitchen_gets_a_csv(staff, add_class, add_choice):
    app, client = staff
    _, children = add_class(app, "Uilen", children=("=cmd", "Noah"))
    add_choice(app, children["Noah"], "after", "care", datetime(2031, 3, 11, 11, 0))
    response = client.get("/admin/board/today.csv?date=2031-03-11")
    assert response.mimetype == "text/csv"
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert table[0] == ["date", "class", "first_name", "noon", "after", "late_change", "kiosk"]
    assert ["2031-03-11", "Uilen", "Noah", "warm", "care", "11:00", "gate"] in table
    assert ["2031-03-11", "Uilen", "'=cmd", "warm", "row", "", ""] in table


def test_today_on_a_day_without_school_says_so(staff, add_class):
    app, client = staff
    add_class(app)
    page = client.get("/admin/board/today?date=2031-03-15&lang=en").get_data(as_text=True)
    assert "No school for this class on this date." in page
    wednesday = client.get("/admin/board/today?date=2031-03-12&lang=en").get_data(as_text=True)
    assert "No noon choice on this date" in wednesday
    wrong = client.get("/admin/board/today?date=someday&lang=en").get_data(as_text=True)
    assert "That is not a date" in wrong


def test_the_preview_shows_any_date_as_on_the_kiosk(staff, add_class):
    app, client = staff
    class_id, children = add_class(app)
    with app.app_context():
        db.session.add(
            PlanException(
                class_id=class_id,
                day=date(2031, 4, 2),
                part="morning",
                activity="zoo",
                place="out_of_school",
                note={"nl": "Naar de zoo"},
            )
        )
        db.session.commit()
    board = client.get("/admin/board/preview?date=2031-04-02").get_data(as_text=True)
    assert "Naar de zoo" in board and "data-changed" in board
    assert "js/kiosk.js" not in board  # a preview does not poll or go idle
    one = client.get(f"/admin/board/preview/{class_id}?date=2031-04-02").get_data(as_text=True)
    assert f'data-child="{children["Amira"]}"' in one and 'data-choice="' not in one


def test_the_end_of_the_school_year_removes_the_children_after_a_confirmation(
    staff, add_class, add_choice
):
    app, client = staff
    class_id, children = add_class(app)
    add_choice(app, children["Noah"], "noon", "home", datetime(2031, 3, 11, 8, 0))
    response = client.post("/admin/board/end-of-year?lang=en", data={})
    assert response.status_code == 400 and "Tick the box to confirm." in response.get_data(
        as_text=True
    )
    assert len(rows(app, Child)) == 3
    assert client.post("/admin/board/end-of-year", data={"confirm": "y"}).status_code == 302
    assert rows(app, Child) == [] and rows(app, Choice) == []
    assert len(rows(app, SchoolClass)) == 1 and rows(app, PlanSlot, class_id=class_id)
    assert len(rows(app, AuditEntry, action="board.end_of_year")) == 1


def test_a_class_is_removed_only_when_confirmed(staff, add_class):
    app, client = staff
    class_id, _ = add_class(app)
    assert client.post(f"/admin/board/class/{class_id}/delete", data={}).status_code == 400
    assert (
        client.post(
            f"/admin/board/class/{class_id}/delete", data={"remove-confirm": "y"}
        ).status_code
        == 302
    )
    assert rows(app, SchoolClass) == [] and rows(app, Child) == [] and rows(app, PlanSlot) == []


def test_the_dashboard_counts_todays_warm_meals(staff, add_class):
    app, client = staff
    add_class(app)
    page = client.get("/admin/?lang=en").get_data(as_text=True)
    assert "Warm meals today" in page
