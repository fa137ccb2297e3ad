/**
 * The generated Jekyll archive laid out as a minimal Hugo site, so `hugo` can be timed on the same
 * posts as the prebuild and `jekyll build`. Each `_posts/YYYY-MM-DD-name.md` becomes
 * `content/posts/YYYY-MM-DD-name.md` with its front matter kept as written (title, date, layout,
 * categories, tags: Hugo reads the same YAML, and `categories`/`tags` are its default taxonomies);
 * the site has one template per page kind (a post: title, date and body; a list: its post titles
 * as links; the home: the newest posts), raw HTML in Markdown passed through as kramdown does, and
 * Hugo's default outputs otherwise (RSS per list, capped at 10 items like jekyll-feed's feed, a
 * sitemap). The conversion is pure; writing it to disk is `writeHugoSite`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type SiteFile = { path: string; content: string };

const POST_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)\.(md|markdown|html)$/;

/** The Hugo content file for one Jekyll post (`name` is its file name in `_posts/`), or null if not a post. */
export function toHugoPost(name: string, content: string): SiteFile | null {
  const match = POST_NAME.exec(name);
  if (!match) return null;
  const normalized = content.replace(/\r\n?/g, '\n');
  // Hugo needs front matter; a Jekyll post always opens with it, but an empty block is allowed.
  const body = normalized.startsWith('---\n') ? normalized : `---\n---\n${normalized}`;
  const extension = match[3] === 'html' ? 'html' : 'md';
  return { path: `content/posts/${match[1]}-${match[2]}.${extension}`, content: body };
}

function quoteToml(value: string): string {
  return JSON.stringify(value);
}

/** The site's configuration and templates. */
export function createHugoScaffold(options: { title: string; lang: string }): SiteFile[] {
  const config = [
    `baseURL = "https://example.org/"`,
    `title = ${quoteToml(options.title)}`,
    `languageCode = ${quoteToml(options.lang)}`,
    'rssLimit = 10',
    'disableKinds = []',
    '[markup.goldmark.renderer]',
    '  unsafe = true',
    '[taxonomies]',
    '  category = "categories"',
    '  tag = "tags"',
    '',
  ].join('\n');
  const head = (title: string) =>
    `<!doctype html><html lang="{{ site.LanguageCode }}"><head><meta charset="utf-8"><title>${title}</title></head><body>`;
  const single = `${head('{{ .Title }} · {{ site.Title }}')}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02 15:04" }}</time>{{ .Content }}</article></body></html>\n`;
  const list = `${head('{{ .Title }} · {{ site.Title }}')}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n`;
  const home = `${head('{{ site.Title }}')}<ul>{{ range first 50 site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n`;
  return [
    { path: 'hugo.toml', content: config },
    { path: 'layouts/_default/single.html', content: single },
    { path: 'layouts/_default/list.html', content: list },
    { path: 'layouts/index.html', content: home },
  ];
}

/** Reads `key: value` of a flat `_config.yml` line (enough for the generator's config). */
export function readConfigValue(config: string, key: string): string | null {
  const match = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(config);
  if (!match?.[1]) return null;
  return match[1].replace(/^(["'])(.*)\1$/, '$2');
}

/** Writes the Hugo version of the Jekyll site at `jekyllSite` into `out`; returns the posts written. */
export function writeHugoSite(jekyllSite: string, out: string): number {
  let config = '';
  try {
    config = readFileSync(path.join(jekyllSite, '_config.yml'), 'utf8');
  } catch {
    // No config: the scaffold's defaults stand.
  }
  const files = createHugoScaffold({
    title: readConfigValue(config, 'title') ?? 'Archive',
    lang: readConfigValue(config, 'lang') ?? 'en',
  });
  const postsDir = path.join(jekyllSite, '_posts');
  let posts = 0;
  for (const name of readdirSync(postsDir).sort()) {
    const post = toHugoPost(name, readFileSync(path.join(postsDir, name), 'utf8'));
    if (!post) continue;
    files.push(post);
    posts++;
  }
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(out, file.path);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, file.content);
  }
  return posts;
}
