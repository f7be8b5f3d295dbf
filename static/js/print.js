// A print button on an admin page or a poster: <button type="button" data-print>
// (no inline handlers under the CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
