// "Aan tafel": the clock, and nothing typed is lost. The page works without this script; with it:
// - the clock shows the time and how long the conversation has gone on (counted from the first part opened in this tab);
// - what is typed in a form is kept in this tab (sessionStorage, gone when the tab closes) until the server confirms
//   it saved it, so a dropped connection or a page reloaded by mistake loses nothing;
// - a form is sent once: a second tap while the first is on its way does nothing (the server also records it once).
(() => {
  "use strict";
  const match = location.pathname.match(/^\/casussen\/([0-9a-f-]{36})\/aan-tafel/i);
  if (!match) return;
  const caseId = match[1];
  const store = window.sessionStorage;
  const startKey = `kt-aan-tafel-start:${caseId}`;
  const sentKey = `kt-aan-tafel-sent:${caseId}`;

  // The clock.
  const clock = document.querySelector("[data-clock]");
  const elapsed = document.querySelector("[data-elapsed]");
  if (!store.getItem(startKey)) store.setItem(startKey, String(Date.now()));
  const tick = () => {
    const now = new Date();
    if (clock) {
      clock.textContent = now.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });
      clock.setAttribute("datetime", clock.textContent);
    }
    if (elapsed) {
      const minutes = Math.floor((Date.now() - Number(store.getItem(startKey))) / 60000);
      elapsed.textContent = minutes < 1 ? ", we zijn net begonnen" : `, we zijn ${minutes} ${minutes === 1 ? "minuut" : "minuten"} bezig`;
    }
  };
  tick();
  setInterval(tick, 15000);

  // What was typed, kept until saved.
  const saved = new URLSearchParams(location.search).has("message");
  if (saved && store.getItem(sentKey)) {
    store.removeItem(store.getItem(sentKey));
    store.removeItem(sentKey);
  }

  for (const form of document.querySelectorAll("form[data-keep]")) {
    const key = `kt-aan-tafel:${caseId}:${form.dataset.keep}`;
    const fields = () => [...form.querySelectorAll("textarea, select, input:not([type=hidden]):not([type=checkbox]):not([type=submit])")]
      .filter((f) => f.name);
    const kept = store.getItem(key);
    if (kept) {
      let restored = false;
      const values = JSON.parse(kept);
      for (const field of fields()) {
        if (field.name in values && field.value !== values[field.name]) {
          field.value = values[field.name];
          restored = true;
        }
      }
      if (restored) {
        const notice = document.createElement("p");
        notice.className = "utrecht-paragraph kt-kept";
        notice.setAttribute("role", "status");
        notice.textContent = "Wat u typte, staat er weer. Het is nog niet bewaard: druk op de knop om het te bewaren.";
        form.prepend(notice);
      }
    }

    form.addEventListener("input", () => {
      store.setItem(key, JSON.stringify(Object.fromEntries(fields().map((f) => [f.name, f.value]))));
    });
    form.addEventListener("submit", (event) => {
      if (form.dataset.sending) {
        event.preventDefault();
        return;
      }
      form.dataset.sending = "true";
      store.setItem(sentKey, key);
      // Sent but no answer (a dropped connection): after a while a tap may send it again; the server records it once.
      setTimeout(() => delete form.dataset.sending, 10000);
    });
  }
})();
