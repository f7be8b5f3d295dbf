"""The kiosk on a slow computer (issue 32): tap-to-screen per home tile at 1x and 4x CPU
throttling beside the tiny-page floor, then the page's heap and DOM nodes over a long run
of polls. Debian's Chromium, 1920x1080, against the demo app under waitress. Run from the
repo root:

    .venv/bin/python bench/kiosk_taps.py                # about 5 minutes
    .venv/bin/python bench/kiosk_taps.py --minutes 60   # a longer run of polls

Tap to screen: from the tap's pointerdown in the home screen to the first contentful
paint of the next screen (a prerendered one: not before its activation). The floor: a
tap on a plain link to /healthz, the tiny page of the same server, measured the same
way. Target: each screen no later than max(floor, 300 ms). Heap: used JS heap after a
forced garbage collection; nodes and listeners as Chromium counts them (CDP Memory).
bench/README.md has the figures.
"""

import argparse
import pathlib
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests" / "browser"))

from tab_cdp import Chromium, tap_to_screen  # noqa: E402

from kiosk.home.kiosk import TILES  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, KIOSK, LiveServer  # noqa: E402


def taps(server, tries):
    home = f"{server.url}/kiosk/"
    browser = Chromium(CHROMIUM, CHROMIUM_ARGS)
    try:
        browser.goto(home)  # the first visit installs the service worker
        for rate in (1, 4):
            browser.set_throttle(rate)
            floor = tap_to_screen(browser, home, "#floor", tries=tries)[0]
            bound = max(floor, 300)
            print(
                f"\n{rate}x CPU: floor (tap to /healthz painted) {floor:.0f} ms, "
                f"bound {bound:.0f} ms"
            )
            for tile in TILES:
                ms, prerendered = tap_to_screen(
                    browser, home, f"a.tile-{tile.section}", tries=tries, prerenders=len(TILES)
                )
                verdict = "ok" if ms <= bound else "SLOWER"
                how = "prerendered" if prerendered else "loaded"
                print(
                    f"  {tile.section:<12} {ms:6.0f} ms  {ms / floor:4.2f}x floor  {how}  {verdict}"
                )
    finally:
        browser.close()


def long_run(server, minutes):
    from playwright.sync_api import sync_playwright

    from tests.browser.test_kiosk_taps import _change_the_snapshot, _heap_and_nodes

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport=KIOSK, has_touch=True).new_page()
        page.goto(f"{server.url}/kiosk/board")
        cdp = page.context.new_cdp_session(page)
        time.sleep(5)
        start = _heap_and_nodes(page, cdp)
        print(f"\nboard, one poll a second, the snapshot changing every 4 s, {minutes} min")
        print("  minute   heap (KB)   nodes   listeners")
        print(f"  {0:6.1f}   {start[0] / 1024:9.0f}   {start[1]:5}   {start[2]:9}")
        began = time.monotonic()
        number, last_print = 0, began
        while time.monotonic() - began < minutes * 60:
            number += 1
            _change_the_snapshot(server.app, number)
            time.sleep(4)
            if time.monotonic() - last_print >= 30:
                last_print = time.monotonic()
                heap, nodes, listeners = _heap_and_nodes(page, cdp)
                print(
                    f"  {(last_print - began) / 60:6.1f}   {heap / 1024:9.0f}   {nodes:5}   "
                    f"{listeners:9}"
                )
        end = _heap_and_nodes(page, cdp)
        change = [f"{(b / a - 1) * 100:+.1f}%" for a, b in zip(start, end, strict=True)]
        print(
            f"  end: heap {change[0]}, nodes {change[1]}, listeners {change[2]} "
            "(target: each within +10%)"
        )
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3, help="the long run of polls")
    parser.add_argument("--tries", type=int, default=5, help="taps per tile and rate")
    args = parser.parse_args()
    # Nobody touches it: the idle reset would take the board home after 90 s.
    folder = pathlib.Path(tempfile.mkdtemp())
    server = LiveServer(folder, KIOSK_POLL_SECONDS=1, KIOSK_IDLE_SECONDS=10**6).setup_database()
    try:
        taps(server, args.tries)
        long_run(server, args.minutes)
    finally:
        server.close()


if __name__ == "__main__":
    main()
