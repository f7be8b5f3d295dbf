"""The app's own fonts (spec section 5): every face fonts.css names is there, with its licence."""

import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "static"


def test_every_font_in_fonts_css_exists_and_the_licence_is_beside_them():
    css = (STATIC / "css" / "fonts.css").read_text()
    urls = re.findall(r'url\("([^"]+)"\)', css)
    assert len(urls) == css.count("@font-face") == css.count("unicode-range:")
    for url in urls:
        assert not re.match(r"[a-z]+:|//", url), f"{url}: fonts come from the app only"
        font = (STATIC / "css" / url).resolve()
        assert font.parent == STATIC / "fonts" and font.suffix == ".woff2", url
        assert font.read_bytes()[:4] == b"wOF2", url
    assert "SIL OPEN FONT LICENSE" in (STATIC / "fonts" / "OFL.txt").read_text()


def test_every_script_of_the_15_languages_has_a_face():
    css = (STATIC / "css" / "fonts.css").read_text()
    for family in ("Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic"):
        assert f'font-family: "{family}";' in css
    for letters in ("U+0000-017F", "U+0400-045F", "U+0600-06FF", "U+1200-137F"):
        assert letters in css
