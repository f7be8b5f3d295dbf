"""/admin/urgent and the snapshot's "urgent" section, through the app."""

from datetime import timedelta

import pytest

from kiosk import clock
from kiosk.audit import AuditEntry
from kiosk.extensions import db
from kiosk.urgent.models import UrgentMessage


@pytest.fixture
def school_now(app):
    with app.app_context():
        return clock.now()


def form(ends_at, action="publish", **texts):
    data = {"pictogram": "closed", "ends_at": ends_at.strftime("%Y-%m-%dT%H:%M"), "action": action}
    data.update({f"text_{lang}": text for lang, text in texts.items()})
    return data


def test_admin_urgent_needs_a_login(client):
    response = client.get("/admin/urgent")
    assert response.status_code == 302
    assert "/admin/login" in response.headers["Location"]
    assert client.post("/admin/urgent/withdraw").status_code == 302
    assert client.get("/api/v1/kiosk").json["urgent"] is None


def test_set_message_reaches_the_snapshot_in_each_language(app, admin_client, school_now):
    ends_at = school_now + timedelta(hours=3)
    response = admin_client.post(
        "/admin/urgent", data=form(ends_at, nl="School dicht: storm", ar="المدرسة مغلقة")
    )
    assert response.status_code == 302

    dutch = admin_client.get("/api/v1/kiosk").json["urgent"]
    assert dutch["text"] == "School dicht: storm"
    assert dutch["lang"] == "nl" and dutch["dir"] == "ltr"
    assert dutch["url"] == "/pictograms/26D4.svg"
    assert dutch["ends_at"].startswith(ends_at.strftime("%Y-%m-%dT%H:%M:00"))
    assert dutch["ends_at"][-6:] in ("+01:00", "+02:00"), "ISO 8601 with the school's offset"
    arabic = admin_client.get("/api/v1/kiosk?lang=ar").json["urgent"]
    assert (arabic["text"], arabic["lang"], arabic["dir"]) == ("المدرسة مغلقة", "ar", "rtl")
    french = admin_client.get("/api/v1/kiosk?lang=fr").json["urgent"]
    assert (french["text"], french["lang"]) == ("School dicht: storm", "nl")

    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="urgent.set"))
        assert entry.actor == "bridge" and entry.target == "School dicht: storm"


def test_urgent_audio_is_the_text_read_in_its_language(admin_client, school_now):
    from kiosk import speech

    if not speech.has_voice("nl"):
        pytest.fail("espeak-ng is missing: scripts/test installs it")
    admin_client.post("/admin/urgent", data=form(school_now + timedelta(hours=1), nl="Storm"))
    assert admin_client.get("/api/v1/kiosk?lang=ar").json["urgent"]["audio"] is None
    audio_url = admin_client.get("/api/v1/kiosk").json["urgent"]["audio"]
    assert audio_url.startswith("/speech/nl/")
    audio = admin_client.get(audio_url)
    assert audio.status_code == 200 and audio.mimetype == "audio/wav"


def test_snapshot_changes_its_etag_when_the_message_ends(app, admin_client, school_now):
    before = admin_client.get("/api/v1/kiosk").headers["ETag"]
    admin_client.post("/admin/urgent", data=form(school_now + timedelta(hours=1), nl="Storm"))
    during = admin_client.get("/api/v1/kiosk").headers["ETag"]
    assert during != before
    with app.app_context():
        message = db.session.scalar(db.select(UrgentMessage))
        message.ends_at = clock.now() - timedelta(seconds=1)
        db.session.commit()
    after = admin_client.get("/api/v1/kiosk")
    assert after.json["urgent"] is None and after.headers["ETag"] == before


def test_dutch_text_is_required_and_what_was_typed_stays(app, admin_client, school_now):
    page = admin_client.post(
        "/admin/urgent?lang=en", data=form(school_now + timedelta(hours=1), ar="مغلقة")
    ).get_data(as_text=True)
    assert "The Dutch text is required" in page
    assert 'value="مغلقة"' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(UrgentMessage.id))) == 0


@pytest.mark.parametrize(
    ("shift", "error"),
    [
        (timedelta(minutes=-5), "The end time has already passed"),
        (timedelta(days=20), "at most 14 days"),
    ],
)
def test_end_time_is_checked(admin_client, school_now, shift, error):
    page = admin_client.post(
        "/admin/urgent?lang=en", data=form(school_now + shift, nl="Storm")
    ).get_data(as_text=True)
    assert error in page
    assert admin_client.get("/api/v1/kiosk").json["urgent"] is None


def test_missing_end_time_and_unknown_pictogram_are_refused(admin_client):
    data = {"pictogram": "no-such-thing", "ends_at": "", "text_nl": "Storm", "action": "publish"}
    page = admin_client.post("/admin/urgent?lang=en", data=data).get_data(as_text=True)
    assert "Say when the message ends." in page
    assert "Not a valid choice" in page
    assert admin_client.get("/api/v1/kiosk").json["urgent"] is None


def test_preview_shows_it_without_putting_it_up(admin_client, school_now):
    page = admin_client.post(
        "/admin/urgent",
        data=form(school_now + timedelta(hours=1), action="preview", nl="Storm", ar="عاصفة"),
    ).get_data(as_text=True)
    assert page.count('class="urgent-panel"') == 2
    assert 'lang="ar" dir="rtl"' in page
    assert admin_client.get("/api/v1/kiosk").json["urgent"] is None


def test_withdraw_takes_it_off_every_kiosk(app, admin_client, school_now):
    admin_client.post("/admin/urgent", data=form(school_now + timedelta(hours=1), nl="Storm"))
    assert "Urgent message on every kiosk" in admin_client.get("/admin/?lang=en").get_data(True)
    assert admin_client.post("/admin/urgent/withdraw").status_code == 302
    assert admin_client.get("/api/v1/kiosk").json["urgent"] is None
    with app.app_context():
        assert db.session.scalar(db.select(AuditEntry).filter_by(action="urgent.withdraw"))
    page = admin_client.get("/admin/urgent?lang=en").get_data(as_text=True)
    assert "Withdrawn" in page and "No urgent message." in page


def test_a_message_of_sentences_reaches_every_language(app, admin_client, school_now):
    ends_at = school_now + timedelta(hours=3)
    data = form(ends_at, pictogram="strike")
    data.update({"phrase": "pick_up", "slot_place": "town_hall", "slot_time": "14:00"})
    assert admin_client.post("/admin/urgent", data=data).status_code == 302

    somali = admin_client.get("/api/v1/kiosk?lang=so").json["urgent"]
    assert somali["lang"] == "so" and "2:00" in somali["text"]
    assert "xafiiska degmada" in somali["text"]
    dutch = admin_client.get("/api/v1/kiosk").json["urgent"]
    assert dutch["text"] == "Haal je kind op in het gemeentehuis om 14:00."
    with app.app_context():
        (message,) = db.session.scalars(db.select(UrgentMessage)).all()
        assert message.texts == {}
        assert message.phrases == [
            {"key": "pick_up", "slots": {"place": "town_hall", "time": "14:00"}}
        ]


def test_a_sentence_without_its_blanks_is_refused(app, admin_client, school_now):
    data = form(school_now + timedelta(hours=3))
    data.update({"phrase": "pick_up", "slot_place": "town_hall", "slot_time": ""})
    page = admin_client.post("/admin/urgent?lang=en", data=data).get_data(as_text=True)
    assert "Fill this in for the sentence." in page
    assert '<option value="town_hall" selected>' in page
    with app.app_context():
        assert db.session.scalars(db.select(UrgentMessage)).all() == []
