"""The café on the kiosk and in its snapshot: what is coming, never who comes."""

import re
from datetime import datetime

from kiosk.cafe.models import Signup
from kiosk.extensions import db


def test_snapshot_lists_upcoming_meetings_with_the_contract_keys(client, make_meeting):
    meeting_id = make_meeting(capacity=6, places_left=4)
    (entry,) = client.get("/api/v1/kiosk?lang=fr").json["cafe"]
    assert entry["id"] == meeting_id
    assert entry["places_left"] == 4
    assert entry["signup_url"] == f"http://localhost/m/cafe/{meeting_id}?lang=fr"
    assert entry["topic"] == "Le sommeil" and entry["topic_lang"] == "fr"
    assert entry["pictogram"].startswith("/pictograms/")
    starts_at = datetime.fromisoformat(entry["starts_at"])
    assert starts_at.utcoffset() is not None, "ISO 8601 with the school's offset"


def test_snapshot_falls_back_to_dutch_and_uses_the_public_url(make_app, make_meeting):
    app = make_app(KIOSK_PUBLIC_URL="https://school.example.org")
    meeting_id = make_meeting(topic={"nl": "Schermtijd"})
    (entry,) = app.test_client().get("/api/v1/kiosk?lang=ar").json["cafe"]
    assert entry["topic"] == "Schermtijd" and entry["topic_lang"] == "nl"
    assert entry["signup_url"] == f"https://school.example.org/m/cafe/{meeting_id}?lang=ar"


def test_started_meetings_leave_the_kiosk(client, make_meeting):
    make_meeting(days=-1)
    later, sooner = make_meeting(days=9), make_meeting(days=2)
    assert [e["id"] for e in client.get("/api/v1/kiosk").json["cafe"]] == [sooner, later]


def test_the_kiosk_shows_each_meeting_with_its_qr_code_and_the_ideas_qr(client, make_meeting):
    meeting_id = make_meeting()
    page = client.get("/kiosk/cafe?lang=en").get_data(as_text=True)
    card = page.split(f'data-meeting="{meeting_id}"')[1].split("</article>")[0]
    assert "Sleep" in card and "Refter" in card and "Türkçe" in card
    assert 'data-fact="interpreter"' in card and 'data-fact="childcare"' in card
    assert 'data-places-left="10"' in card
    assert card.count("<svg") == 1
    assert "data-ideas" in page
    assert "<input" not in page and "<textarea" not in page


def test_the_kiosk_never_shows_who_signed_up(app, client, make_meeting):
    meeting_id = make_meeting()
    with app.app_context():
        db.session.add(
            Signup(
                meeting_id=meeting_id,
                token="t" * 40,
                name="Zeynep",
                adults=1,
                children=0,
                contact="zeynep@example.org",
                lang="tr",
                status="confirmed",
            )
        )
        db.session.commit()
    page = client.get("/kiosk/cafe").get_data(as_text=True)
    snapshot = client.get("/api/v1/kiosk").get_data(as_text=True)
    for text in (page, snapshot):
        assert "Zeynep" not in text and "zeynep@" not in text


def test_a_full_meeting_says_so_on_the_kiosk(client, make_meeting):
    meeting_id = make_meeting(capacity=4, places_left=0)
    page = client.get("/kiosk/cafe?lang=en").get_data(as_text=True)
    card = page.split(f'data-meeting="{meeting_id}"')[1].split("</article>")[0]
    assert 'data-places-left="0"' in card and "waiting list" in card


def test_the_kiosk_without_meetings_still_invites_ideas(client):
    page = client.get("/kiosk/cafe?lang=en").get_data(as_text=True)
    assert "No café is planned yet." in page and "data-ideas" in page


def test_the_home_tile_leads_to_the_cafe_screen(client):
    page = client.get("/kiosk/?lang=ar").get_data(as_text=True)
    assert re.search(r'href="/kiosk/cafe\?lang=ar"', page)
