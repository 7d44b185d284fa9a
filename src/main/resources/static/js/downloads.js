// 导出Excel (issue 20, item 4): a large ledger takes a while to make. The button says 正在生成… and cannot be pressed
// again until the file starts to arrive. The link's address gets a token; the server answers the download with a
// cookie carrying it (platform Downloads.xlsx), which this script waits for. One way for every export.
(function () {
  'use strict';
  var COOKIE = 'hallsafe-download=';

  function arrived(token) {
    return document.cookie.split('; ').indexOf(COOKIE + token) >= 0;
  }

  function restore(link, label) {
    link.textContent = label;
    link.classList.remove('disabled');
    link.removeAttribute('aria-disabled');
    link.removeAttribute('aria-busy');
    document.cookie = COOKIE + '; Max-Age=0; Path=/; SameSite=Strict';
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-download]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute('aria-disabled') === 'true') {
      return;
    }
    var token = Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
    var url = new URL(link.href, window.location.href);
    url.searchParams.set('downloadToken', token);
    var label = link.textContent;
    link.textContent = link.getAttribute('data-download') || label;
    link.classList.add('disabled');
    link.setAttribute('aria-disabled', 'true');
    link.setAttribute('aria-busy', 'true');
    var started = Date.now();
    var timer = window.setInterval(function () {
      // the file started (its cookie came), or ten minutes passed: the button is ready again
      if (arrived(token) || Date.now() - started > 600000) {
        window.clearInterval(timer);
        restore(link, label);
      }
    }, 250);
    window.location.assign(url.toString());
  });
})();
