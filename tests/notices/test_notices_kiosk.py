"""The notices as parents meet them: the kiosk page, the snapshot, read-aloud, the taps."""

import re
from datetime import timedelta

from notices_helpers import add_notice, new_tap, tap

from kiosk import clock, speech
from kiosk.extensions import db
from kiosk.notices import queries, rules
from kiosk.notices.models import Notice, UnderstandingTap
from tests.notices.conftest import SCHOOL_SCREENS

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


def test_on_a_sunday_this_week_is_the_coming_week(make_app):
    app = make_app(KIOSK_FAKE_NOW="2031-03-16T10:00")  # Sunday 16 March 2031
    past, coming = rules.parse_week("2031-W11"), rules.parse_week("2031-W12")
    add_notice(app, past, texts={"nl": "Vorige week zwemmen"})
    add_notice(app, coming, texts={"nl": "Maandag luizencontrole"})
    page = app.test_client().get("/kiosk/notices?lang=en").get_data(as_text=True)
    assert "This week" in page and "17 March – 21 March 2031" in page
    assert "Maandag luizencontrole" in page and "Vorige week zwemmen" not in page
    assert "data-week-previous" not in page
    items = app.test_client().get("/api/v1/kiosk").json["notices"]
    assert [item["text"] for item in items] == ["Maandag luizencontrole"]


def test_read_aloud_button_speaks_the_text_in_its_own_language(app, client, week):
    add_notice(app, week)
    with app.app_context():
        speech.make_missing()  # the background job: this week's notices get their voice
    page = client.get("/kiosk/notices?lang=ar").get_data(as_text=True)
    assert 'data-audio="/speech/ar/' in page
    audio = re.search(r'data-audio="([^"]+)"', page)[1]
    response = client.get(audio)
    assert (response.status_code, response.mimetype) == (200, "audio/wav")


def test_a_page_never_waits_for_espeak_and_shows_only_made_audio(app, client, week, monkeypatch):
    made = add_notice(app, week, texts={"nl": "Morgen zwemmen"})
    add_notice(app, week, texts={"nl": "Vrijdag halve dag"}, position=2)
    with app.app_context():
        notice = db.session.get(Notice, made)
        assert speech.make(queries.spoken(notice)) == 1  # as the save does

    def espeak(*args, **kwargs):
        raise AssertionError("espeak-ng ran while a page rendered")

    monkeypatch.setattr(speech.subprocess, "run", espeak)
    response = client.get("/kiosk/notices")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Morgen zwemmen" in page and "Vrijdag halve dag" in page
    items = page.split('data-notice="')[1:]
    assert [(int(item.split('"')[0]), "data-audio=" in item) for item in items] == [
        (made, True),
        (made + 1, False),
    ]


def test_kiosk_has_no_text_input_and_no_link_to_the_admin(app, client, week):
    add_notice(app, week)
    page = client.get("/kiosk/notices").get_data(as_text=True)
    assert "<input" not in page and "<textarea" not in page
    assert "/admin" not in page


# --- Understanding taps --------------------------------------------------------------


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


def test_a_tap_from_anywhere_but_a_school_screen_is_refused_and_not_counted(make_app, week):
    app = make_app()
    notice_id = add_notice(app, week)
    stranger = make_app(KIOSK_TRUSTED_NETWORKS="").test_client()  # the same database
    for _ in range(3):
        assert tap(stranger, notice_id, "unclear").status_code == 403
    with app.app_context():
        assert db.session.scalars(db.select(UnderstandingTap)).all() == []
    page = stranger.get("/kiosk/notices").get_data(as_text=True)
    assert f'data-notice="{notice_id}"' in page
    assert "data-understanding" not in page  # no buttons that would be refused


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
    app = make_app(WTF_CSRF_ENABLED=True, KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS)
    client = app.test_client()
    with app.app_context():
        week = rules.this_week(clock.today())
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


def test_preview_shows_the_kiosk_page_marked_as_preview(app, client, week):
    add_notice(app, week + timedelta(weeks=9), texts={"nl": "Ver vooruit"})
    far = rules.week_param(week + timedelta(weeks=9))
    page = client.get(f"/kiosk/notices?week={far}&preview=1&lang=en").get_data(as_text=True)
    assert "Ver vooruit" in page  # any week, also beyond the kiosk's arrows
    assert 'data-preview="1"' in page
    assert "Preview: taps here are not counted." in page
    assert "preview=1" in re.search(r'href="([^"]+)"[^>]*data-week-previous', page)[1]
    assert "data-preview" not in client.get("/kiosk/notices").get_data(as_text=True)
