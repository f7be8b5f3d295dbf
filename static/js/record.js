// /t/<token>: record a translation with the phone's microphone (30 seconds at most).
// The recording goes into the form's file field and is sent with the form; without
// JavaScript or MediaRecorder the file field alone lets the phone record or pick one.
(function () {
  "use strict";
  if (!window.MediaRecorder || !navigator.mediaDevices || !window.DataTransfer) return;
  const TYPES = ["audio/ogg;codecs=opus", "audio/webm;codecs=opus", "audio/webm", "audio/mp4"];
  const type = TYPES.find((t) => MediaRecorder.isTypeSupported(t)) || "";
  const EXT = { ogg: "ogg", webm: "webm", mp4: "m4a" };

  document.querySelectorAll("[data-record]").forEach((box) => {
    const input = box.querySelector("input[type=file]");
    const button = document.createElement("button");
    const preview = document.createElement("audio");
    const maxMs = Number(box.dataset.maxSeconds || 30) * 1000;
    button.type = "button";
    button.className = "record-button";
    button.textContent = box.dataset.sayRecord;
    preview.controls = true;
    preview.hidden = true;
    input.hidden = true;
    box.append(button, preview);
    let recorder = null;
    let timer = null;

    button.addEventListener("click", async () => {
      if (recorder) {
        recorder.stop();
        return;
      }
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (error) {
        input.hidden = false; // no microphone allowed: the file field still works
        return;
      }
      const parts = [];
      recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
      recorder.addEventListener("dataavailable", (event) => parts.push(event.data));
      recorder.addEventListener("stop", () => {
        clearTimeout(timer);
        stream.getTracks().forEach((track) => track.stop());
        const mime = recorder.mimeType || type || "audio/webm";
        const ext = EXT[Object.keys(EXT).find((k) => mime.includes(k))] || "webm";
        const blob = new Blob(parts, { type: mime.split(";")[0] });
        const files = new DataTransfer();
        files.items.add(new File([blob], `recording.${ext}`, { type: blob.type }));
        input.files = files.files;
        preview.src = URL.createObjectURL(blob);
        preview.hidden = false;
        button.textContent = box.dataset.sayRecord;
        button.setAttribute("aria-pressed", "false");
        box.dataset.recorded = "1";
        recorder = null;
      });
      recorder.start();
      timer = setTimeout(() => recorder && recorder.stop(), maxMs);
      button.textContent = box.dataset.sayStop;
      button.setAttribute("aria-pressed", "true");
    });
  });
})();
