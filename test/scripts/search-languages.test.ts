/** A multilingual site gets one search index per language: each post goes to its own language's. */
import { expect, test } from 'vitest';
import { planSearchParts } from '../../scripts/content/write-search';
import type { SourcePost } from '../../scripts/content/types';

function createPost(n: number, lang: string): SourcePost {
  const title = `Post ${n}`;
  return {
    file: `_posts/2023-05-0${n}-post${n}.md`,
    url: `/2023/05/0${n}/post${n}.html`,
    title,
    date: `2023-05-0${n}T10:00:00+08:00`,
    categories: [],
    tags: [],
    html: `<p>${title}</p>`,
    text: title,
    excerpt: title,
    chars: title.length,
    lang,
    source: null,
    page: null,
  };
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
  expect(chinese?.records).toHaveLength(2);
});
