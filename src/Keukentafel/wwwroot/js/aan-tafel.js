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
  // Storage may be blocked (a private window, a policy): then the page works as without this script.
  let store;
  try {
    store = window.sessionStorage;
    store.getItem("kt");
  } catch {
    return;
  }
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

  // What was typed, kept until saved. The server's "saved" message is read once and taken from the address, so a later
  // reload of this page (after a send that got no answer) does not count as saved again.
  const query = new URLSearchParams(location.search);
  if (query.has("message")) {
    if (store.getItem(sentKey)) {
      store.removeItem(store.getItem(sentKey));
      store.removeItem(sentKey);
    }
    query.delete("message");
    history.replaceState(history.state, "", `${location.pathname}${query.size ? `?${query}` : ""}${location.hash}`);
  }

  // The meeting is over: nothing of it stays in this tab (a shared tablet), and a next meeting's clock starts fresh.
  if (/\/aan-tafel\/klaar$/i.test(location.pathname)) {
    for (const key of Object.keys(store).filter((k) => k.includes(`:${caseId}`))) store.removeItem(key);
  }

  for (const form of document.querySelectorAll("form[data-keep]")) {
    const key = `kt-aan-tafel:${caseId}:${form.dataset.keep}`;
    const fields = () => [...form.querySelectorAll("textarea, select, input:not([type=hidden]):not([type=checkbox]):not([type=submit])")]
      .filter((f) => f.name);
    const version = form.querySelector("input[name=Version]");
    let kept = null;
    try {
      kept = JSON.parse(store.getItem(key) || "null");
    } catch {
      store.removeItem(key);
    }
    if (kept) {
      let restored = false;
      const values = kept.values || {};
      for (const field of fields()) {
        if (field.name in values && field.value !== values[field.name]) {
          field.value = values[field.name];
          restored = true;
        }
      }
      if (restored && version && kept.version) {
        // Sent on the version it was typed on: if someone changed the case since, the server says what, not overwrites it.
        version.value = kept.version;
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
      const values = Object.fromEntries(fields().map((f) => [f.name, f.value]));
      store.setItem(key, JSON.stringify({ version: version?.value, values }));
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
