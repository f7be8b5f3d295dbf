"""Colours live in one file, static/css/colours.css, which every page loads."""

import re

from kiosk import ROOT

CSS = ROOT / "static" / "css"
COLOURS = CSS / "colours.css"


def test_no_stylesheet_but_colours_css_names_a_colour_itself():
    for sheet in CSS.glob("*.css"):
        if sheet != COLOURS:
            found = re.findall(r"#[0-9a-fA-F]{3,8}\b", sheet.read_text())
            assert not found, f"{sheet.name}: {found}: use a var(--...) of colours.css"


def test_every_colour_a_stylesheet_uses_is_defined():
    # A template may set one in a style attribute too (a class's own colour).
    sources = [*CSS.glob("*.css"), *(ROOT / "templates").rglob("*.html")]
    defined = set(re.findall(r"(--[\w-]+)\s*:", "".join(s.read_text() for s in sources)))
    for sheet in CSS.glob("*.css"):
        used = set(re.findall(r"var\((--[\w-]+)\)", sheet.read_text()))
        assert used <= defined, f"{sheet.name}: {used - defined} not defined"


def test_every_page_loads_the_colours(client, auth):
    auth.login()
    for path in ("/kiosk/", "/m/cafe/ideas", "/admin/"):
        page = client.get(path).get_data(as_text=True)
        assert 'href="/static/css/colours.css?v=' in page, path
