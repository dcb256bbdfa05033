// Signet's console script: everything works without it except passkeys and the live progress bar;
// with it, the read-write window counts down and secrets get a copy button. Loaded under the CSP nonce.
(function () {
  'use strict';
  var win = document.getElementById('window');
  if (win && win.dataset.ends) {
    var ends = Number(win.dataset.ends);
    var tick = function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      win.textContent = left > 0 ? 'editing enabled, ' + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') + ' left'
        : 'read-only (reload to enable editing)';
      if (left > 0) { setTimeout(tick, 1000); }
    };
    tick();
  }
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var text = document.getElementById(button.dataset.copy).textContent;
      navigator.clipboard.writeText(text).then(function () { button.textContent = 'Copied'; },
        function () { button.textContent = 'Select and copy by hand'; });
    });
  });
  var b64 = function (s) { return Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), function (c) { return c.charCodeAt(0); }); };
  var enc = function (a) { return btoa(String.fromCharCode.apply(null, new Uint8Array(a))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''); };
  var get = document.getElementById('passkey-get');
  if (get && get.dataset.options) {
    var options = JSON.parse(get.dataset.options).publicKey;
    options.challenge = b64(options.challenge);
    (options.allowCredentials || []).forEach(function (c) { c.id = b64(c.id); });
    navigator.credentials.get({ publicKey: options }).then(function (c) {
      document.getElementById('assertion').value = JSON.stringify({ id: c.id, rawId: enc(c.rawId), type: c.type, response: {
        authenticatorData: enc(c.response.authenticatorData), clientDataJSON: enc(c.response.clientDataJSON),
        signature: enc(c.response.signature), userHandle: c.response.userHandle ? enc(c.response.userHandle) : null } });
      if (get.dataset.submit) { document.getElementById(get.dataset.submit).submit(); } else { document.getElementById('finish').click(); }
    }).catch(function (x) { document.getElementById('passkey-status').textContent = 'The passkey was not used: ' + x; });
  }
  window.signet = { b64: b64, enc: enc };
})();
// The member picker: names from /ui/admin/picker as the person types (without script it is a plain field and "Find").
(function () {
  'use strict';
  document.querySelectorAll('input[data-picker]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var last = '';
    input.addEventListener('input', function () {
      var q = input.value.trim();
      if (q.length < 1 || q === last) { return; }
      last = q;
      fetch(input.dataset.picker + '?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (names) {
          list.replaceChildren.apply(list, names.map(function (n) {
            var o = document.createElement('option'); o.value = n.name; o.label = n.displayname || n.name; return o;
          }));
        });
    });
  });
})();
// A sync run's live progress: asks the server every second until the run ends, then shows the final counts.
(function () {
  'use strict';
  var run = document.querySelector('[data-progress]');
  if (!run) { return; }
  var set = function (id, value) { var e = document.getElementById(id); if (e) { e.textContent = value; } };
  var poll = function () {
    fetch(run.dataset.progress, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (p) {
      set('run-status', p.status); set('run-step', p.step); set('run-read', p.read);
      set('run-applied', p.created + p.updated + p.deleted); set('run-created', p.created); set('run-updated', p.updated);
      set('run-deleted', p.deleted); set('run-unchanged', p.unchanged); set('run-conflicts', p.conflicts); set('run-report', p.report);
      document.getElementById('run-progress').value = p.running ? (p.step === 'apply' ? 2 : 1) : 3;
      if (p.running) { setTimeout(poll, 1000); }
    }).catch(function () { setTimeout(poll, 3000); });
  };
  if (document.getElementById('run-status').textContent === 'RUNNING') { poll(); }
})();
