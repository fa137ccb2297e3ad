/**
 * One persistent Chromium context per test file (a service worker needs a real profile), with
 * everything a test should fail on collected as it happens: CSP violations, page errors, dialogs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll } from 'vitest';
import { z } from 'zod';
import { CHROMIUM_ARGS } from '../../../scripts/ensure-chromium';

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const navigator: { serviceWorker?: { controller: unknown } };

const envSchema = z.object({
  CHROME_PATH: z.string().default('/usr/bin/chromium'),
  E2E_WORK: z.string(),
  E2E_SITE: z.string(),
  E2E_DIST: z.string(),
  E2E_URL: z.string().url(),
  E2E_SPA_URL: z.string().url(),
  E2E_SUB_URL: z.string().url(),
});
export type E2eEnv = z.infer<typeof envSchema>;

/** What scripts/run-e2e.ts hands over; a clear error when the tests are run without it. */
export function getE2eEnv(): E2eEnv {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success)
    throw new Error(
      'Run the e2e tests with `npm run test:e2e` (it builds and serves the test site).',
    );
  return parsed.data;
}

export type Problems = { csp: string[]; errors: string[]; dialogs: string[] };

export type Session = {
  context: BrowserContext;
  problems: Problems;
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
};

export type SessionOptions = {
  /**
   * `block` keeps the service worker out, so every request the page makes is seen by the
   * context's routes (the XSS suite intercepts requests to foreign origins).
   */
  serviceWorkers?: 'allow' | 'block';
  /** The browser's own timezone (default America/New_York: never the site's). */
  timezoneId?: string;
  /** False: a reader (or crawler) without JavaScript; only the pre-rendered HTML counts. */
  javaScriptEnabled?: boolean;
  /** The system's theme the pages see (`prefers-color-scheme`); default light. */
  colorScheme?: 'light' | 'dark';
};

/** How a `securitypolicyviolation` event is reported in `problems.csp`. */
export const VIOLATION_PREFIX = 'securitypolicyviolation:';

export async function launchSession(options: SessionOptions = {}): Promise<Session> {
  const env = getE2eEnv();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.CHROME_PATH,
    headless: true,
    locale: 'zh-CN',
    timezoneId: options.timezoneId ?? 'America/New_York',
    viewport: { width: 1200, height: 800 },
    serviceWorkers: options.serviceWorkers ?? 'allow',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    args: CHROMIUM_ARGS,
  });
  context.setDefaultTimeout(15_000);
  const problems: Problems = { csp: [], errors: [], dialogs: [] };
  // Console messages miss some violations (Trusted Types, reports from workers' documents), so
  // every page also reports the events themselves, before any of its own scripts runs.
  await context.exposeBinding('__bsReportViolation', (_source, text: unknown) => {
    problems.csp.push(`${VIOLATION_PREFIX} ${String(text)}`);
  });
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    window.__bsReportViolation([event.effectiveDirective, event.blockedURI, event.sample].join(' '));
  });`);
  const watch = (page: Page) => {
    if (options.javaScriptEnabled !== false) waitForAppAfterLoads(page);
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Trusted ?Type/i.test(text)) problems.csp.push(text);
    });
    page.on('pageerror', (error) => problems.errors.push(error.message));
    page.on('dialog', (dialog) => {
      problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return {
    context,
    problems,
    newPage: async () => context.pages()[0] ?? (await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The session and page a test file drives: opened while the file loads (so its tests and helpers
 * use them as plain constants), closed after its last test.
 */
export async function openFileSession(
  options: SessionOptions = {},
): Promise<{ session: Session; page: Page }> {
  const session = await launchSession(options);
  afterAll(() => session.close());
  return { session, page: await session.newPage() };
}

/**
 * A pre-rendered page shows its text before the app is live: a test that reads or clicks as soon
 * as the text is there would race hydration. So `goto` and `reload` of an app page resolve once
 * the first view is committed (`data-hydrated` on `<html>`, set by src/main.tsx); other
 * documents (a feed, a JSON file) resolve as they load.
 */
function waitForAppAfterLoads(page: Page): void {
  const settle = async (response: Response | null) => {
    const type = response?.headers()['content-type'] ?? 'text/html';
    if (!type.startsWith('text/html')) return response;
    await page
      .locator('html[data-hydrated]')
      .waitFor({ state: 'attached', timeout: 20_000 })
      .catch(() => {});
    return response;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args) => settle(await goto(...args));
  page.reload = async (...args) => settle(await reload(...args));
}

/** Resolve an app path (`/category/x`) against a served root that may carry a base. */
export function getPageUrl(root: string, appPath: string): string {
  return `${root.replace(/\/$/, '')}${appPath}`;
}

/** Wait until a service worker controls the page, so what it reads from now on is cached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, {
    timeout: 30_000,
  });
}
