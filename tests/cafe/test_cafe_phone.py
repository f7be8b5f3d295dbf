"""A parent on their phone: sign up, see the status, add it to a calendar, cancel, propose."""

import gzip
import re
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from kiosk.cafe.models import CONFIRMED, Idea, Meeting, Signup
from kiosk.extensions import db
from tests.status_helpers import assert_keepable

STATIC = Path(__file__).resolve().parents[2] / "static"


def _token(response):
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    match = re.fullmatch(r"/m/s/([A-Za-z0-9_-]+)", response.headers["Location"])
    assert match, response.headers["Location"]
    return match.group(1)


def _signups(app, meeting_id):
    with app.app_context():
        return db.session.scalars(db.select(Signup).filter_by(meeting_id=meeting_id)).all()


def _errors(response):
    return re.findall(r'class="error" role="alert">([^<]*)<', response.get_data(as_text=True))


def test_the_sign_up_form_asks_what_the_spec_lists(client, make_meeting):
    meeting_id = make_meeting()
    page = client.get(f"/m/cafe/{meeting_id}?lang=en").get_data(as_text=True)
    for name in ("name", "adults", "children", "interpreter", "interpreter_language", "contact"):
        assert f'name="{name}"' in page
    assert 'name="form_key"' in page
    assert "Sleep" in page and "Refter" in page
    assert "<script" not in page


def test_a_parent_signs_up_and_lands_on_the_status_page(app, client, make_meeting, sign_up):
    meeting_id = make_meeting(capacity=10)
    token = _token(
        sign_up(
            meeting_id,
            lang="tr",
            name="Ayşe",
            adults="2",
            children="1",
            interpreter="y",
            interpreter_language="tr",
            contact="+32 470 12 34 56",
        )
    )
    assert len(token) >= 22  # at least 128 bits
    (signup,) = _signups(app, meeting_id)
    assert (signup.name, signup.adults, signup.children) == ("Ayşe", 2, 1)
    assert (signup.interpreter_language, signup.contact, signup.status) == (
        "tr",
        "+32 470 12 34 56",
        CONFIRMED,
    )
    with app.app_context():
        assert db.session.get(Meeting, meeting_id).places_left == 8
    page = client.get(f"/m/s/{token}?lang=en").get_data(as_text=True)
    assert 'data-status="confirmed"' in page and "Ayşe" in page
    assert client.get(f"/api/v1/status/{token}").json == {"kind": "cafe", "status": "confirmed"}


def test_an_interpreter_language_counts_only_with_the_box_ticked(app, make_meeting, sign_up):
    meeting_id = make_meeting()
    _token(sign_up(meeting_id, interpreter_language="ar"))
    assert _signups(app, meeting_id)[0].interpreter_language is None


def test_the_same_form_sent_twice_makes_one_sign_up(app, client, make_meeting, sign_up):
    meeting_id = make_meeting(capacity=5)
    first = _token(sign_up(meeting_id, form_key="one-form-key-0123456789"))
    again = _token(sign_up(meeting_id, form_key="one-form-key-0123456789"))
    assert first == again
    assert len(_signups(app, meeting_id)) == 1
    with app.app_context():
        assert db.session.get(Meeting, meeting_id).places_left == 4
    other = _token(sign_up(meeting_id, form_key="another-form-key-01234"))
    assert other != first and len(_signups(app, meeting_id)) == 2


def test_a_full_meeting_puts_the_parent_on_the_waiting_list_and_says_so(
    client, make_meeting, sign_up
):
    meeting_id = make_meeting(capacity=1)
    _token(sign_up(meeting_id))
    form = client.get(f"/m/cafe/{meeting_id}?lang=en").get_data(as_text=True)
    assert "This café is full" in form and "Put me on the waiting list" in form
    first_waiting = _token(sign_up(meeting_id, name="Second"))
    second_waiting = _token(sign_up(meeting_id, name="Third"))
    status = client.get(f"/api/v1/status/{second_waiting}").json
    assert status == {"kind": "cafe", "status": "waiting", "position": 2}
    page = client.get(f"/m/s/{first_waiting}?lang=en").get_data(as_text=True)
    assert 'data-position="1"' in page
    assert "You are on the waiting list" in page
    assert "Your place on the waiting list: <strong>1</strong>" in page


def test_the_status_page_is_kept_by_calendar_home_screen_or_its_own_qr_code(
    app, client, make_meeting, sign_up
):
    token = _token(sign_up(make_meeting(), lang="ar"))
    page = client.get(f"/m/s/{token}?lang=ar").get_data(as_text=True)
    assert_keepable(app, page, token, "ar", calendar=True)
    assert f'href="/m/s/{token}.ics" data-ics' in page
    client.post(f"/m/s/{token}/cancel")
    cancelled = client.get(f"/m/s/{token}?lang=ar").get_data(as_text=True)
    assert 'data-status="cancelled"' in cancelled
    assert_keepable(app, cancelled, token, "ar", calendar=False)


def test_cancelling_frees_the_place_for_the_first_waiting(client, make_meeting, sign_up):
    meeting_id = make_meeting(capacity=1)
    confirmed = _token(sign_up(meeting_id))
    waiting = _token(sign_up(meeting_id, name="Second"))
    response = client.post(f"/m/s/{confirmed}/cancel?lang=en")
    assert response.status_code == 302
    assert client.get(f"/api/v1/status/{confirmed}").json["status"] == "cancelled"
    assert client.get(f"/api/v1/status/{waiting}").json == {"kind": "cafe", "status": "confirmed"}
    page = client.get(f"/m/s/{confirmed}?lang=en").get_data(as_text=True)
    assert "Your sign-up is cancelled" in page
    assert "Cancel my sign-up" not in page and ".ics" not in page


def test_the_calendar_file_is_a_valid_event_at_the_school_s_time(client, make_meeting, sign_up):
    meeting_id = make_meeting()
    token = _token(sign_up(meeting_id, lang="fr"))
    response = client.get(f"/m/s/{token}.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    (event,) = Calendar.from_ical(response.data).walk("VEVENT")
    assert "Le sommeil" in str(event["SUMMARY"])
    assert str(event["LOCATION"]) == "Refter"
    assert event["DTSTART"].dt.tzinfo is not None
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=90)
    assert str(event["STATUS"]) == "CONFIRMED"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "Please fill in a first name or a nickname."),
        ({"name": "   "}, "Please fill in a first name or a nickname."),
        ({"name": "x" * 10_000}, "At most 40 characters, please."),
        ({"adults": "0"}, "Choose between 1 and 5 adults."),
        ({"adults": "6"}, "Choose between 1 and 5 adults."),
        ({"adults": "two"}, "Choose between 1 and 5 adults."),
        ({"children": "-1"}, "Choose between 0 and 6 children."),
        ({"children": "7"}, "Choose between 0 and 6 children."),
        ({"interpreter": "y", "interpreter_language": "xx"}, "Choose the language"),
        ({"contact": "tomorrow"}, "Please give a phone number or an e-mail address"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(app, make_meeting, sign_up, fields, message):
    meeting_id = make_meeting()
    response = sign_up(meeting_id, **fields)
    assert response.status_code == 400
    assert any(message in error for error in _errors(response)), _errors(response)
    assert _signups(app, meeting_id) == []


def test_what_was_typed_is_kept_on_error(make_meeting, sign_up):
    response = sign_up(make_meeting(), name="Amina", adults="3", contact="tomorrow")
    page = response.get_data(as_text=True)
    assert 'value="Amina"' in page and 'value="tomorrow"' in page
    assert re.search(r'<input checked[^>]*name="adults"[^>]*value="3"', page)


def test_good_contacts_are_accepted(app, make_meeting, sign_up):
    meeting_id = make_meeting()
    for contact in ("0470 12 34 56", "+32 (0)470/12.34.56", "amina@example.org", ""):
        _token(sign_up(meeting_id, contact=contact))
    assert [s.contact for s in _signups(app, meeting_id)][-1] is None


def test_html_in_a_name_is_shown_as_text(client, make_meeting, sign_up):
    token = _token(sign_up(make_meeting(), name="<b>Amina</b>"))
    page = client.get(f"/m/s/{token}").get_data(as_text=True)
    assert "&lt;b&gt;Amina&lt;/b&gt;" in page and "<b>Amina" not in page


def test_a_meeting_that_started_takes_no_sign_up(app, client, make_meeting, sign_up):
    meeting_id = make_meeting(days=-1)
    page = client.get(f"/m/cafe/{meeting_id}?lang=en").get_data(as_text=True)
    assert "already started or taken place" in page and 'name="name"' not in page
    assert sign_up(meeting_id).status_code == 409
    assert _signups(app, meeting_id) == []


@pytest.mark.parametrize(
    "path", ["/m/cafe/999?lang=fr", "/m/s/no-such-token?lang=fr", "/m/s/no-such-token.ics?lang=fr"]
)
def test_unknown_meetings_and_tokens_answer_404_in_the_chosen_language(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page introuvable" in response.get_data(as_text=True)


def test_unknown_token_cannot_be_cancelled(client):
    assert client.post("/m/s/no-such-token/cancel").status_code == 404
    assert client.get("/api/v1/status/no-such-token").status_code == 404


def _gzipped_size(html, files):
    return len(gzip.compress(html.encode())) + sum(
        len(gzip.compress((STATIC / name).read_bytes())) for name in files
    )


def test_phone_pages_weigh_under_30_kb_compressed_without_images(client, make_meeting, sign_up):
    meeting_id = make_meeting(topic={"nl": "Slapen " * 15})
    token = _token(sign_up(meeting_id))
    for path in (f"/m/cafe/{meeting_id}?lang=ar", f"/m/s/{token}", "/m/cafe/ideas"):
        html = client.get(path).get_data(as_text=True)
        stylesheets = re.findall(r'href="/static/(css/[\w.-]+)\?v=', html)
        scripts = re.findall(r'<script src="/static/(js/[\w.-]+)\?v=', html)
        assert "css/phone.css" in stylesheets
        # Only the status page has a script, and only to offer "add to home screen".
        assert scripts == (["js/keep.js"] if path.startswith("/m/s/") else []), path
        assert html.count("<script") == len(scripts)
        assert _gzipped_size(html, stylesheets + scripts) < 30 * 1024, path


# --- Topic ideas ---------------------------------------------------------------------------


def _ideas(app):
    with app.app_context():
        return db.session.scalars(db.select(Idea)).all()


def test_a_proposed_topic_waits_for_approval_then_takes_one_vote_per_phone(app, client):
    response = client.post(
        "/m/cafe/ideas?lang=ar",
        data={"text": "Okula başlamak", "pictogram": "first_school_day", "form_key": "k" * 24},
    )
    assert response.status_code == 302
    again = client.post(
        "/m/cafe/ideas?lang=ar",
        data={"text": "Okula başlamak", "pictogram": "first_school_day", "form_key": "k" * 24},
    )
    assert again.status_code == 302
    (idea,) = _ideas(app)
    assert (idea.text, idea.pictogram, idea.lang, idea.status) == (
        "Okula başlamak",
        "first_school_day",
        "ar",
        "new",
    )
    assert "Okula başlamak" not in client.get("/m/cafe/ideas").get_data(as_text=True)
    assert client.post(f"/m/cafe/ideas/{idea.id}/vote").status_code == 404

    with app.app_context():
        db.session.get(Idea, idea.id).status = "approved"
        db.session.commit()
    page = client.get("/m/cafe/ideas").get_data(as_text=True)
    assert "Okula başlamak" in page and f'action="/m/cafe/ideas/{idea.id}/vote"' in page

    for _ in range(2):
        assert client.post(f"/m/cafe/ideas/{idea.id}/vote").status_code == 302
    other_phone = app.test_client()
    other_phone.post(f"/m/cafe/ideas/{idea.id}/vote")
    with app.app_context():
        assert len(db.session.get(Idea, idea.id).votes) == 2
    page = client.get("/m/cafe/ideas?lang=en").get_data(as_text=True)
    assert "data-voted" in page and f'action="/m/cafe/ideas/{idea.id}/vote"' not in page


def _approved_ideas(app, count):
    with app.app_context():
        ideas = [Idea(text=f"Idee {n}", lang="nl", status="approved") for n in range(count)]
        db.session.add_all(ideas)
        db.session.commit()
        return [idea.id for idea in ideas]


def _votes(app, idea_id):
    with app.app_context():
        return len(db.session.get(Idea, idea_id).votes)


def test_votes_with_fresh_cookies_from_one_address_are_capped_per_topic(make_app):
    app = make_app(KIOSK_PHONE_ANSWER_LIMIT="3 per minute")
    first, second = _approved_ideas(app, 2)
    for _ in range(3):  # each a "new phone": a script that throws its cookie away
        assert app.test_client().post(f"/m/cafe/ideas/{first}/vote").status_code == 302
    refused = app.test_client().post(f"/m/cafe/ideas/{first}/vote?lang=en")
    assert refused.status_code == 429
    assert "Please try again in a few minutes." in refused.get_data(as_text=True)
    assert _votes(app, first) == 3
    # Another topic is another count; reading the topics is never limited.
    assert app.test_client().post(f"/m/cafe/ideas/{second}/vote").status_code == 302
    assert _votes(app, second) == 1
    assert app.test_client().get("/m/cafe/ideas").status_code == 200


def test_a_hundred_parents_on_the_school_wifi_all_vote_within_a_minute(app):
    (idea_id,) = _approved_ideas(app, 1)
    for _ in range(100):  # one address, as a school's Wi-Fi shows them all
        assert app.test_client().post(f"/m/cafe/ideas/{idea_id}/vote").status_code == 302
    assert _votes(app, idea_id) == 100


def test_the_voter_cookie_is_long_lived_and_not_readable_by_scripts(client):
    response = client.get("/m/cafe/ideas")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("cafe_voter="))
    assert "HttpOnly" in cookie and "Max-Age=63072000" in cookie


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "Please write your topic in a few words."),
        ({"text": "ab"}, "Between 3 and 140 characters"),
        ({"text": "x" * 141}, "Between 3 and 140 characters"),
        ({"text": "Slapen", "pictogram": "not-a-picture"}, "Please choose one of the answers."),
    ],
)
def test_bad_topic_ideas_are_refused(app, client, fields, message):
    response = client.post("/m/cafe/ideas?lang=en", data=fields)
    assert response.status_code == 400
    assert any(message in error for error in _errors(response)), _errors(response)
    assert _ideas(app) == []


def test_html_in_an_idea_is_shown_as_text(app, client):
    with app.app_context():
        db.session.add(Idea(text="<script>alert(1)</script>", lang="nl", status="approved"))
        db.session.commit()
    page = client.get("/m/cafe/ideas").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
