/**
 * The XSS suite: every vector of support/xss-vectors.ts is its own post of the fixture site, built
 * and served as in production, opened in Chromium and poked (hover, focus, a click on every link).
 * A vector ran when it set the flag global, opened a dialog, took the tab off the app's origin,
 * made the page request the attacker's host, or left an opener in a tab it opened. Each vector's
 * result is reported; the suite fails on any that ran or left something dangerous in the page.
 */
import { expect, test } from 'vitest';
import { z } from 'zod';
import type { Page } from 'playwright-core';
import { formatPageTitle } from '../../src/shared/page-title';
import { getCategorySlug, paths } from '../../src/shared/paths';
import { getE2eEnv, getPageUrl, openFileSession } from './support/browser';
import {
  ATTACKER_HOST,
  VECTOR_END,
  XSS_CATEGORY,
  XSS_GLOBAL,
  getVectorPost,
  xssVectors,
  type XssVector,
} from './support/xss-vectors';

const env = getE2eEnv();
const appOrigin = new URL(env.E2E_URL).origin;
const SITE_TITLE = '金融消息 · 演示';

// Without the service worker every request the page makes passes the context's route.
const { session, page } = await openFileSession({ serviceWorkers: 'block' });

/** What the vector being visited did; reset before each one. */
type Effects = { requests: string[]; navigations: string[]; openers: string[] };
let effects: Effects = { requests: [], navigations: [], openers: [] };
const popups: Page[] = [];

await session.context.route('**/*', async (route) => {
  const request = route.request();
  const url = new URL(request.url());
  if (url.origin === appOrigin || url.protocol === 'data:') return route.continue();
  let fromApp: boolean;
  try {
    const frame = request.frame();
    // A sub-frame's own navigation is blocked below anyway; a tab the post opened is judged by its opener.
    fromApp =
      frame.page() === page && !(request.isNavigationRequest() && frame !== page.mainFrame());
  } catch {
    // No frame yet: the navigation of a tab being opened (judged by its opener), or a worker's request.
    fromApp = !request.isNavigationRequest();
  }
  if (fromApp) effects.requests.push(request.url());
  // Tabs the post opens load a blank page, so their opener can be read.
  if (url.hostname === ATTACKER_HOST && request.isNavigationRequest())
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>x' });
  return route.abort();
});
page.on('framenavigated', (frame) => {
  if (frame !== page.mainFrame()) return;
  const url = frame.url();
  if (url !== 'about:blank' && !url.startsWith(appOrigin)) effects.navigations.push(url);
});
session.context.on('page', (opened) => {
  if (opened !== page) popups.push(opened);
});

const stateSchema = z.object({
  flag: z.string().nullable(),
  clobbered: z.array(z.string()),
  residue: z.array(z.string()),
});

/**
 * Runs in the page: the flag global, the app's own globals and document properties a post could
 * clobber, and what the post body still holds that the policy forbids.
 */
const READ_STATE = `(() => {
  // The prototypes' own methods: a vector may have clobbered the document's.
  const byId = (id) => Document.prototype.getElementById.call(document, id);
  const query = (selector) => Document.prototype.querySelector.call(document, selector);
  const flag = ${JSON.stringify(XSS_GLOBAL)} in window ? typeof window[${JSON.stringify(XSS_GLOBAL)}] : null;
  const body = query('article .post-body');
  // Clobbered: the name now stands for markup from the post.
  const isMarkup = (value) => body !== null && (value instanceof Element ? body.contains(value)
    : (value instanceof HTMLCollection || value instanceof NodeList) && [...value].some((node) => body.contains(node)));
  const clobbered = [];
  for (const name of ['getElementById', 'querySelector', 'createElement', 'cookie', 'body', 'currentScript',
    'defaultView', 'attributes', 'documentElement', 'location', 'domain', 'title'])
    if (isMarkup(document[name])) clobbered.push('document.' + name);
  for (const name of ['workbox', 'trustedTypes', 'defaultPolicy', 'location', 'opener', 'f1', 'f2'])
    if (isMarkup(window[name])) clobbered.push('window.' + name);
  const root = byId('root');
  if (!root || root.closest('article')) clobbered.push('#root');
  const residue = [];
  if (!body) residue.push('no post body');
  const forbidden = /^(script|style|link|meta|base|iframe|frame|frameset|object|embed|applet|form|input|button|select|textarea|svg|math|template|noscript|video|audio|source|marquee|isindex|map|area)$/i;
  for (const element of body ? body.querySelectorAll('*') : []) {
    const tag = element.tagName.toLowerCase();
    if (forbidden.test(tag)) residue.push('<' + tag + '>');
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (/^on|^(style|id|name|srcdoc|formaction|action|srcset|xlink:href|form|target)$/.test(name) &&
        !(name === 'target' && attribute.value === '_blank') &&
        // Ids are kept only under DOMPurify's prefix, which no global or document property has.
        !(name === 'id' && attribute.value.startsWith('user-content-')))
        residue.push(tag + '[' + name + ']');
      if (name === 'href' || name === 'src') {
        const value = attribute.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
        const safeImage = tag === 'img' && name === 'src' && /^data:image\\/(png|jpeg|gif|webp)[;,]/.test(value);
        if (/^(javascript|vbscript|data):/.test(value) && !safeImage) residue.push(tag + '[' + name + ']=' + value.slice(0, 20));
      }
    }
    const position = getComputedStyle(element).position;
    if (position === 'fixed' || position === 'sticky') residue.push(tag + ' position:' + position);
    if (tag === 'a' && element.hasAttribute('href')) {
      const url = new URL(element.getAttribute('href'), location.href);
      const rel = (element.getAttribute('rel') || '').split(/\\s+/);
      if (url.origin !== location.origin && !(element.target === '_blank' && rel.includes('noopener') && rel.includes('noreferrer')))
        residue.push('off-site link without a new tab: ' + url.href);
    }
  }
  return { flag, clobbered, residue };
})()`;

async function readState() {
  try {
    return stateSchema.parse(await page.evaluate(READ_STATE));
  } catch (error) {
    // The page itself is no longer what the app made it: that is a vector's doing too.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { flag: null, clobbered: [`the page state (${message})`], residue: [] };
  }
}

type VectorReport = {
  index: number;
  kind: XssVector['kind'];
  name: string;
  ran: string[];
  residue: string[];
};

/**
 * Open a vector's post and wait until it has rendered (some vectors swallow the text after them).
 * Cold opens load the pre-rendered page as a reader's first visit does; warm ones move the
 * running app there as a click would (a history entry and `popstate`), which keeps 200 visits fast.
 */
async function openVector(path: string, title: string, cold = true) {
  const url = getPageUrl(env.E2E_URL, path);
  if (cold || !page.url().startsWith(appOrigin)) await page.goto(url);
  else
    await page.evaluate(
      `history.pushState(null, '', ${JSON.stringify(url)}); dispatchEvent(new PopStateEvent('popstate'));`,
    );
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page
    .getByRole('article')
    .getByText(VECTOR_END)
    .waitFor({ timeout: 1000 })
    .catch(() => {});
}

/** Give event handlers and timers their chance: pointer over the body, focus moves, a short wait. */
async function poke(area = page.getByRole('article')) {
  const box = await area.boundingBox();
  if (box) {
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 400) / 2, {
      steps: 4,
    });
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(100);
}

/** Click each link of the body in turn (reopening the post when a click moved in the app). */
async function clickLinks(path: string, title: string) {
  const links = () => page.locator('article .post-body').getByRole('link');
  const count = await links().count();
  for (let index = 0; index < count; index += 1) {
    if (!page.url().startsWith(getPageUrl(env.E2E_URL, path))) await openVector(path, title, false);
    await links()
      .nth(index)
      .click({ timeout: 3000 })
      .catch(() => {});
    await page.waitForTimeout(100);
    for (const popup of popups.splice(0)) {
      await popup.waitForLoadState().catch(() => {});
      const hasOpener = await popup.evaluate('window.opener !== null').catch(() => false);
      if (hasOpener === true) effects.openers.push(popup.url());
      await popup.close();
    }
  }
}

async function runVector(index: number, vector: XssVector): Promise<VectorReport> {
  const post = getVectorPost(index, vector);
  effects = { requests: [], navigations: [], openers: [] };
  const dialogsBefore = session.problems.dialogs.length;
  // The flag belongs to the vector that set it: clear what an earlier one left (it was reported).
  await page.evaluate(`delete window.${XSS_GLOBAL}`).catch(() => {});
  try {
    // Every tenth vector opens cold, so both ways in are covered without 200 page loads.
    await openVector(post.path, post.title, index % 10 === 0);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      index,
      kind: vector.kind,
      name: vector.name,
      ran: [],
      residue: [`did not render: ${message}`],
    };
  }
  await poke();
  const state = await readState();
  await clickLinks(post.path, post.title);
  const after = page.url().startsWith(appOrigin) ? await readState() : state;
  const ran = [
    ...(state.flag !== null || after.flag !== null ? [`set ${XSS_GLOBAL}`] : []),
    ...session.problems.dialogs.slice(dialogsBefore).map((dialog) => `dialog ${dialog}`),
    ...effects.navigations.map((url) => `navigated to ${url}`),
    ...effects.requests.map((url) => `requested ${url}`),
    ...effects.openers.map((url) => `opened ${url} with an opener`),
    ...state.clobbered.map((name) => `clobbered ${name}`),
  ];
  return { index, kind: vector.kind, name: vector.name, ran, residue: state.residue };
}

const reports: VectorReport[] = [];

test(`none of the ${xssVectors.length} vectors runs or leaves anything dangerous behind`, async () => {
  expect(xssVectors.length).toBeGreaterThanOrEqual(150);
  for (const [index, vector] of xssVectors.entries()) reports.push(await runVector(index, vector));

  const byKind = new Map<string, { total: number; ran: number; residue: number }>();
  for (const report of reports) {
    const row = byKind.get(report.kind) ?? { total: 0, ran: 0, residue: 0 };
    row.total += 1;
    if (report.ran.length) row.ran += 1;
    if (report.residue.length) row.residue += 1;
    byKind.set(report.kind, row);
  }
  console.log(
    [
      `XSS suite: ${reports.length} vectors, one post each`,
      ...[...byKind].map(
        ([kind, row]) =>
          `  ${kind.padEnd(20)} ${String(row.total).padStart(3)} vectors, ${row.ran} ran, ${row.residue} left residue`,
      ),
      ...reports
        .filter((report) => report.ran.length || report.residue.length)
        .map(
          (report) =>
            `  #${report.index} ${report.kind} / ${report.name}: ${[...report.ran, ...report.residue].join('; ')}`,
        ),
    ].join('\n'),
  );
  expect(reports.filter((report) => report.ran.length)).toEqual([]);
  expect(reports.filter((report) => report.residue.length)).toEqual([]);
}, 600_000);

const frontMatterVectors = xssVectors
  .map((vector, index) => ({ vector, index, post: getVectorPost(index, vector) }))
  .filter(({ vector }) => vector.kind === 'front-matter');

test('hostile titles are text in the article, the tab title and the lists', async () => {
  effects = { requests: [], navigations: [], openers: [] };
  for (const { vector, post } of frontMatterVectors) {
    if (!vector.frontMatter?.title) continue;
    await openVector(post.path, post.title);
    await expect.poll(() => page.title()).toBe(formatPageTitle(post.title, SITE_TITLE));
  }
  const lists = [
    paths.category(XSS_CATEGORY),
    ...frontMatterVectors.flatMap(({ vector }) => [
      ...(vector.frontMatter?.category
        ? [paths.category(getCategorySlug(vector.frontMatter.category))]
        : []),
      ...(vector.frontMatter?.tag ? [paths.tag(vector.frontMatter.tag)] : []),
    ]),
  ];
  for (const list of lists) {
    await page.goto(getPageUrl(env.E2E_URL, list));
    await page.getByRole('main').getByRole('link').first().waitFor();
    await poke(page.getByRole('main'));
    expect((await readState()).flag, list).toBeNull();
  }
  // The newest vectors are the front-matter ones: the category's first page lists them all.
  await page.goto(getPageUrl(env.E2E_URL, paths.category(XSS_CATEGORY)));
  for (const { post } of frontMatterVectors)
    await page.getByRole('main').getByRole('link', { name: post.title }).first().waitFor();
  expect(effects).toEqual({ requests: [], navigations: [], openers: [] });
});

const headSchema = z.object({
  title: z.string(),
  scripts: z.array(z.object({ type: z.string(), src: z.string(), text: z.string() })),
  handlers: z.array(z.string()),
  httpEquiv: z.array(z.string()),
});

/** A page outside the app (and its Trusted Types policy) to parse fetched files in. */
const BLANK = 'about:blank';

test('the pre-rendered pages of hostile posts carry their front matter only as text', async () => {
  await page.goto(BLANK);
  for (const { post } of frontMatterVectors) {
    const html = await (await fetch(getPageUrl(env.E2E_URL, post.path))).text();
    const head = headSchema.parse(
      await page.evaluate(`(() => {
        const doc = new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html');
        return {
          title: doc.title,
          scripts: [...doc.scripts].map((s) => ({ type: s.type, src: s.getAttribute('src') || '', text: s.textContent })),
          handlers: [...doc.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + '[' + a.name + ']')),
          httpEquiv: [...doc.querySelectorAll('meta[http-equiv]')].map((m) => m.getAttribute('http-equiv').toLowerCase()),
        };
      })()`),
    );
    expect(head.title, post.path).toBe(formatPageTitle(post.title, SITE_TITLE));
    expect(head.handlers, post.path).toEqual([]);
    expect(head.httpEquiv, post.path).toEqual(['content-security-policy']);
    for (const script of head.scripts) {
      if (script.type === 'application/ld+json')
        expect(z.object({ headline: z.string() }).parse(JSON.parse(script.text)).headline).toBe(
          post.title,
        );
      else
        // The app's modules, and the settings script a pre-rendered page runs first: files, never inline.
        expect({
          type: script.type,
          inline: script.text.trim(),
          file: script.type === 'module' || /\/page-settings\.js$/.test(script.src),
        }).toEqual({ type: script.type === 'module' ? 'module' : '', inline: '', file: true });
    }
  }
});

const feedSchema = z.object({
  error: z.boolean(),
  entries: z.array(z.object({ title: z.string(), markup: z.array(z.string()) })),
});

test('feeds and the sitemap are well-formed and carry only sanitized, escaped HTML', async () => {
  await page.goto(BLANK);
  const feeds = [
    paths.feed(),
    paths.categoryFeed(XSS_CATEGORY),
    ...frontMatterVectors.flatMap(({ vector }) =>
      vector.frontMatter?.category
        ? [paths.categoryFeed(getCategorySlug(vector.frontMatter.category))]
        : [],
    ),
  ];
  for (const feed of feeds) {
    const response = await fetch(getPageUrl(env.E2E_URL, feed));
    expect(response.status, feed).toBe(200);
    const result = feedSchema.parse(
      await page.evaluate(`(() => {
        const doc = new DOMParser().parseFromString(${JSON.stringify(await response.text())}, 'application/xml');
        // What a feed reader does with type="html": parse the text as HTML and list what is not plain text.
        const markup = (html) => {
          const body = new DOMParser().parseFromString(html, 'text/html').body;
          const found = [];
          for (const element of body.querySelectorAll('*')) {
            const tag = element.tagName.toLowerCase();
            if (/^(script|style|iframe|object|embed|form|input|button|svg|math|base|meta|link|template|noscript)$/.test(tag)) found.push('<' + tag + '>');
            for (const attribute of element.attributes)
              if (/^on|^(style|srcdoc|formaction)$/i.test(attribute.name) || /^\\s*(javascript|vbscript|data):/i.test(attribute.value) && !/^data:image\\//i.test(attribute.value))
                found.push(tag + '[' + attribute.name + ']');
          }
          return found;
        };
        return {
          error: doc.querySelector('parsererror') !== null,
          entries: [...doc.querySelectorAll('entry')].map((entry) => {
            const html = [...entry.children].filter((child) => child.getAttribute('type') === 'html');
            const titleHtml = entry.querySelector('title')?.textContent ?? '';
            return {
              title: new DOMParser().parseFromString(titleHtml, 'text/html').body.textContent,
              markup: html.flatMap((child) => markup(child.textContent).map((found) => child.tagName + ': ' + found)),
            };
          }),
        };
      })()`),
    );
    expect(result.error, feed).toBe(false);
    expect(result.entries.length, feed).toBeGreaterThan(0);
    expect(
      result.entries.filter((entry) => entry.markup.length),
      feed,
    ).toEqual([]);
  }
  const sitemap = await (await fetch(getPageUrl(env.E2E_URL, '/sitemap.xml'))).text();
  const parsed = z
    .boolean()
    .parse(
      await page.evaluate(
        `new DOMParser().parseFromString(${JSON.stringify(sitemap)}, 'application/xml').querySelector('parsererror') === null`,
      ),
    );
  expect(parsed).toBe(true);
});

test('nothing threw, and every policy report came from a hostile post being parsed', () => {
  expect(session.problems.errors).toEqual([]);
});
