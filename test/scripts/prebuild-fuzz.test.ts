/**
 * Property tests: whatever a site holds (front matter, file names, bytes, config), the prebuild
 * never throws, always writes its report and accounts for every file. A failure prints the seed
 * and path; rerun it with `BROADSHEET_FUZZ_SEED=<seed>` (and `BROADSHEET_FUZZ_RUNS` for more).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { buildContent } from '../../scripts/build-content';
import { readPostFile } from '../../scripts/content/read-post';
import { fileResultSchema } from '../../scripts/content/types';
import { buildReportSchema } from '../../src/shared/schema';
import { createTempDir, removeTempDirs, testConfig, writeSite } from './build-fixtures';

afterAll(removeTempDirs);

/** Fixed, so `npm test` is repeatable; override to explore further. */
const SEED = Number(process.env.BROADSHEET_FUZZ_SEED ?? 20261201);
const RUN_FACTOR = Number(process.env.BROADSHEET_FUZZ_RUNS ?? 1);
/** Reading one file takes well under a millisecond: 5,000 cases cost about five seconds. */
const FILE_RUNS = Math.round(5000 * RUN_FACTOR);
/** A whole build writes a temp site and a bundle (about 30 ms each). */
const SITE_RUNS = Math.round(400 * RUN_FACTOR);

const now = new Date('2024-06-01T00:00:00Z');

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const digits = (min: number, max: number, width: number) =>
  fc.integer({ min, max }).map((value) => String(value).padStart(width, '0'));

/** Dates as people and scrapers write them, including impossible days and hours. */
const dateText = fc.oneof(
  fc
    .tuple(
      digits(0, 10_100, 4),
      digits(0, 13, 2),
      digits(0, 32, 2),
      digits(0, 25, 2),
      digits(0, 61, 2),
      digits(0, 61, 2),
      fc.constantFrom('', ' +0800', ' -05:00', 'Z', ' +14', ' +2400', ' UTC', ' CST'),
    )
    .map(([y, mo, d, h, mi, s, zone]) => `${y}-${mo}-${d} ${h}:${mi}:${s}${zone}`),
  fc
    .tuple(digits(0, 9999, 4), digits(0, 13, 2), digits(0, 32, 2))
    .map(([y, mo, d]) => `${y}-${mo}-${d}`),
  fc.constantFrom('2021-02-30 10:00:00 +0800', '20211208', '-0001-01-01 00:00:00', 'Dec 8 2021'),
  anyText,
);

/** YAML values, from plain to hostile (aliases, tags, unclosed flows, huge numbers). */
const yamlValue = fc.oneof(
  dateText,
  dateText.map((text) => JSON.stringify(text)),
  anyText,
  anyText.map((text) => JSON.stringify(text)),
  fc.constantFrom(
    '',
    '~',
    'yes',
    'Off',
    'false',
    '"false"',
    '0',
    '0800',
    '1e400',
    '-.inf',
    '[a, b, [c]]',
    '{a: 1}',
    '[unclosed',
    '"unclosed',
    '&a [*a]',
    '*nowhere',
    '!!binary aGk=',
    '!!timestamp 2021-02-30',
    '!ruby/object:Foo {}',
    '|\n  block\n  text',
    '\n  - one\n  - 2\n  - ~',
    '\n  nested: map',
    ':categories/:year/:nope',
    '/../../:title',
    '/:categories/:title#frag?q',
  ),
);

const key = fc.oneof(
  fc.constantFrom(
    'title',
    'date',
    'categories',
    'category',
    'tags',
    'tag',
    'published',
    'permalink',
    'slug',
    'layout',
  ),
  anyText,
);

const frontMatter = fc
  .array(fc.tuple(key, yamlValue), { maxLength: 8 })
  .map((pairs) => pairs.map(([name, value]) => `${name}: ${value}`).join('\n'));

const bodyPiece = fc.oneof(
  anyText,
  fc.constantFrom(
    '\n',
    '\n\n',
    '> ',
    '<http://example.org/x>',
    '<>',
    '<script>alert(1)</script>',
    '<p>',
    '</div>',
    '```',
    '---',
    '...',
    '{% raw %}',
    '[link](javascript:x)',
    '&#0;',
    '\u3000',
    '\uFEFF',
    '\r\n',
  ),
);
const body = fc.array(bodyPiece, { maxLength: 20 }).map((pieces) => pieces.join(''));

/** A file's bytes: a post of any shape, a damaged one, or raw bytes. */
const fileBytes = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(frontMatter, body).map(([fm, text]) => `---\n${fm}\n---\n${text}`),
    },
    fc.tuple(frontMatter, body).map(([fm, text]) => `\uFEFF\n\n---\r\n${fm}\r\n...\r\n${text}`),
    fc.tuple(frontMatter, body).map(([fm, text]) => `---\n${fm}\n${text}`),
    body,
    fc.constant(''),
    fc.uint8Array({ maxLength: 200 }),
    fc
      .tuple(
        frontMatter,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      )
      .map(([fm, damage]) => {
        // A good post with a few bytes overwritten: stray NULs, broken UTF-8 sequences.
        const bytes = Buffer.from(`---\ntitle: 损坏\n${fm}\n---\n正文。\n`);
        for (const [at, byte] of damage) bytes[at % bytes.length] = byte;
        return bytes;
      }),
  )
  .map((content) => (typeof content === 'string' ? Buffer.from(content) : Buffer.from(content)));

/** A name the file system accepts: no `/`, no NUL, not `.` or `..`, at most 255 bytes. */
const isUsableName = (name: string) =>
  name !== '' &&
  name !== '.' &&
  name !== '..' &&
  !/[/\0]/.test(name) &&
  Buffer.byteLength(name) <= 200;

const slug = fc.oneof(
  fc.constantFrom('post', 'NW202202262290307156', '新闻', 'a.b.', 'x y', '%41', '?', '#', '..'),
  anyText,
);
const extension = fc.constantFrom('.md', '.MARKDOWN', '.html', '.txt', '.yml', '', '.md~', '.');
const baseName = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(digits(0, 10_000, 2), digits(0, 13, 1), digits(0, 40, 2), slug, extension)
        .map(([y, m, d, s, ext]) => `${y}-${m}-${d}-${s}${ext}`),
    },
    fc
      .tuple(fc.constantFrom('.', '_', '#', '~', ''), slug, extension)
      .map(([p, s, ext]) => `${p}${s}${ext}`),
    anyText,
  )
  .filter(isUsableName);
const folder = fc.oneof(
  fc.constant('_posts'),
  fc.constantFrom('caijing', 'Ke Ji', '财经', '%E8').map((name) => `${name}/_posts`),
  fc.constantFrom('2022', 'sub dir', '新').map((name) => `_posts/${name}`),
);
const postPath = fc.tuple(folder, baseName).map(([dir, name]) => `${dir}/${name}`);

const configText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'Asia/Shanghai',
        'UTC',
        'America/New_York',
        'Pacific/Kiritimati',
        'Not/AZone',
        '',
      ),
      fc.constantFrom(
        'date',
        'pretty',
        'none',
        'ordinal',
        '/:year/:nope',
        ':title',
        '/:categories/:i_day/:title/',
        '',
      ),
      yamlValue,
    )
    .map(
      ([zone, permalink, extra]) =>
        `title: 模糊测试\ntimezone: ${zone}\npermalink: ${permalink}\nbroadsheet: ${extra}\n`,
    ),
  yamlValue,
);

test(`reading any one file never throws and every diagnostic names the file and a line (${FILE_RUNS} cases)`, () => {
  fc.assert(
    fc.property(postPath, fileBytes, (file, bytes) => {
      const result = readPostFile(file, bytes, testConfig, now);
      fileResultSchema.parse(result);
      expect(result.kind === 'post' ? result.post.file : result.file).toBe(file);
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.file).toBe(file);
        expect(Number.isInteger(diagnostic.line) && diagnostic.line >= 0).toBe(true);
      }
    }),
    { seed: SEED, numRuns: FILE_RUNS },
  );
});

test(`any site builds, writes its report and accounts for every file (${SITE_RUNS} cases)`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fc.tuple(postPath, fileBytes), {
        minLength: 1,
        maxLength: 8,
        // One entry per path (and per spelling, for case-insensitive file systems).
        selector: ([file]) => file.toLowerCase(),
      }),
      fc.option(configText, { nil: undefined }),
      async (files, config) => {
        // A file cannot stand where another file needs a folder of the same name.
        const paths = files.map(([file]) => file.toLowerCase());
        fc.pre(!paths.some((file) => paths.some((other) => other.startsWith(`${file}/`))));
        const site: Record<string, Uint8Array> = Object.fromEntries(files);
        if (config !== undefined) site['_config.yml'] = Buffer.from(config);
        const source = await writeSite(site);
        const out = await createTempDir('fuzz-out');
        const options = {
          source,
          out,
          strict: false,
          cache: null,
          search: false,
          quietIfUnchanged: false,
          now,
        };
        const result = await buildContent(options);
        const report = buildReportSchema.parse(
          JSON.parse(await readFile(path.join(out, 'build-report.json'), 'utf8')),
        );
        const inputs = files.map(([file]) => file).sort();
        expect(report.inputs).toBe(inputs.length);
        expect(report.inputs).toBe(report.posts + report.skipped.length);
        expect(result.posts + result.skipped).toBe(inputs.length);
        const accounted = [...Object.keys(report.urls), ...report.skipped.map((item) => item.file)];
        expect(accounted.sort()).toEqual(inputs);
        for (const diagnostic of report.diagnostics) {
          expect(Number.isInteger(diagnostic.line) && diagnostic.line >= 0).toBe(true);
          // The build turns a reader's exception into this; the reader itself must not throw.
          expect(diagnostic.message).not.toMatch(/^could not be read/);
        }
      },
    ),
    { seed: SEED, numRuns: SITE_RUNS },
  );
});

test(`a day past the month's end, quoted or not, is never read without a word (${FILE_RUNS / 5} cases)`, () => {
  const impossible = fc
    .tuple(
      fc.integer({ min: 1970, max: 2023 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 29, max: 31 }),
      fc.constantFrom(' 10:00:00 +0800', ' 23:59:59', ' 00:00:00 -05:00', ''),
      fc.boolean(),
    )
    .filter(([year, month, day]) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day)
    .map(([year, month, day, time, quoted]) => {
      const text = `${year}-${String(month).padStart(2, '0')}-${day}${time}`;
      return quoted ? JSON.stringify(text) : text;
    });
  fc.assert(
    fc.property(impossible, (date) => {
      const file = '_posts/2020-01-01-rollover.md';
      const result = readPostFile(
        file,
        Buffer.from(`---\ntitle: 日期\ndate: ${date}\n---\n正文\n`),
        testConfig,
        now,
      );
      expect(result.diagnostics).toContainEqual(
        expect.objectContaining({
          file,
          line: 3,
          message: expect.stringMatching(/is out of range|invalid date/),
        }),
      );
    }),
    { seed: SEED, numRuns: FILE_RUNS / 5 },
  );
});
