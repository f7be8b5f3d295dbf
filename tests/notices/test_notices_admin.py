"""The notices as the bridge figure meets them: the week, the editor, the poster, the counts."""

from datetime import timedelta

import pytest
from notices_helpers import add_notice, notice_actions, notices, tap

from kiosk import audit, clock, i18n, retention, speech
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.notices import rules
from kiosk.notices.models import Notice, UnderstandingTap


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


def audio_of(app, text, lang):
    with app.app_context():
        return speech.speech_cache_dir() / f"{speech.text_digest(text, lang)}.wav"


def test_saving_a_notice_makes_its_audio_and_the_kiosk_reads_it(app, admin_client, week):
    admin_client.post(f"/admin/notices/new?week={rules.week_param(week)}", data=form_data(week))
    assert audio_of(app, "Dinsdag zwemmen", "nl").is_file()
    assert audio_of(app, "السباحة يوم الثلاثاء", "ar").is_file()
    page = app.test_client().get("/kiosk/notices?lang=nl").get_data(as_text=True)
    assert 'data-audio="/speech/nl/' in page
    page = app.test_client().get("/kiosk/notices?lang=fr").get_data(as_text=True)
    assert "/speech/nl/" not in page, "a French page shows the Dutch text, but does not read it"


def test_the_purge_removes_the_audio_of_a_deleted_notice(app, admin_client, week):
    for text in ("Dinsdag zwemmen", "Woensdag bos"):
        admin_client.post(
            f"/admin/notices/new?week={rules.week_param(week)}",
            data=form_data(week, text_nl=text, text_ar=""),
        )
    [gone, kept] = notices(app)
    admin_client.post(f"/admin/notices/{gone.id}/delete")
    assert audio_of(app, "Dinsdag zwemmen", "nl").is_file(), "kiosks may still be showing it"

    later = utcnow() + speech.KEEP_ASKED + timedelta(days=1)
    with app.app_context():
        assert retention.purge(later, app.config)["speech files"] == 1
    assert not audio_of(app, "Dinsdag zwemmen", "nl").exists()
    assert audio_of(app, "Woensdag bos", "nl").is_file(), "this week's notice keeps its voice"


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


def test_demo_makes_a_realistic_week_in_every_language(make_app):
    app = make_app()
    from kiosk.notices import queries
    from kiosk.notices.demo import add as add_demo_notices

    with app.app_context():
        today = clock.today()
        add_demo_notices(today)
        db.session.commit()
        week = db.session.scalars(
            db.select(Notice).where(Notice.week == rules.this_week(today))
        ).all()
        texts = [queries.texts_of(notice) for notice in week]
    assert len(week) >= 5
    assert sum(1 for n in week if n.day is None) >= 1
    for notice, shown in zip(week, texts, strict=True):
        assert set(shown) == {language.code for language in i18n.LANGUAGES}
        assert 1 <= len(notice.pictograms) <= 3


def test_csv_cells_never_start_a_formula(app, client, admin_client, week):
    notice_id = add_notice(app, week, texts={"nl": "=HYPERLINK(1)"})
    tap(client, notice_id, "unclear")
    body = admin_client.get("/admin/notices/understanding.csv").get_data(as_text=True)
    assert ",'=HYPERLINK(1)," in body
