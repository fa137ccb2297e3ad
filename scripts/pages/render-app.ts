/**
 * The app's own views, rendered to HTML at build time: Vite builds `src/app/render-static.tsx` for
 * Node with the same base as the app, and the page writer calls it for every page it writes. The
 * routes' loaders fetch `data/…` files as in the browser; here `fetch` reads them from the built
 * folder. Post bodies go through the app's sanitizer (`src/features/article/sanitize-post-html.ts`,
 * the policy of `src/shared/post-html-policy.ts`) on a jsdom window. See docs/decisions/022.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
// @ts-expect-error jsdom ships no type declarations and @types/jsdom is not a dependency
import { JSDOM } from 'jsdom';

/** What `src/app/render-static.tsx` exports (scripts import only src/shared, so it is restated). */
export type StaticRender =
  { kind: 'page'; html: string; status: number } | { kind: 'redirect'; location: string };
type StaticRenderer = {
  render: (url: string) => Promise<StaticRender>;
  forgetShards: () => void;
  dispose: () => void;
};
type StaticEntry = {
  createStaticRenderer: (origin: string, listPages?: number) => StaticRenderer;
};

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Only gives requests an absolute address; nothing is fetched from it. */
const ORIGIN = 'http://pages.invalid';

export type AppRenderer = StaticRenderer & { close: () => Promise<void> };

/** Build the Node entry of the app into a scratch folder inside the project (its imports resolve there). */
async function buildEntry(base: string, appVersion: string | undefined): Promise<string> {
  const scratch = path.join(repoRoot, 'node_modules', '.cache');
  await mkdir(scratch, { recursive: true });
  const outDir = await mkdtemp(path.join(scratch, 'broadsheet-pages-'));
  await build({
    configFile: false,
    root: repoRoot,
    base,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    plugins: [react()],
    // Its package entry is a browser build Node cannot import by name; bundled, it only loads.
    ssr: { noExternal: ['workbox-window'] },
    define: { 'import.meta.env.APP_VERSION': JSON.stringify(appVersion ?? 'dev') },
    build: {
      ssr: 'src/app/render-static.tsx',
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
    },
  });
  return outDir;
}

/**
 * The browser globals the app's render path touches: the sanitizer's DOMPurify (`window`, and
 * `Element` for its hook) and the article's permalink (`window.location`). Set after the entry is
 * imported, so libraries that look for a browser when they load still see Node.
 */
function installDom(): void {
  const dom: object = new JSDOM('<!doctype html><html><body></body></html>', { url: `${ORIGIN}/` });
  const window: object = Reflect.get(dom, 'window');
  for (const name of ['window', 'document', 'Element', 'Node', 'HTMLElement', 'DocumentFragment'])
    Object.defineProperty(globalThis, name, {
      value: name === 'window' ? window : Reflect.get(window, name),
      configurable: true,
      writable: true,
    });
}

/** `fetch` for the routes' loaders: `data/…` below the base, read from the built folder. */
function installFetch(dist: string, base: string): void {
  const prefix = `${ORIGIN}${base}`;
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const absolute = new URL(url, prefix).href;
    if (!absolute.startsWith(prefix)) return new Response(null, { status: 404 });
    const relative = decodeURIComponent(absolute.slice(prefix.length).replace(/[?#].*$/, ''));
    if (!relative.startsWith('data/') || relative.split('/').includes('..'))
      return new Response(null, { status: 404 });
    try {
      return new Response(await readFile(path.join(dist, relative)), {
        headers: { 'content-type': 'application/json' },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

export async function openAppRenderer(options: {
  dist: string;
  base: string;
  appVersion?: string;
  /** The last page number of a list that gets its own file (decision 027); default none. */
  listPages?: number;
}): Promise<AppRenderer> {
  const outDir = await buildEntry(options.base, options.appVersion);
  // React and the router load their production builds (several times faster) when this is set
  // before they are first imported, which the entry below does.
  process.env.NODE_ENV ??= 'production';
  try {
    const entry = (await import(
      pathToFileURL(path.join(outDir, 'render-static.js')).href
    )) as StaticEntry;
    installDom();
    installFetch(options.dist, options.base);
    const renderer = entry.createStaticRenderer(ORIGIN, options.listPages);
    return {
      render: (url: string): Promise<StaticRender> => renderer.render(url),
      forgetShards: () => renderer.forgetShards(),
      dispose: () => renderer.dispose(),
      close: async () => {
        renderer.dispose();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
