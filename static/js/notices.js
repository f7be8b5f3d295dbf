// The notices screen: "I understand" / "not clear" taps, and swiping between weeks.
(function () {
  "use strict";

  // One tap id per notice for as long as this page lives: a double tap or a retry
  // sends the same id, and the server counts it once (a changed answer replaces it).
  const taps = new Map(); // notice id -> {id, answer, sent}

  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // crypto.randomUUID needs https; getRandomValues works on a plain-http school network.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function show(card, answer) {
    card.querySelectorAll("[data-understanding]").forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.understanding === answer));
    });
    const thanks = card.querySelector(".understanding-thanks");
    if (thanks) thanks.hidden = !answer;
    card.dataset.answered = answer || "";
  }

  async function send(card, tap) {
    if (card.closest("[data-preview]")) { tap.sent = true; return; }
    try {
      const response = await window.Kiosk.post(card.dataset.tapUrl, {
        tap: tap.id,
        answer: tap.answer,
        lang: document.documentElement.lang,
        kiosk: window.Kiosk.kioskName,
      });
      tap.sent = response.ok || response.status === 404 || response.status === 400;
    } catch (error) {
      tap.sent = false; // offline: tried again below with the same id
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-understanding]");
    if (!button) return;
    const card = button.closest("[data-notice]");
    if (!card) return;
    const tap = taps.get(card.dataset.notice) || { id: randomId() };
    const answer = button.dataset.understanding;
    show(card, answer);
    if (tap.answer === answer && tap.sent) return; // a double tap: already counted
    tap.answer = answer;
    tap.sent = false;
    taps.set(card.dataset.notice, tap);
    send(card, tap);
  });

  // Unsent taps (network down) go out again with the same id.
  setInterval(() => {
    taps.forEach((tap, noticeId) => {
      const card = document.querySelector(`[data-notice="${noticeId}"]`);
      if (!tap.sent && card) send(card, tap);
    });
  }, 5000);

  // After the kiosk swaps in fresh content, keep showing what this parent tapped.
  document.addEventListener("kiosk:screen", () => {
    taps.forEach((tap, noticeId) => {
      const card = document.querySelector(`[data-notice="${noticeId}"]`);
      if (card) show(card, tap.answer);
    });
  });

  // Swipe between weeks: towards the next week is leftwards, or rightwards in RTL.
  let start = null;
  document.addEventListener("pointerdown", (event) => {
    if (event.target.closest(".notices")) start = { x: event.clientX, y: event.clientY };
  }, { passive: true });
  document.addEventListener("pointerup", (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) < 120 || Math.abs(dx) < 2 * Math.abs(dy)) return;
    const rtl = document.documentElement.dir === "rtl";
    const forward = rtl ? dx > 0 : dx < 0;
    const link = document.querySelector(forward ? "[data-week-next]" : "[data-week-previous]");
    if (link) location.assign(link.href);
  }, { passive: true });
  document.addEventListener("pointercancel", () => { start = null; }, { passive: true });
})();
