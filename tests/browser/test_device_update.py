"""A new release of the app reaches every kiosk by itself: once, when nobody is using it."""

from kiosk.registry import registry
from kiosk.screens import release as device


def test_new_release_reloads_the_kiosk_once_when_idle(make_live_server, new_page, monkeypatch):
    server = make_live_server(KIOSK_IDLE_SECONDS=2)
    kiosk = new_page(has_touch=True)
    kiosk.goto(server.url + "/kiosk/")
    assert kiosk.get_attribute("body", "data-release") == device.release()
    loads = []
    kiosk.on("load", lambda page: loads.append(page.url))
    kiosk.evaluate("window.sameDocument = true")

    monkeypatch.setattr(device, "release", lambda: "next-release")
    for _ in range(6):  # a parent is using the kiosk: nothing reloads under their fingers
        kiosk.tap("h1")
        kiosk.wait_for_timeout(500)
    assert kiosk.evaluate("window.sameDocument") is True
    assert loads == []

    kiosk.wait_for_selector("body[data-release=next-release]", timeout=6000)
    assert len(loads) == 1

    # Two servers that disagree during an upgrade: one more reload, then it stays.
    sections = registry(server.app).snapshot_sections
    monkeypatch.setitem(sections, "release", lambda lang, school_screen: "other")
    kiosk.wait_for_timeout(7000)
    assert len(loads) == 2
    assert kiosk.locator("a.tile").count() == 7
