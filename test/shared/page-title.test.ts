import { expect, test } from 'vitest';
import { formatFeedTitle, getWebAppNames } from '../../src/shared/page-title';

test("the installed app is named after the site's title, with a short name that fits a launcher", () => {
  expect(getWebAppNames('金融消息')).toEqual({ name: '金融消息', short_name: '金融消息' });
  expect(getWebAppNames('金融消息 · 演示')).toEqual({
    name: '金融消息 · 演示',
    short_name: '金融消息 · 演示',
  });
  expect(getWebAppNames('金融消息 | 东方财富、财联社与每日经济新闻的滚动快讯')).toEqual({
    name: '金融消息 | 东方财富、财联社与每日经济新闻的滚动快讯',
    short_name: '金融消息',
  });
  expect(getWebAppNames('The Evening Wire Financial Archive').short_name).toBe('The Evening');
  expect(getWebAppNames('东方财富与财联社与每日经济新闻滚动快讯').short_name).toBe(
    '东方财富与财联社与每日经',
  );
  expect(getWebAppNames('  ')).toEqual({ name: 'Broadsheet', short_name: 'Broadsheet' });
});

test('a category feed is titled by the site and the category', () => {
  expect(formatFeedTitle('金融消息', '财联社')).toBe('金融消息 | 财联社');
  expect(formatFeedTitle('', '财联社')).toBe('财联社');
});
