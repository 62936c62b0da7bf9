// Passkeys (WebAuthn) on the sign-in and security pages. The passkey forms are hidden in the HTML and
// shown only when the browser can use passkeys, so without JavaScript nothing is offered that cannot work.
(() => {
  "use strict";
  if (!window.PublicKeyCredential || typeof PublicKeyCredential.parseCreationOptionsFromJSON !== "function") {
    return;
  }

  for (const form of document.querySelectorAll("form[data-passkey]")) {
    form.hidden = false;
    form.addEventListener("submit", async (event) => {
      if (form.dataset.ready === "true") {
        return; // the credential is in the form: let it go to the server
      }

      event.preventDefault();
      const status = form.querySelector("[data-passkey-status]");
      status.textContent = "";
      try {
        const token = form.querySelector("input[name='__RequestVerificationToken']").value;
        const response = await fetch(form.dataset.passkeyOptions, {
          method: "POST",
          headers: { "RequestVerificationToken": token },
          credentials: "same-origin",
        });
        if (!response.ok) {
          throw new Error(`options: ${response.status}`);
        }

        const options = await response.json();
        const credential = form.dataset.passkey === "create"
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.querySelector("input[name='CredentialJson']").value = JSON.stringify(credential);
        form.dataset.ready = "true";
        form.requestSubmit();
      } catch {
        status.textContent = form.dataset.passkeyFailed;
      }
    });
  }
})();
