// Forms that remove something ask once: the text comes from the page's message bundle (data-confirm).
document.addEventListener('submit', function (e) {
  var message = e.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    e.preventDefault();
  }
});
