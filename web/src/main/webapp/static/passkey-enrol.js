// Passkey enrolment on /ui/self/passkeys: the server's options (#passkey-create[data-options]) go to
// navigator.credentials.create, and the authenticator's answer is posted back for the core to verify.
// Loaded under the response's CSP nonce after console.js, whose base64url helpers (window.signet) it uses.
(function () {
  'use strict';
  var create = document.getElementById('passkey-create');
  if (!create || !create.dataset.options || !window.signet) { return; }
  var status = document.getElementById('passkey-status');
  if (!window.PublicKeyCredential) { status.textContent = 'This browser cannot create passkeys.'; return; }
  var options = JSON.parse(create.dataset.options).publicKey;
  options.challenge = window.signet.b64(options.challenge);
  options.user.id = window.signet.b64(options.user.id);
  (options.excludeCredentials || []).forEach(function (c) { c.id = window.signet.b64(c.id); });
  navigator.credentials.create({ publicKey: options }).then(function (c) {
    document.getElementById('credential').value = JSON.stringify({ id: c.id, rawId: window.signet.enc(c.rawId), type: c.type,
      response: { attestationObject: window.signet.enc(c.response.attestationObject),
        clientDataJSON: window.signet.enc(c.response.clientDataJSON) } });
    document.getElementById('passkey-finish').click();
  }).catch(function (x) { status.textContent = 'No passkey was created: ' + x; });
})();
