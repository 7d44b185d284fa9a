// The sign-in sheet's print button (the Content-Security-Policy refuses inline handlers).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
});
