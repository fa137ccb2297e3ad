import { afterAll, expect, test } from 'vitest';
import { compareCodePoints, listPostFiles } from '../../scripts/content/read-site';
import { removeSite, writeSite } from './fixtures/write-site';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeSite));
});

test('every file under every _posts folder Jekyll reads, sorted by code point', async () => {
  const root = await writeSite({
    '_config.yml': 'title: x\n',
    '_posts/2021-12-08-a.md': 'a',
    '_posts/notes.txt': 'n',
    '_posts/2021-12-08-a.md~': 'b',
    '_posts/.hidden': 'h',
    '_posts/sub/deeper/2021-12-09-b.md': 'b',
    'news/_posts/2021-12-10-c.md': 'c',
    'news/deep/_posts/2021-12-11-d.md': 'd',
    '_site/_posts/2021-12-12-e.md': 'built output',
    '_drafts/_posts/2021-12-12-e.md': 'special folder',
    'node_modules/x/_posts/2021-12-12-e.md': 'dependency',
    'vendor/bundle/_posts/2021-12-12-e.md': 'gems',
    '.git/_posts/2021-12-12-e.md': 'git',
    'index.md': 'page',
  });
  roots.push(root);
  expect(await listPostFiles(root)).toEqual([
    '_posts/.hidden',
    '_posts/2021-12-08-a.md',
    '_posts/2021-12-08-a.md~',
    '_posts/notes.txt',
    '_posts/sub/deeper/2021-12-09-b.md',
    'news/_posts/2021-12-10-c.md',
    'news/deep/_posts/2021-12-11-d.md',
  ]);
});

test('archive folders are listed recursively, each file once, and a missing one holds nothing', async () => {
  const root = await writeSite({
    '_posts/2021-12-10-new.md': 'n',
    'old_post/2021-12-08-a.md': 'a',
    'old_post/.hidden.md': 'h',
    'old_post/2021/12/2021-12-07-b.md': 'b',
    // Found both as a `_posts` folder and inside the archive folder: listed once.
    'old_post/_posts/2021-12-06-c.md': 'c',
    'pages/2021-12-08-page.md': 'a page, not an archive folder',
  });
  roots.push(root);
  expect(await listPostFiles(root, ['old_post', 'missing'])).toEqual([
    '_posts/2021-12-10-new.md',
    'old_post/.hidden.md',
    'old_post/2021-12-08-a.md',
    'old_post/2021/12/2021-12-07-b.md',
    'old_post/_posts/2021-12-06-c.md',
  ]);
});

test('a site without posts lists nothing', async () => {
  const root = await writeSite({ 'index.md': 'page' });
  roots.push(root);
  expect(await listPostFiles(root)).toEqual([]);
});

test('code point order differs from UTF-16 order above U+FFFF', () => {
  expect(['\u{1F600}', '\uFF01'].sort(compareCodePoints)).toEqual(['\uFF01', '\u{1F600}']);
});
