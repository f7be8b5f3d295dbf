"""Who is who: the bridge figure adds the team; parents find the teacher on a school screen."""

import html
import io
from pathlib import Path

import pytest
from PIL import Image

from kiosk.extensions import db
from kiosk.team.models import TeamMember

TRUSTED = {"KIOSK_TRUSTED_NETWORKS": "127.0.0.1/32"}


def portrait_jpeg(size=(1500, 2000)) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 150, 120))
    exif = Image.Exif()
    exif[0x010F] = "PhoneCam"  # Make
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def add(client, photo=None, consent=True, lang="en", **fields):
    data = {
        "first_name": "Sara",
        "role": "teacher",
        "class_name": "1A",
        "languages": ["nl", "ar"],
        "position": "10",
        **fields,
    }
    if photo is not None:
        data["photo"] = (io.BytesIO(photo), "sara.jpg")
    if consent:
        data["consent"] = "y"
    return client.post(f"/admin/team?lang={lang}", data=data, content_type="multipart/form-data")


def members(app):
    with app.app_context():
        return db.session.scalars(db.select(TeamMember).order_by(TeamMember.id)).all()


def team_files(app):
    folder = Path(app.instance_path) / "team"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def app(make_app):
    return make_app(**TRUSTED)


@pytest.fixture
def kiosk(app):
    return app.test_client()


def test_a_teacher_with_photo_shows_under_their_class_on_a_school_screen(app, admin_client, kiosk):
    response = add(admin_client, portrait_jpeg())
    assert response.status_code == 302
    (sara,) = members(app)
    assert sara.photo_key and sara.photo_consent_by == "bridge" and sara.photo_consent_at
    assert sara.languages == ["nl", "ar"] and sara.class_label == "1A"

    page = kiosk.get("/kiosk/team?lang=en").get_data(as_text=True)
    assert 'data-group="class:1A"' in page and "Class 1A" in page
    assert "Sara" in page
    assert '<bdi lang="ar">العربية</bdi>' in page
    assert '<bdi lang="nl">Nederlands</bdi>' in page
    photo_url = f"/kiosk/team/photos/{sara.photo_key}.jpg"
    assert photo_url in page
    response = kiosk.get(photo_url)
    assert response.status_code == 200
    assert b"PhoneCam" not in response.data and b"Exif" not in response.data
    assert max(Image.open(io.BytesIO(response.data)).size) <= 400


def test_not_trusted_screens_get_the_card_and_no_team(app, admin_client, make_app):
    add(admin_client, portrait_jpeg())
    (sara,) = members(app)
    outsider = make_app(KIOSK_TRUSTED_NETWORKS="").test_client()  # same database
    page = outsider.get("/kiosk/team").get_data(as_text=True)
    assert "data-school-screens-only" in page
    assert "Sara" not in page and "data-person" not in page
    assert outsider.get(f"/kiosk/team/photos/{sara.photo_key}.jpg").status_code == 404
    assert outsider.get("/api/v1/kiosk").json["team"] == []
    english = html.unescape(outsider.get("/kiosk/team?lang=en").get_data(as_text=True))
    assert "Only on the school's own screens" in english


def test_a_photo_without_consent_is_not_added(app, admin_client):
    response = add(admin_client, portrait_jpeg(), consent=False, first_name="Tom")
    assert response.status_code == 200
    assert b"Please confirm that this person agreed to be shown" in response.data
    assert b'value="Tom"' in response.data
    assert members(app) == [] and team_files(app) == []


def test_a_bad_photo_says_why_and_keeps_what_was_typed(app, admin_client):
    response = add(admin_client, b"not a photo at all", first_name="Ilse")
    assert b"This file is not a photo" in response.data
    assert b'value="Ilse"' in response.data
    assert members(app) == [] and team_files(app) == []


def test_a_teacher_needs_a_class_others_do_not(app, admin_client, kiosk):
    response = add(admin_client, class_name="")
    assert b"A teacher is shown under their class: which class?" in response.data
    assert members(app) == []
    assert add(admin_client, role="kitchen", class_name="", first_name="Yusuf").status_code == 302
    (yusuf,) = members(app)
    assert yusuf.photo_key is None
    page = kiosk.get("/kiosk/team?lang=en").get_data(as_text=True)
    assert 'data-group="role:kitchen"' in page and "Yusuf" in page


def test_the_snapshot_lists_the_team_for_school_screens(app, admin_client, kiosk):
    add(admin_client, portrait_jpeg())
    (person,) = kiosk.get("/api/v1/kiosk").json["team"]
    assert person["first_name"] == "Sara" and person["class"] == "1A"
    assert person["role"] == "teacher"
    assert [language["name"] for language in person["languages"]] == ["Nederlands", "العربية"]
    assert person["photo_url"].startswith("/kiosk/team/photos/")


def test_editing_replaces_or_removes_the_photo_and_its_files(app, admin_client, kiosk):
    add(admin_client, portrait_jpeg())
    (sara,) = members(app)
    first_key = sara.photo_key
    form = admin_client.get(f"/admin/team/{sara.id}").get_data(as_text=True)
    assert 'value="Sara"' in form and 'value="1A"' in form
    admin_client.post(
        f"/admin/team/{sara.id}",
        data={
            "first_name": "Sara",
            "role": "teacher",
            "class_name": "2A",
            "languages": ["nl"],
            "position": "5",
            "photo": (io.BytesIO(portrait_jpeg((800, 800))), "new.jpg"),
            "consent": "y",
        },
        content_type="multipart/form-data",
    )
    (sara,) = members(app)
    assert sara.photo_key != first_key and sara.class_label == "2A"
    assert not any(name.startswith(first_key) for name in team_files(app))
    assert kiosk.get(f"/kiosk/team/photos/{first_key}.jpg").status_code == 404

    admin_client.post(
        f"/admin/team/{sara.id}",
        data={"first_name": "Sara", "role": "teacher", "class_name": "2A", "remove_photo": "y"},
    )
    (sara,) = members(app)
    assert sara.photo_key is None and sara.photo_consent_at is None
    assert team_files(app) == []


def test_removing_a_person_removes_their_photo(app, admin_client):
    add(admin_client, portrait_jpeg())
    (sara,) = members(app)
    assert admin_client.post(f"/admin/team/{sara.id}/delete").status_code == 302
    assert members(app) == [] and team_files(app) == []


def test_admin_team_needs_a_login(client):
    assert client.get("/admin/team").status_code == 302


def test_an_rtl_language_is_marked_on_the_kiosk(app, admin_client, kiosk):
    add(admin_client, first_name="Amina", role="care", languages=["ur", "nl"])
    person = kiosk.get("/api/v1/kiosk").get_json()["team"][0]
    assert [(lang["code"], lang["rtl"]) for lang in person["languages"]] == [
        ("nl", False),
        ("ur", True),
    ]
