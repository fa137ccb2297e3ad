/* global document, localStorage, matchMedia, location, requestAnimationFrame, setTimeout, URLSearchParams */
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
  var other = page !== null && (readAddress() !== page || asksForOtherListView());
  if (other) root.setAttribute('data-other-page', '');
  startApp(page !== null && !other);

  // As asksForOtherListView in src/app/prerendered-page.ts: a list's later page or a filter is not
  // the first page this file holds, so it stays hidden until the app has drawn the right view.
  function asksForOtherListView() {
    var query = new URLSearchParams(location.search);
    var day = /^\d{4}-\d{2}-\d{2}$/;
    var page = Number(query.get('page') || '1');
    return (
      (Number.isInteger(page) && page > 1) ||
      query.getAll('tag').some(function (tag) {
        return tag.trim() !== '';
      }) ||
      day.test(query.get('from') || '') ||
      day.test(query.get('to') || '') ||
      /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/.test(query.get('lang') || '') ||
      query.get('unread') === '1'
    );
  }

  function readAddress() {
    return location.pathname
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
  }

  // A page holding its own view is read before the app runs: the app's code is fetched once the
  // text is on screen, so it does not share a slow network with the stylesheet and the page. The
  // page writer puts the entry first, then the modules it imports (scripts/pages/render-head.ts).
  function startApp(afterPaint) {
    var start = function () {
      // The tag follows this script in the head: found once the head is parsed.
      var meta = document.querySelector('meta[name="broadsheet-app"]');
      if (!meta) {
        if (document.readyState === 'loading')
          document.addEventListener('DOMContentLoaded', start, { once: true });
        return;
      }
      var files = meta.getAttribute('content').split(' ');
      for (var i = 1; i < files.length; i++) {
        var link = document.createElement('link');
        link.rel = 'modulepreload';
        link.crossOrigin = '';
        link.href = files[i];
        document.head.appendChild(link);
      }
      import(files[0]);
    };
    if (afterPaint && typeof requestAnimationFrame === 'function')
      requestAnimationFrame(function () {
        setTimeout(start, 0);
      });
    else if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  }
})();
