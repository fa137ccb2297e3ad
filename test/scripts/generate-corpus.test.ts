import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createCorpus } from '../../scripts/corpus/create-corpus';
import { generateSite, parseGenerateArgs } from '../../scripts/generate-corpus';
import { createTempDir, readTree, removeTempDirs } from './build-fixtures';

afterAll(removeTempDirs);

function getText(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

test('the same seed gives the same site, another seed another one', async () => {
  const a = await createTempDir('gen');
  const b = await createTempDir('gen');
  generateSite({ posts: 60, seed: 3, out: a, withBroken: true });
  generateSite({ posts: 60, seed: 3, out: b, withBroken: true });
  expect(await readTree(b)).toEqual(await readTree(a));
  const other = [...createCorpus({ posts: 60, seed: 4 })].map((file) => file.path);
  const first = [...createCorpus({ posts: 60, seed: 3 })].map((file) => file.path);
  expect(other).not.toEqual(first);
});

test('a regenerated site holds exactly the posts asked for', async () => {
  const out = await createTempDir('gen');
  generateSite({ posts: 30, seed: 1, out, withBroken: true });
  generateSite({ posts: 10, seed: 1, out });
  expect(await readdir(path.join(out, '_posts'))).toHaveLength(10);
  expect(await readFile(path.join(out, '_config.yml'), 'utf8')).toContain(
    'timezone: Asia/Shanghai',
  );
});

test('posts come in the archive shapes, most of them in the rolling feed', () => {
  const files = [...createCorpus({ posts: 2000, seed: 11 })]
    .slice(1)
    .map((file) => getText(file.content));
  const rolling = files.filter((text) => text.includes('categories: fnnews')).length;
  expect(rolling / files.length).toBeGreaterThan(0.8);
  expect(rolling / files.length).toBeLessThan(0.92);
  const categories = new Set(files.map((text) => /categories: (\S+)/.exec(text)?.[1]));
  expect(categories.size).toBeGreaterThan(20);
  const has = (pattern: RegExp) => files.some((text) => pattern.test(text));
  expect(has(/^date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0800$/m)).toBe(true);
  expect(has(/^date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/m)).toBe(true);
  expect(has(/^> \S/m)).toBe(true);
  expect(has(/<p class="em_media">（文章来源：/)).toBe(true);
  expect(has(/<center><img src=/)).toBe(true);
  expect(has(/^<http:\/\/\S+>$/m)).toBe(true);
  expect(has(/\]\(\.\.\/fnnews\/\)\n\[返回首页\]\(\.\.\/\)/)).toBe(true);
  expect(has(/\]\(\.\/fnnews\/\)/)).toBe(true);
  expect(has(/\(\/\/[a-z.-]+\/category\/[a-z]+\.html\)｜\[返回首页\]/)).toBe(true);
  expect(has(/\r\n/)).toBe(true);
});

test('a file name carries the post date of its front matter', () => {
  for (const file of [...createCorpus({ posts: 200, seed: 5 })].slice(1)) {
    const day = /^_posts\/(\d{4}-\d{2}-\d{2})-/.exec(file.path)?.[1];
    expect(getText(file.content)).toContain(`date: ${day} `);
  }
});

test('--archive-dir lays the site out like the real archive: the last days in _posts/, the rest moved', async () => {
  const out = await createTempDir('gen');
  const options = parseGenerateArgs([
    ...['--posts', '1500', '--out', out, '--max-gap', '20'],
    ...['--archive-dir', 'old_post', '--recent-days', '3'],
  ]);
  if (options === 'help') throw new Error('unexpected help');
  generateSite(options);
  const recent = await readdir(path.join(out, '_posts'));
  const moved = await readdir(path.join(out, 'old_post'));
  expect(recent.length + moved.length).toBe(1500);
  expect(recent.length).toBeGreaterThan(0);
  expect(moved.length).toBeGreaterThan(recent.length);
  const day = (name: string) => Date.parse(name.slice(0, 10));
  const newest = Math.max(...recent.map(day));
  // File names carry the Shanghai day, so the cut shows at day resolution.
  expect(Math.max(...moved.map(day))).toBeLessThanOrEqual(newest - 2 * 86_400_000);
  expect(Math.min(...recent.map(day))).toBeGreaterThanOrEqual(newest - 4 * 86_400_000);
  expect(await readFile(path.join(out, '_config.yml'), 'utf8')).toContain(
    'broadsheet:\n  archive: [old_post]\n',
  );
  // Moving changes nothing but the folder: the same files as without an archive folder.
  const flat = [...createCorpus({ posts: 1500, seed: 1, maxGapMinutes: 20 })].slice(1);
  expect([...recent, ...moved].sort()).toEqual(flat.map((file) => path.basename(file.path)).sort());
  expect(() => parseGenerateArgs(['--posts', '1', '--out', out, '--recent-days', '3'])).toThrow(
    '--recent-days needs --archive-dir',
  );
});
