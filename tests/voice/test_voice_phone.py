"""Your voice on the phone: the same question, a free text for staff, one answer per phone."""

import gzip
import re
from datetime import timedelta

import pytest

from kiosk import clock
from kiosk.extensions import db
from kiosk.voice.models import Answer, AnswerCard, FreeText, Question


def add_question(nl="Hoe was de uitstap?", days=(0, 7)):
    today = clock.today()
    question = Question(
        texts={"nl": nl, "en": "How was the trip?"},
        opens_on=today + timedelta(days=days[0]),
        closes_on=today + timedelta(days=days[1]),
        cards=[
            AnswerCard(position=i, pictogram=key, texts={"nl": f"Kaart {i}", "en": f"Card {i}"})
            for i, key in enumerate(("face1", "face3", "face5"))
        ],
    )
    db.session.add(question)
    db.session.commit()
    return question.id, [card.id for card in question.cards]


@pytest.fixture
def open_question(app):
    with app.app_context():
        return add_question()


def stored(app, model):
    with app.app_context():
        return db.session.scalars(db.select(model)).all()


def test_the_phone_shows_the_question_in_the_parents_language(client, open_question):
    question_id, cards = open_question
    page = client.get("/m/voice?lang=en").get_data(as_text=True)
    assert "How was the trip?" in page
    assert all(f'data-answer="{card}"' in page for card in cards)
    assert "Only the school’s staff read this." in page


def test_an_answer_with_a_free_text_is_stored_apart_and_anonymous(app, client, open_question):
    question_id, cards = open_question
    response = client.post(
        "/m/voice?lang=en",
        data={"question": question_id, "answer": cards[2], "text": "  Fijne uitstap!  "},
    )
    assert response.status_code == 302
    [answer] = stored(app, Answer)
    [text] = stored(app, FreeText)
    assert (answer.card_id, answer.lang, answer.source) == (cards[2], "en", "phone")
    assert text.text == "Fijne uitstap!" and text.card_id == cards[2]
    cookie = client.get_cookie("voice_phone").value
    assert cookie not in answer.once_key  # the phone's id itself is never stored
    page = client.get("/m/voice?lang=en").get_data(as_text=True)
    assert "Thank you! Your answer is counted." in page
    assert "<textarea" not in page


def test_one_answer_per_phone_per_question(app, client, open_question):
    question_id, cards = open_question
    for card in cards[:2]:
        client.post("/m/voice", data={"question": question_id, "answer": card})
    assert len(stored(app, Answer)) == 1
    # Another phone (no cookie yet) may answer too.
    app.test_client().post("/m/voice", data={"question": question_id, "answer": cards[1]})
    assert len(stored(app, Answer)) == 2


def test_fresh_cookies_from_one_address_are_capped_with_a_clear_page(make_app):
    app = make_app(KIOSK_PHONE_ANSWER_LIMIT="3 per minute")
    with app.app_context():
        question_id, cards = add_question()
    answer = {"question": question_id, "answer": cards[0]}
    for _ in range(3):  # each a "new phone": a script that throws its cookie away
        assert app.test_client().post("/m/voice", data=answer).status_code == 302
    refused = app.test_client().post("/m/voice?lang=en", data=answer)
    assert refused.status_code == 429
    assert "Please try again in a few minutes." in refused.get_data(as_text=True)
    assert len(stored(app, Answer)) == 3
    assert app.test_client().get("/m/voice").status_code == 200  # reading is never limited


def test_a_hundred_parents_on_the_school_wifi_all_answer_within_a_minute(app, open_question):
    question_id, cards = open_question
    for number in range(100):  # one address, as a school's Wi-Fi shows them all
        phone = app.test_client()
        answer = {"question": question_id, "answer": cards[number % 3]}
        assert phone.post("/m/voice", data=answer).status_code == 302
    assert len(stored(app, Answer)) == 100


def test_a_text_over_the_limit_is_refused_and_kept(app, client, open_question):
    question_id, cards = open_question
    long_text = "Veel te zeggen. " * 70
    response = client.post(
        "/m/voice?lang=en", data={"question": question_id, "answer": cards[0], "text": long_text}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "At most 1000 characters" in page
    assert long_text.strip() in page
    assert re.search(rf'value="{cards[0]}"[^>]*checked', page)
    assert stored(app, Answer) == [] and stored(app, FreeText) == []


def test_no_answer_chosen_keeps_the_text(app, client, open_question):
    question_id, _ = open_question
    response = client.post("/m/voice?lang=en", data={"question": question_id, "text": "Hallo"})
    page = response.get_data(as_text=True)
    assert "Please choose one of the answers." in page and "Hallo</textarea>" in page
    assert stored(app, Answer) == []


def test_a_card_of_another_question_is_refused(app, client, open_question):
    question_id, _ = open_question
    with app.app_context():
        _, closed_cards = add_question("Oud", days=(-20, -10))
    page = client.post(
        "/m/voice?lang=en", data={"question": question_id, "answer": closed_cards[0], "text": "x"}
    ).get_data(as_text=True)
    assert "Please choose one of the answers." in page
    assert stored(app, Answer) == []


def test_an_answer_to_a_closed_question_says_so_and_shows_the_text(app, client):
    with app.app_context():
        question_id, cards = add_question(days=(-9, -1))
    page = client.post(
        "/m/voice?lang=en",
        data={"question": question_id, "answer": cards[0], "text": "Mijn <b>mening</b>"},
    ).get_data(as_text=True)
    assert "This question is closed." in page
    assert "Mijn &lt;b&gt;mening&lt;/b&gt;" in page
    unchosen = client.post("/m/voice?lang=en", data={"question": question_id, "text": "Toch dit"})
    assert "Toch dit" in unchosen.get_data(as_text=True)
    assert stored(app, Answer) == []


def test_when_the_question_changed_the_parent_chooses_again(app, client, open_question):
    question_id, cards = open_question
    page = client.post(
        "/m/voice?lang=en", data={"question": question_id + 100, "answer": cards[0], "text": "ok"}
    ).get_data(as_text=True)
    assert "The question has changed." in page and "\nok</textarea>" in page
    assert stored(app, Answer) == []


def test_the_phone_page_works_without_a_question(client):
    page = client.get("/m/voice?lang=en").get_data(as_text=True)
    assert "There is no question at the moment." in page
    assert "/m/help" in page


def test_a_form_without_csrf_token_is_refused(make_app, open_question):
    app = make_app(WTF_CSRF_ENABLED=True)
    question_id, cards = open_question
    response = app.test_client().post("/m/voice", data={"question": question_id, "answer": 1})
    assert response.status_code == 400
    assert stored(app, Answer) == []


def test_phone_pages_stay_small_on_mobile_data(client, open_question):
    for path in ("/m/voice", "/m/help"):
        page = client.get(path).data
        assert len(gzip.compress(page)) < 30_000, path
        assert b"<script" not in page  # they work with JavaScript off
