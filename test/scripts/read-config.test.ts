import { afterAll, expect, test } from 'vitest';
import { readSiteConfig } from '../../scripts/content/read-config';
import { removeSite, writeSite } from './fixtures/write-site';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeSite));
});

async function readConfig(text: string | null) {
  const root = await writeSite(text === null ? {} : { '_config.yml': text });
  roots.push(root);
  return readSiteConfig(root);
}

test('reads title, description, lang, timezone, permalink, url and baseurl', async () => {
  const { config, diagnostics } = await readConfig(
    'title: 金融快讯\ndescription: 示例\nlang: zh-CN\ntimezone: Asia/Shanghai\npermalink: pretty\nurl: https://news.example.com/\nbaseurl: /archive\n',
  );
  expect(diagnostics).toEqual([]);
  const { liquid, ...settings } = config;
  expect(liquid?.data).toEqual({});
  expect(settings).toEqual({
    title: '金融快讯',
    description: '示例',
    lang: 'zh-CN',
    timezone: 'Asia/Shanghai',
    permalink: 'pretty',
    url: 'https://news.example.com',
    baseurl: '/archive',
    archive: [],
    formerHosts: [],
  });
});

test('broadsheet.archive and broadsheet.former_hosts are read; a missing or unusable folder is reported', async () => {
  const root = await writeSite({
    '_config.yml': [
      'title: 档案',
      'broadsheet:',
      '  archive: [old_post, /moved/, ../outside, old_post]',
      '  former_hosts:',
      '    - Early.Example.net',
      '    - https://second.example.net/',
      '',
    ].join('\n'),
    'old_post/.keep': '',
  });
  roots.push(root);
  const { config, diagnostics } = await readSiteConfig(root);
  expect(config.archive).toEqual(['old_post', 'moved']);
  expect(config.formerHosts).toEqual(['early.example.net', 'second.example.net']);
  expect(diagnostics).toEqual([
    expect.objectContaining({
      file: '_config.yml',
      line: 2,
      severity: 'warning',
      message: expect.stringContaining('"moved" does not exist'),
    }),
    expect.objectContaining({
      file: '_config.yml',
      line: 2,
      severity: 'error',
      message: expect.stringContaining('"../outside"'),
    }),
  ]);
});

test('a broadsheet key of the wrong shape is an error and changes nothing', async () => {
  const { config, diagnostics } = await readConfig('broadsheet: yes\n');
  expect(config.archive).toEqual([]);
  expect(diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'error' })]);
});

test('defaults without a config file', async () => {
  const { config, diagnostics } = await readConfig(null);
  expect(diagnostics).toEqual([]);
  expect(config).toMatchObject({
    lang: 'en',
    timezone: 'UTC',
    permalink: 'date',
    url: '',
    baseurl: '',
  });
});

test('invalid YAML is an error with its line, and the defaults apply', async () => {
  const { config, diagnostics } = await readConfig('title: a\npermalink: [x\nlang: zh\n');
  expect(config.permalink).toBe('date');
  expect(diagnostics).toEqual([
    expect.objectContaining({ file: '_config.yml', severity: 'error' }),
  ]);
  expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(2);
});

test('an unknown timezone is an error and falls back to UTC; unsupported settings warn', async () => {
  const { config, diagnostics } = await readConfig('title: a\ntimezone: Mars/Base\nfuture: true\n');
  expect(config.timezone).toBe('UTC');
  expect(diagnostics).toEqual([
    expect.objectContaining({ line: 2, severity: 'error' }),
    expect.objectContaining({
      line: 3,
      severity: 'warning',
      message: expect.stringContaining('future'),
    }),
  ]);
});
