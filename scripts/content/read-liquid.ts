/**
 * Liquid the way Jekyll 4 renders it in a post, before Markdown: `site` (the config, `site.data`
 * from `_data/`), `page` (the post), Jekyll's filters and its tags `link`, `post_url`,
 * `highlight`, `include` (from `_includes/`, with parameters) and `raw`, on liquidjs.
 *
 * Reading a file stays a pure function of its bytes and the config: `_data/` and `_includes/`
 * are read once with the config (and so are part of its fingerprint), and the two tags that need
 * other posts (`link`, `post_url`) leave a marker that `resolvePostLinks` replaces once every post
 * is read. What Liquid cannot render (an unknown tag or filter, a syntax error, a missing
 * include) is reported with its file and line, and the post is published with its Liquid
 * markup shown as code.
 */
import MarkdownIt from 'markdown-it';
import { Liquid, Tag, type Context, type Emitter, type TagToken, type TopLevelToken, type Template } from 'liquidjs';
import type { Diagnostic } from '../../src/shared/schema';
import { highlightCode } from './read-highlight';
import { slugify } from './read-permalink';
import type { SiteConfig } from './types';

/** What Liquid sees of the site besides each post. */
export type LiquidSite = {
  /** `_config.yml` as read (Liquid's `site.*`). */
  config: Record<string, unknown>;
  /** `site.data`: `_data/` files by name, folders as nested mappings. */
  data: Record<string, unknown>;
  /** `_includes/` files by path relative to that folder. */
  includes: Record<string, string>;
};

/** A piece of finished HTML the Markdown renderer must leave alone (highlighted code). */
export type KeptHtml = string[];

const KEEP_PREFIX = 'broadsheet-keep:';

/** The placeholder for kept HTML: an HTML comment on lines of its own passes Markdown untouched. */
function keepHtml(kept: KeptHtml, html: string): string {
  kept.push(html);
  return `\n\n<!--${KEEP_PREFIX}${kept.length - 1}-->\n\n`;
}

/** Puts the kept HTML back in place of its placeholders. */
export function restoreKeptHtml(html: string, kept: KeptHtml): string {
  if (kept.length === 0) return html;
  return html.replace(/<!--broadsheet-keep:(\d+)-->/g, (match, index: string) => kept[Number(index)] ?? match);
}

/** A marker for a URL known once every post is read: `link` and `post_url`. */
const MARKER = /\/~bs-(link|post-url)~([^~\s"'<>]*)~/g;

function postLinkMarker(kind: 'link' | 'post-url', target: string): string {
  return `/~bs-${kind}~${encodeURIComponent(target).replaceAll('~', '%7E')}~`;
}

export type LinkTarget = { file: string; url: string };

/**
 * Replaces the markers of `{% link %}` and `{% post_url %}` with the URLs of the posts they name
 * (with the site's `baseurl`, as Jekyll's `relative_url` gives them); a name no post has is
 * reported, and the marker becomes `#` so nothing links to a made-up address.
 */
export function resolvePostLinks(
  text: string,
  posts: readonly LinkTarget[],
  baseurl: string,
  report: (message: string) => void,
): string {
  if (!text.includes('/~bs-')) return text;
  return text.replace(MARKER, (_, kind: string, encoded: string) => {
    const target = decodeURIComponent(encoded);
    const found = kind === 'link' ? findByPath(posts, target) : findByName(posts, target);
    if (found) return joinUrl(baseurl, found.url);
    report(`{% ${kind === 'link' ? 'link' : 'post_url'} ${target} %} names no post of the site; the link goes nowhere`);
    return '#';
  });
}

function findByPath(posts: readonly LinkTarget[], target: string): LinkTarget | undefined {
  const wanted = target.replace(/^\//, '');
  return posts.find((post) => post.file === wanted);
}

/** Jekyll's post comparer: the file name without its extension, and the folders when given. */
function findByName(posts: readonly LinkTarget[], target: string): LinkTarget | undefined {
  const slash = target.lastIndexOf('/');
  const name = target.slice(slash + 1);
  const folder = slash === -1 ? '' : target.slice(0, slash);
  return posts.find((post) => {
    const base = post.file.slice(post.file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
    if (base !== name) return false;
    if (folder === '') return true;
    const dir = post.file.slice(0, post.file.lastIndexOf('/'));
    return dir === `_posts/${folder}` || dir.startsWith(`${folder}/`) || dir.endsWith(`/${folder}`);
  });
}

function joinUrl(baseurl: string, url: string): string {
  const base = baseurl.replace(/\/+$/, '');
  if (base === '') return url;
  return `${base.startsWith('/') ? '' : '/'}${base}${url}`;
}

/** The tag arguments as written, Liquid variables inside them rendered (`{{ page.x }}`). */
function renderArguments(liquid: Liquid, args: string, context: Context): string {
  return args.includes('{{') ? liquid.parseAndRenderSync(args, context.getAll() as object) : args;
}

function makeLinkTag(kind: 'link' | 'post-url') {
  return class extends Tag {
    private readonly target: string;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.target = token.args.trim();
    }
    render(context: Context, emitter: Emitter): void {
      emitter.write(postLinkMarker(kind, renderArguments(this.liquid, this.target, context).trim()));
    }
  };
}

/** `{% highlight lang [linenos] %}…{% endhighlight %}`, coloured now, as Jekyll's Rouge does. */
class HighlightTag extends Tag {
  private readonly lang: string;
  private readonly linenos: boolean;
  private readonly code: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const [lang = 'plaintext', ...options] = token.args.trim().split(/\s+/);
    this.lang = lang;
    this.linenos = options.some((option) => /^linenos\b/.test(option));
    let code = '';
    let closed = false;
    while (remain.length > 0) {
      const next = remain.shift();
      if (next === undefined) break;
      if (next.kind === 4 && (next as TagToken).name === 'endhighlight') {
        closed = true;
        break;
      }
      code += next.getText();
    }
    if (!closed) throw new Error(`tag {% highlight ${token.args.trim()} %} not closed`);
    this.code = code.replace(/^(?:\r?\n)+|(?:\r?\n)+$/g, '');
  }
  render(context: Context, emitter: Emitter): void {
    const kept = context.globals.__kept as KeptHtml | undefined;
    const html = renderHighlightBlock(this.code, this.lang, this.linenos);
    emitter.write(kept ? keepHtml(kept, html) : html);
  }
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** Jekyll's markup for a highlighted block, with Rouge's table when lines are numbered. */
export function renderHighlightBlock(code: string, lang: string, linenos: boolean): string {
  const highlighted = highlightCode(code, lang);
  let inner = highlighted;
  if (linenos) {
    const count = code.split('\n').length;
    const numbers = Array.from({ length: count }, (_, index) => `${index + 1}\n`).join('');
    inner =
      '<table class="rouge-table"><tbody><tr><td class="gutter gl">' +
      `<pre class="lineno">${numbers}</pre></td><td class="code"><pre>${highlighted}\n</pre></td></tr></tbody></table>`;
  }
  const name = escapeAttribute(lang);
  return `<figure class="highlight"><pre><code class="language-${name.replaceAll('+', '-')}" data-lang="${name}">${inner}</code></pre></figure>`;
}

const engines = new WeakMap<SiteConfig, Liquid>();

let markdownifier: InstanceType<typeof MarkdownIt> | undefined;

/** The renderer of the `markdownify` filter: plain Markdown with HTML and smart punctuation. */
function getMarkdownifier(): InstanceType<typeof MarkdownIt> {
  markdownifier ??= new MarkdownIt({ html: true, typographer: true });
  return markdownifier;
}

function toDate(value: unknown): Date | unknown {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return value;
}

/** One engine per config: building one is far dearer than rendering a post. */
function getEngine(config: SiteConfig): Liquid {
  let engine = engines.get(config);
  if (engine) return engine;
  const includes = config.liquid?.includes ?? {};
  const fs = {
    exists: async (file: string) => Object.hasOwn(includes, file),
    existsSync: (file: string) => Object.hasOwn(includes, file),
    readFile: async (file: string) => includes[file] ?? '',
    readFileSync: (file: string) => includes[file] ?? '',
    resolve: (_root: string, file: string) => file.replace(/^\.?\//, ''),
    contains: async () => true,
    containsSync: () => true,
    sep: '/',
    dirname: (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/'))),
  };
  engine = new Liquid({
    fs,
    root: [''],
    partials: [''],
    extname: '',
    relativeReference: false,
    // Jekyll's `include`: a literal file name, `key=value` parameters under `include.`.
    jekyllInclude: true,
    dynamicPartials: false,
    // Unknown filters are reported (Jekyll would drop them silently), variables are lax as in Jekyll.
    strictFilters: true,
    strictVariables: false,
    timezoneOffset: config.timezone,
    // Jekyll's Liquid keeps whitespace; so do we, and templates are cached by their text.
    cache: 200,
  });
  const baseurl = config.baseurl.replace(/\/+$/, '');
  const url = config.url.replace(/\/+$/, '');
  const relative = (input: unknown) => {
    const text = input === null || input === undefined ? '' : String(input);
    if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return text;
    const path = `${baseurl}/${text.replace(/^\//, '')}`;
    return path.startsWith('/') ? path : `/${path}`;
  };
  engine.registerFilter('relative_url', relative);
  engine.registerFilter('absolute_url', (input: unknown) => {
    const text = input === null || input === undefined ? '' : String(input);
    if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return text;
    return `${url}${relative(text)}`;
  });
  engine.registerFilter('slugify', (input: unknown, mode?: string) =>
    slugify(String(input ?? ''), mode === 'pretty' ? 'pretty' : 'default'),
  );
  // Jekyll's `markdownify`: the text as Markdown, into HTML, so it also works in an `.html` post.
  engine.registerFilter('markdownify', (input: unknown) => getMarkdownifier().render(String(input ?? '')));
  engine.registerFilter('smartify', (input: unknown) => String(input ?? ''));
  for (const name of ['date_to_string', 'date_to_long_string', 'date_to_xmlschema', 'date_to_rfc822', 'date'] as const) {
    const builtIn = engine.filters[name];
    if (builtIn) {
      engine.registerFilter(name, function (this: unknown, value: unknown, ...args: unknown[]) {
        return (builtIn as (...input: unknown[]) => unknown).call(this, toDate(value), ...args);
      });
    }
  }
  engine.registerTag('link', makeLinkTag('link'));
  engine.registerTag('post_url', makeLinkTag('post-url'));
  engine.registerTag('highlight', HighlightTag);
  engines.set(config, engine);
  return engine;
}

/** True when a body has any Liquid markup (most posts have none and skip the engine). */
export function hasLiquid(body: string): boolean {
  return body.includes('{%') || body.includes('{{');
}

export type RenderedLiquid = { text: string; kept: KeptHtml; diagnostics: Diagnostic[] };

const LIQUID_MARKUP = /\{%-?[^]*?-?%\}|\{\{-?[^]*?-?\}\}/g;

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The body with its Liquid markup as inline code: what a post that Liquid cannot render shows. */
export function showLiquidAsCode(body: string): string {
  return body.replace(LIQUID_MARKUP, (markup) => `<code>${escapeHtml(markup)}</code>`);
}

/**
 * Renders the Liquid of a post body. `page` is what Liquid's `page` holds; `bodyLine` is the
 * file line where the body starts, so a diagnostic names the real line.
 */
export function renderLiquid(
  body: string,
  page: Record<string, unknown>,
  config: SiteConfig,
  file: string,
  bodyLine: number,
): RenderedLiquid {
  const kept: KeptHtml = [];
  if (!hasLiquid(body)) return { text: body, kept, diagnostics: [] };
  const engine = getEngine(config);
  const site = {
    ...(config.liquid?.config ?? {}),
    title: config.title,
    description: config.description,
    url: config.url,
    baseurl: config.baseurl,
    lang: config.lang,
    timezone: config.timezone,
    data: config.liquid?.data ?? {},
  };
  try {
    const templates: Template[] = engine.parse(body);
    const text = engine.renderSync(templates, { site, page, __kept: kept }, { globals: { __kept: kept } });
    return { text, kept, diagnostics: [] };
  } catch (error) {
    const position = (error as { token?: { getPosition?: () => [number, number] } }).token?.getPosition?.();
    const line = position ? bodyLine + position[0] - 1 : bodyLine;
    const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]?.replace(/, line:\d+, col:\d+$/, '');
    return {
      text: showLiquidAsCode(body),
      kept: [],
      diagnostics: [
        {
          file,
          line,
          severity: 'error',
          message: `Liquid: ${message}; the post is published with its Liquid shown as code`,
        },
      ],
    };
  }
}
