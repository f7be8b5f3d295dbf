// Your voice on the kiosk: one tap on a card sends one anonymous answer, then a
// thank-you and back home. An answer that cannot be sent waits in localStorage and
// goes with the next snapshot; the tap id makes a repeat count once on the server.
(function () {
  "use strict";
  const QUEUE = "voice-waiting";
  const THANKS_SECONDS = 5;

  function waiting() {
    try { return JSON.parse(localStorage.getItem(QUEUE)) || []; } catch (error) { return []; }
  }
  function keep(list) { localStorage.setItem(QUEUE, JSON.stringify(list.slice(-50))); }

  async function send(answer) {
    try {
      const response = await window.Kiosk.post(answer.url, answer.body);
      return response.status < 500; // a closed question or unknown card: no use retrying
    } catch (error) {
      return false;
    }
  }

  let flushing = false;
  async function flush() {
    const list = waiting();
    if (flushing || !list.length) return;
    flushing = true;
    const left = [];
    for (const answer of list) if (!(await send(answer))) left.push(answer);
    keep(left);
    flushing = false;
  }

  function goHome() {
    const home = document.querySelector(".home-button");
    location.assign(home ? home.href : document.body.dataset.homeUrl);
  }

  document.addEventListener("click", async (event) => {
    const card = event.target.closest(".voice-card[data-answer]");
    const question = card && card.closest(".voice-question");
    if (!question || question.dataset.sent) return; // a double tap counts once
    question.dataset.sent = "1";
    card.classList.add("chosen");
    const answer = {
      url: question.dataset.answerUrl,
      body: {
        question: Number(question.dataset.question),
        answer: Number(card.dataset.answer),
        tap: question.dataset.tap,
        kiosk: window.Kiosk.kioskName,
        lang: question.dataset.lang,
      },
    };
    const thanks = document.querySelector(".voice-thanks");
    question.hidden = true;
    if (thanks) thanks.hidden = false;
    setTimeout(goHome, THANKS_SECONDS * 1000);
    if (!(await send(answer))) keep(waiting().concat([answer]));
  });

  window.Kiosk.onSnapshot(flush);
})();
