/* global document, localStorage, matchMedia, location */
// Runs in the head of every pre-rendered page, before it paints (no inline script: the CSP forbids
// it). The reader's theme and text size go on <html>, as applySettingsToDocument in
// src/lib/settings.ts puts them, so the page never flashes the wrong theme; test/scripts/
// page-settings.test.ts keeps the two in step. A page the service worker answered with for another
// address (its copy of the home page) is hidden until the app has drawn the right one.
(function () {
  var root = document.documentElement;
  var settings = {};
  try {
    settings = JSON.parse(localStorage.getItem('broadsheet:settings') || '{}') || {};
  } catch {
    settings = {};
  }
  var prefersDark =
    typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  var dark = settings.theme === 'dark' || (settings.theme !== 'light' && prefersDark);
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  var sizes = ['small', 'medium', 'large', 'x-large'];
  root.setAttribute(
    'data-text-size',
    sizes.indexOf(settings.textSize) >= 0 ? settings.textSize : 'medium',
  );

  var page = root.getAttribute('data-page');
  if (page === null) return;
  var address = location.pathname
    .split('/')
    .map(function (segment) {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1')
    .replace(/\.html$/, '');
  if (address !== page) root.setAttribute('data-other-page', '');
})();
