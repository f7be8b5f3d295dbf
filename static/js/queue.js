// The kiosk's one offline queue, for every tap that posts (the board, notices, your voice).
// A tap waits in localStorage until the server has answered it, so a tap made while the
// network is down, or just before the page changes, is sent when it can be. Each tap
// carries its own id, so a retry counts once on the server. The newest 50 wait at most:
// a kiosk offline for a week does not fill its storage.
(function () {
  "use strict";
  const LIMIT = 50;
  const RETRY_SECONDS = 3;

  /** A random tap id (crypto.randomUUID needs https; a school network may be plain http). */
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
      hex.slice(20)].join("-");
  }

  /** Post one entry: its fields but `url`, to its `url`. Resolves to the server's answer,
   * {ok, status, body}, or to null when there is none yet (offline, or a server error). */
  async function post(entry) {
    const { url, ...fields } = entry;
    let response;
    try {
      response = await window.Kiosk.post(url, fields);
    } catch (error) {
      return null;
    }
    if (response.status >= 500) return null;
    let body = {};
    try { body = await response.json(); } catch (error) { body = {}; }
    return { ok: response.ok, status: response.status, body };
  }

  /**
   * The queue kept under `key`. Entries are {id, url, ...what the server reads}.
   * settled(entry, answer) is called once the server has answered an entry (accepted
   * when answer.ok, refused otherwise), after it has left the queue.
   */
  function queue(key, settled) {
    const entries = () => {
      try { return JSON.parse(localStorage.getItem(key)) || []; } catch (error) { return []; }
    };
    const keep = (list) => localStorage.setItem(key, JSON.stringify(list.slice(-LIMIT)));

    let flushing = false;
    async function flush() {
      if (flushing) return;
      flushing = true;
      try {
        for (let entry = entries()[0]; entry; entry = entries()[0]) {
          const answer = await post(entry);
          if (!answer) break; // the rest waits for the next try, in order
          keep(entries().filter((other) => other.id !== entry.id));
          if (settled) await settled(entry, answer);
        }
      } finally {
        flushing = false;
      }
    }

    /** Queue an entry and try to send it; replaces(other) drops waiting entries it makes
     * pointless (a newer tap for the same card). */
    function add(entry, replaces) {
      const others = replaces ? entries().filter((other) => !replaces(other)) : entries();
      keep(others.concat([entry]));
      return flush();
    }

    addEventListener("online", flush);
    // A prerendered screen sends nothing before it is shown.
    const whenShown = window.Kiosk.whenShown || ((fn) => fn());
    whenShown(() => {
      setInterval(() => { if (entries().length) flush(); }, RETRY_SECONDS * 1000);
      flush();
    });
    return { add, entries, flush };
  }

  window.Kiosk.queue = queue;
  window.Kiosk.newId = newId;
})();
