// The hall's display screen and call display (/screen/{hall}, /screen/{hall}/calls): made to run for days on a TV.
// One EventSource; each event names what changed and the part that shows it is fetched again (at most once a
// second). A dropped stream reconnects by itself; a refused one (key revoked, 404) reloads the page, which then
// says so; a new build after a deploy reloads the page. Nothing grows: parts are replaced, timers are set once.
(function () {
  'use strict';
  var body = document.body;
  var streamUrl = body.getAttribute('data-stream');
  if (!streamUrl || !window.EventSource) { return; }
  var partsUrl = body.getAttribute('data-parts');
  var key = body.getAttribute('data-key');
  var pageUrl = body.getAttribute('data-page');
  var state = document.getElementById('link-state');
  var build = null;
  var source = null;
  var retry = 1000;
  var due = {};
  var lastCall = null;
  var started = Date.now();

  function linked(ok) {
    if (!state) { return; }
    state.textContent = state.getAttribute(ok ? 'data-ok' : 'data-lost');
    state.className = ok ? 'link-ok' : 'link-lost';
  }

  // ---- parts
  function fetchPart(el) {
    var name = el.getAttribute('data-part');
    fetch(partsUrl + name + '?key=' + encodeURIComponent(key), { cache: 'no-store', credentials: 'omit' })
      .then(function (r) {
        if (r.status === 404 || r.status === 403) { window.location.reload(); return null; }
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html === null || html === undefined) { return; }
        el.innerHTML = html;
        if (name === 'notices') { noticeIndex = 0; }
        if (name === 'calls') { announce(); }
      })
      .catch(function () { /* the stream's reconnect brings everything again */ });
  }
  function schedule(el) {
    var name = el.getAttribute('data-part');
    if (due[name]) { return; }
    due[name] = setTimeout(function () { due[name] = null; fetchPart(el); }, 1000);
  }
  function refreshAll() {
    document.querySelectorAll('[data-part]').forEach(schedule);
  }

  // ---- the stream
  function connect() {
    source = new EventSource(streamUrl);
    source.addEventListener('connected', function (e) {
      if (build !== null && build !== e.data) { window.location.reload(); return; }
      var reconnected = build !== null;
      build = e.data;
      retry = 1000;
      linked(true);
      if (reconnected) { refreshAll(); }
    });
    document.querySelectorAll('[data-events]').forEach(function (el) {
      el.getAttribute('data-events').split(' ').forEach(function (name) {
        source.addEventListener(name, function () { schedule(el); });
      });
    });
    source.onerror = function () {
      linked(false);
      if (source.readyState === 2) {
        // refused, not dropped: ask the page itself whether this key still opens it
        source.close();
        fetch(pageUrl, { cache: 'no-store', credentials: 'omit' }).then(function (r) {
          if (r.status === 404 || r.status === 403) { window.location.reload(); } else { later(); }
        }).catch(later);
      }
    };
  }
  function later() {
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 60000);
  }
  connect();

  // ---- the clock: 2026-11-28 周六 14:05:09, Asia/Shanghai
  var clock = document.getElementById('clock');
  var lang = document.documentElement.lang || 'zh-CN';
  var format = new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', weekday: 'short' });
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    var now = new Date();
    var local = new Date(now.getTime() + (now.getTimezoneOffset() + 480) * 60000);
    clock.textContent = local.getFullYear() + '-' + pad(local.getMonth() + 1) + '-' + pad(local.getDate()) + ' '
      + format.format(now) + ' ' + pad(local.getHours()) + ':' + pad(local.getMinutes()) + ':' + pad(local.getSeconds());
    // a screen that has run a day reloads once in the small hours, a fresh start that costs nothing
    if (Date.now() - started > 20 * 3600000 && local.getHours() === 4 && navigator.onLine) { window.location.reload(); }
  }
  if (clock) { tick(); setInterval(tick, 1000); }

  // ---- notices: one at a time
  var noticeIndex = 0;
  var seconds = parseInt(body.getAttribute('data-notice-seconds'), 10);
  function rotate() {
    var all = document.querySelectorAll('#notices .notice');
    if (all.length < 2) { return; }
    all[noticeIndex % all.length].classList.remove('shown');
    noticeIndex = (noticeIndex + 1) % all.length;
    all[noticeIndex].classList.add('shown');
  }
  if (seconds > 0) { setInterval(rotate, seconds * 1000); }

  // ---- calls: a chime, then the call spoken where a Chinese voice exists
  var chimeUrl = body.getAttribute('data-chime');
  var chime = chimeUrl ? new Audio(chimeUrl) : null;
  var soundOn = document.getElementById('sound-on');
  var first = document.querySelector('[data-call]');
  lastCall = first ? first.getAttribute('data-call') : '';
  if (window.speechSynthesis) { window.speechSynthesis.getVoices(); } // voices load in the background
  function speak(text) {
    if (!window.speechSynthesis || !text) { return; }
    var voices = window.speechSynthesis.getVoices().filter(function (v) { return /^zh/i.test(v.lang); });
    if (!voices.length) { return; }
    var u = new SpeechSynthesisUtterance(text);
    u.voice = voices[0];
    u.lang = voices[0].lang;
    u.rate = 0.9;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(u);
  }
  function announce() {
    var now = document.querySelector('[data-call]');
    var id = now ? now.getAttribute('data-call') : '';
    if (!now || id === lastCall) { return; }
    lastCall = id;
    body.setAttribute('data-last-call', id);
    now.classList.add('call-new');
    var text = now.getAttribute('data-speak');
    if (!chime) { speak(text); return; }
    chime.currentTime = 0;
    var played = chime.play();
    var after = function () { speak(text); };
    if (played && played.then) {
      played.then(function () { setTimeout(after, 900); }, function () {
        if (soundOn) { soundOn.hidden = false; }
        after();
      });
    } else {
      setTimeout(after, 900);
    }
  }
  if (soundOn) {
    // a TV browser may refuse sound until someone touches the screen once
    soundOn.addEventListener('click', function () {
      if (chime) { chime.play().then(function () { soundOn.hidden = true; }, function () {}); }
    });
  }
}());
