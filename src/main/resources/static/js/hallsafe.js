// Forms that remove something ask once: the text comes from the page's message bundle (data-confirm).
document.addEventListener('submit', function (e) {
  var message = e.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    e.preventDefault();
  }
});

// Live updates: when the connection drops, say so; the extension reconnects by itself.
// A stream the server refused (not one that merely dropped): when the session has ended (account switched off, password
// reset), the stream answers 401 and the page goes to the sign-in page instead of retrying for ever.
document.addEventListener('htmx:sseError', function (e) {
  var banner = document.getElementById('live-lost');
  if (banner) { banner.classList.remove('d-none'); }
  var source = e.detail && e.detail.source;
  if (source && source.readyState === 2 && window.fetch && window.AbortController) {
    var probe = new AbortController();
    window.fetch(source.url, { signal: probe.signal, headers: { Accept: 'text/event-stream' }, redirect: 'manual' })
      .then(function (r) { probe.abort(); if (r.status === 401) { window.location.reload(); } })
      .catch(function () {});
  }
});
document.addEventListener('htmx:sseOpen', function () {
  var banner = document.getElementById('live-lost');
  if (banner) { banner.classList.add('d-none'); }
});

// The gate: show the fields of the chosen person type; "no symptoms" and a symptom exclude each other.
function hallsafeSyncGate() {
  var chosen = document.querySelector('input[name=personType]:checked');
  document.querySelectorAll('[data-when]').forEach(function (el) {
    el.hidden = !!chosen && el.getAttribute('data-when') !== chosen.value;
  });
}
document.addEventListener('change', function (e) {
  if (e.target.name === 'personType') { hallsafeSyncGate(); }
  if (e.target.id === 'noSymptoms' && e.target.checked) {
    document.querySelectorAll('input.symptom').forEach(function (s) { s.checked = false; });
  }
  if (e.target.classList && e.target.classList.contains('symptom') && e.target.checked) {
    var none = document.getElementById('noSymptoms');
    if (none) { none.checked = false; }
  }
});

// Today's chart: screenings by hour, drawn again whenever the figures are refreshed. Tooltips are drawn on the canvas
// (richText): the HTML ones carry style attributes, which the Content-Security-Policy refuses.
function hallsafeDrawCharts() {
  var el = document.getElementById('by-hour');
  if (!el || !window.echarts) { return; }
  var hours = JSON.parse(el.getAttribute('data-hours'));
  var chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el);
  chart.setOption({
    grid: { left: 40, right: 10, top: 10, bottom: 30 },
    tooltip: { renderMode: 'richText' },
    xAxis: { type: 'category', data: hours.map(function (_, h) { return h + ':00'; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: el.getAttribute('data-label'), data: hours, itemStyle: { color: '#0d6efd' } }]
  });
}
document.addEventListener('DOMContentLoaded', function () { hallsafeSyncGate(); hallsafeDrawCharts(); });
document.addEventListener('htmx:afterSettle', hallsafeDrawCharts);

// A scanner types a code and presses Enter: look the code up instead of sending the form half filled.
document.addEventListener('keydown', function (e) {
  if (e.key === 'Enter' && e.target.hasAttribute && e.target.hasAttribute('data-scan')) {
    e.preventDefault();
    if (window.htmx) { window.htmx.trigger(e.target, 'scanned'); }
  }
});

// Appointment figures: bookings per day and channel, fill and no-show rates, call outcomes.
function hallsafeDrawBookingCharts() {
  var box = document.getElementById('booking-charts');
  if (!box || !window.echarts) { return; }
  var f = JSON.parse(box.getAttribute('data-figures'));
  var channelNames = box.getAttribute('data-channels').split('|');
  var outcomeNames = box.getAttribute('data-outcomes').split('|');
  var keys = Object.keys(f.channels);
  window.echarts.init(document.getElementById('chart-channels')).setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { bottom: 0 }, grid: { left: 40, right: 10, top: 10, bottom: 50 },
    xAxis: { type: 'category', data: f.days }, yAxis: { type: 'value', minInterval: 1 },
    series: keys.map(function (k, i) { return { type: 'bar', stack: 'all', name: channelNames[i], data: f.channels[k] }; })
  });
  window.echarts.init(document.getElementById('chart-rates')).setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { bottom: 0 }, grid: { left: 40, right: 10, top: 10, bottom: 50 },
    xAxis: { type: 'category', data: f.days }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'line', name: box.getAttribute('data-fill'), data: f.fill, connectNulls: true },
             { type: 'line', name: box.getAttribute('data-no-show'), data: f.noShow, connectNulls: true }]
  });
  window.echarts.init(document.getElementById('chart-outcomes')).setOption({
    tooltip: { trigger: 'item', renderMode: 'richText' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
               data: f.outcomes.map(function (v, i) { return { value: v, name: outcomeNames[i] }; }) }]
  });
}
document.addEventListener('DOMContentLoaded', hallsafeDrawBookingCharts);

// The call form: "booked here" opens the booking part.
document.addEventListener('change', function (e) {
  if (e.target.name === 'outcome') {
    var part = document.getElementById('book-here');
    if (part) { part.hidden = e.target.value !== 'BOOKED'; }
  }
});

// A rate limit answers 429 with the wait in words ("操作太频繁，请 N 分钟后再试"): show it like any other answer.
document.addEventListener('htmx:beforeSwap', function (e) {
  if (e.detail.xhr.status === 429) {
    e.detail.shouldSwap = true;
    e.detail.isError = false;
  }
});

// The Content-Security-Policy runs no inline handlers: what pages asked for with onclick/onchange is declared with
// data-* attributes and done here. data-print: a print button. data-autosubmit: a filter that applies on change.
// data-navigate="name": a choice that reloads the page with ?name=value (or without it when left empty).
document.addEventListener('click', function (e) {
  var button = e.target.closest && e.target.closest('[data-print]');
  if (button) { window.print(); }
});
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el.hasAttribute && el.hasAttribute('data-autosubmit') && el.form) { el.form.submit(); }
  if (el.hasAttribute && el.hasAttribute('data-navigate')) {
    var name = el.getAttribute('data-navigate');
    window.location = '?' + (el.value ? name + '=' + encodeURIComponent(el.value) : '');
  }
});

// Issue 19: a form marked data-resend (the gate) is sent by htmx (hx-boost). When the server answers 503 (the database
// is unreachable) or the network drops, nothing is swapped: what was typed stays, a word says it was not saved, and
// pressing the button again sends the same submission id (the server keeps one record per submission). Any other
// answer is shown as the page would be. Without JavaScript the form posts as usual and the 503 page says to go back.
function hallsafeResendForm(e) {
  var elt = (e.detail && e.detail.elt) || e.target;
  return elt && elt.matches && elt.matches('form[data-resend]') ? elt : null;
}
document.addEventListener('htmx:beforeSwap', function (e) {
  var status = e.detail.xhr.status;
  if (status >= 400 && status < 500 && hallsafeResendForm(e)) { // a 5xx: the gate keeps the reading (gate.js)
    e.detail.shouldSwap = true;
    e.detail.isError = false;
  }
});
function hallsafeUnsaved(e) {
  var form = hallsafeResendForm(e);
  var note = form && form.querySelector('[data-unsaved]');
  if (note) { note.classList.remove('d-none'); note.scrollIntoView({ block: 'center' }); }
}
document.addEventListener('htmx:responseError', function (e) {
  if (e.detail.xhr.status === 503) { hallsafeUnsaved(e); }
});
document.addEventListener('htmx:sendError', hallsafeUnsaved);
document.addEventListener('htmx:afterSettle', function () {
  if (document.getElementById('gate-form')) { hallsafeSyncGate(); }
});
