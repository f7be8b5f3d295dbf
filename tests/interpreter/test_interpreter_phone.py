"""A parent asks for an interpreter on the phone, and follows the request on /m/s/<token>."""

import re

import pytest

from kiosk.extensions import db
from kiosk.interpreter.models import InterpreterRequest
from tests.status_helpers import assert_keepable

GOOD = {
    "form_key": "key-1",
    "language": "ti",
    "purpose": "care_meeting",
    "preferred_times": "Tuesday after school",
    "reach_by": "phone",
    "phone": "0470 12 34 56",
    "class_name": "2A",
}


def _send(client, lang="en", **changes):
    return client.post(f"/m/interpreter?lang={lang}", data={**GOOD, **changes})


def _token(response):
    return re.search(r"/m/s/([\w-]+)", response.headers["Location"]).group(1)


def _all(app):
    with app.app_context():
        return db.session.scalars(db.select(InterpreterRequest)).all()


def test_the_form_lists_the_languages_by_their_own_names_common_ones_first(client):
    page = client.get("/m/interpreter?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    options = re.findall(r'<option value="([a-z]+)" lang="[a-z]+"', page)
    assert len(options) >= 40
    assert options[:3] == ["ar", "tr", "ber"]
    assert "nl" not in options, "nobody needs an interpreter for Dutch at a Flemish school"
    assert "ትግርኛ" in page and "Українська" in page and "دری" in page


def test_a_request_lands_on_its_status_page_in_the_parents_language(app, client):
    response = _send(client, lang="ar")
    assert response.status_code == 302
    token = _token(response)
    assert response.headers["Location"].endswith("?lang=ar")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in page
    assert 'data-status="received"' in page
    assert "ትግርኛ" in page
    assert client.get(f"/api/v1/status/{token}").json == {
        "kind": "interpreter",
        "status": "received",
    }
    [saved] = _all(app)
    assert (saved.language, saved.purpose, saved.reach_by) == ("ti", "care_meeting", "phone")
    assert saved.phone == "0470123456" and saved.page_lang == "ar" and saved.class_name == "2A"


def test_received_status_reads_in_english(client):
    page = client.get(_send(client).headers["Location"]).get_data(as_text=True)
    assert "We have received your request" in page
    assert "Tuesday after school" in page and "0470123456" in page


def test_the_same_form_sent_twice_makes_one_request(app, client):
    first = _send(client)
    second = _send(client)
    assert _token(first) == _token(second)
    assert len(_all(app)) == 1
    other = _send(client, form_key="key-2")
    assert _token(other) != _token(first)
    assert len(_all(app)) == 2


def test_coming_to_the_gate_needs_no_phone(app, client):
    response = _send(client, reach_by="gate", phone="")
    assert response.status_code == 302
    [saved] = _all(app)
    assert saved.reach_by == "gate" and saved.phone is None


def test_a_typed_number_is_enough_without_ticking_call_me(app, client):
    response = _send(client, reach_by="", phone="+32 470 12 34 56")
    assert response.status_code == 302
    [saved] = _all(app)
    assert saved.reach_by == "phone" and saved.phone == "+32470123456"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"language": ""}, "Choose the language you speak."),
        ({"language": "xx"}, "Choose a language from the list."),
        ({"language": "nl"}, "Choose a language from the list."),
        ({"purpose": ""}, "Choose what the talk is about."),
        ({"purpose": "party"}, "Choose what the talk is about."),
        ({"reach_by": "", "phone": ""}, "Tell us how to reach you"),
        ({"reach_by": "phone", "phone": ""}, "Type your phone number."),
        ({"phone": "12345"}, "This does not look like a phone number."),
        ({"preferred_times": "x" * 301}, "Please keep this to 300 characters."),
        ({"class_name": "x" * 41}, "Please keep this to 40 characters."),
    ],
)
def test_bad_input_says_what_is_wrong_and_keeps_what_was_typed(app, client, changes, message):
    response = _send(client, **changes)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert 'aria-invalid="true"' in page
    assert "Tuesday after school" in page or "preferred_times" in changes
    assert 'value="2A"' in page or "class_name" in changes
    assert _all(app) == []


def test_bad_input_keeps_the_chosen_options(client):
    page = _send(client, phone="12345").get_data(as_text=True)
    assert re.search(r'<option value="ti"[^>]*selected', page)
    assert re.search(r'value="care_meeting" checked', page)
    assert 'value="12345"' in page


def test_html_is_kept_as_text_everywhere(app, client):
    evil = '<script>alert("x")</script>'
    response = _send(client, preferred_times=evil, class_name="<b>2A</b>")
    status_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert evil not in status_page and "&lt;script&gt;" in status_page
    bad = _send(client, form_key="key-3", phone=evil).get_data(as_text=True)
    assert evil not in bad and "&lt;script&gt;" in bad


def test_unknown_token_is_a_404_in_the_parents_language(client):
    response = client.get("/m/s/not-a-token?lang=en")
    assert response.status_code == 404
    assert 'lang="en"' in response.get_data(as_text=True)
    assert client.get("/api/v1/status/not-a-token").status_code == 404


def test_the_status_page_can_be_kept_without_a_bookmark(app, client):
    token = _token(_send(client, lang="ar"))
    page = client.get(f"/m/s/{token}?lang=ar").get_data(as_text=True)
    assert_keepable(app, page, token, "ar", calendar=False)


def test_the_phone_page_is_light(client):
    import gzip

    page = client.get("/m/interpreter?lang=ar").data
    css = (
        client.get("/static/css/phone.css").data
        + client.get("/static/css/interpreter-phone.css").data
    )
    assert len(gzip.compress(page + css)) < 30_000
