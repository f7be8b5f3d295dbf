"""One school calendar: a day closed in /admin/board/holidays is a "no school" notice in
every language, the board and the kitchen agree, and no notice says "no school" beside it."""

import re
from datetime import date, time

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import escape
from notices_helpers import notices

from kiosk import i18n
from kiosk.board import rules as board_rules
from kiosk.board.models import Child, PlanSlot, SchoolClass
from kiosk.extensions import db

TUESDAY = "2031-03-11T08:30"
FRIDAY = date(2031, 3, 14)
WEEK = "2031-W11"


@pytest.fixture
def school(make_app, credentials):
    """An app standing on Tuesday 11 March 2031, one class with two children who eat
    warm at school every day, and a client logged in as the bridge figure."""
    app = make_app(KIOSK_FAKE_NOW=TUESDAY)
    with app.app_context():
        owls = SchoolClass(name="Uilen", colour="#2e7d32", animal="animal_owl")
        for (weekday, part), slot in board_rules.default_template().items():
            owls.week.append(
                PlanSlot(
                    weekday=weekday,
                    part=part,
                    activity=slot.activity or "painting",
                    starts=time(8, 30) if part == "morning" else time(13, 15),
                )
            )
        usual = {str(day): {"noon": "warm", "after": "row"} for day in range(5)}
        for name, symbol in (("Amira", "dog"), ("Noah", "cat")):
            owls.children.append(Child(first_name=name, symbol=symbol, usual_week=usual))
        db.session.add(owls)
        db.session.commit()
    client = app.test_client()
    username, password = credentials
    client.post("/admin/login", data={"username": username, "password": password})
    return app, client


def close_friday(client, **names):
    names = names or {"name_nl": "Pedagogische studiedag"}
    return client.post("/admin/board/holidays", data={"first_day": FRIDAY.isoformat(), **names})


def notice_on(page, day):
    """The opening tag and body of the kiosk's item on `day`, or None."""
    found = re.search(rf'<li [^>]*data-date="{day.isoformat()}".*?</li>', page, re.S)
    return found[0] if found else None


def counts_row(page):
    row = page.split('<tr data-class="school">')[1].split("</tr>")[0]
    return [cell.split(">")[1].split("<")[0] for cell in row.split('class="number"')[1:]]


def test_a_closed_day_is_a_no_school_notice_in_every_language(school):
    app, client = school
    response = close_friday(client, name_nl="Pedagogische studiedag", name_en="Study day")
    assert response.status_code == 302

    for language in i18n.LANGUAGES:
        page = client.get(f"/kiosk/notices?week={WEEK}&lang={language.code}").get_data(as_text=True)
        item = notice_on(page, FRIDAY)
        assert item is not None, language.code
        assert "no_school" in re.search(r'data-pictograms="([^"]*)"', item)[1].split()
        with app.test_request_context(), force_locale(language.code):
            no_school = escape(_("No school"))
        direction = "rtl" if language.rtl else "ltr"
        text = f'class="notice-text" lang="{language.code}" dir="{direction}">{no_school}</p>'
        assert text in item, language.code
        name_lang = "en" if language.code == "en" else "nl"
        name = "Study day" if name_lang == "en" else "Pedagogische studiedag"
        assert f'lang="{name_lang}" dir="ltr">{name}</p>' in item, language.code
    assert notices(app) == []  # made by the calendar, not typed

    # The kiosk's snapshot (this week's items) gives the same item.
    [closed] = client.get("/api/v1/kiosk?lang=ar").json["notices"]
    assert closed["date"] == "2031-03-14" and closed["lang"] == "ar"
    assert [p["code"] for p in closed["pictograms"]] == ["no_school"]


def test_the_board_and_the_kitchen_agree_with_the_calendar(school):
    app, client = school
    thursday = client.get("/admin/board/today?date=2031-03-13&lang=en").get_data(as_text=True)
    assert counts_row(thursday) == ["2", "0", "0", "2", "0", "0"]  # a school day counts
    close_friday(client)

    friday = client.get("/admin/board/today?date=2031-03-14&lang=en").get_data(as_text=True)
    assert counts_row(friday) == ["0"] * 6
    assert "No school for this class on this date." in friday
    preview = client.get("/admin/board/preview?date=2031-03-14&lang=en").get_data(as_text=True)
    assert "Pedagogische studiedag" in preview


def test_a_week_of_holiday_is_one_notice_for_the_whole_week(school):
    app, client = school
    client.post(
        "/admin/board/holidays",
        data={"name_nl": "Krokusvakantie", "first_day": "2031-03-08", "last_day": "2031-03-16"},
    )
    page = client.get(f"/kiosk/notices?week={WEEK}&lang=fr").get_data(as_text=True)
    assert page.count('data-pictograms="no_school"') == 1
    assert 'data-date=""' in page and "Krokusvakantie" in page


@pytest.mark.parametrize(
    "typed",
    [
        {"pictograms": ["no_school"], "text_nl": "Studiedag"},
        {"pictograms": ["calendar"], "text_nl": "Vrijdag geen school!"},
        {"pictograms": ["calendar"], "text_nl": "Vrijdag vrij", "text_fr": "Pas d'école vendredi"},
    ],
)
def test_the_editor_refuses_no_school_and_points_to_the_calendar(school, typed):
    app, client = school
    data = {"day": FRIDAY.isoformat(), **typed}
    response = client.post(f"/admin/notices/new?week={WEEK}&lang=en", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "A notice cannot say “no school”" in page
    assert 'href="/admin/board/holidays"' in page and "Close the day there" in page
    assert notices(app) == []


def test_other_words_with_school_in_them_are_fine(school):
    app, client = school
    data = {"day": FRIDAY.isoformat(), "pictograms": ["photographer"], "text_nl": "Geen schoolfoto"}
    response = client.post(f"/admin/notices/new?week={WEEK}", data=data)
    assert response.status_code == 302
    assert len(notices(app)) == 1
