// "Where is my child going?": tap a child's symbol, then a card. The card shows at
// once; the tap is kept in localStorage until the server has it, so a tap made
// while the network is down waits (shown with an hourglass) and is sent when it
// returns. Each tap carries its own id, so a retry counts once on the server.
// A choice then shows big with the child's symbol and an undo (a new tap back to the
// earlier card); the chooser closes by itself after data-close-seconds without a tap.
(function () {
  "use strict";
  let openChild = null;
  let feedbackTimer = null;
  let closeTimer = null;
  let confirming = null; // {kind, code, previous}: the choice shown big, until undone or closed

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

  /** The child as on its tile: its symbol, and its first name where the class shows names. */
  function fillChild(who, tile) {
    who.replaceChildren(tile.querySelector(".symbol").cloneNode(true));
    const name = tile.querySelector(".first-name");
    if (name) who.appendChild(name.cloneNode(true));
  }

  /** The chooser's cards, or the choice just made shown big with its undo. */
  function showConfirming() {
    const box = dialog();
    const tile = tileOf(openChild);
    if (!box || !tile) return;
    const panel = box.querySelector(".chosen");
    const picture = confirming && cardPicture(confirming.kind, confirming.code);
    box.classList.toggle("confirming", Boolean(picture));
    panel.hidden = !picture;
    if (!picture) return;
    fillChild(panel.querySelector(".chosen-child"), tile);
    const card = panel.querySelector(".chosen-card");
    card.src = picture.src;
    card.alt = picture.label;
    panel.querySelector(".chosen-label").textContent = picture.label;
    // Nothing to go back to when no card was chosen before (or the same one was tapped).
    panel.querySelector("[data-undo]").hidden = !confirming.previous;
  }

  /** Close the chooser when nobody has tapped it for data-close-seconds. */
  function closeLater() {
    const box = dialog();
    clearTimeout(closeTimer);
    closeTimer = setTimeout(close, Number((box && box.dataset.closeSeconds) || 10) * 1000);
  }

  function open(childId) {
    const box = dialog();
    const tile = tileOf(childId);
    if (!box || !tile) return;
    openChild = childId;
    fillChild(box.querySelector(".chooser-child"), tile);
    markChosen();
    showConfirming();
    if (!box.open) box.showModal();
  }

  function close() {
    openChild = null;
    confirming = null;
    clearTimeout(closeTimer);
    const box = dialog();
    if (box && box.open) box.close();
  }

  /** The server has a tap: show what it keeps, or say why it refused. */
  async function settled(entry, answer) {
    if (answer.ok) {
      const still = taps.entries().some((o) => o.child === entry.child && o.kind === entry.kind);
      if (!still) show(entry.child, entry.kind, answer.body[entry.kind], false);
      return;
    }
    // Refused (the cut-off passed, the day is over...): say so, then show what stands.
    if (confirming && String(openChild) === String(entry.child) && confirming.kind === entry.kind) {
      confirming = null;
    }
    await window.Kiosk.refreshScreen();
    const box = document.querySelector(".board-feedback");
    feedback(answer.body.pictogram || (box && box.dataset.errorPictogram), answer.body.label);
  }

  /** A card tapped in the chooser: sent, and shown big with an undo. */
  function choose(kind, code) {
    const tile = tileOf(openChild);
    if (!tile) return;
    const previous = tile.dataset[kind] || "";
    send(kind, code);
    confirming = { kind, code, previous: previous === code ? "" : previous };
    showConfirming();
  }

  /** Undo: a new tap (its own id) back to the card chosen before. */
  function undo() {
    if (!confirming || !confirming.previous) return;
    send(confirming.kind, confirming.previous);
    confirming = null;
    showConfirming();
  }

  function send(kind, code) {
    const box = children();
    if (!box || openChild === null) return;
    const entry = {
      id: window.Kiosk.newId(),
      url: box.dataset.choiceUrl,
      child: Number(openChild),
      kind,
      choice: `${kind}:${code}`,
      day: box.dataset.day,
      kiosk: window.Kiosk.kioskName,
    };
    show(entry.child, kind, code, true);
    // A newer tap for the same card replaces one that never left the kiosk.
    taps.add(entry, (o) => o.child === entry.child && o.kind === kind);
  }

  /** After the screen is drawn again: show the waiting taps, reopen the chooser. */
  function restore() {
    const box = children();
    if (!box) return;
    for (const entry of taps.entries()) {
      if (entry.day === box.dataset.day) {
        show(entry.child, entry.kind, entry.choice.split(":")[1], true);
      }
    }
    if (openChild !== null && tileOf(openChild)) open(openChild);
    else openChild = null;
  }

  document.addEventListener("click", (event) => {
    const box = dialog();
    if (box && box.open && box.contains(event.target)) closeLater();
    if (event.target.closest("[data-undo]")) { undo(); return; }
    const card = event.target.closest("[data-choice]");
    if (card) {
      const [kind, code] = card.dataset.choice.split(":");
      choose(kind, code);
      return;
    }
    if (event.target.closest("[data-close]")) { close(); return; }
    const tile = event.target.closest("button.child[data-child]");
    if (tile) {
      confirming = null;
      open(tile.dataset.child);
      closeLater();
      return;
    }
    if (box && event.target === box) close(); // a tap beside the chooser
  });
  document.addEventListener("close", (event) => {
    if (event.target === dialog()) {
      openChild = null;
      confirming = null;
      clearTimeout(closeTimer);
    }
  }, true);
  document.addEventListener("kiosk:screen", restore);
  const taps = window.Kiosk.queue("board-waiting", settled);
  restore();
})();
