// A citizen's own booking page: when a window calls this booking, say where to go ("请到 3 号窗口"). The address of
// the stream was given only after the code and the phone were checked; it sends the window's number, nothing else.
// EventSource reconnects by itself after a drop.
(function () {
  'use strict';
  var box = document.getElementById('call-status');
  if (!box || !window.EventSource) { return; }
  var source = new EventSource(box.getAttribute('data-stream'));
  source.addEventListener('called', function (e) {
    box.textContent = box.getAttribute('data-called').replace('{0}', e.data);
    box.classList.remove('alert-light', 'border');
    box.classList.add('alert-warning');
    if (navigator.vibrate) { navigator.vibrate([300, 100, 300]); }
  });
}());
