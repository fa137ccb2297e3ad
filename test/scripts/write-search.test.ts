/**
 * The search parts: planned without building a record, tagged by what is indexed, bounded by
 * the indexed characters, indexed in parallel, each in a Pagefind process of its own.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, expect, test, vi } from 'vitest';
import type { CustomRecord } from 'pagefind';
import {
  PART_CHARS,
  createSearchIndexer,
  planSearchParts,
  toSearchRecords,
  writeSearchFiles,
} from '../../scripts/content/write-search';
import type { SourcePost } from '../../scripts/content/types';
import { MAX_INDEXED_CHARS, WORD_BREAK, toIndexedText } from '../../src/shared/search-text';
import { createSourcePost, createTempDir, removeTempDirs } from './build-fixtures';

const counted = vi.hoisted(() => ({ indexedTexts: 0 }));
vi.mock('../../src/shared/search-text', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/shared/search-text')>();
  return {
    ...original,
    toIndexedText: (title: string, text: string) => {
      counted.indexedTexts++;
      return original.toIndexedText(title, text);
    },
  };
});

afterAll(removeTempDirs);

/** `perMonth` posts on each of the first days of `months` months of 2022, oldest first. */
function createPosts(months: number, perMonth: number): SourcePost[] {
  const posts: SourcePost[] = [];
  for (let month = 1; month <= months; month++)
    for (let n = 0; n < perMonth; n++) {
      const day = `2022-${String(month).padStart(2, '0')}-0${1 + (n % 3)}`;
      posts.push(
        createSourcePost(`m${month}n${n}`, `${day} ${String(10 + n).padStart(2, '0')}:00:00`, {
          title: `第${month}月消息${n}`,
          text: `正文 month ${month} 第${n}条 市场 A股 行情`,
          tags: [`标签${n % 2}`],
        }),
      );
    }
  return posts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

async function collect(
  parts: ReturnType<typeof planSearchParts>,
  cache: string | null,
  concurrency?: number,
) {
  const files = new Map<string, Buffer>();
  // The Pagefind processes alive when the first file arrives: every lane has started by then.
  let alive: number | null = null;
  const stats = await writeSearchFiles(
    parts,
    cache,
    (name, bytes) => {
      alive ??= listPagefindChildren().filter((line) => !/ Z/.test(line)).length;
      files.set(name, Buffer.from(bytes));
    },
    { concurrency },
  );
  return { files, stats, alive };
}

/** The Pagefind processes this process started and that are still there (zombies included). */
function listPagefindChildren(): string[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,stat=,comm=', '--ppid', String(process.pid)], {
      encoding: 'utf8',
    });
  } catch {
    // ps exits with 1 when there is no such process.
  }
  return out.split('\n').filter((line) => line.includes('pagefind'));
}

/** Pagefind's processes once they had a moment to exit after being told to. */
async function pagefindChildren(): Promise<string[]> {
  for (let attempt = 0; attempt < 40 && listPagefindChildren().length > 0; attempt++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return listPagefindChildren();
}

test('planning the parts builds no indexed text; a part tags what its records are made of', () => {
  const posts = createPosts(2, 6);
  counted.indexedTexts = 0;
  const parts = planSearchParts(posts, 'zh-CN');
  expect(counted.indexedTexts).toBe(0);
  expect(parts.map((part) => [part.first, part.last, part.posts])).toEqual([
    ['2022-01-01', '2022-01-03', 6],
    ['2022-02-01', '2022-02-03', 6],
  ]);

  const tagOf = (change: Partial<SourcePost>) => {
    const changed = posts.map((post, at) => (at === 2 ? { ...post, ...change } : post));
    const [part] = planSearchParts(changed, 'zh-CN');
    return { tag: part?.tag, records: part ? toSearchRecords(part) : [] };
  };
  const base = tagOf({});
  const post = posts[2] as SourcePost;
  const long = '长'.repeat(MAX_INDEXED_CHARS);
  const variants: [string, Partial<SourcePost>][] = [
    // Not indexed: the same records, the same tag.
    ['html', { html: '<p>其他</p>' }],
    ['excerpt', { excerpt: '其他' }],
    ['file', { file: '_posts/other.md' }],
    ['word breaks in the text', { text: `${WORD_BREAK}${post.text}` }],
    ['a category in other case', { categories: post.categories.map((name) => name.toUpperCase()) }],
    ['a repeated tag', { tags: [...post.tags, ...post.tags] }],
    // Indexed: other records, another tag.
    ['title', { title: `${post.title}!` }],
    ['word breaks in the title', { title: `${WORD_BREAK}${post.title}` }],
    ['text', { text: `${post.text}。` }],
    ['url', { url: `${post.url}?x` }],
    ['date', { date: post.date.replace('T1', 'T0') }],
    ['category', { categories: ['other'] }],
    ['tag', { tags: ['其他'] }],
  ];
  for (const [name, change] of variants) {
    const variant = tagOf(change);
    const sameRecords = JSON.stringify(variant.records) === JSON.stringify(base.records);
    expect(variant.tag === base.tag, name).toBe(sameRecords);
  }
  expect(tagOf({ text: `${long}一` }).tag, 'text past the indexed stretch').toBe(
    tagOf({ text: `${long}二` }).tag,
  );
  expect(tagOf({ text: `${long}一` }).tag).not.toBe(base.tag);
});

test('a part holds as many whole days as fit in PART_CHARS indexed characters', () => {
  // Each post indexes about 3 × 3,000 characters (a word break either side of each CJK one).
  const posts: SourcePost[] = [];
  for (let day = 1; day <= 12; day++)
    for (let n = 0; n < 20; n++)
      posts.push(
        createSourcePost(
          `d${day}n${n}`,
          `2022-05-${String(day).padStart(2, '0')} 10:${String(n).padStart(2, '0')}:00`,
          {
            text: `${'市场行情'.repeat(700 + day)} ${n} plain words`,
          },
        ),
      );
  const parts = planSearchParts(posts, 'zh-CN');
  expect(parts.length).toBeGreaterThan(1);
  const dayChars = new Map<string, number>();
  for (const post of posts) {
    const day = post.date.slice(0, 10);
    dayChars.set(day, (dayChars.get(day) ?? 0) + toIndexedText(post.title, post.text).length);
  }
  for (const [at, part] of parts.entries()) {
    const chars = toSearchRecords(part).reduce((sum, record) => sum + record.content.length, 0);
    expect(chars).toBeLessThanOrEqual(PART_CHARS);
    const next = parts[at + 1];
    if (next) expect(chars + (dayChars.get(next.first) ?? 0)).toBeGreaterThan(PART_CHARS);
  }
});

test('parts indexed two at a time, each in a Pagefind process of its own, give the bytes of one at a time', async () => {
  const parts = planSearchParts(createPosts(3, 5), 'zh-CN');
  expect(parts).toHaveLength(3);
  const one = await collect(parts, null, 1);
  const two = await collect(parts, null, 2);
  expect(one.stats).toMatchObject({ indexes: 3, indexed: 3, processes: 1 });
  expect(two.stats).toMatchObject({ indexes: 3, indexed: 3, processes: 2 });
  expect([one.alive, two.alive]).toEqual([1, 2]);
  expect([...two.files.keys()]).toEqual([...one.files.keys()]);
  for (const [name, bytes] of one.files)
    expect(two.files.get(name)?.equals(bytes), name).toBe(true);
  expect(await pagefindChildren()).toEqual([]);
});

test('a rebuild builds the records of the parts it indexes again, and of no other', async () => {
  const cache = await createTempDir('search-cache');
  const posts = createPosts(3, 5);
  await collect(planSearchParts(posts, 'zh-CN'), cache);
  counted.indexedTexts = 0;
  const unchanged = await collect(planSearchParts(posts, 'zh-CN'), cache);
  expect(unchanged.stats).toMatchObject({ indexed: 0, reused: 3, processes: 0 });
  expect(counted.indexedTexts).toBe(0);
  const added = [
    ...posts,
    createSourcePost('new', '2022-03-03 23:00:00', { title: '新消息', text: '新的正文' }),
  ];
  const rebuilt = await collect(planSearchParts(added, 'zh-CN'), cache);
  expect(rebuilt.stats).toMatchObject({ indexed: 1, reused: 2, processes: 1 });
  expect(counted.indexedTexts).toBe(6);
  const fresh = await collect(planSearchParts(added, 'zh-CN'), null);
  expect([...rebuilt.files.keys()]).toEqual([...fresh.files.keys()]);
  for (const [name, bytes] of fresh.files)
    expect(rebuilt.files.get(name)?.equals(bytes), name).toBe(true);
});

test("Pagefind's errors reach the caller with the part named, and every Pagefind process ends", async () => {
  const indexer = createSearchIndexer(2);
  const broken = { url: '/a/', content: 42, language: 'en' } as unknown as CustomRecord;
  await expect(indexer.index('en', [broken])).rejects.toThrow(/Pagefind/);
  const good: CustomRecord = { url: '/b/', content: '正常的内容', language: 'zh-cn' };
  const files = await indexer.index('zh-cn', [good]);
  expect([...files.keys()]).toContain('pagefind-entry.json');
  await indexer.close();
  expect(await pagefindChildren()).toEqual([]);

  const [part] = planSearchParts(createPosts(1, 1), 'zh-CN');
  if (!part) throw new Error('no part');
  const unsendable = {
    ...part,
    sources: [{ ...part.sources[0], url: 42 } as unknown as SourcePost],
  };
  await expect(writeSearchFiles([unsendable], null, () => {})).rejects.toThrow(
    /search index zh-cn\/2022-01-01-\w+\/ \(2022-01-01…2022-01-01\): .*Pagefind/,
  );
  expect(await pagefindChildren()).toEqual([]);
});
