// The kiosk's own behaviour: idle reset and slideshow, polling the snapshot to
// stay fresh without reloads, read-aloud buttons. No framework, no inline script.
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
    kioskName,
    refreshScreen,
  };
  window.Kiosk = Kiosk;

  const slideshow = document.getElementById("slideshow");
  let slideTimer = null;
  function startSlideshow() {
    const photos = (snapshot && snapshot.photos) || [];
    if (!photos.length || !slideshow) return;
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

  // Idle: back home in the default language, then a slideshow until touched.
  let idleTimer = null;
  function isDefaultHome() {
    return location.pathname === homeUrl && !new URLSearchParams(location.search).get("lang");
  }
  function onIdle() {
    if (!isDefaultHome()) {
      location.assign(homeUrl + (kioskName !== "gate" ? "?kiosk=" + encodeURIComponent(kioskName) : ""));
      return;
    }
    startSlideshow();
  }
  function touched() {
    stopSlideshow();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(onIdle, idleSeconds * 1000);
  }
  ["pointerdown", "touchstart", "keydown"].forEach((type) =>
    addEventListener(type, touched, { passive: true, capture: true }));
  touched();

  // Fresh without reloads: when the snapshot changes, the server renders this
  // screen again and only #screen is swapped, so nothing is drawn twice.
  async function refreshScreen() {
    const response = await fetch(location.href, { headers: { "X-Kiosk-Refresh": "1" } });
    if (!response.ok) return;
    const html = await response.text();
    const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("screen");
    const screen = document.getElementById("screen");
    if (fresh && screen) {
      screen.replaceChildren(...fresh.childNodes);
      document.dispatchEvent(new CustomEvent("kiosk:screen"));
    }
  }

  const lastUpdated = document.querySelector(".last-updated");
  function markOnline(ok) {
    if (!lastUpdated) return;
    if (ok) {
      lastUpdated.hidden = true;
      Kiosk.lastSeen = new Date();
    } else if (Kiosk.lastSeen) {
      const t = Kiosk.lastSeen;
      const hhmm = String(t.getHours()).padStart(2, "0") + ":" + String(t.getMinutes()).padStart(2, "0");
      lastUpdated.textContent = body.dataset.offlineText + " " + hhmm;
      lastUpdated.hidden = false;
    }
  }

  async function poll() {
    const url = new URL(body.dataset.snapshotUrl, location.href);
    url.searchParams.set("kiosk", kioskName);
    try {
      const response = await fetch(url, {
        headers: etag ? { "If-None-Match": etag } : {},
        cache: "no-store",
      });
      markOnline(true);
      if (response.status === 200) {
        const first = etag === null;
        etag = response.headers.get("ETag");
        snapshot = await response.json();
        listeners.forEach((fn) => fn(snapshot));
        if (!first) await refreshScreen();
      }
    } catch (error) {
      markOnline(false);
    }
  }
  poll();
  setInterval(poll, pollSeconds * 1000);

  // Read aloud: one audio element, so two buttons never talk at once.
  const player = new Audio();
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-audio]");
    if (!button) return;
    player.pause();
    player.src = button.dataset.audio;
    player.play().catch(() => {});
  });
})();
