"""Every interface string is marked for translation and translated in every catalogue."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kiosk.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
# Every interface language is declared complete: each must translate every string.
COMPLETE = [language.code for language in LANGUAGES]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids that pybabel finds in the code and templates now."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


@pytest.mark.parametrize("code", COMPLETE)
def test_catalogue_is_complete(code, extracted):
    path = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"no catalogue for {code}"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    translated = {}
    for message in catalogue:
        if not message.id or message.fuzzy:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings):
            translated[message.id] = message
    missing = sorted(str(msgid) for msgid in extracted if msgid not in translated)
    assert missing == [], f"{code}: {len(missing)} untranslated or fuzzy, e.g. {missing[:5]}"


PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|\{\w*\}")


@pytest.mark.parametrize("code", COMPLETE)
def test_translations_keep_their_placeholders(code):
    with (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    wrong = []
    for message in catalogue:
        if not message.id or not message.string:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # A plural form may leave out the count ("one"), but never invent a placeholder.
        wrong += [
            source
            for string in strings
            if not set(PLACEHOLDER.findall(string)) <= set(PLACEHOLDER.findall(source))
        ]
    assert wrong == []


# Text that may stand in a template as it is: symbols, numbers, punctuation.
NEUTRAL = re.compile(r"^[\W\d_×·▾▸◂→←↑↓…]*$")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
TEXT_ATTRIBUTES = re.compile(r'\b(?:alt|title|placeholder|aria-label)="([^"]*)"')


def _bare_text(source):
    without_jinja = JINJA.sub(" ", source)
    without_blocks = re.sub(r"<(script|style)\b.*?</\1>", " ", without_jinja, flags=re.S)
    found = [value for value in TEXT_ATTRIBUTES.findall(without_blocks) if not NEUTRAL.match(value)]
    text = re.sub(r"<[^>]*>", "\n", without_blocks)
    # A block may hold attributes (body_attrs) or a class name (screen_class).
    text = re.sub(r'[\w-]+="[^"]*"', " ", text)
    text = re.sub(r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b", " ", text)
    found += [line.strip() for line in text.splitlines() if not NEUTRAL.match(line.strip())]
    return found


@pytest.mark.parametrize(
    "template", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*.html"))
)
def test_templates_have_no_bare_interface_text(template):
    assert _bare_text((ROOT / template).read_text()) == []


def test_the_checker_catches_bare_text():
    assert _bare_text("<p>Welkom</p>") == ["Welkom"]
    assert _bare_text('<img alt="A photo">') == ["A photo"]
    assert _bare_text("<p>{{ _('Welcome') }} · 3</p>") == []
    assert _bare_text('{% block attrs %}class="a" data-x="{{ y }}"{% endblock %}') == []
