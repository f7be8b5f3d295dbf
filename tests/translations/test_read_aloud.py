"""Read-aloud in the page's language or not at all (issue 28, item 3)."""

import re
from pathlib import Path

import pytest

from kiosk import speech
from kiosk.i18n import LANGUAGES
from tests.conftest import add_demo_content

PAGES = (
    "/kiosk/",
    "/kiosk/notices",
    "/kiosk/board",
    "/kiosk/cafe",
    "/kiosk/voice",
    "/kiosk/interpreter",
    "/kiosk/team",
    "/kiosk/photos",
)
BUTTON = re.compile(r"<button[^>]*data-audio=\"([^\"]+)\"[^>]*>")


@pytest.fixture
def every_voice(app, monkeypatch):
    """Every language has a voice, and audio exists for whatever a page asks to read: so
    every button a page could show, shows."""
    monkeypatch.setattr(speech, "VOICES", {language.code: language.code for language in LANGUAGES})
    monkeypatch.setattr(speech, "_espeak", lambda: "espeak-ng")

    def made():
        with app.app_context():
            folder = speech.speech_cache_dir()
            for text, lang in app.extensions["speech"].wanted | speech.spoken_now():
                Path(folder / f"{speech.text_digest(text, lang)}.wav").write_bytes(b"RIFF")

    return made


def test_no_kiosk_page_reads_aloud_another_language_than_its_own(app, client, every_voice):
    add_demo_content(app)
    for page in PAGES:  # the first visit asks for the audio it would read
        for language in LANGUAGES:
            client.get(f"{page}?lang={language.code}")
    every_voice()
    buttons = 0
    for page in PAGES:
        for language in LANGUAGES:
            html = client.get(f"{page}?lang={language.code}").get_data(as_text=True)
            for button in BUTTON.finditer(html):
                buttons += 1
                assert f'lang="{language.code}"' in button.group(0), (page, button.group(0))
                assert button.group(1).startswith(f"/speech/{language.code}/"), (page, button[0])
    assert buttons > 30  # the demo week is read aloud where it is written


def test_a_dutch_fallback_is_shown_as_dutch_and_stays_silent(app, client, every_voice, notice):
    # `notice` was typed in Dutch and French only: a Polish page falls back to its Dutch.
    client.get("/kiosk/notices?lang=pl")
    every_voice()
    html = client.get("/kiosk/notices?lang=pl").get_data(as_text=True)
    assert 'class="notice-text" lang="nl"' in html
    assert "/speech/nl/" not in html


def test_the_urgent_message_in_dutch_is_not_read_aloud_on_another_language(
    app, client, every_voice
):
    from datetime import timedelta

    from kiosk import clock
    from kiosk.extensions import db
    from kiosk.urgent.models import UrgentMessage

    with app.app_context():
        db.session.add(
            UrgentMessage(
                pictogram="warning",
                texts={"nl": "De school is dicht."},
                ends_at=clock.now() + timedelta(hours=2),
                created_by="bridge",
            )
        )
        db.session.commit()
    from kiosk.urgent import queries

    def urgent(lang):
        with app.test_request_context():
            return queries.snapshot(lang, school_screen=False)

    urgent("nl")
    every_voice()
    assert urgent("nl")["audio"].startswith("/speech/nl/")
    assert urgent("pl")["lang"] == "nl" and urgent("pl")["audio"] is None
