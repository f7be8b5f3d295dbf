"""Right-to-left done right: arrows point the way they go, and names in another script
stand isolated, so a list of languages never scrambles."""

import pytest

SCHOOL_SCREENS = "127.0.0.0/8"  # photos and the team show only on the school's own screens

PHONE = {"width": 360, "height": 640}
ARROWS = """() => {
    const x = (selector) => document.querySelector(selector).getBoundingClientRect().x;
    const arrow = document.querySelector(".slide-next span");
    return {transform: getComputedStyle(arrow).transform,
            nextLeftOfPrevious: x(".slide-next") < x(".slide-previous")};
}"""
ISOLATED = """el => ['isolate', 'isolate-override', 'plaintext']
    .includes(getComputedStyle(el).unicodeBidi)"""


@pytest.fixture(scope="module")
def school(live_server, tmp_path_factory):
    server = type(live_server)(
        tmp_path_factory.mktemp("rtl"), KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS
    ).setup_database()
    yield server
    server.close()


def test_the_slideshow_arrows_point_the_way_they_go_in_arabic(school, new_page):
    pictures = {}
    for lang in ("nl", "ar"):
        page = new_page(has_touch=True)
        page.goto(f"{school.url}/kiosk/photos?lang={lang}")
        previous, following = page.locator(".slide-previous"), page.locator(".slide-next")
        assert previous.count() == 1, "the demo has more than one photo"
        # Read in one go: a fresh snapshot may swap the screen between two reads.
        drawn = page.evaluate(ARROWS)
        assert drawn["transform"] == "none"
        assert drawn["nextLeftOfPrevious"] == (lang == "ar"), "'next' stands where the reading goes"
        pictures[lang] = {
            "previous": previous.locator("span").screenshot(),
            "next": following.locator("span").screenshot(),
        }
    # In Arabic "next" is on the left and points left: drawn as Dutch "previous" is.
    assert pictures["ar"]["next"] == pictures["nl"]["previous"]
    assert pictures["ar"]["previous"] == pictures["nl"]["next"]
    assert pictures["nl"]["next"] != pictures["nl"]["previous"]


@pytest.mark.parametrize("lang", ["ar", "fa", "ps"])
def test_language_names_stand_isolated_on_the_team_and_cafe_screens(school, new_page, lang):
    page = new_page(has_touch=True)
    page.goto(f"{school.url}/kiosk/team?lang={lang}")
    names = page.locator(".languages > *")
    assert names.count() > 0
    assert all(names.nth(i).evaluate(ISOLATED) for i in range(names.count()))
    assert set(names.evaluate_all("els => els.map(e => e.tagName)")) == {"BDI"}

    page.goto(f"{school.url}/kiosk/cafe?lang={lang}")
    listed = page.locator('[data-fact="languages"]')
    if listed.count():
        spoken = listed.first.locator("[lang]")
        assert spoken.count() > 0
        assert all(spoken.nth(i).evaluate(ISOLATED) for i in range(spoken.count()))


def test_an_arabic_language_name_stays_in_line_on_a_dutch_interpreter_page(
    school, new_page, screenshot
):
    phone = new_page(PHONE, is_mobile=True, has_touch=True)
    phone.goto(f"{school.url}/m/interpreter?lang=nl")
    phone.select_option("#language", "ar")
    phone.check("input[name=purpose][value=care_meeting]")
    phone.check("input[name=reach_by][value=gate]")
    phone.click("form.interpreter-form button[type=submit]")
    phone.wait_for_url("**/m/s/**")
    name = phone.locator(".asked bdi[lang=ar]")
    assert name.inner_text() == "العربية"
    assert name.evaluate(ISOLATED)
    # Where the Dutch values start, not pushed to the other side.
    starts = phone.locator(".asked dd").evaluate_all("""els => els.map(e => {
        const text = document.createRange();
        text.selectNodeContents(e);
        return Math.round(text.getBoundingClientRect().x);
    })""")
    assert len(set(starts)) == 1, starts
    screenshot(phone, "interpreter-phone-status-nl-arabic")
