import { expect, test } from 'vitest';
import {
  sanitizePostHtml,
  type PostHtml,
  type SanitizeContext,
} from '../../src/features/article/sanitize-post-html';

// @ts-expect-error jsdom ships no type declarations and @types/jsdom is not a dependency
import { JSDOM } from 'jsdom';
import { POST_CLASS } from '../../src/shared/post-html-policy';

type ScriptWindow = { document: Document; close: () => void };

/** A page that runs scripts and inline handlers (the test environment's own page does not). */
function openScriptPage(body: string): ScriptWindow {
  const dom: unknown = new JSDOM(`<!doctype html><html><body>${body}</body></html>`, {
    runScripts: 'dangerously',
  });
  const window: unknown =
    typeof dom === 'object' && dom !== null ? Reflect.get(dom, 'window') : null;
  if (typeof window !== 'object' || window === null) throw new Error('jsdom did not open a window');
  const document: unknown = Reflect.get(window, 'document');
  if (!(typeof document === 'object' && document !== null && 'querySelectorAll' in document))
    throw new Error('no document');
  return {
    document: document as Document,
    close: () => Reflect.apply(Reflect.get(window, 'close'), window, []),
  };
}

function getFlag(page: ScriptWindow): unknown {
  return Reflect.get(page.document.defaultView ?? {}, '__pwned');
}

const context: SanitizeContext = {
  postUrl: '/emnews/2022/02/26/story.html',
  siteUrl: 'https://news.example.org',
  hosts: ['news.example.org', 'old-news.example.com'],
  categories: ['emnews', 'caijing'],
  source: 'http://source.example.com/a.html',
};

const run = 'window.__pwned=1';

/** Classic XSS vectors, each on its own line so a failure names it. */
const vectors: string[] = [
  `<script>${run}</script>`,
  `<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
  `<img src=x onerror="${run}">`,
  `<img src=\`x\` onerror=${run}>`,
  `<svg onload="${run}"></svg>`,
  `<svg><script>${run}</script></svg>`,
  `<svg><animate onbegin="${run}" attributeName="x" dur="1s"></animate></svg>`,
  `<svg><a xlink:href="javascript:${run}"><text x="0" y="10">x</text></a></svg>`,
  `<svg><foreignObject><img src=x onerror="${run}"></foreignObject></svg>`,
  `<a href="javascript:${run}">x</a>`,
  `<a href="JaVaScRiPt:${run}">x</a>`,
  `<a href=" javascript:${run}">x</a>`,
  `<a href="jav&#x09;ascript:${run}">x</a>`,
  `<a href="jav&#x0A;ascript:${run}">x</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run}">x</a>`,
  `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${run}">x</a>`,
  `<a href="javascript&colon;${run}">x</a>`,
  `<a href="java\u0000script:${run}">x</a>`,
  `<a href="vbscript:msgbox(1)">x</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+">x</a>`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
  `<img src="data:text/html,<script>${run}</script>">`,
  `<img src="x" srcset="javascript:${run} 1x">`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<iframe srcdoc="<script>${run}</script>"></iframe>`,
  `<frameset><frame src="javascript:${run}"></frameset>`,
  `<form action="javascript:${run}"><input type="submit" value="go"></form>`,
  `<button formaction="javascript:${run}">go</button>`,
  `<input autofocus onfocus="${run}">`,
  `<isindex action="javascript:${run}" type="image">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  `<base href="javascript:/">`,
  `<link rel="stylesheet" href="javascript:${run}">`,
  `<style>@import 'javascript:${run}';</style>`,
  `<div style="background:url(javascript:${run})">x</div>`,
  `<div style="width: expression(${run})">x</div>`,
  `<xss style="behavior: url(x.htc)">x</xss>`,
  `<object data="javascript:${run}"></object>`,
  `<embed src="javascript:${run}">`,
  `<applet code="x.class"></applet>`,
  `<body onload="${run}">`,
  `<details open ontoggle="${run}"><summary>x</summary></details>`,
  `<video><source onerror="${run}"></video>`,
  `<audio src=x onerror="${run}"></audio>`,
  `<marquee onstart="${run}">x</marquee>`,
  `<a href="#" onclick="${run}">x</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${run}">`,
  `<math href="javascript:${run}">x</math>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>"></noscript>`,
  `<template><script>${run}</script><img src=x onerror="${run}"></template>`,
  `<textarea><img src=x onerror="${run}"></textarea>`,
  `<!--<img src="--><img src=x onerror="${run}//">`,
  `<svg></p><style><a id="</style><img src=1 onerror=${run}>">`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${run}>`,
  `<p id="__proto__" name="cookie">clobber</p>`,
  `<img name="getElementById" src="x.png">`,
  `<div class="fixed inset-0 z-50">overlay</div>`,
];

const FORBIDDEN_ELEMENTS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'template',
  'noscript',
  'video',
  'audio',
  'source',
  'marquee',
  'isindex',
  'xss',
];
const FORBIDDEN_ATTRIBUTES =
  /^(?:on.*|style|srcdoc|formaction|xlink:href|srcset|name|action|background)$/i;

function parse(html: PostHtml): HTMLDivElement {
  const container = document.createElement('div');
  container.innerHTML = String(html);
  return container;
}

/** Mount the HTML in a script-running page, fire every event a vector might hang on, report the flag. */
async function runInPage(html: PostHtml): Promise<unknown> {
  const page = openScriptPage(String(html));
  const EventClass = Reflect.get(page.document.defaultView ?? {}, 'Event');
  for (const element of page.document.body.querySelectorAll('*')) {
    for (const type of ['click', 'error', 'load', 'focus', 'toggle', 'mouseover', 'begin']) {
      element.dispatchEvent(
        Reflect.construct(EventClass, [type, { bubbles: false, cancelable: true }]),
      );
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  const flag = getFlag(page);
  page.close();
  return flag;
}

test('the script page does run handlers and scripts, so "nothing executes" means something', async () => {
  expect(await runInPage(`<img src="x" onerror="${run}">`)).toBe(1);
  expect(await runInPage(`<script>${run}</script>`)).toBe(1);
});

test('there are at least forty vectors', () => {
  expect(vectors.length).toBeGreaterThanOrEqual(40);
});

for (const vector of vectors) {
  test(`hostile body loses every dangerous element, attribute and URL: ${vector}`, async () => {
    const clean = sanitizePostHtml(`<p>前文</p>${vector}<p>后文</p>`, context);
    const root = parse(clean);
    for (const element of root.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      expect(FORBIDDEN_ELEMENTS, `left <${tag}>`).not.toContain(tag);
      for (const attribute of element.attributes) {
        expect(FORBIDDEN_ATTRIBUTES.test(attribute.name), `left ${attribute.name}`).toBe(false);
        if (attribute.name === 'class') {
          for (const name of attribute.value.split(/\s+/))
            expect(name).toMatch(new RegExp(`^post-[a-z-]+$|${POST_CLASS.source}`));
        }
        // Ids are kept only under the prefix, so none can clobber a property of document or window.
        if (attribute.name === 'id') expect(attribute.value).toMatch(/^user-content-/);
      }
      for (const name of ['href', 'src']) {
        const value = (element.getAttribute(name) ?? '').replace(/[\p{Cc}\s]/gu, '');
        const safeImage =
          tag === 'img' && name === 'src' && /^data:image\/(?:png|jpeg|gif|webp)[;,]/i.test(value);
        if (!safeImage)
          expect(value, `left ${name}=${value}`).not.toMatch(/^(?:javascript|vbscript|data):/i);
      }
    }
    expect(await runInPage(clean)).toBeUndefined();
  });
}

test('safe data images survive, other data URLs do not', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  const root = parse(
    sanitizePostHtml(
      `<img src="${png}" alt="图"><img src="data:image/svg+xml,<svg/>" alt="矢量">`,
      context,
    ),
  );
  const images = root.querySelectorAll('img');
  expect(images).toHaveLength(1);
  expect(images[0]?.getAttribute('src')).toBe(png);
});

test('links to the archive become in-app links; others open in a new tab safely', () => {
  const root = parse(
    sanitizePostHtml(
      [
        '<p>',
        '<a href="//news.example.org/category/caijing.html">a</a>',
        '<a href="https://old-news.example.com/emnews/">b</a>',
        '<a href="http://news.example.org/">c</a>',
        '<a href="../emnews/">d</a>',
        '<a href="/emnews/2022/02/25/older.html">e</a>',
        '<a href="category/caijing.html">f</a>',
        '<a href="https://elsewhere.example.net/x" target="_self">g</a>',
        '<a href="mailto:desk@example.net">h</a>',
        '</p>',
        '<p>正文。</p>',
      ].join(''),
      context,
    ),
  );
  const byText = (text: string) =>
    [...root.querySelectorAll('a')].find((link) => link.textContent === text);
  expect(byText('a')?.getAttribute('data-app-href')).toBe('/category/caijing');
  expect(byText('b')?.getAttribute('data-app-href')).toBe('/category/emnews');
  expect(byText('c')?.getAttribute('data-app-href')).toBe('/');
  expect(byText('d')?.getAttribute('data-app-href')).toBe('/category/emnews');
  expect(byText('e')?.getAttribute('data-app-href')).toBe('/emnews/2022/02/25/older.html');
  expect(byText('f')?.getAttribute('data-app-href')).toBe('/category/caijing');
  const external = byText('g');
  expect(external?.getAttribute('target')).toBe('_blank');
  expect(external?.getAttribute('rel')).toBe('noopener noreferrer');
  expect(byText('h')?.hasAttribute('data-app-href')).toBe(false);
});

/** Spellings of another host that a pattern might take for a path of this site. */
const offSiteLinks = [
  'http://news.example.org//evil.example/x',
  'https://news.example.org/.//evil.example/',
  '/.//evil.example/',
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example',
  '\\\\evil.example/',
  '/\t/evil.example/',
  'https:evil.example',
  'https:/\\evil.example/',
  'http://news.example.org:8443/emnews/',
  'http://news.example.org.evil.example/',
  'http://evil.example#@news.example.org/',
  'http://news.example.org@evil.example/',
];

for (const href of offSiteLinks) {
  test(`an off-site spelling is never an in-app link: ${JSON.stringify(href)}`, () => {
    const link = parse(
      sanitizePostHtml(`<p><a href="${href}">x</a> 正文。</p>`, context),
    ).querySelector('a');
    const appPath = link?.getAttribute('data-app-href');
    const resolved = new URL(link?.getAttribute('href') ?? '', window.location.href);
    if (appPath != null) {
      // Read as an old-site path: it must stay a path of this app, never a host.
      expect(appPath).toMatch(/^\/(?![/\\])/);
      expect(resolved.origin).toBe(window.location.origin);
    } else {
      expect(resolved.origin).not.toBe(window.location.origin);
      expect(link?.getAttribute('target')).toBe('_blank');
      expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });
}

test('percent-encoded slashes stay inside one path segment of the app', () => {
  const root = parse(
    sanitizePostHtml(
      '<p><a href="/%2F%2Fevil.example/x">a</a> <a href="/%5C%5Cevil.example">b</a> 正文。</p>',
      context,
    ),
  );
  for (const link of root.querySelectorAll('a')) {
    expect(link.getAttribute('data-app-href')).toMatch(/^\/%(?:2F|5C)/i);
    expect(new URL(link.getAttribute('href') ?? '', window.location.href).origin).toBe(
      window.location.origin,
    );
  }
});

test('an old-site address with doubled slashes becomes the app path it meant', () => {
  const link = parse(
    sanitizePostHtml('<p><a href="http://news.example.org//emnews/">x</a> 正文。</p>', context),
  ).querySelector('a');
  expect(link?.getAttribute('data-app-href')).toBe('/category/emnews');
});

test('hidden elements stay hidden', () => {
  const root = parse(
    sanitizePostHtml(
      [
        '<p>看得见</p>',
        '<div style="display:none">藏起来一</div>',
        '<span style="color:red; visibility : hidden">藏起来二</span>',
        '<p hidden>藏起来三</p>',
        '<p style="DISPLAY: NONE !important">藏起来四</p>',
      ].join(''),
      context,
    ),
  );
  expect(root.textContent).toBe('看得见');
});

test('the trailing footer of back-links and the duplicated source link are removed', () => {
  const body = [
    '<p>正文最后一段。</p>',
    '<p><a href="http://source.example.com/a.html">http://source.example.com/a.html</a></p>',
    '<p><a href="//news.example.org/emnews/">返回滚动新闻</a>｜<a href="//news.example.org/">返回首页</a></p>',
    '<p><a href="../emnews/">返回滚动新闻</a></p>',
    '<p><a href="./">返回首页</a></p>',
  ].join('\n');
  const root = parse(sanitizePostHtml(body, context));
  expect(root.querySelectorAll('a')).toHaveLength(0);
  expect(root.textContent?.trim()).toBe('正文最后一段。');
});

test('a paragraph of in-app links in the middle of the text is kept', () => {
  const body = '<p><a href="//news.example.org/">首页</a></p><p>后面还有正文。</p>';
  const root = parse(sanitizePostHtml(body, context));
  expect(root.querySelectorAll('a')).toHaveLength(1);
});

test('images load lazily without a referrer and keep or reserve their size', () => {
  const root = parse(
    sanitizePostHtml(
      '<center><img src="https://img.example.com/a.jpg" width="600" height="400"><img src="https://img.example.com/b.jpg"></center><p class="em_media">（来源：某报）</p>',
      context,
    ),
  );
  const [sized, unsized] = root.querySelectorAll('img');
  for (const image of [sized, unsized]) {
    expect(image?.getAttribute('loading')).toBe('lazy');
    expect(image?.getAttribute('decoding')).toBe('async');
    expect(image?.getAttribute('referrerpolicy')).toBe('no-referrer');
  }
  expect(sized?.getAttribute('width')).toBe('600');
  expect(unsized?.classList.contains('post-img-unsized')).toBe(true);
  expect(root.querySelector('center')).toBeNull();
  expect(root.querySelector('.post-center')).not.toBeNull();
  expect(root.querySelector('p')?.className).toBe('post-media-source');
});

test('a post that opens with a frameset gives an empty body instead of throwing', () => {
  const root = parse(
    sanitizePostHtml('<frameset onload="alert(1)"></frameset><p>正文。</p>', context),
  );
  expect(root.querySelector('frameset')).toBeNull();
  expect(root.innerHTML).not.toContain('onload');
});

test('heading ids survive under a prefix and in-page links follow them', () => {
  const html = sanitizePostHtml(
    '<ul id="markdown-toc"><li><a href="#第二节" id="markdown-toc-第二节">第二节</a></li></ul><h2 id="第二节">第二节</h2><p><a href="#fn1">1</a></p><h2 id="location">clobber?</h2>',
    { postUrl: '/2022/01/01/x.html', siteUrl: '', hosts: [], categories: [] },
  );
  const root = document.createElement('div');
  root.innerHTML = String(html);
  expect(root.querySelector('h2')?.id).toBe('user-content-第二节');
  expect(root.querySelector('#user-content-markdown-toc a')?.getAttribute('href')).toBe(
    '#user-content-第二节',
  );
  expect(root.querySelector('p a')?.getAttribute('href')).toBe('#user-content-fn1');
  expect(root.querySelector('p a')?.hasAttribute('data-app-href')).toBe(false);
  expect(root.querySelectorAll('[id="location"]').length).toBe(0);
});

test('build-time colouring classes are kept, any other class is dropped', () => {
  const html = sanitizePostHtml(
    '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby"><span class="hljs-keyword fixed inset-0">def</span> <span class="hljs-title function_">x</span></code></pre></figure><p class="fixed inset-0 note">p</p>',
    { postUrl: '/x.html', siteUrl: '', hosts: [], categories: [] },
  );
  const root = document.createElement('div');
  root.innerHTML = String(html);
  expect(root.querySelector('figure')?.className).toBe('highlight');
  expect(root.querySelector('code')?.className).toBe('language-ruby');
  expect(root.querySelector('span')?.className).toBe('hljs-keyword');
  expect(root.querySelectorAll('span')[1]?.className).toBe('hljs-title function_');
  expect(root.querySelector('p')?.hasAttribute('class')).toBe(false);
});
