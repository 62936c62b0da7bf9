// "Lees voor": reads the page's main text aloud with the browser's own speech synthesis, in the page's language. Only a
// voice on the device itself (localService) is used: some browsers offer voices that send the text to a server, and a
// resident's file goes to no third party. The button shows only where such a voice exists; the page works without it.
(() => {
  "use strict";
  const synth = window.speechSynthesis;
  const buttons = document.querySelectorAll("[data-read-aloud]");
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function" || buttons.length === 0) return;

  const languages = { nl: "nl-NL", en: "en-GB", tr: "tr-TR" };
  const lang = languages[(document.documentElement.lang || "nl").slice(0, 2)] || "nl-NL";
  const source = () => document.querySelector("[data-read-aloud-text]") || document.querySelector("main") || document.body;

  // The text as it is shown (innerText leaves out what is hidden), in sentences: some browsers stop a long utterance.
  const sentences = () => {
    const own = new Set([...buttons].flatMap((b) => [b.dataset.start, b.dataset.pause, b.dataset.resume, b.nextElementSibling?.textContent.trim()]));
    return source().innerText
      .split(/\n+|(?<=[.!?])\s+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && !own.has(s));
  };

  let state = "idle";
  const show = () => {
    for (const button of buttons) {
      button.textContent = state === "speaking" ? button.dataset.pause : state === "paused" ? button.dataset.resume : button.dataset.start;
      const stop = button.nextElementSibling;
      if (stop && stop.hasAttribute("data-read-aloud-stop")) {
        // A stop button that disappears under the keyboard's focus hands the focus back to the main button.
        if (state === "idle" && document.activeElement === stop) button.focus();
        stop.hidden = state === "idle";
      }
    }
  };

  const localVoice = () => {
    const local = synth.getVoices().filter((v) => v.localService);
    const same = (v) => v.lang.replace("_", "-").toLowerCase();
    return local.find((v) => same(v) === lang.toLowerCase()) || local.find((v) => same(v).startsWith(lang.slice(0, 2)));
  };

  const start = () => {
    synth.cancel();
    const voice = localVoice();
    if (!voice) return;
    const parts = sentences();
    parts.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice instanceof window.SpeechSynthesisVoice) utterance.voice = voice;
      if (i === parts.length - 1) {
        utterance.onend = () => { state = "idle"; show(); };
      }
      // A voice that fails (or a pause the platform treats as a stop) leaves the button ready to start again.
      utterance.onerror = () => { synth.cancel(); state = "idle"; show(); };
      synth.speak(utterance);
    });
    state = "speaking";
    show();
  };

  // The voices may arrive after the page: offer the button once a voice on the device speaks the page's language.
  const offer = () => {
    if (state !== "idle") return;
    for (const button of buttons) button.hidden = !localVoice();
  };
  for (const button of buttons) {
    button.dataset.start = button.textContent.trim();
    button.addEventListener("click", () => {
      if (state === "idle") {
        start();
      } else if (state === "speaking") {
        synth.pause();
        state = "paused";
        show();
      } else {
        synth.resume();
        state = "speaking";
        show();
      }
    });
    const stop = button.nextElementSibling;
    if (stop && stop.hasAttribute("data-read-aloud-stop")) {
      stop.addEventListener("click", () => {
        synth.cancel();
        state = "idle";
        show();
        button.focus();
      });
    }
  }

  offer();
  synth.addEventListener?.("voiceschanged", offer);
  window.addEventListener("pagehide", () => synth.cancel());
})();
