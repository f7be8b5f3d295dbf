// The admin's results stay fresh: every poll the server draws the results block again.
(function () {
  "use strict";
  const results = document.getElementById("results");
  if (!results || !results.dataset.resultsUrl) return;
  const seconds = Number(results.dataset.pollSeconds || 15);
  let last = null;
  async function refresh() {
    try {
      const response = await fetch(results.dataset.resultsUrl, { cache: "no-store" });
      if (!response.ok) return;
      const html = await response.text();
      if (html !== last) {
        results.innerHTML = html;
        last = html;
      }
    } catch (error) {
      // offline for a moment: the next poll tries again
    }
  }
  setInterval(refresh, seconds * 1000);
})();
