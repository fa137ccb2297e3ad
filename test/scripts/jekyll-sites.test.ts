/**
 * The fixture sites of `fixtures/jekyll-sites.ts`, read by Broadsheet: every file Jekyll
 * published is published at the same URL with the same date, title, categories and tags, and
 * nothing else is. Proven without Jekyll; the oracle test asks Jekyll for the same answers.
 */
import { afterAll, expect, test } from 'vitest';
import { defaultsSite, rubyDatesSite, type AnsweredSite } from './fixtures/jekyll-sites';
import { readFixtureSite } from './fixtures/read-fixture-site';
import { removeSite, writePost, writeSite } from './fixtures/write-site';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeSite));
});

async function readAnswered(site: AnsweredSite) {
  const root = await writeSite(site.files, 'broadsheet-answered-');
  roots.push(root);
  return readFixtureSite(root);
}

for (const [name, site] of Object.entries({
  'Ruby dates and Psych YAML': rubyDatesSite,
  'front matter defaults and collections.posts.permalink': defaultsSite,
})) {
  test(`${name}: published as Jekyll publishes them`, async () => {
    const ours = await readAnswered(site);
    expect(
      Object.fromEntries(
        [...ours.posts].map(([file, post]) => [
          file,
          [post.url, post.date, post.title, post.categories, post.tags],
        ]),
      ),
    ).toEqual(site.jekyll);
  });
}

test('a carried hour is a warning naming the file and the line of the date', async () => {
  const ours = await readAnswered(rubyDatesSite);
  expect(ours.diagnostics).toContainEqual({
    file: '_posts/2023-02-22-hour-29.md',
    line: 3,
    severity: 'warning',
    message:
      'the date "2023-02-22 29:39:08 +0800" is out of range; read as 2023-02-23T05:39:08+08:00, as Jekyll does',
  });
});

test('defaults are applied, not reported as unsupported; a set without values is named', async () => {
  const ours = await readAnswered(defaultsSite);
  expect(ours.diagnostics.filter((diagnostic) => diagnostic.file === '_config.yml')).toEqual([
    {
      file: '_config.yml',
      line: 6,
      severity: 'warning',
      message: '1 set(s) of "defaults" have no "values" mapping; ignored, as Jekyll does',
    },
  ]);
});

test('a post’s language: front matter lang, else defaults, else the site’s', async () => {
  const ours = await readAnswered({
    files: {
      '_config.yml':
        'lang: zh-CN\ndefaults:\n  - scope: { path: "_posts/en" }\n    values: { lang: en }\n',
      '_posts/2021-12-08-site.md': writePost('title: 站点语言'),
      '_posts/en/2021-12-08-default.md': writePost('title: From defaults'),
      '_posts/en/2021-12-08-own.md': writePost('title: 日本語\nlang: ja'),
    },
    jekyll: {},
  });
  expect(Object.fromEntries([...ours.posts].map(([file, post]) => [file, post.lang]))).toEqual({
    '_posts/2021-12-08-site.md': 'zh-CN',
    '_posts/en/2021-12-08-default.md': 'en',
    '_posts/en/2021-12-08-own.md': 'ja',
  });
});
