// The notices screen: "I understand" / "not clear" taps, and swiping between weeks.
(function () {
  "use strict";

  // One tap id per notice for as long as this page lives: a double tap or a retry
  // sends the same id, and the server counts it once (a changed answer replaces it).
  const taps = new Map(); // notice id -> {id, answer, sent}
  // Unsent taps (network down) wait in the offline queue and go out again with the same id.
  const queue = window.Kiosk.queue("notices-waiting", (entry) => {
    const tap = taps.get(entry.notice);
    if (tap && tap.id === entry.tap && tap.answer === entry.answer) tap.sent = true;
  });

  function show(card, answer) {
    card.querySelectorAll("[data-understanding]").forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.understanding === answer));
    });
    const thanks = card.querySelector(".understanding-thanks");
    if (thanks) thanks.hidden = !answer;
    card.dataset.answered = answer || "";
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-understanding]");
    if (!button) return;
    const card = button.closest("[data-notice]");
    if (!card) return;
    const notice = card.dataset.notice;
    const tap = taps.get(notice) || { id: window.Kiosk.newId() };
    const answer = button.dataset.understanding;
    show(card, answer);
    if (tap.answer === answer && tap.sent) return; // a double tap: already counted
    tap.answer = answer;
    tap.sent = Boolean(card.closest("[data-preview]")); // a preview counts nothing
    taps.set(notice, tap);
    if (tap.sent) return;
    queue.add({
      id: window.Kiosk.newId(), // this entry's own, in the queue
      url: card.dataset.tapUrl,
      notice,
      tap: tap.id,
      answer,
      lang: document.documentElement.lang,
      kiosk: window.Kiosk.kioskName,
    }, (other) => other.notice === notice); // a changed answer replaces one still waiting
  });

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
