"""Who is who in the browser: a parent finds the teacher on a school screen; others get the card."""

import uuid

import pytest
from PIL import Image
from playwright.sync_api import expect

TRUSTED = "127.0.0.0/8"
SIZES = [(1920, 1080), (1080, 1920)]


@pytest.fixture
def school_and_outsider(make_live_server):
    """Two servers on one database: a school screen by its network, and anyone else."""
    school = make_live_server(KIOSK_TRUSTED_NETWORKS=TRUSTED)
    outsider = make_live_server(
        database_url=school.app.config["SQLALCHEMY_DATABASE_URI"],
        setup=False,
        KIOSK_TRUSTED_NETWORKS="",
    )
    return school, outsider


def test_a_school_screen_shows_the_team_grouped_by_class_others_get_the_card(
    school_and_outsider, new_page, screenshot, assert_accessible
):
    school, outsider = school_and_outsider
    for width, height in SIZES:
        page = new_page({"width": width, "height": height}, has_touch=True)
        page.goto(f"{school.url}/kiosk/team")
        groups = page.locator(".team-group")
        assert groups.first.get_attribute("data-group").startswith("class:")
        # The teacher of a class stands under that class; the others under their role.
        sara = page.locator(".person", has_text="Sara")
        assert sara.locator("img.portrait").evaluate("i => i.complete && i.naturalWidth > 0")
        assert page.locator("[data-group='role:kitchen'] .person", has_text="Yusuf").count() == 1
        assert page.locator(".languages [lang=ar]").first.inner_text() == "العربية"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"kiosk-team-{width}x{height}")
    assert_accessible(page)
    page.goto(f"{school.url}/kiosk/team?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    assert_accessible(page)
    screenshot(page, "kiosk-team-ar", full_page=False)
    photo_url = page.locator("img.portrait").first.get_attribute("src")

    other = new_page()
    other.goto(f"{outsider.url}/kiosk/team")
    assert other.locator("[data-school-screens-only]").is_visible()
    assert other.locator(".person").count() == 0
    assert "Sara" not in other.content()
    assert other.request.get(outsider.url + photo_url).status == 404
    assert other.request.get(f"{outsider.url}/api/v1/kiosk").json()["team"] == []
    assert_accessible(other)
    screenshot(other, "kiosk-team-not-a-school-screen", full_page=False)
    other.goto(f"{outsider.url}/kiosk/team?lang=ar")
    assert_accessible(other)


def test_the_bridge_figure_adds_a_teacher_who_then_shows_under_the_class(
    live_server, new_page, staff_login, tmp_path, screenshot, assert_accessible
):
    name = f"Lotte{uuid.uuid4().hex[:4]}"
    portrait = tmp_path / "lotte.jpg"
    Image.new("RGB", (1200, 1600), (180, 140, 120)).save(portrait, "JPEG")
    page = new_page()
    staff_login(page, live_server.url)
    page.goto(f"{live_server.url}/admin/team?lang=en")
    assert_accessible(page)

    page.fill("input[name=first_name]", name)
    page.select_option("select[name=role]", "teacher")
    page.fill("input[name=class_name]", "6C")
    page.check("input[name=languages][value=nl]")
    page.check("input[name=languages][value=pl]")
    page.set_input_files("input[name=photo]", portrait)
    page.click("form.team-form button.primary")  # no consent yet
    expect(page.locator("text=Please confirm that this person agreed to be shown")).to_be_visible()
    assert page.input_value("input[name=first_name]") == name
    page.set_input_files("input[name=photo]", portrait)
    page.check("input[name=consent]")
    page.click("form.team-form button.primary")
    page.wait_for_selector(".flash-success")
    row = page.locator("tr", has_text=name)
    assert "Polski" in row.inner_text()
    screenshot(page, "admin-team")

    page.goto(f"{live_server.url}/kiosk/team")  # staff are a school screen
    group = page.locator("[data-group='class:6C']")
    assert name in group.inner_text()
    assert group.locator("[lang=pl]").inner_text() == "Polski"
    assert group.locator("img.portrait").evaluate("i => i.naturalWidth") <= 400

    page.goto(f"{live_server.url}/admin/team?lang=ar")
    assert_accessible(page)
    page.locator("tr", has_text=name).get_by_role("link").first.click()
    page.wait_for_url("**/admin/team/*")
    assert page.input_value("input[name=class_name]") == "6C"
    assert_accessible(page)
