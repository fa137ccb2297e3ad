import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  createHugoScaffold,
  readConfigValue,
  toHugoPost,
  writeHugoSite,
} from '../../scripts/bench/hugo-site';
import {
  checkTarget,
  describeMachine,
  renderTable,
  renderTargets,
  type Machine,
  type Target,
} from '../../scripts/bench/report';
import { formatSummary, summarize, summarizeFields } from '../../scripts/bench/stats';

describe('summaries', () => {
  test('median of an odd count is the middle value, with min and max', () => {
    expect(summarize([9, 1, 5])).toEqual({ median: 5, min: 1, max: 9, runs: 3 });
  });

  test('median of an even count is the mean of the two middle values', () => {
    expect(summarize([4, 1, 3, 10])).toEqual({ median: 3.5, min: 1, max: 10, runs: 4 });
  });

  test('one run is its own median; failed (non-finite) runs are left out; none is n/a', () => {
    expect(summarize([2.5])).toEqual({ median: 2.5, min: 2.5, max: 2.5, runs: 1 });
    expect(summarize([Number.NaN, 7, Number.POSITIVE_INFINITY])).toEqual({
      median: 7,
      min: 7,
      max: 7,
      runs: 1,
    });
    expect(summarize([]).runs).toBe(0);
    expect(formatSummary(summarize([]), 's')).toBe('n/a');
  });

  test('summarizes each field of like records', () => {
    const runs = [
      { seconds: 3, peak: 100 },
      { seconds: 1, peak: 300 },
      { seconds: 2, peak: 200 },
    ];
    const result = summarizeFields(runs, ['seconds', 'peak']);
    expect(result.seconds.median).toBe(2);
    expect(result.peak).toEqual({ median: 200, min: 100, max: 300, runs: 3 });
  });

  test('formats the median with its spread and the number of runs', () => {
    expect(formatSummary(summarize([12.34, 11.9, 13.04]), 's')).toBe('12.3 s (11.9–13.0, 3 runs)');
    expect(formatSummary(summarize([150]), 'MiB', 0)).toBe('150 MiB (1 run)');
    expect(formatSummary(summarize([95, 97]), '', 0)).toBe('96 (95–97, 2 runs)');
  });
});

describe('the Markdown writer', () => {
  test('writes a header, a separator and one line per row', () => {
    expect(
      renderTable(
        ['size', 'time'],
        [
          [1000, '5 s'],
          ['10000', '40 s'],
        ],
      ),
    ).toBe(['| size | time |', '| --- | --- |', '| 1000 | 5 s |', '| 10000 | 40 s |'].join('\n'));
  });

  test('escapes pipes, folds line breaks and pads short rows', () => {
    expect(renderTable(['a', 'b', 'c'], [['x|y', 'one\ntwo']])).toBe(
      ['| a | b | c |', '| --- | --- | --- |', '| x\\|y | one two |  |'].join('\n'),
    );
  });

  const target = (value: number | null, comparison: Target['comparison'], limit: number) =>
    checkTarget({ name: 'n', figure: 'f', shown: 's', value, comparison, limit }).verdict;

  test('checks each kind of target, and says when a figure is missing', () => {
    expect(target(39.9, 'below', 40)).toBe('met');
    expect(target(40, 'below', 40)).toBe('missed');
    expect(target(150, 'at-most', 150)).toBe('met');
    expect(target(150.1, 'at-most', 150)).toBe('missed');
    expect(target(95, 'at-least', 95)).toBe('met');
    expect(target(94, 'at-least', 95)).toBe('missed');
    expect(target(null, 'below', 1)).toBe('not measured');
    expect(target(Number.NaN, 'below', 1)).toBe('not measured');
  });

  test('prints each figure next to its target with the verdict', () => {
    const table = renderTargets([
      {
        name: 'cold prebuild',
        figure: '31.0 s (1 run)',
        shown: '< 40 s',
        value: 31,
        comparison: 'below',
        limit: 40,
      },
    ]);
    expect(table.split('\n')[2]).toBe('| cold prebuild | 31.0 s (1 run) | < 40 s | met |');
  });

  const machine: Machine = {
    cpu: 'Example CPU',
    cores: 2,
    ramGiB: 8,
    os: 'Example OS',
    node: 'v20.0.0',
    loadBefore: 0.2,
    loadAfter: 0.4,
    loadPeak: 2.1,
  };

  test('describes the machine without host names or paths, and says when it was shared', () => {
    const quiet = describeMachine(machine);
    expect(quiet).toContain('Example CPU, 2 cores, 8 GiB RAM, Example OS, Node v20.0.0.');
    expect(quiet).not.toContain('shared');
    expect(quiet).not.toContain(os.hostname());
    expect(describeMachine({ ...machine, loadBefore: 6.5 })).toContain('was shared');
  });
});

describe('the Hugo site converter', () => {
  const post =
    '---\nlayout: post\ntitle: "样例标题"\ndate: 2023-04-05 09:30:00 +0800\ncategories: demo\ntags: 样例\n---\n<p>正文一段。</p>\n';

  test('moves a post under content/posts with its front matter kept as written', () => {
    expect(toHugoPost('2023-04-05-sample-post.md', post)).toEqual({
      path: 'content/posts/2023-04-05-sample-post.md',
      content: post,
    });
  });

  test('normalizes line breaks, keeps .html posts as HTML, and skips files that are not posts', () => {
    expect(toHugoPost('2023-04-05-x.md', post.replaceAll('\n', '\r\n'))?.content).toBe(post);
    expect(toHugoPost('2023-04-05-x.html', post)?.path).toBe('content/posts/2023-04-05-x.html');
    expect(toHugoPost('notes.md', post)).toBeNull();
    expect(toHugoPost('2023-04-05-plain.md', 'no front matter')?.content).toBe(
      '---\n---\nno front matter',
    );
  });

  test('configures raw HTML, taxonomies and a capped feed, with a template per page kind', () => {
    const files = createHugoScaffold({ title: '示例 "存档"', lang: 'zh-CN' });
    const config = files.find((file) => file.path === 'hugo.toml')?.content ?? '';
    expect(config).toContain('title = "示例 \\"存档\\""');
    expect(config).toContain('unsafe = true');
    expect(config).toContain('category = "categories"');
    expect(config).toContain('rssLimit = 10');
    expect(files.map((file) => file.path).sort()).toEqual([
      'hugo.toml',
      'layouts/_default/list.html',
      'layouts/_default/single.html',
      'layouts/index.html',
    ]);
  });

  test('reads flat config values, quoted or not', () => {
    const config = 'title: "财经存档"\nlang: zh-CN\ndescription:\n';
    expect(readConfigValue(config, 'title')).toBe('财经存档');
    expect(readConfigValue(config, 'lang')).toBe('zh-CN');
    expect(readConfigValue(config, 'description')).toBeNull();
    expect(readConfigValue(config, 'url')).toBeNull();
  });

  const work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-hugo-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const hasHugo = spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;

  test('writes a site from a Jekyll folder, which Hugo builds when it is installed', () => {
    const jekyll = path.join(work, 'jekyll');
    mkdirSync(path.join(jekyll, '_posts'), { recursive: true });
    writeFileSync(path.join(jekyll, '_config.yml'), 'title: 测试站\nlang: zh-CN\n');
    writeFileSync(path.join(jekyll, '_posts', '2023-04-05-sample-post.md'), post);
    writeFileSync(path.join(jekyll, '_posts', 'README.txt'), 'not a post');
    const hugoSite = path.join(work, 'hugo');
    expect(writeHugoSite(jekyll, hugoSite)).toBe(1);
    expect(readFileSync(path.join(hugoSite, 'hugo.toml'), 'utf8')).toContain('title = "测试站"');
    if (!hasHugo) return;
    const out = path.join(work, 'public');
    const built = spawnSync('hugo', ['--quiet', '--source', hugoSite, '--destination', out], {
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    const page = readFileSync(
      path.join(out, 'posts', '2023-04-05-sample-post', 'index.html'),
      'utf8',
    );
    expect(page).toContain('<h1>样例标题</h1>');
    expect(page).toContain('<time>2023-04-05 09:30</time>');
    expect(page).toContain('<p>正文一段。</p>');
    expect(readFileSync(path.join(out, 'categories', 'demo', 'index.html'), 'utf8')).toContain(
      '样例标题',
    );
  });
});
