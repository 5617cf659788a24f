// Passkeys: the browser's WebAuthn API between the portal's forms and allauth.mfa (docs/accounts.md).
// Loaded only on the pages that offer a passkey. Each <form data-passkey="create|get|login"> is shown
// only where the browser has WebAuthn; it fills the form's hidden `credential` field and submits it.
// `create` and `get` read their options from the JSON data block named by data-options; `login` asks
// the form's action for fresh ones. Without JavaScript or WebAuthn the forms stay hidden and the
// [data-passkey-unsupported] notes say so.
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !navigator.credentials) return;

  function bytes(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64 + '==='.slice((base64.length + 3) % 4)), function (c) { return c.charCodeAt(0); });
  }
  function text(buffer) {
    var binary = String.fromCharCode.apply(null, new Uint8Array(buffer));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function publicKey(options) {
    var key = Object.assign({}, options.publicKey);
    key.challenge = bytes(key.challenge);
    if (key.user) key.user = Object.assign({}, key.user, { id: bytes(key.user.id) });
    ['excludeCredentials', 'allowCredentials'].forEach(function (name) {
      if (key[name]) key[name] = key[name].map(function (c) { return Object.assign({}, c, { id: bytes(c.id) }); });
    });
    return key;
  }
  function credentialJSON(credential) {
    var r = credential.response, response = { clientDataJSON: text(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = text(r.attestationObject);
      if (r.getTransports) response.transports = r.getTransports();
    } else {
      response.authenticatorData = text(r.authenticatorData);
      response.signature = text(r.signature);
      if (r.userHandle) response.userHandle = text(r.userHandle);
    }
    return JSON.stringify({
      id: credential.id, rawId: text(credential.rawId), type: credential.type, response: response,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults()
    });
  }
  function options(form) {
    if (form.dataset.passkey === 'login') {
      return fetch(form.action, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (answer) { if (!answer.ok) throw new Error(answer.status); return answer.json(); })
        .then(function (data) { return data.request_options; });
    }
    var data = JSON.parse(document.getElementById(form.dataset.options).textContent);
    return Promise.resolve(data.creation_options || data.request_options);
  }
  function ceremony(form, given) {
    var key = publicKey(given);
    if (form.dataset.passkey !== 'create') return navigator.credentials.get({ publicKey: key });
    // A passkey signs in by itself: kept on the device and unlocked by the member (PIN, fingerprint).
    key.authenticatorSelection = Object.assign({}, key.authenticatorSelection,
      { residentKey: 'required', requireResidentKey: true, userVerification: 'required' });
    return navigator.credentials.create({ publicKey: key });
  }
  document.querySelectorAll('[data-passkey-unsupported]').forEach(function (note) { note.hidden = true; });
  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    var error = form.querySelector('[data-passkey-error]');
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      if (form.elements.credential.value) return;
      event.preventDefault();
      if (error) error.hidden = true;
      options(form).then(function (given) { return ceremony(form, given); }).then(function (credential) {
        form.elements.credential.value = credentialJSON(credential);
        form.submit();
      }).catch(function (problem) {
        console.error(problem);
        if (error) error.hidden = false;
      });
    });
  });
})();
