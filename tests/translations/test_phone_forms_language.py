"""Phone forms speak the page's language (issue 28, item 7): defaults follow ?lang and
every validation message comes from the catalogue, in every language."""

import re
from html import escape

import pytest
from flask_babel import force_locale, gettext

from kiosk.i18n import LANGUAGES
from tests.cafe.conftest import make_meeting  # noqa: F401 (a fixture)

CODES = [language.code for language in LANGUAGES]


def said(app, lang, msgid, **values):
    with app.test_request_context(), force_locale(lang):
        return escape(gettext(msgid, **values))


def selected(html, name):
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S).group(0)
    options = re.findall(r"<option[^>]*>", select)
    return [re.search(r'value="([^"]*)"', o).group(1) for o in options if " selected" in o]


def test_the_interpreter_form_preselects_the_pages_language(client):
    assert selected(client.get("/m/interpreter?lang=ar").get_data(as_text=True), "language") == [
        "ar"
    ]
    assert selected(client.get("/m/interpreter?lang=nl").get_data(as_text=True), "language") == []


def test_the_cafe_interpreter_language_follows_the_page_and_dutch_picks_none(client, make_meeting):  # noqa: F811
    meeting = make_meeting()
    html = client.get(f"/m/cafe/{meeting}?lang=uk").get_data(as_text=True)
    assert selected(html, "interpreter_language") == ["uk"]
    html = client.get(f"/m/cafe/{meeting}?lang=nl").get_data(as_text=True)
    assert selected(html, "interpreter_language") in ([], [""])


@pytest.mark.parametrize("lang", CODES)
def test_help_form_messages_come_from_the_catalogue(app, client, lang):
    page = client.post(
        f"/m/help?lang={lang}",
        data={
            "form_key": f"k-{lang}",
            "languages": ["klingon"],
            "activities": ["flying"],
            "first_name": "x" * 61,
            "contact": "0470 11 22 33",
        },
    ).get_data(as_text=True)
    assert said(app, lang, "Choose a language from the list.") in page
    assert said(app, lang, "Please choose one of the answers.") in page
    assert said(app, lang, "Please keep this to %(max)d characters.", max=60) in page
    if lang != "en":
        assert "Not a valid choice" not in page and "is not a valid choice" not in page


@pytest.mark.parametrize("lang", CODES)
def test_cafe_idea_messages_come_from_the_catalogue(app, client, lang):
    page = client.post(
        f"/m/cafe/ideas?lang={lang}",
        data={"form_key": f"k-{lang}", "text": "Slaap", "pictogram": "no-such-picture"},
    ).get_data(as_text=True)
    assert said(app, lang, "Please choose one of the answers.") in page
    assert "Not a valid choice" not in page and "Ongeldige keuze" not in page
