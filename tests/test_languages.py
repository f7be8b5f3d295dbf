"""Fifteen interface languages, right-to-left where needed, and read-aloud (issue 9)."""

import io
import re
import wave

import pytest

from kiosk import clock, speech, spoken_languages
from kiosk.extensions import db
from kiosk.i18n import LANGUAGES
from kiosk.notices import rules
from kiosk.notices.models import Notice


def visible_text(page):
    """The words a person reads: no tags, no attributes, no language names of the chooser."""
    body = page.split("<body", 1)[1]
    body = re.sub(r'<nav class="language-chooser".*?</nav>', "", body, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_kiosk_home_speaks_every_language(client, language):
    dutch = visible_text(client.get("/kiosk/").get_data(as_text=True))
    page = client.get(f"/kiosk/?lang={language.code}").get_data(as_text=True)
    direction = "rtl" if spoken_languages.is_rtl(language.code) else "ltr"
    assert f'<html lang="{language.code}" dir="{direction}">' in page
    if language.code != "nl":
        assert visible_text(page) != dutch


def test_one_list_says_which_languages_are_written_right_to_left():
    """The interface's direction and the spoken languages' direction are one truth."""
    for language in LANGUAGES:
        assert spoken_languages.is_known(language.code), language.code
        assert language.rtl == spoken_languages.is_rtl(language.code), language.code
    assert {"ar", "fa", "ps", "prs", "ckb", "ary", "ur", "he"} == spoken_languages.RTL


def test_every_language_is_offered_by_its_own_name(client):
    page = client.get("/kiosk/").get_data(as_text=True)
    for language in LANGUAGES:
        assert f">{language.name}</a>" in page


def test_a_turkish_phone_gets_the_interpreter_form_in_turkish(client):
    page = client.get("/m/interpreter", headers={"Accept-Language": "tr-TR,tr;q=0.9,en;q=0.5"})
    assert '<html lang="tr" dir="ltr">' in page.get_data(as_text=True)


def test_read_aloud_speaks_french_and_is_absent_for_somali(app, client):
    with app.app_context():
        monday = rules.this_week(clock.today())  # the week the kiosk shows
        texts = {
            "nl": "Morgen zwemmen.",
            "fr": "Demain, piscine. Apportez un maillot.",
            "so": "Berri waa dabaasha.",
        }
        db.session.add(Notice(week=monday, day=None, pictograms=["swimming"], texts=texts))
        db.session.commit()
        speech.make_missing()  # the background job gives this week's notices their voice

    french = client.get("/kiosk/notices?lang=fr").get_data(as_text=True)
    audio_urls = re.findall(r'data-audio="([^"]+)"', french)
    assert len(audio_urls) == 1
    response = client.get(audio_urls[0])
    assert response.status_code == 200 and response.mimetype == "audio/wav"
    with wave.open(io.BytesIO(response.data)) as sound:
        assert sound.getnframes() / sound.getframerate() > 0.5

    somali = client.get("/kiosk/notices?lang=so").get_data(as_text=True)
    assert "Berri waa dabaasha." in somali
    assert "data-audio=" not in somali.split('id="screen"', 1)[1]


def test_a_dutch_fallback_is_shown_as_dutch_and_not_read_aloud(app, client):
    with app.app_context():
        monday = rules.this_week(clock.today())  # the week the kiosk shows
        db.session.add(
            Notice(week=monday, day=None, pictograms=["swimming"], texts={"nl": "Morgen zwemmen."})
        )
        db.session.commit()
        speech.make_missing()
    somali = client.get("/kiosk/notices?lang=so").get_data(as_text=True)
    assert '<p class="notice-text" lang="nl" dir="ltr">Morgen zwemmen.</p>' in somali
    assert not re.findall(r'data-audio="(/speech/nl/[^"]+)"', somali)
