// The gate on a screener's tablet or phone (issue 20).
// - The submit button shows that it is sending and cannot be pressed twice (htmx hx-disabled-elt, hx-sync).
// - A reading that could not be sent (network down, 5xx, timeout) waits in this browser's localStorage with its
//   submission id, shown as "未上传 N 条", and is sent again by itself (when the network returns, and every 15 s);
//   the server keeps one record per submission id, so a reading that did arrive is not stored twice. A reading is
//   deleted from the storage as soon as the server has accepted it. A reading the server refuses (a rule the tablet
//   could not check) stays, marked, until the screener opens it again and corrects it.
// - 扫码 opens the camera and reads a booking or staff QR code with jsQR (served by HallSafe, /js/vendor), into the
//   same field a keyboard-wedge scanner types into.
(function () {
  'use strict';
  if (window.hallsafeGate) { return; }
  window.hallsafeGate = true;
  var RETRY_MS = 15000;
  var sending = false;
  var timer = null;

  function form() { return document.getElementById('gate-form'); }
  function key() { var f = form(); return f ? f.getAttribute('data-outbox') : null; }
  function words(name, a, b) {
    var f = form();
    var text = (f && f.getAttribute('data-' + name)) || '';
    return text.replace('{0}', a === undefined ? '' : a).replace('{1}', b === undefined ? '' : b);
  }
  function load() {
    try { return JSON.parse(window.localStorage.getItem(key())) || []; } catch (e) { return []; }
  }
  function store(items) {
    if (items.length) { window.localStorage.setItem(key(), JSON.stringify(items)); }
    else { window.localStorage.removeItem(key()); }
  }
  function forget(id) { store(load().filter(function (i) { return i.id !== id; })); }
  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  function who(params) {
    return params.get('name') || params.get('bookingCode') || params.get('q') || '';
  }

  // what the screener sees: the count, what waits for a correction, what was just accepted
  function render() {
    var box = document.getElementById('outbox');
    if (!box || !key()) { return; }
    var items = load();
    box.hidden = items.length === 0;
    document.getElementById('outbox-count').textContent = words('count', items.length);
    var list = document.getElementById('outbox-rejected');
    list.textContent = '';
    items.filter(function (i) { return i.rejected; }).forEach(function (i) {
      var li = document.createElement('li');
      li.className = 'd-flex align-items-center justify-content-between gap-2 mt-1';
      var span = document.createElement('span');
      span.textContent = words('rejected', i.name);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-outline-dark text-nowrap';
      button.textContent = words('check');
      button.setAttribute('data-outbox-open', i.id);
      li.appendChild(span); li.appendChild(button); list.appendChild(li);
    });
  }
  function done(text) {
    var el = document.getElementById('outbox-done');
    if (el) { el.textContent = text; el.hidden = false; }
  }

  // a reading that could not be sent: into the storage, and the form empty for the next person
  function keep(f) {
    var params = new URLSearchParams(new FormData(f));
    params.delete('_csrf');
    var id = params.get('submissionId');
    if (!id) { return; }
    var items = load().filter(function (i) { return i.id !== id; });
    items.push({ id: id, body: params.toString(), name: who(params), at: new Date().toISOString() });
    store(items);
    var saved = document.getElementById('outbox-saved');
    if (saved) { saved.textContent = words('saved', who(params)); }
    var result = document.getElementById('result');
    if (result) { result.hidden = true; }
    clear(f);
    render();
    later();
  }
  function clear(f) {
    f.querySelectorAll('input, select, textarea').forEach(function (el) {
      if (el.name === '_csrf' || el.name === 'recheckOf') { return; }
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = el.name === 'personType' && el.value === 'CITIZEN';
      } else if (el.tagName === 'SELECT') {
        el.selectedIndex = 0;
      } else {
        el.value = '';
      }
      el.classList.remove('is-invalid');
    });
    f.querySelector('[name=submissionId]').value = uuid();
    ['booking-card', 'staff-choices'].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.textContent = ''; }
    });
    var known = f.querySelector('#citizen-fields .alert');
    if (known) { known.remove(); }
    if (window.hallsafeSyncGate) { window.hallsafeSyncGate(); }
    var first = document.getElementById('bookingCode') || document.getElementById('temperature');
    if (first) { first.focus({ preventScroll: true }); }
    window.scrollTo(0, 0); // the word that it was kept, and the count, at the top
  }

  // sending again, one at a time, oldest first
  function later() {
    if (!timer) { timer = window.setInterval(flush, RETRY_MS); }
  }
  function flush() {
    var f = form();
    if (sending || !f || !key()) { return; }
    var waiting = load().filter(function (i) { return !i.rejected; });
    if (!waiting.length) {
      if (timer) { window.clearInterval(timer); timer = null; }
      return;
    }
    var item = waiting[0];
    var body = new URLSearchParams(item.body);
    var token = f.querySelector('input[name=_csrf]');
    if (token) { body.set('_csrf', token.value); }
    sending = true;
    window.fetch(f.getAttribute('action'), { method: 'POST', body: body, credentials: 'same-origin', redirect: 'follow' })
      .then(function (r) {
        if (r.redirected && /[?&]last=\d+/.test(r.url)) {
          return r.text().then(function (html) {
            forget(item.id); // accepted: the personal data leaves this browser now
            var page = new DOMParser().parseFromString(html, 'text/html');
            var decision = page.getElementById('decision');
            done(words('uploaded', item.name, decision ? decision.textContent.trim() : ''));
            return true;
          });
        }
        if (r.status >= 500 || r.status === 403 || r.status === 408 || r.status === 429 || r.url.indexOf('/login') >= 0) {
          return false; // the server is not ready, or the session must be opened again: try later
        }
        store(load().map(function (i) { if (i.id === item.id) { i.rejected = true; } return i; }));
        return true;
      })
      .catch(function () { return false; })
      .then(function (goOn) {
        sending = false;
        render();
        if (goOn) { flush(); } else { later(); }
      });
  }

  // a reading the server refused: back into the form, sent as the screener presses 提交 (errors beside the fields)
  function reopen(id) {
    var f = form();
    var item = load().filter(function (i) { return i.id === id; })[0];
    if (!f || !item) { return; }
    clear(f);
    var params = new URLSearchParams(item.body);
    params.forEach(function (value, name) {
      var boxes = f.querySelectorAll('input[type=radio][name="' + name + '"], input[type=checkbox][name="' + name + '"]');
      if (boxes.length) {
        boxes.forEach(function (b) { if (b.value === value) { b.checked = true; } });
      } else {
        var el = f.querySelector('[name="' + name + '"]');
        if (el) { el.value = value; }
      }
    });
    if (window.hallsafeSyncGate) { window.hallsafeSyncGate(); }
    f.requestSubmit();
  }

  function ours(e) {
    var elt = e.detail && e.detail.elt;
    return elt && elt.id === 'gate-form' ? elt : null;
  }
  var submitted = null; // the submission id of the reading being sent by the form
  document.addEventListener('htmx:beforeRequest', function (e) {
    var f = ours(e);
    var button = f && f.querySelector('#record');
    if (button) { button.classList.add('sending'); }
    var id = f && f.querySelector('[name=submissionId]');
    submitted = id ? id.value : null;
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    var button = ours(e) && ours(e).querySelector('#record');
    if (button) { button.classList.remove('sending'); }
  });
  // before the answer replaces the form; htmx fires this on the swap's target (the body), so the sender is read from
  // the request's configuration
  document.addEventListener('htmx:beforeSwap', function (e) {
    var xhr = e.detail.xhr;
    var sender = e.detail.requestConfig && e.detail.requestConfig.elt;
    if (sender && sender.id === 'gate-form' && submitted && xhr && xhr.status === 200
        && /[?&]last=\d+/.test(xhr.responseURL || '')) {
      forget(submitted); // accepted (also a corrected reading from the storage): nothing of it stays in the browser
    }
  });
  function failed(e) {
    var f = ours(e);
    if (f) { keep(f); }
  }
  document.addEventListener('htmx:sendError', failed);
  document.addEventListener('htmx:timeout', failed);
  document.addEventListener('htmx:responseError', function (e) {
    if (e.detail.xhr && e.detail.xhr.status >= 500) { failed(e); }
  });
  document.addEventListener('htmx:afterSettle', function () { render(); });
  window.addEventListener('online', flush);

  document.addEventListener('change', function (e) {
    var preset = e.target.getAttribute && e.target.getAttribute('data-fill');
    if (preset) {
      var field = document.getElementById(preset);
      var value = e.target.getAttribute('data-value');
      if (e.target.checked) { field.value = value; } else if (field.value === value) { field.value = ''; }
    }
  });
  // the common questioning in one tap: its answers are set, then the form is sent as the button's submit
  document.addEventListener('click', function (e) {
    var common = e.target.closest && e.target.closest('#questioning-common');
    if (!common) { return; }
    document.getElementById('places').value = common.getAttribute('data-places');
    var preset = document.getElementById('places-preset');
    if (preset) { preset.checked = true; }
    document.getElementById('contact-' + common.getAttribute('data-contact')).checked = true;
    document.getElementById('handling-' + common.getAttribute('data-handling')).checked = true;
  });
  document.addEventListener('input', function (e) {
    if (e.target.id === 'places') {
      var toggle = document.getElementById('places-preset');
      if (toggle) { toggle.checked = e.target.value === toggle.getAttribute('data-value'); }
    }
  });

  // the camera
  var stream = null;
  function scanner() { return document.getElementById('scanner'); }
  function closeCamera() {
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    var s = scanner();
    if (s) { s.hidden = true; }
  }
  function withJsQr(then) {
    if (window.jsQR) { then(); return; }
    var script = document.createElement('script');
    script.src = (document.querySelector('script[src*="/js/gate.js"]') || {}).src.replace('/js/gate.js', '/js/vendor/jsQR.js');
    script.onload = then;
    document.head.appendChild(script);
  }
  function openCamera(targetId) {
    var s = scanner();
    var video = document.getElementById('scanner-video');
    var problem = document.getElementById('scanner-problem');
    problem.textContent = '';
    s.hidden = false;
    withJsQr(function () {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (st) {
        stream = st;
        video.srcObject = st;
        video.play();
        var canvas = document.createElement('canvas');
        var context = canvas.getContext('2d', { willReadFrequently: true });
        (function look() {
          if (!stream) { return; }
          if (video.readyState >= 2 && video.videoWidth) {
            canvas.width = video.videoWidth; canvas.height = video.videoHeight;
            context.drawImage(video, 0, 0, canvas.width, canvas.height);
            var image = context.getImageData(0, 0, canvas.width, canvas.height);
            var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
            if (code && code.data) {
              closeCamera();
              var field = document.getElementById(targetId);
              field.value = code.data.trim().slice(0, field.maxLength > 0 ? field.maxLength : 64);
              if (field.hasAttribute('data-scan') && window.htmx) { window.htmx.trigger(field, 'scanned'); }
              else { field.dispatchEvent(new Event('input', { bubbles: true })); }
              return;
            }
          }
          window.requestAnimationFrame(look);
        })();
      }).catch(function () {
        problem.textContent = s.getAttribute('data-denied');
      });
    });
  }
  // where no camera is, the button says so and does nothing
  function cameras() {
    var buttons = document.querySelectorAll('[data-camera-for]');
    if (!buttons.length) { return; }
    var none = function () {
      buttons.forEach(function (b) {
        b.disabled = true;
        b.textContent = scanner().getAttribute('data-none');
      });
    };
    if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) { none(); return; }
    navigator.mediaDevices.enumerateDevices().then(function (devices) {
      if (!devices.some(function (d) { return d.kind === 'videoinput'; })) { none(); }
    }).catch(none);
  }
  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target : null;
    if (!t) { return; }
    var camera = t.closest('[data-camera-for]');
    if (camera) { openCamera(camera.getAttribute('data-camera-for')); }
    if (t.closest('#scanner-close')) { closeCamera(); }
    if (t.closest('#outbox-send')) { flush(); }
    var open = t.closest('[data-outbox-open]');
    if (open) { reopen(open.getAttribute('data-outbox-open')); }
  });
  document.addEventListener('htmx:afterSettle', function (e) {
    if (e.detail && e.detail.elt && (e.detail.elt.tagName === 'BODY' || e.detail.elt.id === 'gate-form')) { cameras(); }
  });

  function start() {
    render();
    cameras();
    flush();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
