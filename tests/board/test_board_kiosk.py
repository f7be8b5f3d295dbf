"""The board on the kiosk: what it shows to whom, and the cards tapped there."""

import uuid
from datetime import date

from kiosk.audit import AuditEntry
from kiosk.board.models import Choice, PlanException
from kiosk.extensions import db

AFTER_CUTOFF = "2031-03-11T10:15"
WEDNESDAY_MORNING = "2031-03-12T08:30"


def tap(client, child_id, choice, request_id=None, **extra):
    body = {"id": request_id or str(uuid.uuid4()), "child": child_id, "choice": choice}
    body.update(extra)
    return client.post("/kiosk/board/choice", json=body)


def board_class(client, class_id, lang="nl"):
    snapshot = client.get(f"/api/v1/kiosk?lang={lang}").json
    return next(c for c in snapshot["board"] if c["id"] == class_id)


def stored_choices(app):
    with app.app_context():
        return db.session.scalars(db.select(Choice)).all()


def test_the_home_tile_opens_the_board(school_app):
    home = school_app().test_client().get("/kiosk/?lang=en").get_data(as_text=True)
    assert 'class="tile tile-board" href="/kiosk/board' in home


def test_the_board_shows_every_class_with_its_plan_for_today(school_app, add_class):
    app = school_app()
    class_id, _ = add_class(app, "Uilen")
    add_class(app, "Leeuwtjes", animal="animal_lion", colour="#f6c445")
    client = app.test_client()
    page = client.get("/kiosk/board").get_data(as_text=True)
    assert f'data-class="{class_id}"' in page
    assert "Leeuwtjes" in page and "/pictograms/1F981.svg" in page  # the lion
    assert "data-child" not in page  # children only on a class's own screen

    shown = board_class(client, class_id)
    assert shown["name"] == "Uilen" and shown["colour"] == "#2e7d32"
    assert shown["animal_url"] == "/pictograms/1F989.svg"
    today = shown["today"]
    assert today["date"] == "2031-03-11" and today["closed"] is None
    assert [p["part"] for p in today["parts"]] == ["morning", "afternoon"]
    assert today["parts"][0]["starts"] == "08:30" and today["parts"][0]["ends"] == "12:00"
    assert today["noon_choice"] and not today["noon_locked"]


def test_a_school_screen_sees_children_with_their_cards(school_app, add_class):
    app = school_app()
    class_id, children = add_class(app)
    client = app.test_client()
    page = client.get(f"/kiosk/board/{class_id}").get_data(as_text=True)
    for child_id in children.values():
        assert f'data-child="{child_id}"' in page
    for card in (
        "noon:warm",
        "noon:sandwiches",
        "noon:home",
        "after:row",
        "after:pickup",
        "after:care",
    ):
        assert f'data-choice="{card}"' in page
    child = board_class(client, class_id)["children"][0]
    assert set(child) == {"id", "symbol", "url", "label", "noon", "after"}  # no first name
    assert child["url"].startswith("/pictograms/") and child["noon"] == "warm"
    assert "Amira" not in page


def test_first_names_only_where_the_class_shows_them(school_app, add_class):
    app = school_app()
    class_id, _ = add_class(app, show_first_names=True)
    client = app.test_client()
    names = {c["first_name"] for c in board_class(client, class_id)["children"]}
    assert names == {"Amira", "Noah", "Lina"}
    assert "Amira" in client.get(f"/kiosk/board/{class_id}").get_data(as_text=True)


def test_anyone_else_gets_the_plan_without_children(school_app, add_class):
    app = school_app(KIOSK_TRUSTED_NETWORKS="")
    class_id, children = add_class(app, show_first_names=True)
    client = app.test_client()
    shown = board_class(client, class_id)
    assert "children" not in shown and shown["today"]["parts"]
    page = client.get(f"/kiosk/board/{class_id}?lang=en").get_data(as_text=True)
    assert "data-child" not in page and "Amira" not in page
    assert "The children are shown only on the school" in page
    response = tap(client, children["Amira"], "noon:home")
    assert response.status_code == 403
    assert stored_choices(app) == []


def test_a_tapped_card_stands_for_today_and_is_in_the_audit_log(school_app, add_class):
    app = school_app()
    class_id, children = add_class(app)
    client = app.test_client()
    response = tap(client, children["Noah"], "noon:home", kiosk="hall", day="2031-03-11")
    assert response.status_code == 200
    assert response.json == {
        "status": "saved",
        "child": children["Noah"],
        "noon": "home",
        "after": "row",
    }
    shown = {c["id"]: c for c in board_class(client, class_id)["children"]}
    assert shown[children["Noah"]]["noon"] == "home"
    assert shown[children["Amira"]]["noon"] == "warm"
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="board.choice"))
        assert entry.actor == "kiosk hall"
        assert "Noah" in entry.target and "noon=home" in entry.detail


def test_a_double_tap_or_a_retry_counts_once(school_app, add_class):
    app = school_app()
    _, children = add_class(app)
    client = app.test_client()
    same = str(uuid.uuid4())
    assert tap(client, children["Lina"], "after:care", same).json["status"] == "saved"
    assert tap(client, children["Lina"], "after:pickup", str(uuid.uuid4())).status_code == 200
    retry = tap(client, children["Lina"], "after:care", same)
    assert retry.json["status"] == "repeat"
    assert retry.json["after"] == "pickup"  # the older retry did not undo the newer tap
    assert len(stored_choices(app)) == 2
    # Tapping the card that already stands stores nothing.
    assert tap(client, children["Lina"], "after:pickup").json["status"] == "unchanged"
    assert len(stored_choices(app)) == 2
    with app.app_context():
        audited = db.session.scalars(db.select(AuditEntry).filter_by(action="board.choice")).all()
        assert len(audited) == 2


def test_noon_is_locked_after_the_cut_off_and_the_kiosk_shows_a_lock(school_app, add_class):
    app = school_app(KIOSK_FAKE_NOW=AFTER_CUTOFF)
    class_id, children = add_class(app)
    client = app.test_client()
    response = tap(client, children["Amira"], "noon:home")
    assert response.status_code == 409
    assert response.json["error"] == "locked"
    assert response.json["pictogram"] == "/pictograms/1F512.svg"
    assert stored_choices(app) == []
    assert board_class(client, class_id)["today"]["noon_locked"]
    page = client.get(f"/kiosk/board/{class_id}").get_data(as_text=True)
    assert 'class="lock-badge"' in page and 'aria-disabled="true"' in page
    # The end of the day can still change.
    assert tap(client, children["Amira"], "after:pickup").status_code == 200


def test_a_day_without_afternoon_school_has_no_noon_choice(school_app, add_class):
    app = school_app(KIOSK_FAKE_NOW=WEDNESDAY_MORNING)
    class_id, children = add_class(app)
    client = app.test_client()
    assert tap(client, children["Amira"], "noon:home").json["error"] == "no_noon"
    page = client.get(f"/kiosk/board/{class_id}").get_data(as_text=True)
    assert 'data-choice="noon:' not in page and 'data-choice="after:row"' in page
    child = board_class(client, class_id)["children"][0]
    assert child["noon"] is None and child["after"] == "row"


def test_a_waiting_tap_from_an_earlier_day_is_refused(school_app, add_class):
    app = school_app()
    _, children = add_class(app)
    response = tap(app.test_client(), children["Amira"], "after:care", day="2031-03-10")
    assert response.status_code == 409 and response.json["error"] == "not_today"
    assert stored_choices(app) == []


def test_bad_kiosk_requests_are_refused_with_a_pictogram_and_store_nothing(school_app, add_class):
    app = school_app()
    _, children = add_class(app)
    client = app.test_client()
    amira = children["Amira"]
    for response, status, error in (
        (tap(client, 99999, "noon:warm"), 404, "unknown_child"),
        (tap(client, "abc", "noon:warm"), 404, "unknown_child"),
        (tap(client, amira, "noon:pizza"), 400, "unknown_choice"),
        (tap(client, amira, "after:warm"), 400, "unknown_choice"),
        (tap(client, amira, "noon:warm", request_id="x"), 400, "unknown_choice"),
        (tap(client, amira, "noon:warm", day="yesterday"), 400, "unknown_choice"),
        (client.post("/kiosk/board/choice", data="not json"), 400, "unknown_choice"),
    ):
        assert response.status_code == status
        assert response.json["error"] == error
        assert response.json["pictogram"].startswith("/pictograms/")
    assert stored_choices(app) == []


def test_a_change_of_plan_stands_out_on_the_board(school_app, add_class):
    app = school_app()
    class_id, _ = add_class(app)
    with app.app_context():
        db.session.add(
            PlanException(
                class_id=class_id,
                day=date(2031, 3, 11),
                part="afternoon",
                activity="forest_trip",
                place="forest",
                note={"nl": "Ophalen aan het bos", "ar": "الاستلام عند الغابة"},
            )
        )
        db.session.commit()
    client = app.test_client()
    afternoon = board_class(client, class_id, "ar")["today"]["parts"][1]
    assert afternoon["changed"] and afternoon["activity"] == "forest_trip"
    assert afternoon["note"] == "الاستلام عند الغابة" and afternoon["note_lang"] == "ar"
    assert board_class(client, class_id, "fr")["today"]["parts"][1]["note"] == "Ophalen aan het bos"
    page = client.get("/kiosk/board").get_data(as_text=True)
    assert "data-changed" in page and "Ophalen aan het bos" in page


def test_an_unknown_class_is_a_kiosk_404_with_the_home_button(school_app):
    response = school_app().test_client().get("/kiosk/board/4242?lang=fr")
    assert response.status_code == 404
    assert 'class="home-button"' in response.get_data(as_text=True)


def test_the_snapshot_is_the_same_in_every_process(school_app, add_class):
    first = school_app()
    add_class(first)
    second = school_app()
    etags = {app.test_client().get("/api/v1/kiosk").headers["ETag"] for app in (first, second)}
    assert len(etags) == 1
