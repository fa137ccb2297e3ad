/**
 * Lighthouse 12 in its default mobile profile (simulated slow 4G, 4× CPU slowdown, a phone's
 * screen) over pages of a served app: the four category scores, LCP and CLS. Chromium is started
 * here with a DevTools port, headless and without a sandbox, and stopped after each page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, ensureChromium } from '../ensure-chromium';

export type LighthouseScores = {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  cls: number;
  /** Audits that cost points in accessibility, best practices and SEO, as `category: audit id`. */
  failing: string[];
};

/** Starts Chromium with a free DevTools port; resolves with the port and a stop function. */
function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-lighthouse-'));
  const child = spawn(
    ensureChromium(),
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      '--remote-debugging-port=0',
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The profile folder is removed once Chromium has exited and stopped writing to it.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Chromium did not open its DevTools port:\n${output}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ port: Number(match[1]), stop });
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const score = (value: number | null | undefined) => Math.round((value ?? Number.NaN) * 100);

export async function measureLighthouse(
  baseUrl: string,
  paths: readonly string[],
): Promise<LighthouseScores[]> {
  const results: LighthouseScores[] = [];
  for (const pagePath of paths) {
    const chromium = await startChromium();
    try {
      const url = new URL(pagePath.replace(/^\//, ''), baseUrl).href;
      const run = await lighthouse(url, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits, runtimeError } = run.lhr;
      if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.message}`);
      results.push({
        path: pagePath,
        performance: score(categories.performance?.score),
        accessibility: score(categories.accessibility?.score),
        bestPractices: score(categories['best-practices']?.score),
        seo: score(categories.seo?.score),
        lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
        failing: (['accessibility', 'best-practices', 'seo'] as const).flatMap((id) =>
          (categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0)
            .filter((ref) => {
              const value = audits[ref.id]?.score;
              return typeof value === 'number' && value < 1;
            })
            .map((ref) => `${id}: ${ref.id}`),
        ),
      });
    } finally {
      await chromium.stop();
    }
  }
  return results;
}
