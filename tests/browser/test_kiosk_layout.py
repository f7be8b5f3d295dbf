"""The layout holds: no text cut off or off screen on any kiosk screen, in Dutch, Arabic,
Somali and Ukrainian, at the three kiosk sizes, with the demo's longest texts.

One server on a school-day morning (the board has a day plan and children); one page
per screen size, reused for every language and screen. Screenshots of all of them are in
test-output/screenshots/layout-*.png.
"""

import pytest

SCHOOL_DAY = "2031-03-11"  # a Tuesday
LONGEST_DAY = "2031-03-10"  # the Monday: the Lions' afternoon is "Natuurwandeling"
SIZES = {"1920x1080": (1920, 1080), "1280x800": (1280, 800), "1080x1920": (1080, 1920)}
LANGUAGES = ("nl", "ar", "so", "uk")
SCREENS = {
    "home": "/kiosk/",
    "notices": "/kiosk/notices",
    "board": "/kiosk/board",
    "board-class": "/kiosk/board/{class_id}",
    "photos": "/kiosk/photos",
    "cafe": "/kiosk/cafe",
    "interpreter": "/kiosk/interpreter",
    "team": "/kiosk/team",
    "voice": "/kiosk/voice",
    "board-preview": f"/admin/board/preview?date={LONGEST_DAY}",
}

# Every text a person should read: inside the screen's width, and not clipped by a box
# that hides what overflows it.
LAYOUT_PROBLEMS = """() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) {
        problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
    }
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (el.classList.length ? '.' + [...el.classList].join('.') : '');
    const ownText = (el) => [...el.childNodes]
        .some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    for (const el of document.body.querySelectorAll('*')) {
        if (!el.checkVisibility() || el.closest('.visually-hidden, svg')) continue;
        const style = getComputedStyle(el);
        const clips = (o) => o === 'hidden' || o === 'clip';
        if (el.textContent.trim()) {
            if (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
                problems.push(`${name(el)} cuts its text off sideways`
                    + ` (${el.scrollWidth} > ${el.clientWidth})`);
            }
            if (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
                problems.push(`${name(el)} cuts its text off below`
                    + ` (${el.scrollHeight} > ${el.clientHeight})`);
            }
        }
        if (ownText(el)) {
            const box = el.getBoundingClientRect();
            if (box.left < -1 || box.right > width + 1) {
                problems.push(`${name(el)} "${el.textContent.trim().slice(0, 30)}" is off screen`
                    + ` (${Math.round(box.left)}..${Math.round(box.right)})`);
            }
        }
    }
    return problems;
}"""


@pytest.fixture(scope="module")
def school(live_server, tmp_path_factory):
    """The demo on a school-day morning, on one of the school's own screens."""
    server = type(live_server)(
        tmp_path_factory.mktemp("layout"),
        TESTING=True,
        KIOSK_FAKE_NOW=f"{SCHOOL_DAY}T08:30",
        KIOSK_TRUSTED_NETWORKS="127.0.0.0/8",
    ).setup_database()
    yield server
    server.close()


@pytest.mark.parametrize("size", SIZES)
def test_no_text_is_cut_off_or_off_screen(school, new_page, staff_login, screenshot, size):
    width, height = SIZES[size]
    page = new_page({"width": width, "height": height}, has_touch=True)
    staff_login(page, school.url)  # for the board's preview; the kiosk screens ignore it
    page.goto(f"{school.url}/kiosk/board")
    class_id = page.get_attribute("a.class-card", "data-class")
    problems = []
    for lang in LANGUAGES:
        for screen, path in SCREENS.items():
            url = school.url + path.format(class_id=class_id)
            page.goto(url + ("&" if "?" in url else "?") + f"lang={lang}")
            page.evaluate("document.fonts.ready")
            found = page.evaluate(LAYOUT_PROBLEMS)
            problems += [f"{screen} {lang} {size}: {problem}" for problem in found]
            screenshot(page, f"layout-{screen}-{lang}-{size}", full_page=False)
            tall = page.evaluate("document.documentElement.scrollHeight")
            if tall > height:
                print(f"{screen} {lang} {size}: {tall - height}px taller than the screen")
    assert problems == [], "\n".join(problems)
