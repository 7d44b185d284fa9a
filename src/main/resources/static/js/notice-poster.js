// The poster's print button (no inline handler: the Content-Security-Policy runs none).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
});
