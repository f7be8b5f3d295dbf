// The bridge figure's notices pages: search pictograms while typing, confirm a delete,
// fit the poster to one page. Everything also works without JavaScript.
(function () {
  "use strict";

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("[data-confirm]");
    if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
  });

  const form = document.querySelector(".notice-form[data-search-url]");
  if (!form) return;
  const query = form.querySelector("input[name=query]");
  const results = form.querySelector("[data-results]");
  const chosen = form.querySelector("[data-chosen]");
  const title = form.querySelector("[data-results-title]");
  const searchButton = form.querySelector("button[name=search]");
  const saveButton = form.querySelector("[data-save]");

  function choice(p, checked) {
    const label = document.createElement("label");
    label.className = "picto-choice";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "pictograms";
    box.value = p.code;
    box.checked = checked;
    const img = document.createElement("img");
    img.src = p.url;
    img.width = img.height = 96;
    img.alt = "";
    const text = document.createElement("span");
    text.textContent = p.label;
    label.append(box, img, text);
    return label;
  }

  // A ticked result moves up to the chosen ones, so a new search keeps it.
  results.addEventListener("change", (event) => {
    const box = event.target;
    if (box.name === "pictograms" && box.checked) chosen.append(box.closest("label"));
  });

  let timer = null;
  let asked = 0;
  async function search() {
    clearTimeout(timer); // a search asked for now replaces the one still waiting to start
    const q = query.value.trim();
    if (!q) return;
    const mine = ++asked;
    const response = await fetch(form.dataset.searchUrl + "?q=" + encodeURIComponent(q), {
      headers: { Accept: "application/json" },
    });
    if (!response.ok || mine !== asked) return;
    const found = await response.json();
    const taken = new Set(Array.from(chosen.querySelectorAll("input:checked"), (b) => b.value));
    const fresh = found.filter((p) => !taken.has(p.code)).map((p) => choice(p, false));
    if (!fresh.length) {
      const none = document.createElement("p");
      none.className = "hint";
      none.textContent = form.dataset.nothingFound || "…";
      fresh.push(none);
    }
    results.replaceChildren(...fresh);
    results.dataset.searched = q;
    if (title) title.textContent = title.dataset.found || title.textContent;
  }

  query.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  searchButton.addEventListener("click", (event) => {
    event.preventDefault();
    search();
  });
  // Enter in the search box searches; Enter in any other field saves.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.target.tagName !== "INPUT") return;
    event.preventDefault();
    if (event.target === query) search();
    else saveButton.click();
  });
})();

// The poster: make the words as large as still fits every item's box, so the week
// always prints on one A4 page and nothing is cut off.
(function () {
  "use strict";
  const poster = document.querySelector(".poster[data-fit]");
  if (!poster) return;
  function overflowing() {
    return Array.from(poster.querySelectorAll(".poster-item")).some(
      (item) => item.scrollHeight > item.clientHeight + 1 || item.scrollWidth > item.clientWidth + 1
    );
  }
  function fit() {
    // A short week may grow beyond the normal size; a long one shrinks.
    let scale = Number(poster.dataset.maxScale || 1);
    poster.style.setProperty("--scale", scale);
    while (overflowing() && scale > 0.3) {
      scale = Math.round((scale - 0.04) * 100) / 100;
      poster.style.setProperty("--scale", scale);
    }
    poster.dataset.scale = scale;
  }
  fit();
  window.addEventListener("load", fit);
  window.addEventListener("beforeprint", fit);
})();
