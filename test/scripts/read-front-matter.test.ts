import { expect, test } from 'vitest';
import {
  parseFrontMatter,
  parseFrontMatterFully,
  splitFrontMatter,
  YamlDate,
  YamlTime,
} from '../../scripts/content/read-front-matter';
import { PSYCH_DIVERGENCES } from './fixtures/ruby-answers';

test('front matter ends at the next --- or ... line; the body keeps its line number', () => {
  expect(splitFrontMatter('---\ntitle: a\n---\n正文\n')).toMatchObject({
    yaml: '---\ntitle: a\n',
    body: '正文\n',
    bodyLine: 4,
  });
  expect(splitFrontMatter('---\ntitle: a\n...\n正文')).toMatchObject({ body: '正文' });
  expect(splitFrontMatter('---\n---\n正文')).toMatchObject({ yaml: '---\n', body: '正文' });
});

test('no front matter: the whole file is the body; an unclosed block is flagged', () => {
  expect(splitFrontMatter('正文\n---\n')).toMatchObject({
    yaml: null,
    body: '正文\n---\n',
    unclosed: false,
  });
  expect(splitFrontMatter('---\ntitle: a\n正文')).toMatchObject({ yaml: null, unclosed: true });
  expect(splitFrontMatter('----\ntitle: a\n---\n')).toMatchObject({ yaml: null });
});

test('blank lines before the front matter are counted', () => {
  expect(splitFrontMatter('\n  \n---\ntitle: a\n---\nb')).toMatchObject({
    yamlLine: 3,
    leadingBlankLines: 2,
    bodyLine: 6,
    body: 'b',
  });
});

test('YAML 1.1 scalars as Psych reads them', () => {
  const parsed = parseFrontMatter(
    '---\na: yes\nb: Off\nc: y\nd: 2021-12-08\ne: 2021-12-08 14:03:00\nf: 2022-02-30\ng: 0800\nh: "2021-12-08"\n',
    1,
  );
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.data).toMatchObject({
    a: true,
    b: false,
    c: 'y',
    f: '2022-02-30',
    g: '0800',
    h: '2021-12-08',
  });
  expect(parsed.data.d).toEqual(new YamlDate(2021, 12, 8));
  expect(parsed.data.e).toEqual(new YamlTime(Date.parse('2021-12-08T14:03:00Z')));
});

test('repeated keys keep the last value, as Psych does; a list is not a mapping', () => {
  expect(parseFrontMatter('---\ntitle: a\ntitle: b\n', 1)).toEqual({
    ok: true,
    data: { title: 'b' },
  });
  expect(parseFrontMatter('---\n- a\n', 7)).toMatchObject({ ok: false, line: 7 });
});

test('the fast path for simple front matter agrees with the full YAML parser', () => {
  const values = [
    '"央行宣布下调存款准备金率"',
    '"带 \\"引号\\" 和 \\\\ 的标题"',
    "'单引号 ''内''的标题'",
    '普通文本',
    'Markets Finance',
    '2021-12-08 14:03:00',
    '2021-12-08 14:03:00 +0800',
    '2021-12-08T14:03:00Z',
    '2021-12-08',
    '2022-02-30',
    ' +0800',
    'yes',
    'Off',
    'y',
    'n',
    '~',
    'null',
    'NULL',
    '0800',
    '007',
    '12',
    '1.5',
    '1:20',
    '.inf',
    '"false"',
    'false',
    'a: b',
    'tail #comment',
    'C#',
    'a,b',
    '[a, b]',
    '{a: 1}',
    '&anchor value',
    '!tag value',
    '<b>粗体</b>',
    'http://example.com/a?b=c',
    '',
    '- item',
  ];
  for (const value of values) {
    const yaml = `---\nlayout: post\ntitle: ${value}\n# a comment\n\ndate: 2021-12-08 10:00:00\n`;
    expect(parseFrontMatter(yaml, 1), value).toEqual(parseFrontMatterFully(yaml, 1));
  }
  for (const key of ['yes', 'on', 'null', '12', 'a b', 'x-y', '_z']) {
    const yaml = `---\n${key}: 1\n`;
    expect(parseFrontMatter(yaml, 1), key).toEqual(parseFrontMatterFully(yaml, 1));
  }
});

test('quoted scalars and flow collections continued on an unindented line are read as Psych reads them', () => {
  for (const [yaml, psych] of PSYCH_DIVERGENCES) {
    const parsed = parseFrontMatter(`---\n${yaml}`, 1);
    expect([yaml, parsed.ok ? parsed.data : 'error']).toEqual([yaml, psych]);
  }
});
