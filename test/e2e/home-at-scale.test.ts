/**
 * The home of a 20,000-post archive (the generator's, with a dozen and more sources posting every
 * few minutes): no article linked twice on the first screen, nor anywhere on the page, no source
 * box left empty, and a phone's compact list still shows a screenful of headlines.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSite } from '../../scripts/generate-corpus';
import { startServer } from '../../scripts/serve';
import { getE2eEnv, getPageUrl, openFileSession } from './support/browser';
import { repoRoot, runCommand } from './support/build-site';

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const window: { innerHeight: number };

const env = getE2eEnv();
const POSTS = 20_000;
const work = path.join(env.E2E_WORK, 'home-at-scale');
const dist = path.join(work, 'dist');

/** The e2e app shell over a generated archive's bundle (no search index: the home needs none). */
async function buildLargeSite(): Promise<void> {
  if (existsSync(path.join(dist, 'data', 'manifest.json'))) return;
  const site = path.join(work, 'site');
  generateSite({ posts: POSTS, seed: 11, out: site });
  for (const entry of readdirSync(env.E2E_DIST))
    if (entry !== 'data')
      cpSync(path.join(env.E2E_DIST, entry), path.join(dist, entry), { recursive: true });
  await runCommand(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [
    'scripts/build-content.ts',
    '--source',
    site,
    '--out',
    path.join(dist, 'data'),
    '--cache',
    path.join(work, 'cache'),
    '--no-search',
  ]);
}

await buildLargeSite();
const server = await startServer({ root: dist });
afterAll(() => server.close());
const { page } = await openFileSession({ serviceWorkers: 'block' });

type Link = { href: string; top: number; bottom: number };

/** Every post link in the main area with its place on the page. */
async function getPostLinks(target: Page): Promise<Link[]> {
  return target
    .getByRole('main')
    .getByRole('article')
    .getByRole('link')
    .evaluateAll((links) =>
      links.map((link) => {
        const box = link.getBoundingClientRect();
        return { href: link.getAttribute('href') ?? '', top: box.top, bottom: box.bottom };
      }),
    );
}

function findRepeats(links: readonly Link[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { href } of links) (seen.has(href) ? repeated : seen).add(href);
  return [...repeated];
}

for (const viewport of [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
]) {
  test(`at ${viewport.width}×${viewport.height}: no article twice on the home, no empty source box`, async () => {
    await page.setViewportSize(viewport);
    await page.goto(getPageUrl(server.url, '/'));
    await page.getByRole('main').getByRole('article').first().waitFor();
    const links = await getPostLinks(page);
    const fold = await page.evaluate(() => window.innerHeight);
    const firstScreen = links.filter((link) => link.bottom > 0 && link.top < fold);
    expect(firstScreen.length).toBeGreaterThanOrEqual(8);
    expect(findRepeats(firstScreen)).toEqual([]);
    expect(findRepeats(links)).toEqual([]);

    // Each source box under the stream holds headlines.
    const boxes = page.getByRole('main').locator('section[aria-labelledby^="home-section-"]');
    const counts = await boxes.evaluateAll((sections) =>
      sections.map((section) => section.querySelectorAll('article').length),
    );
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.filter((count) => count === 0)).toEqual([]);
  });
}

test('the compact list of all posts shows at least 8 headlines above a phone’s fold', async () => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(getPageUrl(server.url, '/latest'));
  await page.getByRole('main').getByRole('article').first().waitFor();
  const fold = await page.evaluate(() => window.innerHeight);
  const links = await getPostLinks(page);
  expect(
    links.filter((link) => link.bottom > 0 && link.bottom <= fold).length,
  ).toBeGreaterThanOrEqual(8);
});
