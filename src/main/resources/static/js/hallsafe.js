// Forms that remove something ask once: the text comes from the page's message bundle (data-confirm).
document.addEventListener('submit', function (e) {
  var message = e.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    e.preventDefault();
  }
});

// Live updates: when the connection drops, say so; the extension reconnects by itself.
document.addEventListener('htmx:sseError', function () {
  var banner = document.getElementById('live-lost');
  if (banner) { banner.classList.remove('d-none'); }
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

// Today's chart: screenings by hour, drawn again whenever the figures are refreshed.
function hallsafeDrawCharts() {
  var el = document.getElementById('by-hour');
  if (!el || !window.echarts) { return; }
  var hours = JSON.parse(el.getAttribute('data-hours'));
  var chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el);
  chart.setOption({
    grid: { left: 40, right: 10, top: 10, bottom: 30 },
    tooltip: {},
    xAxis: { type: 'category', data: hours.map(function (_, h) { return h + ':00'; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: el.getAttribute('data-label'), data: hours, itemStyle: { color: '#0d6efd' } }]
  });
}
document.addEventListener('DOMContentLoaded', function () { hallsafeSyncGate(); hallsafeDrawCharts(); });
document.addEventListener('htmx:afterSettle', hallsafeDrawCharts);
