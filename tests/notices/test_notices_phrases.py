"""Notices made of phrasebook sentences: complete in every language the moment they are
saved, on the kiosk, in the snapshot and read aloud; typed text still needs translating."""

import re
from datetime import timedelta

import pytest
from notices_helpers import add_notice, notices

from kiosk.i18n import LANGUAGES
from kiosk.notices import queries
from tests.conftest import add_demo_content

CODES = [language.code for language in LANGUAGES]
TEXT = re.compile(r'<p class="notice-text" lang="([\w-]+)" dir="(\w+)">([^<]*)</p>')


def sentence_form(week, **overrides):
    data = {
        "day": (week + timedelta(days=3)).isoformat(),
        "phrase": "trip_bus",
        "slot_place": "zoo",
        "slot_leave": "08:30",
        "slot_back": "15:30",
        "phrase_2": "money_for",
        "slot_2_amount": "5",
        "slot_2_item": "school_trip",
        "save": "1",
    }
    data.update(overrides)
    return data


def kiosk_texts(client, code):
    page = client.get(f"/kiosk/notices?lang={code}").get_data(as_text=True)
    return TEXT.findall(page)


def test_a_notice_of_sentences_shows_in_every_language_at_once(app, client, admin_client, week):
    response = admin_client.post(f"/admin/notices/new?week={week:%G-W%V}", data=sentence_form(week))
    assert response.status_code == 302
    (notice,) = notices(app)
    assert notice.texts == {}
    assert [p["key"] for p in notice.phrases] == ["trip_bus", "money_for"]
    assert notice.phrases[1]["slots"] == {"amount": "5.00", "item": "school_trip"}
    assert notice.pictograms == ["excursion_bus", "money"]  # the sentences' own

    for code in CODES:
        ((lang, direction, text),) = kiosk_texts(client, code)
        assert lang == code, code
        assert direction == ("rtl" if code in ("ar", "fa", "ps") else "ltr")
        assert text.strip()
    assert kiosk_texts(client, "nl")[0][2].startswith("Uitstap naar de dierentuin met de bus")
    french = kiosk_texts(client, "fr")[0][2].replace("\xa0", " ").replace("\u202f", " ")
    assert "5,00 €" in french

    (item,) = client.get("/api/v1/kiosk?lang=so").json["notices"]
    assert item["lang"] == "so" and "Dalxiis bas ah" in item["text"]

    # Each language's kiosk reads it aloud in that language (where a voice exists).
    with app.app_context():
        spoken = queries.spoken(notice)
    assert {lang for _text, lang in spoken} == set(CODES)


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"slot_back": ""}, "slot_back", "Fill this in for the sentence."),
        ({"slot_2_amount": "veel"}, "slot_2_amount", "Check this"),
        ({"phrase": "made_up"}, "phrase", "Choose a sentence from the list."),
    ],
)
def test_the_editor_refuses_a_sentence_with_a_missing_or_bad_blank(
    app, admin_client, week, overrides, field, message
):
    response = admin_client.post(
        f"/admin/notices/new?week={week:%G-W%V}&lang=en", data=sentence_form(week, **overrides)
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert notices(app) == []
    # What was typed stays.
    assert 'name="slot_leave" type="time" value="08:30"' in page
    assert f'id="{field}"' in page


def test_editing_shows_the_stored_sentences_and_week_lists_what_typed_text_lacks(
    app, admin_client, week
):
    admin_client.post(f"/admin/notices/new?week={week:%G-W%V}", data=sentence_form(week))
    (notice,) = notices(app)
    page = admin_client.get(f"/admin/notices/{notice.id}/edit").get_data(as_text=True)
    assert '<option value="trip_bus" selected>' in page
    assert 'name="slot_2_amount" type="number" value="5.00"' in page

    typed = add_notice(app, week, texts={"nl": "Luizencontrole", "ar": "فحص القمل"}, position=2)
    week_page = admin_client.get("/admin/notices").get_data(as_text=True)
    row = week_page[week_page.index(f'id="notice-{typed}"') :]
    row = row[: row.index("</li>")]
    assert 'data-missing="fr en tr pl ro bg uk ru so ti fa ps es"' in row
    phrase_row = week_page[week_page.index(f'id="notice-{notice.id}"') :]
    assert 'data-missing=""' in phrase_row[: phrase_row.index("</li>")]


def test_the_demo_week_speaks_each_parents_language(app, client):
    add_demo_content(app)
    for code in CODES:
        texts = kiosk_texts(client, code)
        assert texts, code
        in_language = sum(1 for lang, _dir, _text in texts if lang == code)
        assert in_language / len(texts) >= 0.95, (code, texts)


def test_copying_last_week_keeps_the_sentences_and_their_days(app, admin_client, week):
    last_week = week - timedelta(weeks=1)
    admin_client.post(
        f"/admin/notices/new?week={last_week:%G-W%V}",
        data=sentence_form(last_week, phrase="swimming_day", slot_day="0", phrase_2=""),
    )
    admin_client.post(f"/admin/notices/copy?week={week:%G-W%V}")
    copied = [n for n in notices(app) if n.week == week]
    assert [n.phrases for n in copied] == [[{"key": "swimming_day", "slots": {"day": "0"}}]]
    with app.app_context():
        assert queries.texts_of(copied[0], ["nl"])["nl"].startswith("Zwemmen op maandag")


def test_show_its_blanks_draws_the_sentences_fields_without_saving(app, admin_client, week):
    data = {"day": "", "phrase": "parent_evening", "refresh": "1"}
    page = admin_client.post(f"/admin/notices/new?week={week:%G-W%V}&lang=en", data=data)
    page = page.get_data(as_text=True)
    assert 'name="slot_date" type="date"' in page and 'name="slot_time" type="time"' in page
    assert 'name="slot_place"' not in page.split('data-sentence-row="2"')[0]
    assert "Fill this in for the sentence." not in page
    assert notices(app) == []
