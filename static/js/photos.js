// The class photo slideshow on /kiosk/photos: next photo every few seconds, big
// previous/next taps. The links work without this script; with it, no reload.
(function () {
  "use strict";
  let timer = null;
  let shownPhoto = null; // kept across the kiosk's screen swaps

  function setup() {
    clearInterval(timer);
    const show = document.querySelector("[data-slideshow]");
    if (!show) return;
    const slides = Array.from(show.querySelectorAll(".slide"));
    const count = show.querySelector(".slide-count");
    const seconds = Number(show.dataset.interval || 8);
    let current = slides.findIndex((slide) => slide.dataset.photo === shownPhoto);
    if (current < 0) current = Math.max(0, slides.findIndex((slide) => !slide.hidden));

    function go(index) {
      current = (index + slides.length) % slides.length;
      slides.forEach((slide, i) => { slide.hidden = i !== current; });
      // Fetch this photo now and the next one ahead of its turn.
      [current, (current + 1) % slides.length].forEach((i) => {
        const img = slides[i].querySelector("img");
        if (img) img.loading = "eager";
      });
      shownPhoto = slides[current].dataset.photo;
      if (count) count.textContent = (current + 1) + " / " + slides.length;
    }
    function restart() {
      clearInterval(timer);
      if (slides.length > 1) timer = setInterval(() => go(current + 1), seconds * 1000);
    }
    show.addEventListener("click", (event) => {
      const step = event.target.closest("[data-step]");
      if (!step) return;
      event.preventDefault();
      go(current + Number(step.dataset.step));
      restart();
    });
    if (slides.length) {
      go(current);
      // A prerendered screen starts its slides when it is shown.
      const whenShown = (window.Kiosk && window.Kiosk.whenShown) || ((fn) => fn());
      whenShown(restart);
    }
  }
  document.addEventListener("DOMContentLoaded", setup);
  document.addEventListener("kiosk:screen", setup);
})();
