"""Your voice for the bridge figure: questions, results per language, free texts, CSV, purge."""

import csv
import io
from datetime import timedelta

from kiosk import clock, retention
from kiosk.audit import AuditEntry
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.voice.models import Answer, FreeText, Question


def question_form(nl="Hoe was het schoolfeest?", ar="كيف كان حفل المدرسة؟", **extra):
    """The admin form of a question with three face cards in Dutch and Arabic."""
    data = {"kind": "cards", "text_nl": nl, "text_ar": ar}
    for index, (picture, text_nl, text_ar) in enumerate(
        (("face1", "Niet fijn", "ليس جيدا"), ("face3", "Gewoon", "عادي"), ("face5", "Fijn", "جيد"))
    ):
        data[f"card{index}_picto"] = picture
        data[f"card{index}_nl"] = text_nl
        data[f"card{index}_ar"] = text_ar
    data.update(extra)
    return data


def dates(app, first=0, last=6):
    with app.app_context():
        today = clock.today()
    return {
        "opens_on": (today + timedelta(days=first)).isoformat(),
        "closes_on": (today + timedelta(days=last)).isoformat(),
    }


def make_question(app, admin_client, **extra):
    response = admin_client.post("/admin/voice/new", data={**question_form(**extra), **dates(app)})
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        return db.session.scalars(db.select(Question).order_by(Question.id.desc())).first().id


def cards_of(app, question_id):
    with app.app_context():
        return [card.id for card in db.session.get(Question, question_id).cards]


def test_admin_voice_needs_a_login(client):
    for path in ("/admin/voice", "/admin/voice/new", "/admin/voice/help.csv"):
        assert client.get(path).status_code == 302


def test_the_bridge_figure_opens_a_question_with_three_face_cards(app, admin_client):
    question_id = make_question(app, admin_client)
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.texts == {"nl": "Hoe was het schoolfeest?", "ar": "كيف كان حفل المدرسة؟"}
        assert [c.pictogram for c in question.cards] == ["face1", "face3", "face5"]
        assert question.cards[2].texts == {"nl": "Fijn", "ar": "جيد"}
        assert db.session.scalar(db.select(AuditEntry.action).order_by(AuditEntry.id.desc())) == (
            "voice.question.create"
        )
    assert (
        admin_client.get("/kiosk/voice?lang=ar").get_data(as_text=True).count("data-answer=") == 3
    )


def test_the_five_face_scale_needs_no_cards(app, admin_client):
    data = {"kind": "scale", "text_nl": "Hoe voelt u zich?", **dates(app)}
    assert admin_client.post("/admin/voice/new", data=data).status_code == 302
    with app.app_context():
        question = db.session.scalar(db.select(Question))
        assert question.kind == "scale" and len(question.cards) == 5


def test_a_question_needs_dutch_and_two_to_five_good_cards(app, admin_client):
    bad = question_form(nl="", card1_picto="", card1_nl="", card1_ar="", card2_nl="")
    page = admin_client.post("/admin/voice/new?lang=en", data={**bad, **dates(app)}).get_data(
        as_text=True
    )
    assert "The question in Dutch is needed." in page
    assert "Card 3 needs a pictogram and a Dutch text." in page
    assert "كيف كان حفل المدرسة؟" in page  # what was typed stays
    one_card = question_form(card1_picto="", card1_nl="", card1_ar="", card2_picto="")
    one_card.update(card2_nl="", card2_ar="")
    page = admin_client.post("/admin/voice/new?lang=en", data={**one_card, **dates(app)})
    assert "Give two to five answer cards." in page.get_data(as_text=True)
    backwards = {**question_form(), **dates(app, 5, 1)}
    page = admin_client.post("/admin/voice/new?lang=en", data=backwards).get_data(as_text=True)
    assert "The last day comes after the first day." in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Question.id))) == 0


def test_only_one_question_is_open_at_a_time(app, admin_client):
    make_question(app, admin_client)
    second = {**question_form(nl="Nog een vraag"), **dates(app, 3, 10)}
    page = admin_client.post("/admin/voice/new?lang=en", data=second).get_data(as_text=True)
    assert "Only one question can be open at a time" in page
    assert "Hoe was het schoolfeest?" in page
    later = {**question_form(nl="Later"), **dates(app, 7, 10)}
    assert admin_client.post("/admin/voice/new", data=later).status_code == 302


def test_close_now_ends_the_question_and_another_can_open(app, admin_client, client):
    question_id = make_question(app, admin_client)
    assert admin_client.post(f"/admin/voice/{question_id}/close").status_code == 302
    with app.app_context():
        assert db.session.get(Question, question_id).closes_on < clock.today()
    assert "data-answer" not in admin_client.get("/kiosk/voice").get_data(as_text=True)
    make_question(app, admin_client, nl="De volgende vraag")


def test_results_count_per_answer_and_per_language_of_the_screen(app, admin_client, client):
    question_id = make_question(app, admin_client)
    cards = cards_of(app, question_id)
    kiosk = app.test_client()
    for n, (card, kiosk_name, lang) in enumerate(
        [(cards[0], "gate", "ar"), (cards[2], "hall", "ar"), (cards[2], "hall2", "nl")]
    ):
        body = {"question": question_id, "answer": card, "tap": f"tap-{n:05}", "kiosk": kiosk_name}
        assert kiosk.post("/kiosk/voice/answer", json={**body, "lang": lang}).json["counted"]
    page = admin_client.get(f"/admin/voice/{question_id}/results?lang=en").get_data(as_text=True)
    assert '<svg class="chart"' in page and "<script" not in page
    arabic = page.split('<tr data-lang="ar">')[1].split("</tr>")[0]
    assert f'<td data-answer="{cards[0]}">1</td>' in arabic
    assert f'<td data-answer="{cards[2]}">1</td>' in arabic
    assert "<td data-total>2</td>" in arabic
    total = page.split('<tr data-lang="all">')[1].split("</tr>")[0]
    assert "<td data-total>3</td>" in total
    full = admin_client.get(f"/admin/voice?question={question_id}").get_data(as_text=True)
    assert '<tr data-lang="ar">' in full and "العربية" in full


def test_free_texts_are_escaped_in_admin_and_never_on_the_kiosk(app, admin_client):
    question_id = make_question(app, admin_client)
    cards = cards_of(app, question_id)
    phone = app.test_client()
    text = '<script>alert("x")</script> =1+1'
    phone.post("/m/voice", data={"question": question_id, "answer": cards[1], "text": text})
    page = admin_client.get("/admin/voice").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; =1+1" in page
    assert '<script>alert("x")' not in page
    assert "alert(" not in phone.get("/kiosk/voice").get_data(as_text=True)
    assert "alert(" not in phone.get("/api/v1/kiosk").get_data(as_text=True)


def test_csv_downloads_neutralise_formulas(app, admin_client):
    question_id = make_question(app, admin_client, card0_nl="=HYPERLINK(1)")
    cards = cards_of(app, question_id)
    phone = app.test_client()
    phone.post("/m/voice", data={"question": question_id, "answer": cards[0], "text": "@SUM(A1)"})
    results = admin_client.get(f"/admin/voice/{question_id}/results.csv")
    assert results.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(results.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][1] == "'=HYPERLINK(1)"
    assert rows[1][0] == "Nederlands" and rows[1][1] == "1" and rows[-1][-1] == "1"
    texts = admin_client.get(f"/admin/voice/{question_id}/texts.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(texts.lstrip("\ufeff"))))
    assert rows[1][2:] == ["'=HYPERLINK(1)", "'@SUM(A1)"]


def test_a_question_with_answers_keeps_its_cards(app, admin_client):
    question_id = make_question(app, admin_client)
    cards = cards_of(app, question_id)
    app.test_client().post(
        "/kiosk/voice/answer",
        json={"question": question_id, "answer": cards[0], "tap": "tap-keep1", "lang": "nl"},
    )
    edit = {**question_form(card0_nl="Helemaal niet fijn"), **dates(app)}
    assert admin_client.post(f"/admin/voice/{question_id}", data=edit).status_code == 302
    assert cards_of(app, question_id) == cards
    with app.app_context():
        assert db.session.get(Question, question_id).cards[0].texts["nl"] == "Helemaal niet fijn"
    fewer = {**edit, "card2_picto": "", "card2_nl": "", "card2_ar": ""}
    page = admin_client.post(f"/admin/voice/{question_id}?lang=en", data=fewer)
    assert "its cards can change their text, not their number" in page.get_data(as_text=True)


def test_deleting_a_question_with_answers_asks_for_the_tick(app, admin_client):
    question_id = make_question(app, admin_client)
    cards = cards_of(app, question_id)
    app.test_client().post(
        "/kiosk/voice/answer",
        json={"question": question_id, "answer": cards[0], "tap": "tap-delete", "lang": "nl"},
    )
    admin_client.post(f"/admin/voice/{question_id}/delete")
    with app.app_context():
        assert db.session.get(Question, question_id) is not None
    admin_client.post(f"/admin/voice/{question_id}/delete", data={"confirm": "yes"})
    with app.app_context():
        assert db.session.get(Question, question_id) is None
        assert db.session.scalar(db.select(db.func.count(Answer.id))) == 0


def test_purge_deletes_old_free_texts_and_keeps_the_tallies(app, admin_client):
    question_id = make_question(app, admin_client)
    cards = cards_of(app, question_id)
    app.test_client().post(
        "/m/voice", data={"question": question_id, "answer": cards[0], "text": "oud"}
    )
    with app.app_context():
        days = app.config["KIOSK_PERSONAL_DAYS"]
        assert (
            retention.purge(utcnow() + timedelta(days=days - 1), app.config)["voice free texts"]
            == 0
        )
        deleted = retention.purge(utcnow() + timedelta(days=days, minutes=1), app.config)
        assert deleted["voice free texts"] == 1
        assert db.session.scalar(db.select(db.func.count(FreeText.id))) == 0
        assert db.session.scalar(db.select(db.func.count(Answer.id))) == 1


def test_the_dashboard_counts_the_open_questions_answers(app, admin_client):
    make_question(app, admin_client)
    page = admin_client.get("/admin/?lang=en").get_data(as_text=True)
    assert "Answers to the open question" in page
