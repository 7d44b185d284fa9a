// The print view opens the print dialogue by itself, unless the address says noprint (tests, a second look).
window.addEventListener('load', function () {
  if (!window.location.search.includes('noprint')) { window.print(); }
});
