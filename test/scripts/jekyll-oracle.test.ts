/**
 * Jekyll is the oracle: fixture sites (and the real sample archive, when it is next to the
 * repo) are read by Broadsheet and built by `jekyll build`, and the published posts and their
 * URLs must agree. These tests skip when `jekyll` is not installed (CI installs only a browser);
 * the unit tests in read-*.test.ts pin the same rules without it.
 */
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parseRubyTime } from '../../scripts/content/read-date';
import { escapePath, slugify, titleizeSlug } from '../../scripts/content/read-permalink';
import {
  buildWithJekyll,
  isAddressableInstalled,
  isJekyllInstalled,
  type JekyllBuild,
} from './fixtures/jekyll';
import { readFixtureSite, type ReadSite } from './fixtures/read-fixture-site';
import { PSYCH_DIVERGENCES, RUBY_TIME_PARSE } from './fixtures/ruby-answers';
import { defaultsSite, rubyDatesSite } from './fixtures/jekyll-sites';
import {
  getLinks,
  JEKYLL_LIQUID_LINKS,
  JEKYLL_LIQUID_TEXT,
  liquidSite,
} from './fixtures/liquid-site';
import { getHeadingIds, JEKYLL_KRAMDOWN, kramdownSite } from './fixtures/kramdown-site';
import { getPlainText } from '../../scripts/content/read-markdown';
import { removeSite, writePost, writeSite, type SiteFiles } from './fixtures/write-site';

const hasJekyll = isJekyllInstalled();
const hasAddressable = isAddressableInstalled();
const sampleArchive = path.resolve(import.meta.dirname, '../../../shared/corpus/finews-sample');
const hasSampleArchive = await stat(sampleArchive).then(
  (info) => info.isDirectory(),
  () => false,
);

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeSite));
});

/** Files where we knowingly differ from Jekyll (docs/decisions/003-jekyll-rules.md). */
const KNOWN_DIFFERENCES: Record<string, string> = {
  '_posts/2021-12-20-blank-line-first.md':
    'front matter after a blank line is read (the URL stays the one Jekyll gave)',
  '_posts/2021-12-21-broken-yaml.md': 'invalid YAML is skipped, not published at a build-time URL',
  '_posts/2021-12-22-nul-bytes.md': 'a file with NUL bytes is skipped as binary',
};

const posts: SiteFiles = {
  '_posts/2021-12-08-plain.md': writePost(
    'title: 普通新闻\ndate: 2021-12-08 14:03:00\ncategories: Markets Finance\ntags: 央行 利率',
  ),
  '_posts/2021-12-08-with-offset.md': writePost(
    'title: 有时区\ndate: 2021-12-08 23:30:00 +0800\ncategories: [财经, 新闻]',
  ),
  '_posts/2021-12-08-near-midnight.md': writePost('title: 午夜\ndate: 2021-12-08 20:00:00'),
  '_posts/2022-01-01-quoted-date.md': writePost('title: 引号日期\ndate: "2021-12-31 23:00:00"'),
  '_posts/2022-03-01-date-only.md': writePost('title: 只有日期\ndate: 2022-03-04'),
  '_posts/2022-02-30-rollover.md': writePost('title: 不存在的日期'),
  '_posts/2021-12-09-新闻 稿.md': writePost('title: 中文文件名\ncategories: 中国 财经'),
  '_posts/2021-12-09-singular.md': writePost('title: 单数\ncategory: Foo Bar\ntag: 港股 美股'),
  '_posts/2021-12-09-both.md': writePost(
    'title: 两者\ncategories: [a, B]\ncategory: C D\ntags: [x, y]',
  ),
  'Markets/_posts/2021-12-10-folder.md': writePost('title: 文件夹\ncategories: extra Markets'),
  'News/_posts/sub/2021-12-10-deep.md': writePost('title: 深层'),
  '_posts/sub dir/2021-12-10-inner.md': writePost('title: 子目录'),
  '_posts/2021-12-11-unpublished.md': writePost('title: 不发布\npublished: false'),
  '_posts/2021-12-11-string-false.md': writePost('title: 字符串\npublished: "false"'),
  '_posts/2021-12-11-no.md': writePost('title: no\npublished: no'),
  '_posts/2021-12-11-null.md': writePost('title: 空\npublished:'),
  '_posts/2021-12-11-zero.md': writePost('title: 零\npublished: 0'),
  '_posts/2099-01-01-future.md': writePost('title: 未来'),
  '_posts/2021-12-11-bare.md': '没有头信息的正文。\n',
  '_posts/2021-12-12-page.html': writePost('title: HTML'),
  '_posts/2021-12-12-notes.txt': '纯文本\n',
  '_posts/notes.txt': '笔记\n',
  '_posts/2021-12-13-backup.md~': writePost('title: 备份'),
  '_posts/.2021-12-13-hidden.md': writePost('title: 隐藏'),
  '_posts/_2021-12-13-under.md': writePost('title: 下划线'),
  '_posts/#2021-12-13-hash.md': writePost('title: 井号'),
  '_posts/2021-12-14-slug-fm.md': writePost('title: 自定义\nslug: Custom Slug!'),
  '_posts/2021-12-15-own-permalink.md': writePost('title: 自带\npermalink: /custom/:year/:title/'),
  "_posts/2021-12-16-special chars (1) & co's.md": writePost('title: 特殊'),
  '_posts/2021-12-17-trailing...md': writePost('title: 点'),
  '_posts/2021-12-18-upper.MD': writePost('title: 大写'),
  '_posts/2021-12-18-bom.md': `\uFEFF${writePost('title: BOM\ncategories: bom')}`,
  '_posts/2021-12-18-crlf.md': writePost(
    'title: CRLF\ncategories: crlf\ndate: 2021-12-18 01:02:03 +0800',
    '正文\r\n',
  ).replaceAll('\n', '\r\n'),
  '_posts/21-1-5-short-year.md': writePost('title: 两位年'),
  '_posts/2021-12-19-query.md': writePost('title: 问号\ncategories: ["q?a", "c#d", "a:b", "Ünï"]'),
  '_posts/2021-12-19-data.yml': 'title: 数据\n',
  '_posts/2021-12-19-numbers.md': writePost(
    'title: 2021\ncategories: [2021, 1.5, true]\ntags: [1, 2]',
  ),
  '_posts/2021-12-19-yaml-time-z.md': writePost('title: Z\ndate: 2021-12-19T23:59:59Z'),
  '_posts/2021-12-20-blank-line-first.md': `\n${writePost('title: 空行\ncategories: blank')}`,
  '_posts/2021-12-21-broken-yaml.md': writePost('title: "未闭合\ncategories: a'),
  '_posts/2021-12-22-nul-bytes.md': writePost('title: NUL', 'a\u0000b\n'),
  '_posts/2021-12-23-latin1.md': Buffer.concat([
    Buffer.from(writePost('title: latin1')),
    Buffer.from([0xe9, 0x0a]),
  ]),
  '_posts/2021-12-24-empty-title.md': writePost('title: ""\ncategories: emnews'),
  '_posts/2021-12-26-cjk-permalink.md': writePost(
    'title: 专栏\ncategories: [观点 评论]\npermalink: /新闻 专栏/:categories/:title.html',
  ),
  '_posts/2021-12-27-unpublished-bad-permalink.md': writePost(
    'title: 草稿\npublished: false\npermalink: /:nope/:title',
  ),
  '_posts/2021-12-26-pretty-own.md': writePost('title: 目录\npermalink: /:year/:slug/'),
  // Ruby's dates and Psych's YAML, under every permalink style too.
  ...Object.fromEntries(
    Object.entries(rubyDatesSite.files).filter(([file]) => file !== '_config.yml'),
  ),
  '_posts/2021-12-25-unknown-keys.md': writePost(
    'title: 其他\nlayout: post\nauthor: 某人\nfoo: [1, 2]',
  ),
};

async function readBoth(
  files: SiteFiles,
  now = new Date(),
): Promise<{ ours: ReadSite; jekyll: JekyllBuild }> {
  const root = await writeSite(files, 'broadsheet-oracle-');
  roots.push(root);
  const ours = await readFixtureSite(root, now);
  const jekyll = await buildWithJekyll(root);
  return { ours, jekyll };
}

/** Compares which files are posts and their URLs (and dates, titles, categories, tags). */
function compareWithJekyll(
  ours: ReadSite,
  jekyll: JekyllBuild,
  known: Record<string, string>,
): string[] {
  if (!jekyll.ok) return [`jekyll failed:\n${jekyll.log}`];
  const problems: string[] = [];
  for (const file of ours.files) {
    const theirs = jekyll.posts[file];
    const mine = ours.posts.get(file);
    if (file in known) {
      continue;
    }
    if (!theirs && mine) problems.push(`${file}: a post for us at ${mine.url}, not for Jekyll`);
    if (theirs && !mine)
      problems.push(
        `${file}: a post for Jekyll at ${theirs.url}, skipped by us (${ours.skipped.get(file)})`,
      );
    if (!theirs || !mine) continue;
    if (theirs.url !== mine.url) problems.push(`${file}: url ${mine.url} ≠ Jekyll ${theirs.url}`);
    if (theirs.date !== mine.date)
      problems.push(`${file}: date ${mine.date} ≠ Jekyll ${theirs.date}`);
    if (
      typeof theirs.title === 'string' &&
      theirs.title.trim() !== '' &&
      theirs.title.trim() !== mine.title
    ) {
      problems.push(`${file}: title ${mine.title} ≠ Jekyll ${theirs.title}`);
    }
    // Jekyll can list a category twice (a number and its text); we list it once.
    const theirCategories = [...new Set((theirs.categories ?? []).map(String))].filter(
      (category) => category !== '',
    );
    if (JSON.stringify(theirCategories) !== JSON.stringify(mine.categories)) {
      problems.push(
        `${file}: categories ${JSON.stringify(mine.categories)} ≠ Jekyll ${JSON.stringify(theirCategories)}`,
      );
    }
    if (JSON.stringify((theirs.tags ?? []).map(String)) !== JSON.stringify(mine.tags)) {
      problems.push(
        `${file}: tags ${JSON.stringify(mine.tags)} ≠ Jekyll ${JSON.stringify(theirs.tags)}`,
      );
    }
  }
  for (const file of Object.keys(jekyll.posts)) {
    if (!ours.files.includes(file))
      problems.push(`${file}: published by Jekyll but not listed as an input`);
  }
  return problems;
}

const styles = [
  'date',
  'pretty',
  'ordinal',
  'weekdate',
  'none',
  '/:categories/:year/:i_month/:i_day/:short_year/:hour:minute:second/:slug/:title:output_ext',
  '/:year_:month/:path/:name/:slugified_categories:output_ext',
  '/:collection/:w_year/:week/:w_day/:long_day/:short_month/:long_month/:y_day/:title/',
];

for (const style of styles) {
  test.skipIf(!hasJekyll)(`posts and URLs match Jekyll with permalink "${style}"`, async () => {
    const { ours, jekyll } = await readBoth({
      '_config.yml': `title: 测试站\ntimezone: Asia/Shanghai\npermalink: ${JSON.stringify(style)}\n`,
      ...posts,
    });
    expect(compareWithJekyll(ours, jekyll, KNOWN_DIFFERENCES)).toEqual([]);
    // Where we differ from Jekyll, the post is still either published or reported as skipped.
    expect(ours.posts.size + ours.skipped.size).toBe(ours.files.length);
  });
}

test.skipIf(!hasJekyll)(
  'posts and URLs match Jekyll for a site without timezone or permalink',
  async () => {
    const { ours, jekyll } = await readBoth({ '_config.yml': 'title: x\n', ...posts });
    expect(compareWithJekyll(ours, jekyll, KNOWN_DIFFERENCES)).toEqual([]);
  },
);

test.skipIf(!hasJekyll)('the known differences are what the decision record says', async () => {
  const { ours, jekyll } = await readBoth({ '_config.yml': 'timezone: Asia/Shanghai\n', ...posts });
  expect(jekyll.ok).toBe(true);
  if (!jekyll.ok) return;
  // Jekyll reads no front matter after a blank line: no category, a file-name URL.
  expect(jekyll.posts['_posts/2021-12-20-blank-line-first.md']?.url).toBe(
    '/2021/12/20/blank-line-first.html',
  );
  // We read the front matter but keep Jekyll's URL, the one readers bookmarked.
  expect(ours.posts.get('_posts/2021-12-20-blank-line-first.md')?.url).toBe(
    '/2021/12/20/blank-line-first.html',
  );
  expect(ours.posts.get('_posts/2021-12-20-blank-line-first.md')?.categories).toEqual(['blank']);
  // Jekyll publishes a post with broken YAML dated at build time; we skip it with an error.
  expect(jekyll.posts['_posts/2021-12-21-broken-yaml.md']).toBeDefined();
  expect(ours.skipped.get('_posts/2021-12-21-broken-yaml.md')).toBe('invalid front matter');
  expect(jekyll.posts['_posts/2021-12-22-nul-bytes.md']).toBeDefined();
  expect(ours.skipped.get('_posts/2021-12-22-nul-bytes.md')).toBe('binary file');
});

const fatalDates: Record<string, string> = {
  'garbage date': writePost('title: 坏日期\ndate: 不是日期'),
  'empty date': writePost('title: 空日期\ndate:'),
  'offset only': writePost('title: 只有时区\ndate:  +0800'),
};

for (const [name, content] of Object.entries(fatalDates)) {
  test.skipIf(!hasJekyll)(
    `Jekyll stops on a post with a ${name}; we skip it with an error`,
    async () => {
      const file = '_posts/2021-12-08-bad-date.md';
      const { ours, jekyll } = await readBoth({
        '_config.yml': 'timezone: Asia/Shanghai\n',
        [file]: content,
      });
      expect(jekyll.ok).toBe(false);
      expect(ours.skipped.get(file)).toBe('invalid date');
      expect(ours.diagnostics).toContainEqual(
        expect.objectContaining({ file, line: 3, severity: 'error' }),
      );
    },
  );
}

test.skipIf(!hasJekyll)(
  'Jekyll stops on a file name with month 13; we skip it with an error',
  async () => {
    const file = '_posts/2021-13-01-bad-month.md';
    const { ours, jekyll } = await readBoth({
      '_config.yml': 'title: x\n',
      [file]: writePost('title: 十三月'),
    });
    expect(jekyll.ok).toBe(false);
    expect(ours.skipped.get(file)).toBe('invalid date');
  },
);

test.skipIf(!hasAddressable)(
  'escapePath agrees with the Addressable gem Jekyll escapes URLs with',
  () => {
    const samples = [
      'a b',
      '财经',
      'q?a',
      'c#d#e',
      'a:b',
      'x%20y',
      '[x]',
      '100%',
      "it's (1) & co",
      'Ünï/新闻',
      'a+b=c;d,e',
      '~tilde_under.dot',
      '"quoted"<>',
      'a\\b|c^d`e{f}',
      'emoji😀',
    ];
    const script =
      'require "addressable/uri"; STDIN.read.split("\\n").each { |s| puts Addressable::URI.encode(s).sub("#", "%23") }';
    const result = spawnSync('ruby', ['-e', script], {
      input: samples.join('\n'),
      encoding: 'utf8',
    });
    const expected = result.stdout.trimEnd().split('\n');
    expect(
      samples.map((sample) => {
        const escaped = escapePath(sample);
        return escaped.ok ? escaped.path : escaped.message;
      }),
    ).toEqual(expected);
  },
);

test.skipIf(!hasJekyll || !hasSampleArchive)(
  'every URL of the sample archive matches Jekyll',
  async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-sample-'));
    roots.push(root);
    await cp(path.join(sampleArchive, '_posts'), path.join(root, '_posts'), { recursive: true });
    await cp(path.join(sampleArchive, '_config.yml'), path.join(root, '_config.yml'));
    const ours = await readFixtureSite(root);
    const jekyll = await buildWithJekyll(root);
    // Two files start with a blank line: Jekyll publishes them without front matter.
    const blankFirst = Object.fromEntries(
      ours.diagnostics
        .filter((diagnostic) => diagnostic.message.startsWith('blank line before the front matter'))
        .map((diagnostic) => [diagnostic.file, 'blank line first']),
    );
    expect(compareWithJekyll(ours, jekyll, blankFirst)).toEqual([]);
    expect(Object.keys(blankFirst).length).toBeLessThanOrEqual(2);
    // Their front matter is read, but their URLs are still the ones Jekyll gave them.
    if (!jekyll.ok) throw new Error('jekyll build failed');
    for (const file of Object.keys(blankFirst)) {
      expect(ours.posts.get(file)?.url).toBe(jekyll.posts[file]?.url);
    }
    expect(ours.posts.size + ours.skipped.size).toBe(ours.files.length);
    await rm(root, { recursive: true, force: true });
  },
);

test.skipIf(!hasJekyll)('slugify and titleizeSlug agree with Jekyll::Utils', () => {
  const samples = [
    'Hello World',
    "Special chars (1) & co's!",
    '新闻 稿',
    'Ünïcödé Straße',
    '--lead-and-trail--',
    'a.b~c!d$e&f(g)h+i,j;k=l@m',
    'tab\there',
    'emoji😀text',
    'العربية نص',
  ];
  const script = [
    'require "jekyll"',
    'STDIN.read.split("\\n").each do |s|',
    '  puts [Jekyll::Utils.slugify(s), Jekyll::Utils.slugify(s, mode: "pretty", cased: true),',
    '        Jekyll::Utils.titleize_slug(s)].join("\\t")',
    'end',
  ].join('\n');
  const result = spawnSync('ruby', ['-e', script], { input: samples.join('\n'), encoding: 'utf8' });
  const expected = result.stdout.trimEnd().split('\n');
  expect(
    samples.map((sample) =>
      [slugify(sample, 'default'), slugify(sample, 'pretty'), titleizeSlug(sample)].join('\t'),
    ),
  ).toEqual(expected);
});

test.skipIf(!hasJekyll)(
  "parseRubyTime agrees with Ruby's Time.parse on the formats it accepts",
  () => {
    const samples = [
      '2021-12-08',
      '2021-12-08 14:03:00',
      '2021-12-08 14:03:00 +0800',
      '2021-12-08 14:03:00 -0530',
      '2021-12-08 14:03:00+08:00',
      '2021-12-08T14:03:00Z',
      '2021-12-08 14:03:00 UTC',
      '2021-12-08 14:03',
      '2021-12-8 1:2:3',
      '2021/12/08',
      '20211208',
      '21-1-5',
      '99-12-31',
      '2022-02-30',
      '2021-02-29 23:00:00',
      '2021-12-08 24:00:00',
      '2021-12-08 14:59:60',
      '2021-03-28 02:30:00',
      '2021-13-01',
      '2021-12-32',
      '2021-12-08 14:60:00',
      'garbage',
      ' +0800',
      '',
      '2023-02-22 +0800',
      '2023-02-22 -0500',
      '2023-02-22 +08:00',
      '2023-02-22 UTC',
      '2023-02-22 Z',
      '2023-02-22 29:39:08 +0800',
      '2023-02-22 29:39 +0800',
      '2023-02-22T29:00:00+08:00',
      '2023-02-22 24:30:00 +0800',
      '2023-02-22 99:00:00 +0800',
      '2023-02-22 100:00:00 +0800',
      '2023-01-31 99:00:00 +0800',
      '2023-01-31 29:00:00 -0500',
      '2023-01-31 47:00:00 -0500',
      '2023-12-31 29:00:00 +0800',
      '2023-02-28 47:00:00 +0800',
      '2023-02-31 29:00:00 +0800',
      '2023-02-22 29:00:00 UTC',
      '2023-02-22 29:00:00 +0000',
      '2023-02-22 25:00:00 Z',
      '2023-02-22 29:39:08',
      '2023-02-22 24:00:00',
      '2023-02-22 23:60:00 +0800',
      '2023-02-22 10:70:00 +0800',
      '2023-02-22 23:59:60 +0800',
      '2023-02-22 29:00:00 +0530',
      '2023-03-01 01:00:00 +0930',
      '2023-02-30 10:00:00 +0800',
    ];
    const script =
      'require "time"; STDIN.read.split("\\n", -1).each { |s| begin; puts Time.parse(s).to_i; rescue ArgumentError; puts "error"; end }';
    const zone = 'Europe/London';
    const result = spawnSync('ruby', ['-e', script], {
      input: samples.join('\n'),
      encoding: 'utf8',
      env: { ...process.env, TZ: zone },
    });
    const expected = result.stdout.trimEnd().split('\n');
    expect(
      samples.map((sample) => {
        const parsed = parseRubyTime(sample, zone);
        return parsed.ok ? String(Math.floor(parsed.instant / 1000)) : 'error';
      }),
    ).toEqual(expected);
  },
);

test.skipIf(!hasJekyll)('the hard-coded Ruby answers are what Ruby answers', () => {
  const timeScript =
    'require "time"; STDIN.read.split("\\n").each { |s| begin; puts Time.parse(s).localtime.strftime("%Y-%m-%dT%H:%M:%S%:z"); rescue ArgumentError; puts "error"; end }';
  for (const [column, zone] of [
    [1, 'Asia/Shanghai'],
    [2, 'Europe/London'],
  ] as const) {
    const result = spawnSync('ruby', ['-e', timeScript], {
      input: RUBY_TIME_PARSE.map((row) => row[0]).join('\n'),
      encoding: 'utf8',
      env: { ...process.env, TZ: zone },
    });
    expect(result.stdout.trimEnd().split('\n')).toEqual(RUBY_TIME_PARSE.map((row) => row[column]));
  }
  const yamlScript =
    'require "yaml"; require "date"; require "json"; STDIN.read.split("\\0").each { |s| begin; puts JSON.generate(YAML.safe_load(s, permitted_classes: [Date, Time])); rescue Psych::SyntaxError; puts "error"; end }';
  const result = spawnSync('ruby', ['-e', yamlScript], {
    input: PSYCH_DIVERGENCES.map((row) => row[0]).join('\0'),
    encoding: 'utf8',
  });
  expect(
    result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => (line === 'error' ? line : JSON.parse(line))),
  ).toEqual(PSYCH_DIVERGENCES.map((row) => row[1]));
});

for (const [name, site] of Object.entries({
  'Ruby dates and Psych YAML': rubyDatesSite,
  'front matter defaults and collections.posts.permalink': defaultsSite,
})) {
  test.skipIf(!hasJekyll)(`${name}: Jekyll publishes what the fixture says it does`, async () => {
    const root = await writeSite(site.files, 'broadsheet-oracle-');
    roots.push(root);
    const jekyll = await buildWithJekyll(root);
    if (!jekyll.ok) throw new Error(jekyll.log);
    expect(
      Object.fromEntries(
        Object.entries(jekyll.posts).map(([file, post]) => [
          file,
          [
            post.url,
            post.date,
            post.title,
            (post.categories ?? []).map(String),
            (post.tags ?? []).map(String),
          ],
        ]),
      ),
    ).toEqual(site.jekyll);
  });
}

test.skipIf(!hasJekyll)(
  'a style name in collections.posts.permalink is taken as written, as Jekyll does',
  async () => {
    const { ours, jekyll } = await readBoth({
      '_config.yml': 'collections:\n  posts:\n    permalink: /:year/pretty\n',
      '_posts/2021-12-08-a.md': writePost('title: a'),
    });
    expect(compareWithJekyll(ours, jekyll, {})).toEqual([]);
  },
);

test.skipIf(!hasJekyll)(
  'the Liquid fixture site renders as the hard-coded Jekyll answers say',
  async () => {
    const root = await writeSite(liquidSite, 'broadsheet-oracle-');
    roots.push(root);
    const jekyll = await buildWithJekyll(root);
    if (!jekyll.ok) throw new Error(jekyll.log);
    const content = jekyll.posts['_posts/2021-12-02-liquid.md']?.content ?? '';
    expect(getPlainText(content)).toBe(JEKYLL_LIQUID_TEXT);
    expect(getLinks(content)).toEqual(JEKYLL_LIQUID_LINKS);
  },
);

test.skipIf(!hasJekyll)(
  'the kramdown fixture site renders as the hard-coded Jekyll answers say',
  async () => {
    const root = await writeSite(kramdownSite, 'broadsheet-oracle-');
    roots.push(root);
    const jekyll = await buildWithJekyll(root);
    if (!jekyll.ok) throw new Error(jekyll.log);
    for (const [file, expected] of Object.entries(JEKYLL_KRAMDOWN)) {
      const content = jekyll.posts[file]?.content ?? '';
      expect({ text: getPlainText(content), ids: getHeadingIds(content) }).toEqual(expected);
    }
  },
);
