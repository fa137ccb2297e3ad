import { expect, test } from 'vitest';
import {
  formatClock,
  formatDayHeading,
  getDayKey,
  getPreviousDayKey,
  getZoneLabel,
} from '../../src/shared/dates';

const words = { today: '今天', yesterday: '昨天' };

test('days and times are the site timezone’s, not the process clock’s', () => {
  // 23:30 UTC on 31 May is 07:30 on 1 June in Beijing.
  expect(getDayKey('2022-05-31T23:30:00Z', 'Asia/Shanghai')).toBe('2022-06-01');
  expect(formatClock('2022-05-31T23:30:00Z', 'Asia/Shanghai')).toBe('07:30');
  expect(formatClock('2022-06-01T00:05:00+08:00', 'Asia/Shanghai')).toBe('00:05');
  expect(getDayKey('2022-06-01T00:05:00+08:00', 'Asia/Shanghai')).toBe('2022-06-01');
});

test('day headings: 今天, 昨天, then the date and weekday, with the year only when it differs', () => {
  expect(formatDayHeading('2022-06-01', '2022-06-01', words)).toBe('今天');
  expect(formatDayHeading('2022-05-31', '2022-06-01', words)).toBe('昨天');
  expect(formatDayHeading('2022-05-31', '2022-06-02', words)).toBe('5月31日 星期二');
  expect(formatDayHeading('2022-05-31', '2023-01-01', words)).toBe('2022年5月31日 星期二');
  expect(formatDayHeading('2022-05-31', '2022-06-02', words, 'en')).toBe('Tue 31 May');
  expect(getPreviousDayKey('2024-03-01')).toBe('2024-02-29');
  expect(getPreviousDayKey('2022-01-01')).toBe('2021-12-31');
});

test('the zone is named once, as readers know it', () => {
  expect(getZoneLabel('Asia/Shanghai')).toBe('北京时间');
  expect(getZoneLabel('Asia/Shanghai', 'en')).toBe('Beijing time');
  expect(getZoneLabel('UTC')).toMatch(/^UTC \(GMT/);
});
