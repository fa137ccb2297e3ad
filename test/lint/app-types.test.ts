/**
 * The app's typecheck knows no Node: tsconfig.app.json, as `tsc -b` uses it, rejects Node modules
 * and globals in src/ (a probe file that is never written), and still knows `import.meta.env`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The messages tsc gives for `code` as a file in src/ under the app's compiler options. */
function typecheckProbe(code: string): string[] {
  const configFile = path.join(root, 'tsconfig.app.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
  const probe = path.join(root, 'src', 'types-probe.ts');
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === probe
      ? ts.createSourceFile(file, code, language)
      : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  const program = ts.createProgram([probe], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

test('src/ cannot see Node modules or globals', { timeout: 30_000 }, () => {
  const messages = typecheckProbe(
    [
      "import { readFileSync } from 'node:fs';",
      'export const read = readFileSync;',
      'export const env = process.env.X;',
      'export const here = __dirname;',
      'export const bytes = Buffer.from("x");',
      '',
    ].join('\n'),
  );
  expect(messages).toEqual([
    expect.stringContaining("Cannot find module 'node:fs'"),
    expect.stringContaining("Cannot find name 'process'"),
    expect.stringContaining("Cannot find name '__dirname'"),
    expect.stringContaining("Cannot find name 'Buffer'"),
  ]);
});

test('src/ may read import.meta.env', { timeout: 30_000 }, () => {
  expect(typecheckProbe('export const base: string = import.meta.env.BASE_URL;\n')).toEqual([]);
});
