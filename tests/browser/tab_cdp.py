"""Chromium driven through its DevTools protocol by way of the *tab* target, as Chrome's
own DevTools do, for what Playwright cannot show: Chromium turns prerendering off
("PrerenderingDisabledByDevTools") for a page that a client such as Playwright attached
to directly. Standard library only: a minimal WebSocket client, text frames.

Used by tests/browser/test_kiosk_taps.py and bench/kiosk_taps.py.
"""

import base64
import contextlib
import json
import os
import re
import socket
import statistics
import struct
import subprocess
import tempfile
import time
import urllib.parse

# Kept in the old page's localStorage: when (ms since the epoch) the last tap began.
_TAP_LISTENER = """addEventListener("pointerdown", (e) => localStorage.setItem("tap-at",
    String(performance.timeOrigin + e.timeStamp)), { capture: true });
1"""
# In the new page: when (ms since the epoch) it was first painted for a person to see.
# A prerendered page paints at its activation at the earliest: Chromium reports its first
# contentful paint relative to the prerender's start, never before activationStart.
_PAINTED = """new Promise((resolve) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const done = (fcp) => resolve({
    painted: performance.timeOrigin + Math.max(fcp, nav.activationStart || 0),
    tap: Number(localStorage.getItem("tap-at")),
    prerendered: (nav.activationStart || 0) > 0,
    activation: performance.timeOrigin + (nav.activationStart || 0),
    fcp: performance.timeOrigin + fcp,
    path: location.pathname,
  });
  const seen = performance.getEntriesByName("first-contentful-paint")[0];
  if (seen) return done(seen.startTime);
  new PerformanceObserver((list) => done(list.getEntries()[0].startTime))
    .observe({ type: "paint", buffered: true });
})"""


DEBUG = os.environ.get("TAPS_DEBUG")


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: masked text frames out, text in."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert b" 101 " in head.split(b"\r\n")[0], head

    def _read(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            data += chunk
        return data

    def send(self, text):
        payload = text.encode()
        mask = os.urandom(4)
        n = len(payload)
        if n < 126:
            header = struct.pack("!BB", 0x81, 0x80 | n)
        elif n < 65536:
            header = struct.pack("!BBH", 0x81, 0x80 | 126, n)
        else:
            header = struct.pack("!BBQ", 0x81, 0x80 | 127, n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            n = second & 0x7F
            if n == 126:
                (n,) = struct.unpack("!H", self._read(2))
            elif n == 127:
                (n,) = struct.unpack("!Q", self._read(8))
            payload = self._read(n)
            message += payload
            if first & 0x80:
                return message.decode()

    def close(self):
        self.sock.close()


class Chromium:
    """A headless Chromium of its own, driven through one tab."""

    def __init__(self, executable, args=(), viewport=(1920, 1080)):
        self.profile = tempfile.TemporaryDirectory()
        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile.name}",
                f"--window-size={viewport[0]},{viewport[1]}",
                *args,
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for line in self.process.stderr:
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                break
        else:
            raise RuntimeError("Chromium did not start")
        self.ws = WebSocket(found.group(1))
        self.next_id = 0
        self.events = []
        self.page = None  # the session of the tab's current page
        self.pages = {}  # sessionId -> targetInfo of every page in the tab (prerenders too)
        self.throttle = 1
        tabs = self.send("Target.getTargets", filter=[{"type": "tab"}])["targetInfos"]
        tab = self.send("Target.attachToTarget", targetId=tabs[0]["targetId"], flatten=True)
        self.tab = tab["sessionId"]
        self.send(
            "Target.setAutoAttach",
            self.tab,
            autoAttach=True,
            waitForDebuggerOnStart=False,
            flatten=True,
        )
        self.wait_for(lambda: self.page is not None)

    def send(self, method, session=None, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.receive())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._event(reply)

    def _event(self, event):
        method, params = event.get("method"), event.get("params", {})
        if method == "Target.attachedToTarget" and params["targetInfo"]["type"] == "page":
            session = params["sessionId"]
            self.pages[session] = params["targetInfo"]
            # Every page of the tab, a prerendered one too, runs on the same slow computer.
            self.events.append(("attach", session))
        elif method == "Target.detachedFromTarget":
            self.pages.pop(params.get("sessionId"), None)
            if self.page == params.get("sessionId"):
                self.page = None
        elif method == "Target.targetInfoChanged":
            info = params["targetInfo"]
            for session, known in list(self.pages.items()):
                if known["targetId"] == info["targetId"]:
                    self.pages[session] = info
        else:
            self.events.append((method, params))

    def _settle(self):
        """Prepare newly attached pages (throttled, then let run); the tab's page is the one
        that is not a prerender."""
        while any(kind == "attach" for kind, _ in self.events):
            kind, session = next(e for e in self.events if e[0] == "attach")
            self.events.remove((kind, session))
            self.ws.sock.settimeout(2)
            try:
                self.send("Emulation.setCPUThrottlingRate", session, rate=self.throttle)
            except (RuntimeError, TimeoutError):
                pass  # a prerender dropped meanwhile
            finally:
                self.ws.sock.settimeout(60)
        for session, info in self.pages.items():
            if info.get("subtype") != "prerender":
                self.page = session

    def pump(self, seconds=0.05):
        """Read events for a while."""
        self.ws.sock.settimeout(seconds)
        try:
            while True:
                self._event(json.loads(self.ws.receive()))
        except TimeoutError:
            pass
        finally:
            self.ws.sock.settimeout(60)
        self._settle()

    def wait_for(self, condition, timeout=20):
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("waited too long")
            self.pump()

    def set_throttle(self, rate):
        self.throttle = rate
        for session in self.pages:
            self.send("Emulation.setCPUThrottlingRate", session, rate=rate)

    def evaluate(self, expression, session=None, timeout=60):
        """The value of `expression` in the tab's page; RuntimeError when there is none (a
        page being replaced may never answer)."""
        self.ws.sock.settimeout(timeout)
        try:
            result = self.send(
                "Runtime.evaluate",
                session or self.page,
                expression=expression,
                awaitPromise=True,
                returnByValue=True,
            )
        except TimeoutError as error:
            raise RuntimeError("no answer") from error
        finally:
            self.ws.sock.settimeout(60)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def goto(self, url):
        self.evaluate(f"location.assign({json.dumps(url)}), 1")
        self.wait_for(lambda: self._at(url))

    def _at(self, url):
        try:
            here = self.evaluate("location.href + ' ' + document.readyState", timeout=2)
            return here == url + " complete"
        except (RuntimeError, KeyError):
            return False

    def prerendered(self):
        """The URLs prerendered for the current page."""
        return sorted(i["url"] for i in self.pages.values() if i.get("subtype") == "prerender")

    def tap(self, selector):
        """A press on the middle of the element (a pointerdown, then a click)."""
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                self.page,
                type=kind,
                x=box[0],
                y=box[1],
                button="left",
                clickCount=1,
            )

    def close(self):
        with contextlib.suppress(OSError, RuntimeError, ConnectionError):
            self.send("Browser.close")
        self.ws.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.profile.cleanup()


# A plain link to the tiny page, added to the home screen to be tapped like a tile.
_FLOOR_LINK = """(() => { const a = document.createElement("a"); a.href = "/healthz";
  a.id = "floor"; a.textContent = "healthz"; a.style = "position:fixed;inset:0 auto auto 0;"
  + "width:200px;height:200px;z-index:99;background:#fff"; document.body.append(a);
  return 1; })()"""


def tap_to_screen(browser, home, selector, tries=3, prerenders=0):
    """Median ms from a tap on `selector` (its pointerdown) until the next page is painted,
    and whether that page was a prerendered one. `selector` "#floor" taps a plain link to
    /healthz: the tiny page of the same server, the floor no page load gets under."""
    times, prerendered = [], []
    for _ in range(tries):
        browser.goto(home)
        # The home screen prerenders its tiles, as it has had time to at a school gate.
        browser.wait_for(lambda: len(browser.prerendered()) >= prerenders)
        browser.pump(0.3)
        browser.evaluate(_TAP_LISTENER)
        if selector == "#floor":
            browser.evaluate(_FLOOR_LINK)
        browser.tap(selector)
        browser.wait_for(lambda: _arrived(browser, home))
        seen = browser.evaluate(_PAINTED)
        times.append(seen["painted"] - seen["tap"])
        if DEBUG:
            print(selector, {k: seen[k] - seen["tap"] for k in ("activation", "fcp", "painted")})
        prerendered.append(seen["prerendered"])
    return statistics.median(times), all(prerendered)


def _arrived(browser, home):
    try:
        href = browser.evaluate("document.readyState === 'loading' ? '' : location.href", timeout=2)
    except RuntimeError:
        return False
    return bool(href) and href != home
