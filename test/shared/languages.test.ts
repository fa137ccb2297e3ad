import { expect, test } from 'vitest';
import { formatDate } from '../../src/shared/dates';
import { formatPageTitle } from '../../src/shared/page-title';
import { parseShell } from '../../scripts/pages/render-head';

test('a post’s date is written the way its language writes dates', () => {
  const iso = '2022-02-26T21:22:00+08:00';
  expect(formatDate(iso, 'Asia/Shanghai', 'zh-CN')).toBe('2022年2月26日');
  expect(formatDate(iso, 'Asia/Shanghai', 'en')).toBe('26 Feb 2022');
  expect(formatDate(iso, 'Asia/Shanghai', 'ja')).toBe('2022年2月26日');
  expect(formatDate(iso, 'Asia/Shanghai', 'de')).toBe('26. Feb. 2022');
  expect(formatDate(iso, 'Asia/Shanghai', 'not a tag!')).toBe('26 Feb 2022');
});

test('a pre-rendered page says its own language in <html lang>', () => {
  const shell = parseShell(
    '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body></body></html>',
  );
  expect(shell.render('<title>a</title>', 'en')).toBe(
    '<!doctype html><html lang="en"><head><title>a</title></head><body></body></html>',
  );
  expect(shell.render('<title>a</title>')).toContain('<html lang="zh-CN">');
});

test('no dangling separator when the site has no title', () => {
  expect(formatPageTitle('文章', '')).toBe('文章');
  expect(formatPageTitle('文章', '站')).toBe('文章 · 站');
  expect(formatPageTitle(null, '站')).toBe('站');
});
