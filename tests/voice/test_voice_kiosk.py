"""Your voice on the kiosk: one tap is one anonymous answer, and a child tapping on adds none."""

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import inspect

from kiosk import clock
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.voice import queries
from kiosk.voice.models import Answer, AnswerCard, Question
from tests.voice.conftest import SCHOOL_SCREENS


def add_question(texts=None, kind="cards", days=(0, 7), pictures=("face1", "face3", "face5")):
    """A question open from today + days[0] to today + days[1] (call inside an app context)."""
    today = clock.today()
    question = Question(
        texts=texts or {"nl": "Hoe was de uitstap?", "ar": "كيف كانت الرحلة؟"},
        opens_on=today + timedelta(days=days[0]),
        closes_on=today + timedelta(days=days[1]),
    )
    if kind == "scale":
        queries.set_scale(question)
    else:
        question.cards = [
            AnswerCard(position=i, pictogram=key, texts={"nl": f"Kaart {i}", "ar": f"بطاقة {i}"})
            for i, key in enumerate(pictures)
        ]
    db.session.add(question)
    db.session.commit()
    return question.id, [card.id for card in question.cards]


@pytest.fixture
def open_question(app):
    with app.app_context():
        return add_question()


def tap(client, question_id, card_id, tap_id="tap-000001", kiosk="gate", lang="ar"):
    return client.post(
        "/kiosk/voice/answer",
        json={
            "question": question_id,
            "answer": card_id,
            "tap": tap_id,
            "kiosk": kiosk,
            "lang": lang,
        },
    )


def answers(app):
    with app.app_context():
        return db.session.scalars(db.select(Answer)).all()


def test_the_kiosk_shows_the_open_question_with_a_card_per_answer(client, open_question):
    question_id, cards = open_question
    page = client.get("/kiosk/voice?lang=ar").get_data(as_text=True)
    assert "كيف كانت الرحلة؟" in page
    for card_id in cards:
        assert f'data-answer="{card_id}"' in page
    # One clear code, to say more on the phone (whose page leads on to "what can you bring").
    assert page.count('<figure class="qr">') == 1
    assert "<input" not in page and "<textarea" not in page


def test_the_five_face_scale_has_five_cards_named_in_the_screens_language(app, client):
    with app.app_context():
        _, cards = add_question(kind="scale")
    page = client.get("/kiosk/voice?lang=en").get_data(as_text=True)
    assert len(cards) == 5
    assert "Very unhappy" in page and "Very happy" in page


def test_without_an_open_question_the_kiosk_says_so(app, client):
    with app.app_context():
        add_question(days=(-10, -1))
    page = client.get("/kiosk/voice?lang=en").get_data(as_text=True)
    assert "There is no question at the moment." in page
    assert "data-answer" not in page
    assert page.count('<figure class="qr">') == 1 and "What can you bring?" in page
    assert client.get("/api/v1/kiosk").json["voice"] is None


def test_the_snapshot_carries_the_question_but_never_the_counts(client, open_question):
    question_id, cards = open_question
    before = client.get("/api/v1/kiosk?lang=ar")
    voice = before.json["voice"]
    assert voice["id"] == question_id and voice["text"] == "كيف كانت الرحلة؟"
    assert [answer["id"] for answer in voice["answers"]] == cards
    assert all(answer["url"].startswith("/pictograms/") for answer in voice["answers"])
    tap(client, question_id, cards[0])
    again = client.get("/api/v1/kiosk?lang=ar", headers={"If-None-Match": before.headers["ETag"]})
    assert again.status_code == 304


def test_a_tap_is_stored_with_date_language_and_kiosk_and_nothing_that_identifies(
    app, client, open_question
):
    question_id, cards = open_question
    response = tap(client, question_id, cards[1], kiosk="hall", lang="ar")
    assert response.json == {"counted": True}
    [answer] = answers(app)
    assert (answer.card_id, answer.lang, answer.source) == (cards[1], "ar", "hall")
    with app.app_context():
        assert answer.answered_on == clock.today()
        columns = {c["name"] for c in inspect(db.engine).get_columns("voice_answer")}
    assert columns == {"id", "question_id", "card_id", "answered_on", "lang", "source", "once_key"}


def test_a_tap_from_anywhere_but_a_school_screen_is_refused_and_not_counted(
    make_app, open_question
):
    question_id, cards = open_question
    stranger = make_app(KIOSK_TRUSTED_NETWORKS="").test_client()  # the same database
    for number in range(3):  # another kiosk name each time gets round nothing
        response = tap(stranger, question_id, cards[0], f"away-{number:04}", kiosk=f"k{number}")
        assert response.status_code == 403
    assert answers(make_app()) == []
    page = stranger.get("/kiosk/voice?lang=en").get_data(as_text=True)
    assert "Hoe was de uitstap?" in page
    assert "data-answer=" not in page  # no cards that would be refused
    assert page.count('<figure class="qr">') == 1  # the phone answers instead


def test_a_double_tap_counts_once(app, client, open_question):
    question_id, cards = open_question
    assert tap(client, question_id, cards[0], tap_id="same-tap-1").json == {"counted": True}
    assert tap(client, question_id, cards[0], tap_id="same-tap-1").json == {"counted": False}
    assert len(answers(app)) == 1


def test_one_kiosk_adds_at_most_one_answer_per_20_seconds(app, client, open_question):
    question_id, cards = open_question
    assert tap(client, question_id, cards[0], tap_id="first-tap").json["counted"]
    assert not tap(client, question_id, cards[2], tap_id="second-tap").json["counted"]
    # Another kiosk is another parent.
    assert tap(client, question_id, cards[2], tap_id="third-tap", kiosk="hall").json["counted"]
    assert len(answers(app)) == 2


def test_after_20_seconds_the_same_kiosk_counts_again(app, open_question):
    question_id, cards = open_question
    with app.app_context():
        question = db.session.get(Question, question_id)
        card = question.cards[0]
        start, today = utcnow(), clock.today()
        common = {"kiosk": "gate", "lang": "nl", "today": today}
        assert queries.tap(question, card, tap_id="t1aaaaaa", now=start, **common)
        soon = start + timedelta(seconds=19)
        assert not queries.tap(question, card, tap_id="t2aaaaaa", now=soon, **common)
        later = start + timedelta(seconds=20)
        assert queries.tap(question, card, tap_id="t3aaaaaa", now=later, **common)


def test_the_20_second_rule_holds_across_processes(make_app, open_question):
    question_id, cards = open_question
    # The same database, as a second and third waitress process see it.
    processes = [make_app(KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS) for _ in range(2)]
    assert tap(processes[0].test_client(), question_id, cards[0], tap_id="proc-one").json["counted"]
    assert not tap(processes[1].test_client(), question_id, cards[1], tap_id="proc-two").json[
        "counted"
    ]


def test_a_child_tapping_fast_in_parallel_adds_one_answer(app, open_question):
    question_id, cards = open_question
    start = threading.Barrier(8)
    results = []

    def hammer(number):
        client = app.test_client()
        start.wait()
        results.append(tap(client, question_id, cards[0], tap_id=f"parallel-{number}").json)

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r["counted"] for r in results) == [False] * 7 + [True]
    assert len(answers(app)) == 1


def test_bad_taps_are_refused_and_store_nothing(app, client, open_question):
    question_id, cards = open_question
    with app.app_context():
        closed_id, closed_cards = add_question(days=(-9, -2))
    assert tap(client, 999, cards[0]).status_code == 404
    assert tap(client, closed_id, closed_cards[0]).status_code == 409
    assert tap(client, question_id, closed_cards[0]).status_code == 400
    assert tap(client, question_id, cards[0], tap_id="<script>").status_code == 400
    assert client.post("/kiosk/voice/answer", data="not json").status_code == 404
    assert client.post("/kiosk/voice/answer", json=[question_id]).status_code == 400
    weird = {"question": question_id, "answer": cards[0], "tap": "tap-weird1", "lang": ["ar"]}
    assert client.post("/kiosk/voice/answer", json=weird).json == {"counted": True}
    assert [answer.lang for answer in answers(app)] == ["nl"]


def test_an_unknown_screen_language_and_a_strange_kiosk_name_are_cleaned(
    app, client, open_question
):
    question_id, cards = open_question
    tap(client, question_id, cards[0], kiosk="<b>gate 2</b>" * 10, lang="xx")
    [answer] = answers(app)
    assert answer.lang == "nl"
    assert answer.source == "gate"  # not a kiosk name: counted as the default kiosk


def test_the_open_question_is_the_one_whose_days_include_today(app):
    with app.app_context():
        today = clock.today()
        add_question(texts={"nl": "Vorige"}, days=(-20, -10))
        current, _ = add_question(texts={"nl": "Nu"}, days=(-1, 1))
        add_question(texts={"nl": "Straks"}, days=(5, 9))
        assert queries.open_question(today).id == current
        assert queries.open_question(date(2000, 1, 1)) is None
