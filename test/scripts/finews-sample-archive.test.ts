/**
 * The real archive's `old_post/` folder, when the sample is next to the repo (it is test data
 * kept outside the project, so this skips without it).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildReportSchema, manifestSchema } from '../../src/shared/schema';
import { buildContent } from '../../scripts/build-content';
import { createTempDir, readTree, removeTempDirs } from './build-fixtures';

afterAll(removeTempDirs);

const sample = path.resolve(import.meta.dirname, '../../../shared/corpus/finews-sample');
const hasSample = existsSync(path.join(sample, 'old_post'));

test.skipIf(!hasSample)(
  'the sample old_post posts are in the bundle, the moved twin once',
  async () => {
    const out = await createTempDir('sample-out');
    const result = await buildContent({
      source: sample,
      out,
      strict: false,
      cache: null,
      search: false,
      quietIfUnchanged: false,
      now: new Date('2026-01-01T00:00:00Z'),
      archive: ['old_post'],
    });
    const tree = await readTree(out);
    const readJson = (name: string): unknown =>
      JSON.parse(tree.get(name)?.toString('utf8') ?? 'null');
    const report = buildReportSchema.parse(readJson('build-report.json'));
    const manifest = manifestSchema.parse(readJson('manifest.json'));
    const archived = (await readdir(path.join(sample, 'old_post'))).map(
      (name) => `old_post/${name}`,
    );
    const inPosts = await readdir(path.join(sample, '_posts'));

    expect(report.inputs).toBe(inPosts.length + archived.length);
    expect(report.inputs).toBe(report.posts + report.skipped.length);
    for (const file of archived)
      expect(report.urls[file]).toMatch(/^\/emnews\/2021\/12\/08\/\d+\.html$/);

    // The files in both folders: the archive copy stays; both files are named in a warning.
    const twins = archived.filter((file) => inPosts.includes(path.basename(file)));
    expect(twins.length).toBeGreaterThan(0);
    for (const twin of twins) {
      const moved = `_posts/${path.basename(twin)}`;
      expect(report.skipped).toContainEqual({ file: moved, reason: `moved to ${twin}` });
      const warning = result.diagnostics.find(
        (item) => item.file === moved && item.message.includes(twin),
      );
      expect(warning).toMatchObject({ severity: 'warning' });
      expect(warning?.message).toContain('its content differs');
    }
    // The footers of the archived copies name the site's earlier host.
    expect(manifest.site.hosts).toContain('finews.zning.me');
  },
);
