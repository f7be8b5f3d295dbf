"""axe-core over the foundation's pages, in Dutch and in Arabic."""

import pytest

KIOSK_PAGES = ["/kiosk/", "/kiosk/notices", "/kiosk/does-not-exist"]
PHONE_PAGES = ["/m/does-not-exist"]
ADMIN_PAGES = ["/admin/", "/admin/users", "/admin/audit"]


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("path", KIOSK_PAGES)
def test_kiosk_pages_are_accessible(live_server, kiosk_page, assert_accessible, path, lang):
    kiosk_page.goto(f"{live_server.url}{path}?lang={lang}")
    assert_accessible(kiosk_page)


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("path", PHONE_PAGES)
def test_phone_pages_are_accessible(live_server, phone_page, assert_accessible, path, lang):
    phone_page.goto(f"{live_server.url}{path}?lang={lang}")
    assert_accessible(phone_page)


def test_login_page_is_accessible(live_server, new_page, assert_accessible):
    page = new_page()
    page.goto(f"{live_server.url}/admin/login")
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_admin_pages_are_accessible(live_server, new_page, staff_login, assert_accessible, lang):
    page = new_page()
    staff_login(page, live_server.url)
    for path in ADMIN_PAGES:
        page.goto(f"{live_server.url}{path}?lang={lang}")
        assert_accessible(page)


def test_past_days_of_the_week_stay_readable(make_live_server, kiosk_page, assert_accessible):
    """On a Friday, the notices of Monday to Thursday step back, yet their words keep
    the contrast a parent needs to read them."""
    friday = make_live_server(TESTING=True, KIOSK_FAKE_NOW="2031-03-14T10:00")
    for lang in ("nl", "ar"):
        kiosk_page.goto(f"{friday.url}/kiosk/notices?lang={lang}")
        assert kiosk_page.locator("li.notice.is-past").count() >= 2
        assert_accessible(kiosk_page)
