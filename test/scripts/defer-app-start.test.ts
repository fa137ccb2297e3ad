import { expect, test } from 'vitest';
import { deferAppStart } from '../../scripts/pages/render-head';

const shell = `<!doctype html>
<html lang="zh-CN">
  <head>
    <title>Broadsheet</title>
    <script type="module" crossorigin src="/assets/index-AbCd1234.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/router-EfGh5678.js">
    <link rel="modulepreload" crossorigin href="/assets/dates-IjKl9012.js">
    <link rel="stylesheet" crossorigin href="/assets/index-MnOp3456.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

test('a page holding its view names the entry, then its modules, for page-settings.js to start', () => {
  const page = deferAppStart(shell);
  expect(page).not.toMatch(/<script type="module"/);
  expect(page).not.toMatch(/modulepreload/);
  expect(page).toContain(
    '<meta name="broadsheet-app" content="/assets/index-AbCd1234.js /assets/router-EfGh5678.js /assets/dates-IjKl9012.js" />',
  );
  // The stylesheet still loads from the head, before the text paints.
  expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/index-MnOp3456.css">');
  expect(page.indexOf('broadsheet-app')).toBeLessThan(page.indexOf('</head>'));
});

test('a shell without an entry script is left as it is; two entries are an error', () => {
  const plain = '<html><head><title>x</title></head><body></body></html>';
  expect(deferAppStart(plain)).toBe(plain);
  const twice = shell.replace(
    '</head>',
    '<script type="module" crossorigin src="/assets/other-QrSt7890.js"></script></head>',
  );
  expect(() => deferAppStart(twice)).toThrow(/2 entry scripts/);
});
