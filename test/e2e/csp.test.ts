/**
 * Defence in depth: the Content-Security-Policy forbids inline script and `eval` and enforces
 * Trusted Types, and the app lives with it without a single report, on every kind of page,
 * including search (Pagefind's WebAssembly) and the service worker's registration.
 */
import { expect, test } from 'vitest';
import { z } from 'zod';
import { contentSecurityPolicyHeader } from '../../src/shared/content-security-policy';
import { paths } from '../../src/shared/paths';
import { getE2eEnv, getPageUrl, openFileSession, waitForServiceWorker } from './support/browser';
import { CHINESE_CATEGORY, CHINESE_POSTS } from './support/fixture-site';

const env = getE2eEnv();
const { session, page } = await openFileSession();

/** Policy reports and errors since the last call; each page is judged on its own. */
function takeProblems() {
  return {
    csp: session.problems.csp.splice(0),
    errors: session.problems.errors.splice(0),
    dialogs: session.problems.dialogs.splice(0),
  };
}
const none = { csp: [], errors: [], dialogs: [] };

test('the shell and the server carry the policy: no inline script, no eval, Trusted Types', async () => {
  const response = await fetch(getPageUrl(env.E2E_URL, '/'));
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(meta).toBeDefined();
  for (const policy of [meta ?? '', response.headers.get('content-security-policy') ?? '']) {
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).toMatch(
      /trusted-types broadsheet-post-html broadsheet-service-worker default(;|$)/,
    );
    // Scripts from the app's own files only; WebAssembly for Pagefind, never `eval`.
    expect(policy.split('; ')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-eval'");
  }
  expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicyHeader);
});

const pages = [
  {
    name: 'home',
    path: paths.home(),
    ready: () => page.getByRole('main').getByRole('link').first().waitFor(),
  },
  {
    name: 'list',
    path: paths.category(CHINESE_CATEGORY),
    ready: () =>
      page.getByRole('main').getByRole('link', { name: CHINESE_POSTS[0]!.title }).waitFor(),
  },
  {
    name: 'article',
    path: CHINESE_POSTS[1]!.path,
    ready: () => page.getByRole('heading', { level: 1, name: CHINESE_POSTS[1]!.title }).waitFor(),
  },
  {
    name: 'search',
    path: paths.search('盘面'),
    ready: () =>
      page.getByRole('main').getByRole('link', { name: CHINESE_POSTS[0]!.title }).waitFor(),
  },
  {
    name: 'not found',
    path: '/no/such/page',
    ready: () => page.getByRole('heading', { level: 1 }).first().waitFor(),
  },
];

for (const { name, path, ready } of pages) {
  test(`${name}: renders with zero policy reports, errors or dialogs`, async () => {
    await page.goto(getPageUrl(env.E2E_URL, path));
    await ready();
    await page.waitForTimeout(300);
    expect(takeProblems()).toEqual(none);
  });
}

test('the service worker registers under Trusted Types, and a reload under it stays clean', async () => {
  await page.goto(getPageUrl(env.E2E_URL, CHINESE_POSTS[2]!.path));
  await waitForServiceWorker(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: CHINESE_POSTS[2]!.title }).waitFor();
  // Newest first: the title's own words put the post on the first page.
  await page.goto(getPageUrl(env.E2E_URL, paths.search(CHINESE_POSTS[1]!.title)));
  await page.getByRole('main').getByRole('link', { name: CHINESE_POSTS[1]!.title }).waitFor();
  expect(takeProblems()).toEqual(none);
});

test('Trusted Types are enforced: a plain string cannot reach an HTML sink', async () => {
  await page.goto(getPageUrl(env.E2E_URL, paths.home()));
  await page.getByRole('main').getByRole('link').first().waitFor();
  const outcome = z.string().parse(
    await page.evaluate(`(() => {
      try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); return 'written'; }
      catch (error) { return error.name; }
    })()`),
  );
  expect(outcome).toBe('TypeError');
  // That refusal is itself reported, which shows the reports are watched.
  await expect.poll(() => session.problems.csp.length).toBeGreaterThan(0);
  expect(takeProblems().csp.join('\n')).toMatch(/require-trusted-types-for/);
});
