import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { applySettingsToDocument, type Settings } from '../../src/lib/settings';
import { getPageAddress } from '../../src/shared/paths';
import { asksForOtherListView } from '../../src/app/prerendered-page';

/** The head script of every pre-rendered page (decision 022), run as the browser runs it. */
const script = readFileSync(
  path.resolve(import.meta.dirname, '../../public/page-settings.js'),
  'utf8',
);
const runScript = () => new Function(script)();

const root = document.documentElement;
const snapshot = () => ({
  dark: root.classList.contains('dark'),
  colorScheme: root.style.colorScheme,
  textSize: root.getAttribute('data-text-size'),
});
const reset = () => {
  root.className = '';
  root.removeAttribute('style');
  root.removeAttribute('data-text-size');
  root.removeAttribute('data-page');
  root.removeAttribute('data-other-page');
};

afterEach(() => {
  localStorage.clear();
  reset();
  history.replaceState(null, '', '/');
});

const defaults: Settings = {
  theme: 'system',
  textSize: 'medium',
  lang: 'zh-CN',
  listMode: 'compact',
};

/** What is stored, and what the app's schema reads from it (the defaults for anything invalid). */
const cases: [string | null, Settings][] = [
  [null, defaults],
  [
    JSON.stringify({ theme: 'dark', textSize: 'large' }),
    { ...defaults, theme: 'dark', textSize: 'large' },
  ],
  [
    JSON.stringify({ theme: 'light', textSize: 'x-large' }),
    { ...defaults, theme: 'light', textSize: 'x-large' },
  ],
  [JSON.stringify({ theme: 'system', textSize: 'small' }), { ...defaults, textSize: 'small' }],
  [JSON.stringify({ theme: 'dusk', textSize: 'huge' }), defaults],
  ['{not json', defaults],
];

test.each(cases)('the head script sets what the app sets for %s', (value, settings) => {
  if (value !== null) localStorage.setItem('broadsheet:settings', value);
  runScript();
  const fromScript = snapshot();
  reset();
  applySettingsToDocument(settings);
  expect(fromScript).toEqual(snapshot());
});

test.each([
  '/',
  '/index.html',
  '/a/b.html',
  '/a/b',
  '/x/',
  '/x/index.html',
  '/%E5%B8%82%E5%9C%BA/1.html',
])('the head script and the app agree on the page address of %s', (pathname) => {
  history.replaceState(null, '', pathname);
  root.setAttribute('data-page', getPageAddress(pathname));
  runScript();
  expect(root.hasAttribute('data-other-page')).toBe(false);
  root.setAttribute('data-page', '/somewhere/else');
  runScript();
  expect(root.hasAttribute('data-other-page')).toBe(true);
});

test.each([
  ['', false],
  ['?from=singlemessage&isappinstalled=0', false],
  ['?page=1', false],
  ['?page=3', true],
  ['?page=0', false],
  ['?page=two', false],
  ['?tag=%E5%B8%82%E5%9C%BA', true],
  ['?tag=', false],
  ['?from=2024-05-01', true],
  ['?to=2024-05-01', true],
  ['?unread=1', true],
  ['?lang=en', true],
  ['?lang=<b>', false],
])('the head script and the app agree whether %s asks a list for another view', (search, other) => {
  history.replaceState(null, '', `/category/x${search}`);
  root.setAttribute('data-page', '/category/x');
  runScript();
  expect(root.hasAttribute('data-other-page')).toBe(other);
  expect(asksForOtherListView(search)).toBe(other);
});
