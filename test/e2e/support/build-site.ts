/**
 * Builds a site the way `npm run build` does (prebuild → vite build → postbuild), but from any
 * site folder into any dist folder, without touching `public/data`. The e2e runner builds the test
 * sites with it, and tests that need a rebuild (update prompt, new posts) call it again.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

/** Run a command from the repo root; resolves with its output, rejects with it on failure. */
export function runCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}:\n${output}`),
        );
    });
  });
}

export type SiteBuildOptions = {
  /** Jekyll site root. */
  site: string;
  /** Scratch folder for this build (public dir copy, prebuild cache). */
  work: string;
  dist: string;
  base?: string;
  /** Changes the app bundle (and so its service worker), as a new release would. */
  appVersion?: string;
};

/** Prebuild the site's bundle into `<work>/public/data`, with the repo's other public files beside it. */
async function prebuild(options: SiteBuildOptions): Promise<string> {
  const publicDir = path.join(options.work, 'public');
  mkdirSync(publicDir, { recursive: true });
  for (const entry of readdirSync(path.join(repoRoot, 'public'))) {
    if (entry !== 'data')
      cpSync(path.join(repoRoot, 'public', entry), path.join(publicDir, entry), {
        recursive: true,
      });
  }
  await runCommand(bin('tsx'), [
    'scripts/build-content.ts',
    '--source',
    options.site,
    '--out',
    path.join(publicDir, 'data'),
    '--cache',
    path.join(options.work, 'cache'),
  ]);
  return publicDir;
}

function getEnv(options: SiteBuildOptions): Record<string, string> {
  return {
    BASE_PATH: options.base ?? '/',
    ...(options.appVersion ? { BROADSHEET_APP_VERSION: options.appVersion } : {}),
  };
}

/** The whole build: prebuild, vite build into `dist`, then the per-page HTML, feeds and sitemap. */
export async function buildSite(options: SiteBuildOptions): Promise<void> {
  const publicDir = await prebuild(options);
  await runCommand(
    bin('vite'),
    ['build', '--outDir', options.dist, '--emptyOutDir', '--logLevel', 'warn'],
    {
      ...getEnv(options),
      BROADSHEET_PUBLIC_DIR: publicDir,
    },
  );
  await runCommand(bin('tsx'), ['scripts/build-pages.ts', '--dist', options.dist], getEnv(options));
}

/** A content-only rebuild (new posts, same app): the bundle and pages change, the shell does not. */
export async function rebuildContent(options: SiteBuildOptions): Promise<void> {
  const publicDir = await prebuild(options);
  rmSync(path.join(options.dist, 'data'), { recursive: true, force: true });
  cpSync(path.join(publicDir, 'data'), path.join(options.dist, 'data'), { recursive: true });
  await runCommand(bin('tsx'), ['scripts/build-pages.ts', '--dist', options.dist], getEnv(options));
}
