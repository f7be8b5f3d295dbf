"""The notices as parents and the bridge figure meet them: kiosk, snapshot, taps, admin."""

import re
import uuid
from datetime import timedelta

import pytest

from kiosk import audit, clock
from kiosk.extensions import db
from kiosk.notices import rules
from kiosk.notices.models import Notice, UnderstandingTap


@pytest.fixture
def week(app):
    with app.app_context():
        return rules.week_of(clock.today())


def add_notice(app, week, day=None, pictograms=("swimming",), texts=None, details=None, position=1):
    with app.app_context():
        notice = Notice(
            week=week,
            day=day,
            position=position,
            pictograms=list(pictograms),
            texts=texts or {"nl": "Zwemmen voor het derde leerjaar", "ar": "سباحة للسنة الثالثة"},
            details=details or {},
        )
        db.session.add(notice)
        db.session.commit()
        return notice.id


def notices(app):
    with app.app_context():
        return db.session.scalars(db.select(Notice).order_by(Notice.id)).all()


def notice_actions():
    actions = db.session.scalars(db.select(audit.AuditEntry.action).order_by(audit.AuditEntry.id))
    return [action for action in actions if action.startswith("notice.")]


def new_tap():
    return str(uuid.uuid4())


# --- Kiosk and snapshot ------------------------------------------------------------


def test_kiosk_shows_this_weeks_items_in_the_chosen_language(app, client, week):
    tuesday = week + timedelta(days=1)
    add_notice(app, week, tuesday)
    add_notice(app, week - timedelta(weeks=1), texts={"nl": "Vorige week"})

    page = client.get("/kiosk/notices?lang=ar").get_data(as_text=True)
    assert "سباحة للسنة الثالثة" in page
    assert "Vorige week" not in page
    assert f'data-date="{tuesday.isoformat()}"' in page
    assert 'lang="ar" dir="rtl"' in page

    dutch = client.get("/kiosk/notices").get_data(as_text=True)
    assert "Zwemmen voor het derde leerjaar" in dutch
    assert "سباحة" not in dutch


def test_a_language_without_text_falls_back_to_dutch_with_the_pictogram(app, client, week):
    add_notice(app, week)
    for lang in ("pl", "fr", "tr"):
        page = client.get(f"/kiosk/notices?lang={lang}").get_data(as_text=True)
        assert "Zwemmen voor het derde leerjaar" in page
        assert 'lang="nl" dir="ltr"' in page
        assert "/pictograms/1F3CA.svg" in page


def test_snapshot_lists_the_weeks_notices_with_text_language_and_pictogram_urls(app, client, week):
    notice_id = add_notice(
        app, week, week + timedelta(days=1), pictograms=["swimming", "swim_gear"]
    )
    add_notice(app, week, None, pictograms=["reading_home"], texts={"nl": "Lezen"}, position=0)

    items = client.get("/api/v1/kiosk?lang=ar").json["notices"]
    assert [item["date"] for item in items] == [None, (week + timedelta(days=1)).isoformat()]
    swimming = items[1]
    assert swimming["id"] == notice_id
    assert (swimming["text"], swimming["lang"]) == ("سباحة للسنة الثالثة", "ar")
    assert [p["code"] for p in swimming["pictograms"]] == ["swimming", "swim_gear"]
    assert all(p["url"].startswith("/pictograms/") and p["label"] for p in swimming["pictograms"])
    assert (items[0]["text"], items[0]["lang"]) == ("Lezen", "nl")

    for item in items:
        for p in item["pictograms"]:
            response = client.get(p["url"])
            assert response.status_code == 200
            assert response.mimetype == "image/svg+xml"


def test_every_pictogram_on_the_kiosk_page_is_served_by_the_app(app, client, week):
    add_notice(app, week, pictograms=["forest_trip", "rain_clothes", "lunch_box"])
    page = client.get("/kiosk/notices").get_data(as_text=True)
    urls = set(re.findall(r'src="(/pictograms/[^"]+\.svg)"', page))
    assert len(urls) >= 5  # three of the notice, the two taps, home, ...
    for url in urls:
        response = client.get(url)
        assert (response.status_code, response.mimetype) == (200, "image/svg+xml"), url


def test_a_stale_pictogram_key_shows_the_question_mark_instead_of_breaking(app, client, week):
    add_notice(app, week, pictograms=["no_longer_in_the_catalogue"])
    assert client.get("/kiosk/notices").status_code == 200
    item = client.get("/api/v1/kiosk").json["notices"][0]
    assert item["pictograms"][0]["url"] == "/pictograms/2753.svg"


def test_the_arrows_go_to_next_week_and_back_but_not_into_the_past(app, client, week):
    next_week = rules.week_param(week + timedelta(weeks=1))
    add_notice(app, week + timedelta(weeks=1), texts={"nl": "Volgende week zwemmen"})
    this_page = client.get("/kiosk/notices?lang=ar").get_data(as_text=True)
    assert f"week={next_week}" in this_page
    assert "data-week-previous" not in this_page

    next_page = client.get(f"/kiosk/notices?week={next_week}").get_data(as_text=True)
    assert "Volgende week zwemmen" in next_page
    assert f"week={rules.week_param(week)}" in next_page

    last = client.get(f"/kiosk/notices?week={rules.week_param(rules.kiosk_weeks(week)[1])}")
    assert "data-week-next" not in last.get_data(as_text=True)
    assert client.get("/kiosk/notices?week=nonsense").status_code == 200


def test_read_aloud_button_speaks_the_text_in_its_own_language(app, client, week):
    add_notice(app, week)
    page = client.get("/kiosk/notices?lang=ar").get_data(as_text=True)
    assert 'data-audio="/speech/ar/' in page
    audio = re.search(r'data-audio="([^"]+)"', page)[1]
    response = client.get(audio)
    assert (response.status_code, response.mimetype) == (200, "audio/wav")


def test_kiosk_has_no_text_input_and_no_link_to_the_admin(app, client, week):
    add_notice(app, week)
    page = client.get("/kiosk/notices").get_data(as_text=True)
    assert "<input" not in page and "<textarea" not in page
    assert "/admin" not in page


# --- Understanding taps --------------------------------------------------------------


def tap(client, notice_id, answer, tap_id=None, lang="ar", kiosk="gate"):
    return client.post(
        f"/kiosk/notices/{notice_id}/understanding",
        json={"tap": tap_id or new_tap(), "answer": answer, "lang": lang, "kiosk": kiosk},
    )


def test_a_tap_counts_once_per_tap_id_and_per_language(app, client, week):
    notice_id = add_notice(app, week)
    tap_id = new_tap()
    assert tap(client, notice_id, "unclear", tap_id).status_code == 201
    assert tap(client, notice_id, "unclear", tap_id).status_code == 200  # double tap
    assert tap(client, notice_id, "understood", lang="nl").status_code == 201
    with app.app_context():
        rows = db.session.execute(
            db.select(UnderstandingTap.lang, UnderstandingTap.answer, UnderstandingTap.kiosk)
        ).all()
    assert sorted(rows) == [("ar", "unclear", "gate"), ("nl", "understood", "gate")]


def test_a_changed_mind_replaces_the_answer_of_the_same_tap(app, client, week):
    notice_id = add_notice(app, week)
    tap_id = new_tap()
    tap(client, notice_id, "understood", tap_id)
    tap(client, notice_id, "unclear", tap_id)
    with app.app_context():
        assert db.session.scalars(db.select(UnderstandingTap.answer)).all() == ["unclear"]


def test_bad_taps_are_refused(app, client, week):
    notice_id = add_notice(app, week)
    assert tap(client, 9999, "unclear").status_code == 404
    assert tap(client, notice_id, "maybe").status_code == 400
    assert tap(client, notice_id, "unclear", tap_id="short").status_code == 400
    no_json = client.post(f"/kiosk/notices/{notice_id}/understanding", data="x")
    assert no_json.status_code == 400
    a_list = client.post(f"/kiosk/notices/{notice_id}/understanding", json=["unclear"])
    assert a_list.status_code == 400
    odd_lang = {"tap": new_tap(), "answer": "unclear", "lang": ["ar"]}
    assert (
        client.post(f"/kiosk/notices/{notice_id}/understanding", json=odd_lang).status_code == 201
    )
    # An unknown language or a long kiosk name is cleaned up, not trusted.
    assert tap(client, notice_id, "understood", lang="xx", kiosk="k" * 100).status_code == 201
    with app.app_context():
        stored = db.session.scalars(db.select(UnderstandingTap).order_by(UnderstandingTap.id))
        assert [(tap.lang, tap.kiosk) for tap in stored] == [("nl", "gate"), ("nl", "gate")]


def test_a_tap_needs_the_kiosk_pages_csrf_token(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    with app.app_context():
        week = rules.week_of(clock.today())
    notice_id = add_notice(app, week)
    assert tap(client, notice_id, "unclear").status_code == 400
    page = client.get("/kiosk/notices").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page)[1]
    response = client.post(
        f"/kiosk/notices/{notice_id}/understanding",
        json={"tap": new_tap(), "answer": "unclear"},
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 201


def test_counts_show_next_to_each_notice_and_worst_understood_first(
    app, client, admin_client, week
):
    clear = add_notice(app, week, texts={"nl": "Duidelijk bericht"})
    murky = add_notice(app, week, texts={"nl": "Onduidelijk bericht"}, position=2)
    for _ in range(3):
        tap(client, clear, "understood", lang="nl")
    tap(client, murky, "unclear", lang="ar")
    tap(client, murky, "unclear", lang="tr")
    tap(client, murky, "understood", lang="nl")

    page = admin_client.get("/admin/notices").get_data(as_text=True)
    row = page[page.index(f'id="notice-{murky}"') :]
    row = row[: row.index("</li>")]
    assert 'data-understood="1" data-unclear="2"' in row
    assert 'data-lang="ar"' in row and 'data-lang="tr"' in row

    listing = admin_client.get("/admin/notices/understanding").get_data(as_text=True)
    assert listing.index("Onduidelijk bericht") < listing.index("Duidelijk bericht")

    csv = admin_client.get("/admin/notices/understanding.csv")
    assert csv.mimetype == "text/csv"
    lines = csv.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert lines[0] == "notice,week,day,text_nl,language,understood,not_clear"
    assert lines[1].startswith(f"{murky},") and lines[1].endswith(",ar,0,1")


def test_deleting_a_notice_takes_its_taps_along(app, client, admin_client, week):
    notice_id = add_notice(app, week)
    tap(client, notice_id, "unclear")
    admin_client.post(f"/admin/notices/{notice_id}/delete")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(UnderstandingTap.id))) == 0


# --- Admin -------------------------------------------------------------------------------


def form_data(week, **overrides):
    data = {"day": (week + timedelta(days=1)).isoformat(), "pictograms": ["swimming"]}
    data["text_nl"] = "Dinsdag zwemmen"
    data["text_ar"] = "السباحة يوم الثلاثاء"
    data.update(overrides)
    return data


def test_admin_pages_need_a_login(client):
    for url in (
        "/admin/notices",
        "/admin/notices/new",
        "/admin/notices/poster",
        "/admin/notices/understanding",
        "/admin/notices/pictograms?q=zwem",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login" in response.location, url


def test_the_bridge_figure_adds_an_item_and_the_kiosk_has_it(app, admin_client, week):
    response = admin_client.post(
        f"/admin/notices/new?week={rules.week_param(week)}", data=form_data(week)
    )
    assert response.status_code == 302
    [notice] = notices(app)
    assert notice.day == week + timedelta(days=1)
    assert notice.pictograms == ["swimming"]
    assert notice.texts == {"nl": "Dinsdag zwemmen", "ar": "السباحة يوم الثلاثاء"}
    with app.app_context():
        entry = db.session.scalars(db.select(audit.AuditEntry)).all()[-1]
        assert entry.action == "notice.create" and entry.actor == "bridge"
    items = app.test_client().get("/api/v1/kiosk?lang=ar").json["notices"]
    assert [item["text"] for item in items] == ["السباحة يوم الثلاثاء"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text_nl": ""}, "Write the Dutch text"),
        (
            {"pictograms": ["swimming", "gym_lesson", "museum", "forest_trip"]},
            "Choose at most 3 pictograms (now 4).",
        ),
        ({"pictograms": ["swimming", "1F4A9"]}, "Unknown pictogram: 1F4A9."),
        ({"pictograms": []}, "Choose at least one pictogram."),
        ({"text_ar": "ب" * 141}, "At most 140 characters, please (now 141)."),
        ({"details_fr": "c" * 601}, "At most 600 characters, please (now 601)."),
        ({"day": "1999-01-01"}, "Not a valid choice"),
    ],
)
def test_bad_input_says_what_is_wrong_and_keeps_what_was_typed(
    app, admin_client, week, overrides, message
):
    data = form_data(week, text_tr="Salı yüzme", details_en="Bring a towel", **overrides)
    response = admin_client.post(
        f"/admin/notices/new?week={rules.week_param(week)}&lang=en", data=data
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page
    assert "140 characters" in page  # the limit is told up front, too
    assert notices(app) == []
    for field in ("text_nl", "text_ar", "text_tr", "details_en", "details_fr"):
        if data.get(field):
            assert f"{data[field]}</textarea>" in page or f'value="{data[field]}"' in page, field
    for key in data["pictograms"]:
        assert f'value="{key}" checked' in page


def test_the_picker_searches_dutch_and_english_words_without_javascript(app, admin_client, week):
    typed = form_data(week, query="zwemmen", search="1", pictograms=[])
    page = admin_client.post("/admin/notices/new", data=typed).get_data(as_text=True)
    assert 'value="swimming"' in page
    assert "/pictograms/1F3CA.svg" in page
    assert 'value="Dinsdag zwemmen"' in page  # nothing typed is lost by searching
    assert notices(app) == []

    found = admin_client.get("/admin/notices/pictograms?q=swimming").json
    assert found[0]["code"] == "swimming" and found[0]["url"] == "/pictograms/1F3CA.svg"
    assert admin_client.get("/admin/notices/pictograms?q=").json == []


def test_edit_keeps_the_item_and_records_it(app, admin_client, week):
    notice_id = add_notice(app, week, week + timedelta(days=1))
    page = admin_client.get(f"/admin/notices/{notice_id}/edit").get_data(as_text=True)
    assert 'value="Zwemmen voor het derde leerjaar"' in page
    data = form_data(week, text_nl="Zwemmen gaat niet door", text_ar="", day="")
    response = admin_client.post(f"/admin/notices/{notice_id}/edit", data=data)
    assert response.status_code == 302
    [notice] = notices(app)
    assert (notice.day, notice.texts) == (None, {"nl": "Zwemmen gaat niet door"})
    with app.app_context():
        assert notice_actions() == ["notice.edit"]
    assert admin_client.get("/admin/notices/9999/edit").status_code == 404


def test_reorder_moves_an_item_up_within_its_day(app, admin_client, week):
    monday = week
    first = add_notice(app, week, monday, texts={"nl": "Eerste"}, position=1)
    second = add_notice(app, week, monday, texts={"nl": "Tweede"}, position=2)
    admin_client.post(f"/admin/notices/{second}/move", data={"direction": "up"})
    page = admin_client.get("/admin/notices").get_data(as_text=True)
    assert page.index(f'id="notice-{second}"') < page.index(f'id="notice-{first}"')
    kiosk = [n["id"] for n in app.test_client().get("/api/v1/kiosk").json["notices"]]
    assert kiosk == [second, first]
    assert (
        admin_client.post(f"/admin/notices/{second}/move", data={"direction": "x"}).status_code
        == 400
    )


def test_delete_removes_the_item_and_records_it(app, admin_client, week):
    notice_id = add_notice(app, week)
    response = admin_client.post(f"/admin/notices/{notice_id}/delete")
    assert response.status_code == 302
    assert notices(app) == []
    with app.app_context():
        assert notice_actions() == ["notice.delete"]


def test_copy_last_week_copies_once(app, admin_client, week):
    last_week = week - timedelta(weeks=1)
    add_notice(app, last_week, last_week + timedelta(days=2), texts={"nl": "Halve dag"})
    add_notice(app, last_week, None, texts={"nl": "Lezen"}, position=2)
    for _ in range(2):  # a double click
        admin_client.post("/admin/notices/copy", data={"week": rules.week_param(week)})
    copied = [n for n in notices(app) if n.week == week]
    assert sorted((str(n.day), n.texts["nl"]) for n in copied) == [
        (str(week + timedelta(days=2)), "Halve dag"),
        ("None", "Lezen"),
    ]


def test_the_week_view_lists_days_and_offers_preview_and_poster(app, admin_client, week):
    add_notice(app, week, week + timedelta(days=1))
    page = admin_client.get(f"/admin/notices?week={rules.week_param(week)}&lang=en").get_data(
        as_text=True
    )
    assert "Zwemmen voor het derde leerjaar" in page
    assert "All week" in page
    assert 'action="/kiosk/notices"' in page and 'name="preview"' in page
    assert 'action="/admin/notices/poster"' in page
    assert "Copy last week" in page


def test_the_poster_has_dutch_and_the_chosen_language(app, admin_client, week):
    add_notice(app, week, week + timedelta(days=1))
    add_notice(app, week, None, texts={"nl": "Alleen Nederlands"}, position=2)
    page = admin_client.get(f"/admin/notices/poster?week={rules.week_param(week)}&lang=ar")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Zwemmen voor het derde leerjaar" in html and "سباحة للسنة الثالثة" in html
    assert "Alleen Nederlands" in html
    assert 'lang="ar" dir="rtl"' in html
    assert "/pictograms/1F3CA.svg" in html
    assert "OpenMoji" in html


def test_the_dashboard_counts_this_weeks_notices(app, admin_client, week):
    add_notice(app, week)
    page = admin_client.get("/admin/?lang=en").get_data(as_text=True)
    assert "<strong>1</strong> <span>Notices this week" in page


def test_demo_makes_a_realistic_week_in_five_languages(make_app):
    app = make_app()
    from kiosk.notices.demo import add as add_demo_notices

    with app.app_context():
        today = clock.today()
        add_demo_notices(today)
        db.session.commit()
        week = db.session.scalars(
            db.select(Notice).where(Notice.week == rules.week_of(today))
        ).all()
    assert len(week) >= 5
    assert sum(1 for n in week if n.day is None) >= 1
    for notice in week:
        assert {"nl", "en", "fr", "ar", "tr"} <= set(notice.texts)
        assert 1 <= len(notice.pictograms) <= 3
        assert all(len(text) <= rules.TEXT_MAX for text in notice.texts.values())


def test_preview_shows_the_kiosk_page_marked_as_preview(app, client, week):
    add_notice(app, week + timedelta(weeks=9), texts={"nl": "Ver vooruit"})
    far = rules.week_param(week + timedelta(weeks=9))
    page = client.get(f"/kiosk/notices?week={far}&preview=1&lang=en").get_data(as_text=True)
    assert "Ver vooruit" in page  # any week, also beyond the kiosk's arrows
    assert 'data-preview="1"' in page
    assert "Preview: taps here are not counted." in page
    assert "preview=1" in re.search(r'href="([^"]+)"[^>]*data-week-previous', page)[1]
    assert "data-preview" not in client.get("/kiosk/notices").get_data(as_text=True)


def test_csv_cells_never_start_a_formula(app, client, admin_client, week):
    notice_id = add_notice(app, week, texts={"nl": "=HYPERLINK(1)"})
    tap(client, notice_id, "unclear")
    body = admin_client.get("/admin/notices/understanding.csv").get_data(as_text=True)
    assert ",'=HYPERLINK(1)," in body
