"""Every script of the 15 languages is drawn with the app's own fonts, from the app itself.

The test machine has Debian's fonts-noto-core installed, so a page could look right with
the system's Noto; Chromium's DevTools say whether the glyphs came from a web font.
"""

from urllib.parse import urlparse

import pytest

# Tag the element around the first text on the page written in a script, so DevTools can
# ask which fonts drew it.
MARK_TEXT_IN = """pattern => {
  const letters = new RegExp(pattern);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (letters.test(node.data) && element.checkVisibility()) {
      element.setAttribute("data-font-probe", "");
      return node.data.trim();
    }
  }
  return null;
}"""

SCRIPTS = {
    "ti": ("Noto Sans Ethiopic", "noto-sans-ethiopic-", "[\\u1200-\\u137F]"),
    "ar": ("Noto Sans Arabic", "noto-sans-arabic-", "[\\u0600-\\u06FF]"),
    "fa": ("Noto Sans Arabic", "noto-sans-arabic-", "[پچژگی]"),  # Persian letters
    "ps": ("Noto Sans Arabic", "noto-sans-arabic-", "[ټځڅډړږښګڼې]"),  # Pashto letters
    "uk": ("Noto Sans", "noto-sans-cyrillic-", "[\\u0400-\\u045F\\u0490\\u0491]"),
}


def _font_requests(page):
    fonts = []
    page.on("requestfinished", lambda r: fonts.append(r) if r.resource_type == "font" else None)
    return fonts


def _fonts_drawing(page, selector):
    """The fonts Chromium drew an element's text with, as DevTools reports them."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    root = devtools.send("DOM.getDocument")["root"]["nodeId"]
    node = devtools.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("lang", SCRIPTS)
def test_each_script_is_drawn_with_the_apps_own_font(live_server, kiosk_page, screenshot, lang):
    family, file_prefix, letters = SCRIPTS[lang]
    fonts = _font_requests(kiosk_page)
    kiosk_page.goto(f"{live_server.url}/kiosk/?lang={lang}")
    kiosk_page.evaluate("document.fonts.ready.then(() => true)")
    kiosk_page.wait_for_load_state("networkidle")

    text = kiosk_page.evaluate(MARK_TEXT_IN, letters)
    assert text, f"no {lang} text on the page"
    drawn = _fonts_drawing(kiosk_page, "[data-font-probe]")
    assert family in [f["familyName"] for f in drawn], (text, drawn)
    assert all(f["isCustomFont"] for f in drawn), (text, drawn)

    own = urlparse(live_server.url).netloc
    for request in fonts:
        url = urlparse(request.url)
        assert url.netloc == own and url.path.startswith("/static/fonts/"), request.url
        assert request.response().status == 200, request.url
    names = [urlparse(r.url).path.rsplit("/", 1)[1] for r in fonts]
    assert any(name.startswith(file_prefix) for name in names), names
    if lang == "ti":
        screenshot(kiosk_page, "kiosk-home-ti-fonts")


def test_a_dutch_page_downloads_only_the_latin_font(live_server, kiosk_page):
    fonts = _font_requests(kiosk_page)
    kiosk_page.goto(f"{live_server.url}/kiosk/notices?lang=nl")
    kiosk_page.evaluate("document.fonts.ready.then(() => true)")
    kiosk_page.wait_for_load_state("networkidle")

    names = [urlparse(r.url).path.rsplit("/", 1)[1] for r in fonts]
    assert names and all(name.startswith("noto-sans-latin-") for name in names), names
    drawn = _fonts_drawing(kiosk_page, "h1")
    assert [f["familyName"] for f in drawn] == ["Noto Sans"]
    assert all(f["isCustomFont"] for f in drawn), drawn
