// "Where is my child going?": tap a child's symbol, then a card. The card shows at
// once; the tap is kept in localStorage until the server has it, so a tap made
// while the network is down waits (shown with an hourglass) and is sent when it
// returns. Each tap carries its own id, so a retry counts once on the server.
(function () {
  "use strict";
  const STORE = "board-waiting";
  let openChild = null;
  let feedbackTimer = null;

  function waiting() {
    try { return JSON.parse(localStorage.getItem(STORE)) || []; } catch (e) { return []; }
  }
  function keep(list) { localStorage.setItem(STORE, JSON.stringify(list)); }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // Kiosks on plain http have no randomUUID: 16 random bytes do the same job.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
      .replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
  }

  const children = () => document.querySelector(".children[data-choice-url]");
  const dialog = () => document.querySelector("dialog.chooser");
  const tileOf = (id) => document.querySelector(`.child[data-child="${id}"]`);

  function cardPicture(kind, code) {
    const card = document.querySelector(`[data-choice="${kind}:${code}"]`);
    return card && {
      src: card.querySelector("img").src,
      label: card.querySelector("span").textContent,
    };
  }

  /** Show a card on a child's tile (and in the open chooser), waiting or not. */
  function show(childId, kind, code, isWaiting) {
    const tile = tileOf(childId);
    if (!tile) return;
    tile.dataset[kind] = code || "";
    const img = tile.querySelector(`.card-${kind}`);
    const picture = code && cardPicture(kind, code);
    if (img && picture) {
      img.src = picture.src;
      img.alt = picture.label;
      img.removeAttribute("data-empty");
    }
    const kinds = new Set((tile.dataset.waiting || "").split(" ").filter(Boolean));
    if (isWaiting) kinds.add(kind); else kinds.delete(kind);
    tile.dataset.waiting = Array.from(kinds).join(" ");
    tile.classList.toggle("waiting", kinds.size > 0);
    const badge = tile.querySelector(".waiting-badge");
    if (badge) badge.hidden = kinds.size === 0;
    if (String(openChild) === String(childId)) markChosen();
  }

  function markChosen() {
    const tile = tileOf(openChild);
    const box = dialog();
    if (!tile || !box) return;
    box.querySelectorAll("[data-choice]").forEach((card) => {
      const [kind, code] = card.dataset.choice.split(":");
      card.setAttribute("aria-pressed", String(tile.dataset[kind] === code));
      card.classList.toggle("waiting", (tile.dataset.waiting || "").includes(kind) &&
        tile.dataset[kind] === code);
    });
  }

  function feedback(pictogramUrl, label) {
    const box = document.querySelector(".board-feedback");
    if (!box || !pictogramUrl) return;
    const img = box.querySelector("img");
    img.src = pictogramUrl;
    img.alt = label || "";
    box.hidden = false;
    // In the top layer when the chooser is open, so it is seen above it.
    const open = dialog();
    if (open && open.open && box.parentElement !== open) open.appendChild(box);
    clearTimeout(feedbackTimer);
    feedbackTimer = setTimeout(() => { box.hidden = true; }, 2500);
  }

  function open(childId) {
    const box = dialog();
    const tile = tileOf(childId);
    if (!box || !tile) return;
    openChild = childId;
    const who = box.querySelector(".chooser-child");
    who.replaceChildren(tile.querySelector(".symbol").cloneNode(true));
    const name = tile.querySelector(".first-name");
    if (name) who.appendChild(name.cloneNode(true));
    markChosen();
    if (!box.open) box.showModal();
  }

  function close() {
    openChild = null;
    const box = dialog();
    if (box && box.open) box.close();
  }

  /** Send one waiting tap: "sent", "refused" (with the server's pictogram) or "offline". */
  async function send(entry) {
    let response;
    try {
      response = await window.Kiosk.post(entry.url, entry);
    } catch (error) {
      return { outcome: "offline" };
    }
    if (response.status >= 500) return { outcome: "offline" };
    let body = {};
    try { body = await response.json(); } catch (error) { body = {}; }
    if (response.ok) return { outcome: "sent", body };
    return { outcome: "refused", body };
  }

  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (let entry = waiting()[0]; entry; entry = waiting()[0]) {
        const result = await send(entry);
        if (result.outcome === "offline") break;
        keep(waiting().filter((other) => other.id !== entry.id));
        if (result.outcome === "sent") {
          const still = waiting().some((o) => o.child === entry.child && o.kind === entry.kind);
          if (!still) show(entry.child, entry.kind, result.body[entry.kind], false);
        } else {
          // Refused (the cut-off passed, the day is over...): say so, then show what stands.
          await window.Kiosk.refreshScreen();
          const box = document.querySelector(".board-feedback");
          feedback(result.body.pictogram || (box && box.dataset.errorPictogram), result.body.label);
        }
      }
    } finally {
      flushing = false;
    }
  }

  function choose(kind, code) {
    const box = children();
    if (!box || openChild === null) return;
    const entry = {
      id: newId(),
      url: box.dataset.choiceUrl,
      child: Number(openChild),
      kind,
      choice: `${kind}:${code}`,
      day: box.dataset.day,
      kiosk: window.Kiosk.kioskName,
    };
    // A newer tap for the same card replaces one that never left the kiosk.
    const others = waiting().filter((o) => !(o.child === entry.child && o.kind === kind));
    keep(others.concat([entry]));
    show(entry.child, kind, code, true);
    flush();
  }

  /** After the screen is drawn again: show the waiting taps, reopen the chooser. */
  function restore() {
    const box = children();
    if (!box) return;
    for (const entry of waiting()) {
      if (entry.day === box.dataset.day) {
        show(entry.child, entry.kind, entry.choice.split(":")[1], true);
      }
    }
    if (openChild !== null && tileOf(openChild)) open(openChild);
    else openChild = null;
  }

  document.addEventListener("click", (event) => {
    const card = event.target.closest("[data-choice]");
    if (card) {
      const [kind, code] = card.dataset.choice.split(":");
      choose(kind, code);
      return;
    }
    if (event.target.closest("[data-close]")) { close(); return; }
    const tile = event.target.closest("button.child[data-child]");
    if (tile) { open(tile.dataset.child); return; }
    const box = dialog();
    if (box && event.target === box) close(); // a tap beside the chooser
  });
  document.addEventListener("close", (event) => {
    if (event.target === dialog()) openChild = null;
  }, true);
  document.addEventListener("kiosk:screen", restore);
  addEventListener("online", flush);
  setInterval(() => { if (waiting().length) flush(); }, 3000);
  restore();
  flush();
})();
