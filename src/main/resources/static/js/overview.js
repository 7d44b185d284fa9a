// The leadership's overview: a small 14-day trend under each tile (ECharts, drawn on canvas; the Content-Security-
// Policy refuses the HTML tooltips' style attributes, so tooltips use richText), drawn again when htmx refreshes the
// tiles; and the big screen's clock.
(function () {
  var colours = { GOOD: '#198754', WATCH: '#d39e00', ALERT: '#dc3545', NONE: '#0d6efd' };
  var dark = { GOOD: '#75d69c', WATCH: '#ffda6a', ALERT: '#ff8a95', NONE: '#9ec5fe' };

  function draw() {
    var box = document.getElementById('tiles');
    if (!box || !window.echarts) { return; }
    var days = (box.getAttribute('data-days') || '').split('|');
    var screen = document.body.classList.contains('overview-screen');
    box.querySelectorAll('.tile-trend[data-trend]').forEach(function (el) {
      var values = JSON.parse(el.getAttribute('data-trend') || '[]');
      if (!values.length) { return; }
      var colour = (screen ? dark : colours)[el.getAttribute('data-level')] || '#6c757d';
      var chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        grid: { left: 2, right: 2, top: 4, bottom: 2 },
        tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
        xAxis: { type: 'category', data: days.slice(days.length - values.length), show: false, boundaryGap: false },
        yAxis: { type: 'value', show: false, min: 0, minInterval: 1 },
        series: [{ type: 'line', data: values, symbol: 'none', smooth: false,
                   lineStyle: { width: screen ? 3 : 2, color: colour }, areaStyle: { color: colour, opacity: 0.12 } }]
      });
    });
  }

  function clock() {
    var el = document.getElementById('overview-clock');
    if (!el) { return; }
    var d = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    el.textContent = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
        + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  document.addEventListener('DOMContentLoaded', function () { draw(); clock(); setInterval(clock, 15000); });
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () {
    document.querySelectorAll('.tile-trend').forEach(function (el) {
      var chart = window.echarts && window.echarts.getInstanceByDom(el);
      if (chart) { chart.resize(); }
    });
  });
})();
