import { expect, test } from 'vitest';
import type { PostSummary } from '../../src/shared/schema';
import { foldCrossPosts, groupByDay, pickHomeItems } from '../../src/features/feed/list-items';
import { splitHeadline } from '../../src/components/ui/headline-text';

const names = new Map([
  ['kuaixun', '快讯社'],
  ['ribao', '某某日报'],
  ['wanbao', '晚报'],
]);

function post(url: string, date: string, title: string, category: string): PostSummary {
  return {
    url,
    date,
    title,
    categories: [category],
    tags: [],
    excerpt: '',
    chars: 0,
    lang: 'zh-CN',
  };
}

test('a story cross-posted in the same minute by other sources folds into one row naming them', () => {
  const items = foldCrossPosts(
    [
      post('/a', '2022-05-31T09:31:40+08:00', '央行公布虚构数据', 'kuaixun'),
      post('/b', '2022-05-31T09:31:05+08:00', '央行公布虚构数据 ', 'ribao'),
      // Same source again: a second report, kept.
      post('/c', '2022-05-31T09:31:00+08:00', '央行公布虚构数据', 'kuaixun'),
      // Another minute: another row.
      post('/d', '2022-05-31T09:30:00+08:00', '央行公布虚构数据', 'wanbao'),
      post('/e', '2022-05-31T09:30:00+08:00', '别的消息', 'ribao'),
    ],
    names,
  );
  expect(items.map((item) => [item.post.url, item.sources])).toEqual([
    ['/a', ['快讯社', '某某日报']],
    ['/c', ['快讯社']],
    ['/d', ['晚报']],
    ['/e', ['某某日报']],
  ]);
  expect(items[0]?.copies.map((copy) => copy.url)).toEqual(['/b']);
});

test('rows are grouped by the day in the site timezone', () => {
  const items = foldCrossPosts(
    [
      post('/a', '2022-06-01T00:10:00+08:00', '一', 'kuaixun'),
      post('/b', '2022-05-31T23:50:00+08:00', '二', 'kuaixun'),
      post('/c', '2022-05-31T08:00:00+08:00', '三', 'kuaixun'),
    ],
    names,
  );
  expect(
    groupByDay(items, 'Asia/Shanghai').map((group) => [
      group.day,
      group.items.map((item) => item.post.url),
    ]),
  ).toEqual([
    ['2022-06-01', ['/a']],
    ['2022-05-31', ['/b', '/c']],
  ]);
});

test('the home shows a story once: not again under its source, nor under a second source', () => {
  const home = {
    latest: [
      post('/k1', '2022-05-31T10:00:00+08:00', '头条', 'kuaixun'),
      post('/r1', '2022-05-31T10:00:00+08:00', '头条', 'ribao'),
    ],
    sections: [
      {
        category: 'kuaixun',
        posts: [
          post('/k1', '2022-05-31T10:00:00+08:00', '头条', 'kuaixun'),
          post('/k2', '2022-05-31T09:00:00+08:00', '二条', 'kuaixun'),
          post('/k3', '2022-05-31T08:00:00+08:00', '三条', 'kuaixun'),
        ],
      },
      {
        category: 'ribao',
        posts: [
          post('/r2', '2022-05-31T09:00:00+08:00', '二条', 'ribao'),
          post('/r3', '2022-05-31T07:00:00+08:00', '日报独家', 'ribao'),
        ],
      },
    ],
  };
  const { stream, sections } = pickHomeItems(home, names, 5);
  expect(stream.map((item) => item.sources)).toEqual([['快讯社', '某某日报']]);
  expect(sections.map((section) => section.items.map((item) => item.post.url))).toEqual([
    ['/k2', '/k3'],
    ['/r3'],
  ]);
});

test('headlines break between words, with punctuation kept on the word before it', () => {
  const runs = splitHeadline('推动产业升级，“十四五”规划发布');
  expect(runs.join('')).toBe('推动产业升级，“十四五”规划发布');
  expect(runs).toContain('推动');
  expect(runs.some((run) => run.endsWith('，'))).toBe(true);
  expect(runs.some((run) => run.startsWith('，') || run.endsWith('“'))).toBe(false);
});
