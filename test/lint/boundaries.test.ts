/**
 * The boundaries of docs/decisions/005-app-structure.md, as the real lint config enforces them:
 * probe files that are never written, linted as if they lived at the given path.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

/** The rules a probe breaks, in order; empty when lint accepts it. */
async function lintProbe(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

test('a feature may not import another feature, including one created after the config', async () => {
  expect(
    await lintProbe(
      'src/features/newfeature/probe.ts',
      "export { ThemeToggle } from '../settings/components/theme-toggle';\n",
    ),
  ).toEqual(['broadsheet/no-cross-feature-imports']);
  expect(
    await lintProbe(
      'src/features/feed/components/probe.tsx',
      "export { ArticleView } from '../../article/components/article-view';\n",
    ),
  ).toEqual(['broadsheet/no-cross-feature-imports']);
});

test('a feature may import its own files, src/shared and src/lib', async () => {
  expect(
    await lintProbe(
      'src/features/newfeature/probe.ts',
      [
        "export * from '../../shared/paths';",
        "export * from '../../lib/i18n';",
        "export * from './other';",
        '',
      ].join('\n'),
    ),
  ).toEqual([]);
  expect(
    await lintProbe('src/features/feed/components/probe.ts', "export * from '../list-source';\n"),
  ).toEqual([]);
});

test('browser code may not import Node modules, by node: or by bare name', async () => {
  for (const source of ['node:fs', 'fs', 'fs/promises', 'path', 'node:path']) {
    expect(
      await lintProbe('src/features/feed/probe.ts', `export * from '${source}';\n`),
      source,
    ).toEqual(['no-restricted-imports']);
  }
  expect(
    await lintProbe(
      'src/lib/probe.ts',
      "import type { Server } from 'node:http';\nexport type S = Server;\n",
    ),
  ).toEqual(['no-restricted-imports']);
});

test("browser code may not use Node's globals, but may read import.meta.env", async () => {
  for (const name of ['process.env.X', '__dirname', '__filename', 'Buffer', 'require', 'global']) {
    expect(await lintProbe('src/lib/probe.ts', `export const value = ${name};\n`), name).toEqual([
      'no-restricted-globals',
    ]);
  }
  expect(
    await lintProbe(
      'src/features/feed/probe.ts',
      'export const base = import.meta.env.BASE_URL;\n',
    ),
  ).toEqual([]);
});

test('the prebuild may use Node and src/shared, and nothing else of src', async () => {
  expect(
    await lintProbe(
      'scripts/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport * from '../src/shared/paths';\nexport const read = readFileSync;\nexport const env = process.env;\n",
    ),
  ).toEqual([]);
  for (const source of [
    '../src/lib/i18n',
    '../src/features/settings/components/theme-toggle',
    '../src/components/ui/error-view',
    '../src/app/router',
  ]) {
    expect(await lintProbe('scripts/probe.ts', `export * from '${source}';\n`), source).toEqual([
      'import-x/no-restricted-paths',
    ]);
  }
});

test('layers import one way', async () => {
  expect(await lintProbe('src/shared/probe.ts', "export * from '../lib/i18n';\n")).toEqual([
    'import-x/no-restricted-paths',
  ]);
  expect(
    await lintProbe(
      'src/lib/probe.ts',
      "export * from '../features/settings/components/theme-toggle';\n",
    ),
  ).toEqual(['import-x/no-restricted-paths']);
  expect(
    await lintProbe('src/features/feed/probe.ts', "export * from '../../app/router';\n"),
  ).toEqual(['import-x/no-restricted-paths']);
});

test('only the sanitizing component may render HTML', async () => {
  const code =
    'export const Probe = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n';
  expect(await lintProbe('src/features/feed/components/probe.tsx', code)).toEqual([
    'no-restricted-syntax',
  ]);
  expect(await lintProbe('src/features/article/components/post-body.tsx', code)).toEqual([]);
});
