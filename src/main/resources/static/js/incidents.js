// The incident list (issue 20, item 2): a box with data-check-all="ids" ticks or clears every enabled box named ids
// inside its group (a <details>) or, outside one, inside the whole form.
document.addEventListener('change', function (e) {
  var box = e.target;
  if (!box.hasAttribute || !box.hasAttribute('data-check-all')) { return; }
  var scope = box.closest('details') || box.form;
  if (!scope) { return; }
  scope.querySelectorAll('input[type=checkbox][name="' + box.getAttribute('data-check-all') + '"]').forEach(function (b) {
    if (!b.disabled) { b.checked = box.checked; }
  });
});
