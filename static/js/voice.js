// Your voice on the kiosk: one tap on a card sends one anonymous answer, then a
// thank-you and back home. An answer that cannot be sent waits in the kiosk's offline
// queue (queue.js); the tap id makes a repeat count once on the server.
(function () {
  "use strict";
  const THANKS_SECONDS = 5;
  // A closed question or an unknown card is an answer too: no use sending it again.
  const answers = window.Kiosk.queue("voice-waiting");

  function goHome() {
    const home = document.querySelector(".home-button");
    location.assign(home ? home.href : document.body.dataset.homeUrl);
  }

  document.addEventListener("click", (event) => {
    const card = event.target.closest(".voice-card[data-answer]");
    const question = card && card.closest(".voice-question");
    if (!question || question.dataset.sent) return; // a double tap counts once
    question.dataset.sent = "1";
    card.classList.add("chosen");
    const thanks = document.querySelector(".voice-thanks");
    question.hidden = true;
    if (thanks) thanks.hidden = false;
    setTimeout(goHome, THANKS_SECONDS * 1000);
    answers.add({
      id: question.dataset.tap,
      url: question.dataset.answerUrl,
      question: Number(question.dataset.question),
      answer: Number(card.dataset.answer),
      tap: question.dataset.tap,
      kiosk: window.Kiosk.kioskName,
      lang: question.dataset.lang,
    });
  });
})();
