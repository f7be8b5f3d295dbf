"""Weekly pictogram notices in the browser: the bridge figure's admin, the kiosk, the poster."""

import re
import uuid
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from kiosk import clock
from kiosk.extensions import db
from kiosk.notices import rules
from kiosk.notices.models import Notice

SWIMMING_SVG = "/pictograms/1F3CA.svg"


def this_week(server):
    with server.app.app_context():
        return rules.this_week(clock.today())


def add_notice(server, week, day=None, pictograms=("lice_check",), texts=None, position=50):
    with server.app.app_context():
        notice = Notice(
            week=week, day=day, position=position, pictograms=list(pictograms), texts=texts
        )
        db.session.add(notice)
        db.session.commit()
        return notice.id


def card_with(page, text):
    return page.locator("li.notice", has_text=text)


def wait_for_first_poll(page):
    page.wait_for_function("() => window.Kiosk && window.Kiosk.snapshot !== null")


def test_bridge_figure_adds_swimming_and_the_kiosk_shows_it_within_one_poll(
    live_server, kiosk_page, new_page, staff_login, screenshot, assert_accessible
):
    week = this_week(live_server)
    tuesday = week + timedelta(days=1)
    mark = uuid.uuid4().hex[:6]
    dutch = f"Dinsdag zwemmen, zwemzak mee {mark}"
    arabic = f"السباحة يوم الثلاثاء، أحضروا ملابس السباحة {mark}"

    kiosk_page.goto(f"{live_server.url}/kiosk/notices")
    wait_for_first_poll(kiosk_page)
    assert card_with(kiosk_page, mark).count() == 0

    admin = new_page()
    staff_login(admin, live_server.url)
    admin.goto(f"{live_server.url}/admin/notices")
    admin.click("a.button.primary")  # Add a notice
    admin.fill("input[name=query]", "zwemmen")
    admin.click("button[name=search]")
    admin.locator("[data-results][data-searched=zwemmen]").wait_for()
    swimming = admin.locator("input[name=pictograms][value=swimming]")
    picked = "label.picto-choice:has(input[value=swimming])"
    found = admin.locator(f"{picked} img[src='{SWIMMING_SVG}']")
    found.wait_for()
    assert found.bounding_box()["width"] >= 96  # shown large
    swimming.check()
    admin.select_option("select[name=day]", tuesday.isoformat())
    admin.fill("input[name=text_nl]", dutch)
    admin.fill("input[name=text_ar]", arabic)
    admin.click("button[data-save]")
    admin.wait_for_url(re.compile(r".*/admin/notices\?week=.*"))
    assert admin.locator(".notice-row", has_text=dutch).count() == 1

    # Within one poll (1 s in the tests) the open kiosk shows it, with its pictogram.
    card = card_with(kiosk_page, mark)
    card.wait_for(timeout=4000)  # one 1 s poll plus re-rendering the screen, on a busy machine
    assert card.get_attribute("data-date") == tuesday.isoformat()
    assert card.locator(f"img[src='{SWIMMING_SVG}']").count() == 1
    assert card.locator(".notice-text").inner_text() == dutch
    screenshot(kiosk_page, "kiosk-notices-1920x1080", full_page=False)

    kiosk_page.goto(f"{live_server.url}/kiosk/notices?lang=ar")
    card = card_with(kiosk_page, mark)
    assert card.locator(".notice-text").inner_text() == arabic
    assert card.locator(".notice-text").get_attribute("dir") == "rtl"
    assert card.locator(f"img[src='{SWIMMING_SVG}']").count() == 1
    screenshot(kiosk_page, "kiosk-notices-ar", full_page=False)
    assert_accessible(kiosk_page)

    kiosk_page.goto(f"{live_server.url}/kiosk/notices?lang=pl")
    card = card_with(kiosk_page, mark)
    assert card.locator(".notice-text").inner_text() == dutch
    assert card.locator(".notice-text").get_attribute("lang") == "nl"
    assert card.locator(f"img[src='{SWIMMING_SVG}']").count() == 1


def test_every_pictogram_on_the_kiosk_answers_svg_from_the_app(live_server, kiosk_page):
    for lang in ("nl", "ar"):
        kiosk_page.goto(f"{live_server.url}/kiosk/notices?lang={lang}")
        sources = kiosk_page.eval_on_selector_all("img[src]", "imgs => imgs.map(i => i.src)")
        assert len(sources) >= 10
        for source in set(sources):
            assert urlparse(source).netloc == urlparse(live_server.url).netloc, source
            response = kiosk_page.request.get(source)
            assert response.status == 200, source
            assert response.headers["content-type"].startswith("image/svg+xml"), source
        broken = kiosk_page.eval_on_selector_all(
            "img[src]",
            "imgs => imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)",
        )
        assert broken == []


def test_taps_are_big_and_the_screen_has_no_text_input(school_server, kiosk_page):
    kiosk_page.goto(f"{school_server.url}/kiosk/notices")
    small = kiosk_page.eval_on_selector_all(
        "a, button",
        """els => els.filter(e => e.offsetParent !== null)
                  .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
                  .filter(([t, r]) => r.width < 64 || r.height < 64)
                  .map(([t]) => t)""",
    )
    assert small == []
    assert kiosk_page.locator("li.notice").count() >= 5
    assert (
        kiosk_page.locator("li.notice [data-understanding]").count()
        == 2 * kiosk_page.locator("li.notice").count()
    )
    assert kiosk_page.locator("input, textarea, select").count() == 0


def test_not_clear_tapped_on_a_notice_shows_in_admin_next_to_it(
    school_server, kiosk_page, new_page, staff_login, assert_accessible
):
    week = this_week(school_server)
    mark = uuid.uuid4().hex[:6]
    notice_id = add_notice(
        school_server,
        week,
        week + timedelta(days=3),
        texts={"nl": f"Luizencontrole {mark}", "ar": f"فحص القمل {mark}"},
    )
    answers = []

    def lose_the_first_answer(route):
        answers.append(route.request.post_data_json["tap"])
        if len(answers) == 1:
            route.fetch()  # the server counts it ...
            route.abort()  # ... but the kiosk never hears back, so it sends it again
        else:
            route.continue_()

    kiosk_page.route("**/understanding", lose_the_first_answer)
    kiosk_page.goto(f"{school_server.url}/kiosk/notices?lang=ar")
    card = card_with(kiosk_page, mark)
    unclear = card.locator("[data-understanding=unclear]")
    with kiosk_page.expect_response(lambda r: "/understanding" in r.url, timeout=8000) as again:
        unclear.click()
    assert again.value.status == 200  # already counted
    unclear.dblclick()  # a child tapping again and again
    assert len(set(answers)) == 1, "every send of this tap carries the same tap id"
    assert unclear.get_attribute("aria-pressed") == "true"
    assert card.locator(".understanding-thanks").is_visible()

    admin = new_page()
    staff_login(admin, school_server.url)
    admin.goto(f"{school_server.url}/admin/notices?week={rules.week_param(week)}&lang=en")
    counts = admin.locator(f"#notice-{notice_id} .understood")
    assert counts.get_attribute("data-unclear") == "1"
    assert counts.get_attribute("data-understood") == "0"
    assert counts.locator("[data-lang=ar]").inner_text() == "ar: 0/1"
    assert_accessible(admin)

    admin.click("text=Understood / not clear")
    row = admin.locator(f"tr[data-notice='{notice_id}']")
    expect(row).to_have_attribute("data-unclear", "1")
    assert row.locator("[data-lang=ar]").count() == 1
    shares = admin.eval_on_selector_all(
        "tr[data-notice]",
        "rows => rows.map(r => r.dataset.unclear / (+r.dataset.unclear + +r.dataset.understood))",
    )
    assert shares == sorted(shares, reverse=True)
    assert_accessible(admin)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_arrows_and_swipe_go_to_next_week_mirrored_in_rtl(live_server, kiosk_page, lang):
    week = this_week(live_server)
    next_week = rules.week_param(week + timedelta(weeks=1))
    kiosk_page.goto(f"{live_server.url}/kiosk/notices?lang={lang}")
    arrow = kiosk_page.locator("[data-week-next]").bounding_box()
    title = kiosk_page.locator("#week-title").bounding_box()
    assert (arrow["x"] < title["x"]) == (lang == "ar"), "next week lies ahead in reading order"

    # A finger swipes the week away towards where the text starts.
    start, end = (1500, 700), (300, 700)
    if lang == "ar":
        start, end = end, start
    kiosk_page.mouse.move(*start)
    kiosk_page.mouse.down()
    kiosk_page.mouse.move(*end, steps=8)
    kiosk_page.mouse.up()
    kiosk_page.wait_for_url(re.compile(r".*week=.*"))
    query = parse_qs(urlparse(kiosk_page.url).query)
    assert query["week"] == [next_week]
    assert query.get("lang", ["nl"]) == [lang]
    assert kiosk_page.locator("li.notice").count() >= 2  # the demo's next week

    kiosk_page.click("[data-week-previous]")
    kiosk_page.wait_for_url(re.compile(".*week=" + rules.week_param(week)))


def count_pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


CUT_OFF = """() => Array.from(document.querySelectorAll('.poster-item'))
    .filter(i => i.scrollHeight > i.clientHeight + 1 || i.scrollWidth > i.clientWidth + 1).length"""


def test_the_a4_poster_prints_on_one_page(live_server, new_page, staff_login, screenshot):
    page = new_page({"width": 1000, "height": 1300})
    staff_login(page, live_server.url)
    week = rules.week_param(this_week(live_server))
    page.goto(f"{live_server.url}/admin/notices?week={week}")
    with page.expect_popup() as popup:
        page.select_option("#poster-lang", "ar")
        page.click("form[action$='/poster'] button")
    poster = popup.value
    poster.wait_for_load_state()
    assert f"week={week}" in poster.url and "lang=ar" in poster.url
    assert poster.locator(".poster-item").count() >= 5
    assert poster.locator(".poster-item .text.second[lang=ar]").count() >= 5
    poster.emulate_media(media="print")
    assert poster.evaluate(CUT_OFF) == 0, "every item shows all its words"
    screenshot(poster, "notices-poster-a4", full_page=False)
    assert count_pdf_pages(poster.pdf(format="A4", prefer_css_page_size=True)) == 1


def test_a_crowded_week_still_prints_on_one_page(live_server, new_page, staff_login, screenshot):
    week = this_week(live_server) + timedelta(weeks=30)
    for n in range(14):
        add_notice(
            live_server,
            week,
            week + timedelta(days=n % 5),
            pictograms=("swimming", "lunch_box", "money"),
            texts={"nl": "Lange tekst " * 11 + str(n), "tr": "Uzun metin " * 12 + str(n)},
            position=n,
        )
    page = new_page()
    staff_login(page, live_server.url)
    page.goto(f"{live_server.url}/admin/notices/poster?week={rules.week_param(week)}&lang=tr")
    assert page.locator(".poster-item").count() == 14
    page.emulate_media(media="print")
    assert page.evaluate(CUT_OFF) == 0
    screenshot(page, "notices-poster-a4-crowded", full_page=False)
    assert count_pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1


def test_admin_notices_pages_are_accessible(live_server, new_page, staff_login, assert_accessible):
    page = new_page()
    staff_login(page, live_server.url)
    for path in ("/admin/notices", "/admin/notices/new", "/admin/notices/understanding"):
        for lang in ("nl", "ar"):
            page.goto(f"{live_server.url}{path}?lang={lang}")
            assert_accessible(page)
    # The form with its messages, after a save with no Dutch text.
    page.goto(f"{live_server.url}/admin/notices/new?lang=en")
    page.fill("input[name=text_ar]", "نص")
    page.click("button[data-save]")
    expect(page.locator(".field.has-error input[name=text_nl]")).to_have_count(1)
    assert page.input_value("input[name=text_ar]") == "نص"
    assert_accessible(page)
    page.goto(f"{live_server.url}/admin/notices/poster?lang=tr")
    assert_accessible(page)


def test_kiosk_notices_fit_portrait_and_small_screens(live_server, new_page, screenshot):
    for width, height in ((1080, 1920), (1280, 800)):
        page = new_page({"width": width, "height": height})
        page.goto(f"{live_server.url}/kiosk/notices")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"kiosk-notices-{width}x{height}", full_page=False)


def test_a_day_closed_in_the_calendar_is_a_no_school_notice_on_the_kiosk(
    make_live_server, kiosk_page, new_page, staff_login, screenshot, assert_accessible
):
    server = make_live_server(TESTING=True, KIOSK_FAKE_NOW="2031-03-11T10:00")  # a Tuesday
    admin = new_page()
    staff_login(admin, server.url)
    admin.goto(f"{server.url}/admin/board/holidays")
    admin.fill("input[name=name_nl]", "Pedagogische studiedag")
    admin.fill("input[name=first_day]", "2031-03-14")
    admin.click("button.primary")
    admin.wait_for_url(f"{server.url}/admin/board/holidays")

    kiosk_page.goto(f"{server.url}/kiosk/notices?lang=ar")
    card = kiosk_page.locator('li.notice[data-date="2031-03-14"][data-pictograms~=no_school]')
    expect(card).to_have_attribute("data-pictograms", "no_school")
    expect(card.locator('.notice-text[lang="ar"]')).to_have_text("لا مدرسة")
    expect(card.locator('.notice-details[lang="nl"]')).to_have_text("Pedagogische studiedag")
    assert card.locator("[data-understanding]").count() == 0  # nothing typed to rate
    screenshot(kiosk_page, "notices-kiosk-no-school-ar", full_page=False)
    assert_accessible(kiosk_page)
