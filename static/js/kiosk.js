// The kiosk's own behaviour: idle reset and slideshow, polling the snapshot to
// stay fresh without reloads, the urgent message, working offline through the
// service worker, updating itself to a new release, read-aloud buttons, a
// watchdog that reloads a page whose polls stopped.
// No framework, no inline script.
//
// The home screen has its tiles' screens prerendered (speculation rules): such a
// page runs this script before anyone sees it. Nothing that counts (the poll, the
// kiosk's heartbeat; taps; the idle timer) starts before it is shown: whenShown.
(function () {
  "use strict";
  const body = document.body;
  const idleSeconds = Number(body.dataset.idleSeconds || 90);
  const pollSeconds = Number(body.dataset.pollSeconds || 15);
  const homeUrl = body.dataset.homeUrl;
  const kioskName = new URLSearchParams(location.search).get("kiosk") ||
    localStorage.getItem("kiosk-name") || "gate";
  localStorage.setItem("kiosk-name", kioskName);
  const listeners = [];
  let etag = null;
  let snapshot = null;
  let online = true;
  let lastTouch = Date.now();
  let clockSkew = 0; // server time minus this kiosk's time, when the kiosk's clock is off
  const renderedAt = Date.now();
  const prerendered = Boolean(document.prerendering);

  /** Run fn now, or when a prerendered page is shown (a tap on its tile), after its first
   * frame, so that the screen is painted before anything else runs. */
  function whenShown(fn) {
    if (document.prerendering) {
      document.addEventListener("prerenderingchange",
        () => requestAnimationFrame(() => setTimeout(fn, 0)), { once: true });
    } else {
      fn();
    }
  }

  const Kiosk = {
    /** Call fn(snapshot) on every new snapshot. */
    onSnapshot(fn) { listeners.push(fn); if (snapshot) fn(snapshot); },
    /** POST JSON with the page's CSRF token; resolves to the Response. */
    post(url, data) {
      return fetch(url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-CSRFToken": document.querySelector('meta[name="csrf-token"]').content,
        },
        body: JSON.stringify(data),
      });
    },
    get snapshot() { return snapshot; },
    /** False while the server cannot be reached; "kiosk:online" / "kiosk:offline" fire on changes. */
    get online() { return online; },
    /** The server's clock (ms since the epoch), even when the kiosk's own clock is off. */
    now() { return Date.now() + clockSkew; },
    kioskName,
    refreshScreen,
    whenShown,
  };
  window.Kiosk = Kiosk;

  // A prerendered page is hidden, and a hidden page is laid out only when a script asks:
  // have its styles, layout, fonts and pictures ready now, so a tap has only to paint it.
  if (prerendered) {
    addEventListener("load", async () => {
      document.body.getBoundingClientRect();
      await Promise.allSettled([...document.images].map((img) => img.decode()));
      await document.fonts.ready;
      document.body.getBoundingClientRect();
    }, { once: true });
  }

  // Read aloud: one audio element, so two buttons never talk at once.
  const player = new Audio();
  function say(url) {
    player.pause();
    player.src = url;
    player.play().catch(() => {}); // a browser may refuse sound before the first touch
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-audio]");
    if (button) say(button.dataset.audio);
  });

  const slideshow = document.getElementById("slideshow");
  let slideTimer = null;
  function startSlideshow() {
    const photos = (snapshot && snapshot.photos) || [];
    if (!photos.length || !slideshow || !slideshow.hidden) return;
    let index = 0;
    const show = () => {
      const photo = photos[index++ % photos.length];
      const img = document.createElement("img");
      img.src = photo.url;
      img.alt = "";
      slideshow.replaceChildren(img);
    };
    show();
    slideshow.hidden = false;
    slideTimer = setInterval(show, 8000);
  }
  function stopSlideshow() {
    if (slideshow && !slideshow.hidden) {
      slideshow.hidden = true;
      slideshow.replaceChildren();
      clearInterval(slideTimer);
    }
  }

  // Leaving this page needs the server or the service worker; without both, a tap
  // on a link would end on the browser's error page, so the kiosk stays put.
  function canLeave() {
    return online || Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);
  }
  document.addEventListener("click", (event) => {
    if (!canLeave() && event.target.closest("a[href]")) event.preventDefault();
  }, true);

  // Idle: back home in the default language, then a slideshow until touched. A new
  // release waiting to be loaded is loaded now, when nobody is using the kiosk.
  let idleTimer = null;
  let newRelease = null;
  function isDefaultHome() {
    return location.pathname === homeUrl && !new URLSearchParams(location.search).get("lang");
  }
  function isIdle() { return Date.now() - lastTouch >= idleSeconds * 1000; }
  function onIdle() {
    sessionStorage.removeItem("kiosk-urgent-closed"); // the next parent sees it again
    if (canLeave() && (newRelease || !isDefaultHome())) {
      if (newRelease) sessionStorage.setItem("kiosk-reloaded-for", newRelease);
      location.assign(homeUrl + (kioskName !== "gate" ? "?kiosk=" + encodeURIComponent(kioskName) : ""));
      return;
    }
    showUrgent();
    if (isDefaultHome()) startSlideshow();
  }
  function touched() {
    lastTouch = Date.now();
    stopSlideshow();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(onIdle, idleSeconds * 1000);
  }
  ["pointerdown", "touchstart", "keydown"].forEach((type) =>
    addEventListener(type, touched, { passive: true, capture: true }));
  whenShown(touched);

  // A new release of the app (its static files and templates) reloads the kiosk
  // once, when idle; remembered per tab, so two servers that disagree during an
  // upgrade cannot make it reload again and again.
  function noticeRelease(release) {
    const mine = body.dataset.release;
    if (!release || !mine || release === mine) return;
    if (sessionStorage.getItem("kiosk-reloaded-for") === release) return;
    newRelease = release;
    if (isIdle()) onIdle();
  }

  // Fresh without reloads: when the snapshot changes, the server renders this
  // screen again and only #screen is swapped, so nothing is drawn twice.
  async function refreshScreen() {
    let html;
    try {
      const response = await fetch(location.href, { headers: { "X-Kiosk-Refresh": "1" } });
      if (!response.ok) return;
      html = await response.text();
    } catch (error) {
      return; // the next poll tries again
    }
    const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("screen");
    const screen = document.getElementById("screen");
    if (fresh && screen) {
      screen.replaceChildren(...fresh.childNodes);
      document.dispatchEvent(new CustomEvent("kiosk:screen"));
    }
  }

  // Offline: the page stays as it is, with a discreet "last updated hh:mm".
  const lastUpdated = document.querySelector(".last-updated");
  function markOnline(ok) {
    const changed = ok !== online;
    online = ok;
    if (ok) {
      Kiosk.lastSeen = new Date();
      localStorage.setItem("kiosk-last-seen", String(Kiosk.lastSeen.getTime()));
      if (lastUpdated) lastUpdated.hidden = true;
    } else {
      const seen = Number(localStorage.getItem("kiosk-last-seen"));
      if (seen && lastUpdated) {
        const t = new Date(seen);
        const hhmm = String(t.getHours()).padStart(2, "0") + ":" + String(t.getMinutes()).padStart(2, "0");
        lastUpdated.textContent = body.dataset.offlineText + " " + hhmm;
        lastUpdated.hidden = false;
      }
    }
    if (changed) document.dispatchEvent(new CustomEvent(ok ? "kiosk:online" : "kiosk:offline"));
  }

  function noteServerClock(response) {
    const server = Date.parse(response.headers.get("Date") || "");
    if (!server) return;
    const skew = server - Date.now();
    clockSkew = Math.abs(skew) > 5000 ? skew : 0; // the Date header is only to the second
  }

  const offlineCardPath = new URL(body.dataset.offlineUrl || "/kiosk/offline", location.href).pathname;

  /** How this screen is, for /admin/kiosks: its offline copy, screen, clock and page load. */
  function reportHealth(params) {
    const worker = navigator.serviceWorker;
    params.set("offline", worker && worker.controller ? "active"
      : !window.isSecureContext ? "insecure" : worker ? "inactive" : "unsupported");
    params.set("screen", screen.width + "x" + screen.height);
    params.set("clock", Date.now()); // the kiosk's own clock, not Kiosk.now()
    params.set("loaded", Math.round(performance.timeOrigin));
  }

  // The watchdog: a poll that neither answers nor fails (a hung connection, a page
  // whose script stopped) for this many intervals reloads the page, when it can.
  const WATCHDOG_POLLS = 10;
  let lastPollEnded = Date.now();
  function watchdog() {
    if (Date.now() - lastPollEnded > WATCHDOG_POLLS * pollSeconds * 1000 && canLeave()) {
      location.reload();
    }
  }

  async function poll() {
    try {
      await pollOnce();
    } finally {
      lastPollEnded = Date.now();
    }
  }

  async function pollOnce() {
    const url = new URL(body.dataset.snapshotUrl, location.href);
    url.searchParams.set("kiosk", kioskName);
    reportHealth(url.searchParams);
    let response;
    try {
      response = await fetch(url, {
        headers: etag ? { "If-None-Match": etag } : {},
        cache: "no-store",
      });
    } catch (error) {
      markOnline(false);
      return;
    }
    // The service worker answers with its last copy when the server cannot.
    const fresh = !response.headers.has("X-Kiosk-Offline") && response.status < 500;
    markOnline(fresh);
    if (fresh) {
      noteServerClock(response);
      if (body.classList.contains("screen-offline") && location.pathname !== offlineCardPath) {
        location.reload(); // this screen was never seen before the network went: load it now
        return;
      }
    }
    if (response.status !== 200 || (!fresh && snapshot)) return;
    let data;
    try {
      data = await response.json();
    } catch (error) {
      return;
    }
    const first = snapshot === null;
    etag = response.headers.get("ETag");
    snapshot = data;
    listeners.forEach((fn) => fn(snapshot));
    if (fresh) noticeRelease(snapshot.release);
    // A screen prerendered a while before its tap may show an older snapshot.
    const stale = first && prerendered && Date.now() - renderedAt > pollSeconds * 1000;
    if (fresh && (!first || stale)) await refreshScreen();
  }

  // The urgent message: over every screen, read aloud once, gone by itself at its
  // end even when no poll comes through. A parent may close it; it comes back when idle.
  const urgent = document.getElementById("urgent");
  function urgentKey(message) { return [message.id, message.lang, message.text].join("|"); }
  function showUrgent() {
    if (!urgent) return;
    const message = snapshot && snapshot.urgent;
    const live = message && Kiosk.now() < Date.parse(message.ends_at);
    if (!live || sessionStorage.getItem("kiosk-urgent-closed") === urgentKey(message)) {
      if (!urgent.hidden) {
        urgent.hidden = true;
        delete urgent.dataset.message;
      }
      return;
    }
    const key = urgentKey(message);
    if (urgent.dataset.message !== key) {
      urgent.dataset.message = key;
      urgent.lang = message.lang;
      urgent.dir = message.dir || "auto";
      const picture = urgent.querySelector(".urgent-picto");
      picture.src = message.url;
      picture.alt = message.alt || "";
      urgent.querySelector(".urgent-text").textContent = message.text;
    }
    // The speech may be made a moment after the message: the next snapshot brings it.
    const speaker = urgent.querySelector(".urgent-speaker");
    speaker.lang = message.lang;
    if (message.audio) speaker.dataset.audio = message.audio;
    else delete speaker.dataset.audio;
    speaker.hidden = !message.audio;
    urgent.hidden = false;
    if (message.audio && sessionStorage.getItem("kiosk-urgent-spoken") !== key) {
      sessionStorage.setItem("kiosk-urgent-spoken", key);
      say(message.audio);
    }
  }
  if (urgent) {
    urgent.querySelector(".urgent-close").addEventListener("click", () => {
      sessionStorage.setItem("kiosk-urgent-closed", urgent.dataset.message || "");
      player.pause();
      showUrgent();
    });
    Kiosk.onSnapshot(showUrgent);
    whenShown(() => setInterval(showUrgent, 1000));
  }

  // The service worker keeps the kiosk's content for when the network drops. The
  // first page it loads is not yet under its control, so it is told what to keep.
  function prepareOffline(worker) {
    const page = [location.href, body.dataset.snapshotUrl, body.dataset.offlineUrl];
    document.querySelectorAll("a.tile[href]").forEach((a) => page.push(a.href));
    const files = performance.getEntriesByType("resource")
      .filter((entry) => !["fetch", "xmlhttprequest", "beacon"].includes(entry.initiatorType))
      .map((entry) => entry.name);
    document.querySelectorAll("img[src]").forEach((img) => files.push(img.src));
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { body.dataset.offline = "ready"; };
    worker.postMessage({ warm: page.concat(files).filter(Boolean) }, [channel.port2]);
  }
  if ("serviceWorker" in navigator && body.dataset.serviceWorker) whenShown(() => {
    navigator.serviceWorker.register(body.dataset.serviceWorker, { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => prepareOffline(registration.active))
      .catch(() => {}); // no service worker (no HTTPS?): the kiosk still works online
  });

  whenShown(() => {
    lastPollEnded = Date.now();
    poll();
    setInterval(poll, pollSeconds * 1000);
    setInterval(watchdog, pollSeconds * 1000);
  });
})();
