"""Dutch speaks to parents in one register: "je" on screens and "u" in letters by
default, or the one the school sets everywhere (KIOSK_DUTCH_REGISTER)."""

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kiosk import clock
from kiosk.cafe.models import Meeting
from kiosk.extensions import db
from kiosk.i18n import dutch_registers

DUTCH = Path(__file__).resolve().parent.parent / "translations" / "nl" / "LC_MESSAGES"

# Whole words only: "u" in "8u30", "uur" or "stuur" is not the reader.
U_FORMS = re.compile(r"(?<![\w-])(u|uw|uzelf|alstublieft)(?![\w-])", re.IGNORECASE)
JE_FORMS = re.compile(r"(?<![\w-])(je|jij|jou|jouw|jezelf|alsjeblieft)(?![\w-])", re.IGNORECASE)


def test_the_word_checks_find_words_not_letters():
    assert U_FORMS.findall("Uw kind. Kunt u om 8u30 komen? Een uur, stuur uw naam.") == [
        "Uw",
        "u",
        "uw",
    ]
    assert JE_FORMS.findall("Je kind, jouw taal. Jeugd, bijeen, meetje, Dank je!") == [
        "Je",
        "jouw",
        "je",
    ]


def _catalogue(name):
    with (DUTCH / name).open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and not m.fuzzy}


def _strings(value):
    return value if isinstance(value, tuple) else (value,)


def test_the_dutch_catalogue_says_je_throughout():
    with_u = [
        s for v in _catalogue("messages.po").values() for s in _strings(v) if U_FORMS.search(s)
    ]
    assert with_u == []


def test_every_je_string_has_its_u_form_and_nothing_else_is_there():
    main, in_u = _catalogue("messages.po"), _catalogue("u.po")
    with_je = {i for i, v in main.items() if any(JE_FORMS.search(s) for s in _strings(v))}
    missing = sorted(str(i) for i in with_je - in_u.keys())
    assert missing == [], f"add the 'u' form of these to {DUTCH / 'u.po'}: {missing}"
    assert sorted(str(i) for i in in_u.keys() - with_je) == [], "u.po: strings no 'je' needs"
    still_je = [s for v in in_u.values() for s in _strings(v) if JE_FORMS.search(s)]
    assert still_je == []
    placeholders = re.compile(r"%\(\w+\)[sd]")
    changed = [
        i
        for i in in_u
        if sorted(placeholders.findall(in_u[i])) != sorted(placeholders.findall(main[i]))
    ]
    assert changed == []


@pytest.mark.parametrize(
    ("setting", "registers"),
    [("je/u", ("je", "u")), ("u", ("u", "u")), ("JE", ("je", "je")), ("u/je", ("u", "je"))],
)
def test_the_setting_reads_screens_then_letters(setting, registers):
    assert dutch_registers(setting) == registers


@pytest.mark.parametrize("setting", ["formal", "je/u/je", "jij"])
def test_a_setting_that_is_neither_says_what_to_write(setting):
    with pytest.raises(ValueError, match="KIOSK_DUTCH_REGISTER"):
        dutch_registers(setting)


class _Text(HTMLParser):
    """What a reader sees or hears: text, and the words in alt, title, aria-label."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [
            v for k, v in attrs if k in ("alt", "title", "aria-label", "placeholder") and v
        ]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _seen(html):
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def _pages(app):
    """The kiosk home, a café's sign-up form and a parent's status page, in Dutch."""
    with app.app_context():
        starts_at = clock.now().replace(second=0, microsecond=0) + timedelta(days=3)
        meeting = Meeting(
            topic={"nl": "Slapen"},
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            place="Refter",
            capacity=10,
            places_left=10,
            languages=["nl"],
        )
        db.session.add(meeting)
        db.session.commit()
        meeting_id = meeting.id
    client = app.test_client()
    signed_up = client.post(
        f"/m/cafe/{meeting_id}?lang=nl",
        data={"name": "Amina", "adults": "1", "children": "0", "contact": ""},
    )
    assert signed_up.status_code == 302
    status_path = signed_up.headers["Location"].split("?")[0]
    return {
        path: _seen(client.get(path).get_data(as_text=True))
        for path in (
            "/kiosk/",
            f"/m/cafe/{meeting_id}?lang=nl",
            f"{status_path}?lang=nl",
            "/m/help?lang=nl",
        )
    }


def test_dutch_screens_say_je_by_default(app):
    for path, text in _pages(app).items():
        assert JE_FORMS.search(text), f"{path} addresses no one: a weak test"
        assert U_FORMS.findall(text) == [], path


def test_a_school_that_chooses_u_sees_u_on_every_screen(make_app):
    for path, text in _pages(make_app(KIOSK_DUTCH_REGISTER="u")).items():
        assert U_FORMS.search(text), path
        assert JE_FORMS.findall(text) == [], path


def test_other_languages_are_untouched_by_the_dutch_register(make_app):
    page = make_app(KIOSK_DUTCH_REGISTER="u").test_client().get("/m/help?lang=fr")
    default = make_app().test_client().get("/m/help?lang=fr")
    assert _seen(page.get_data(as_text=True)) == _seen(default.get_data(as_text=True))
