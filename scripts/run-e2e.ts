/**
 * `npm run test:e2e [-- vitest filters]`: builds the e2e test site (the demo archive plus hostile
 * fixture posts) at `/` and at `/finews/`, serves it as a host without rewrites would, and as
 * one with an SPA fallback, then runs the browser tests against it and exits with their code.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './ensure-chromium';
import { startServer, type RunningServer } from './serve';
import { buildSite, repoRoot } from '../test/e2e/support/build-site';
import { writeFixtureSite } from '../test/e2e/support/fixture-site';

async function main(): Promise<number> {
  const chrome = ensureChromium();
  // E2E_REUSE=<folder kept by E2E_KEEP> skips the builds, for quick reruns while writing tests.
  const reuse = process.env.E2E_REUSE;
  const work = reuse ?? mkdtempSync(path.join(os.tmpdir(), 'broadsheet-e2e-'));
  const servers: RunningServer[] = [];
  try {
    const site = path.join(work, 'site');
    const rootDist = path.join(work, 'dist-root');
    const subDist = path.join(work, 'dist-finews');
    if (!reuse) {
      writeFixtureSite(path.join(repoRoot, 'content'), site);
      const started = performance.now();
      console.log('e2e: building the test site at / and at /finews/ …');
      await Promise.all([
        buildSite({ site, work: path.join(work, 'build-root'), dist: rootDist }),
        buildSite({ site, work: path.join(work, 'build-finews'), dist: subDist, base: '/finews/' }),
      ]);
      console.log(`e2e: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    const pages = await startServer({ root: rootDist });
    servers.push(pages);
    const spa = await startServer({ root: rootDist, spa: true });
    servers.push(spa);
    const sub = await startServer({ root: subDist, base: '/finews/' });
    servers.push(sub);

    const env = {
      CHROME_PATH: chrome,
      E2E_WORK: work,
      E2E_SITE: site,
      E2E_DIST: rootDist,
      E2E_URL: pages.url,
      E2E_SPA_URL: spa.url,
      E2E_SUB_URL: sub.url,
    };
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(
        path.join(repoRoot, 'node_modules', '.bin', 'vitest'),
        ['run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
        { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } },
      );
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? 1));
    });
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    if (process.env.E2E_KEEP || reuse) console.log(`e2e: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
