// "Add to home screen" on a status page, only where the phone offers it: the browser
// fires beforeinstallprompt, and the button shows. Without it (or without JS) the
// page still offers the calendar and its own QR code.
(function () {
  "use strict";
  let offer = null;
  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    offer = event;
    document.querySelectorAll("[data-install]").forEach((item) => { item.hidden = false; });
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-install-button]");
    if (!button || !offer) return;
    offer.prompt();
    offer.userChoice.finally(() => {
      offer = null;
      button.closest("[data-install]").hidden = true;
    });
  });
})();
