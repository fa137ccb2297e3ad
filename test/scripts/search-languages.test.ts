/** A multilingual site gets one search index per language: each post goes to its own language's. */
import { expect, test } from 'vitest';
import { planSearchParts, toSearchRecords } from '../../scripts/content/write-search';
import type { SourcePost } from '../../scripts/content/types';
import { createSourcePost } from './build-fixtures';

function createPost(n: number, lang: string): SourcePost {
  return createSourcePost(`post${n}`, `2023-05-0${n} 10:00:00`, {
    title: `Post ${n}`,
    categories: [],
    tags: [],
    lang,
  });
}

test("posts are indexed in their own language, the site's when they name none", () => {
  const posts = [
    createPost(1, 'zh-CN'),
    createPost(2, 'en'),
    createPost(3, ''),
    createPost(4, 'ja'),
  ];
  const parts = planSearchParts(posts, 'zh-CN');
  const languages = parts.map((part) => part.language).sort();
  expect(languages).toEqual(['en', 'ja', 'zh-cn']);
  const chinese = parts.find((part) => part.language === 'zh-cn');
  expect(chinese?.posts).toBe(2);
  expect(chinese ? toSearchRecords(chinese).map((record) => record.language) : []).toEqual([
    'zh-cn',
    'zh-cn',
  ]);
});
