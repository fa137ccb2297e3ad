import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { visualizer } from 'rollup-plugin-visualizer';
import { z } from 'zod';
import { cacheNames } from './src/shared/cache-names';
import { contentSecurityPolicy } from './src/shared/content-security-policy';
import { normalizeBasePath } from './src/shared/paths';
import { manifestSchema, type Site } from './src/shared/schema';
import { getWebAppNames } from './src/shared/page-title';

/**
 * Folder copied into the build. The e2e runner points it at a temporary copy holding a test
 * bundle, so test builds never touch `public/data`.
 */
const publicDir = process.env.BROADSHEET_PUBLIC_DIR ?? 'public';

/** The site of the prebuilt bundle (`_config.yml`), if there is one: the feed link's and the app's names. */
function readSite(): Site | null {
  try {
    const parsed = manifestSchema.safeParse(
      JSON.parse(readFileSync(`${publicDir}/data/manifest.json`, 'utf8')),
    );
    return parsed.success ? parsed.data.site : null;
  } catch {
    return null;
  }
}

function readSiteTitle(): string {
  return readSite()?.title ?? '';
}

/**
 * Adds the CSP meta and the Atom feed link to the built shell. Build only: the dev server
 * injects an inline React Refresh preamble that a strict policy would block.
 */
function shellHeadPlugin(base: string): Plugin {
  return {
    name: 'broadsheet-shell-head',
    apply: 'build',
    transformIndexHtml(html) {
      const title = readSiteTitle() || 'Atom';
      // Right after the charset, before anything that loads: a policy only governs what follows it.
      const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`;
      const withPolicy = html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${csp}`);
      if (withPolicy === html)
        throw new Error('index.html needs a <meta charset> for the CSP to follow.');
      return {
        html: withPolicy,
        tags: [
          { tag: 'meta', attrs: { name: 'theme-color', content: '#7f1d1d' }, injectTo: 'head' },
          {
            tag: 'link',
            attrs: { rel: 'icon', href: `${base}icons/icon.svg`, type: 'image/svg+xml' },
            injectTo: 'head',
          },
          {
            tag: 'link',
            attrs: { rel: 'apple-touch-icon', href: `${base}icons/apple-touch-icon.png` },
            injectTo: 'head',
          },
          // Vite escapes attribute values, so a hostile site title stays text.
          {
            tag: 'link',
            attrs: {
              rel: 'alternate',
              type: 'application/atom+xml',
              title,
              href: `${base}feed.xml`,
            },
            injectTo: 'head',
          },
        ],
      };
    },
  };
}

const base = normalizeBasePath(process.env.BASE_PATH);
const site = readSite();

/** Identity of the app bundle: it decides when the persisted query cache is thrown away. */
function getAppVersion(): string {
  if (process.env.BROADSHEET_APP_VERSION) return process.env.BROADSHEET_APP_VERSION;
  const parsed = z
    .object({ version: z.string() })
    .safeParse(JSON.parse(readFileSync('package.json', 'utf8')));
  return parsed.success ? parsed.data.version : '0.0.0';
}

/** Paths the service worker must never answer with the app shell. */
const navigateFallbackDenylist = [
  /\/data\//,
  /\/feed(\/[^/]*)?\.xml$/,
  /\/sitemap[^/]*\.xml$/,
  /\/robots\.txt$/,
  /\/icons\//,
];

/**
 * The shell the service worker precaches: `index.html` and exactly what it loads before any view
 * (the entry chunk, the chunks it imports statically, their CSS). Every other chunk is cached as
 * it is read (the `code` runtime cache below), so a first visit downloads only what it shows and
 * the worker's install does not fetch the whole app beside it (decision 023).
 */
function shellFilesPlugin() {
  // page-settings.js starts the app on a pre-rendered page (decision 028), offline too.
  const files = new Set<string>(['index.html', 'manifest.webmanifest', 'page-settings.js']);
  const plugin: Plugin = {
    name: 'broadsheet-shell-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || files.has(fileName)) return;
        files.add(fileName);
        if (chunk.type !== 'chunk') return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        chunk.imports.forEach(visit);
      };
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName);
    },
  };
  return { plugin, isShellFile: (url: string) => files.has(url) };
}
const shellFiles = shellFilesPlugin();

export default defineConfig({
  base,
  publicDir,
  define: { 'import.meta.env.APP_VERSION': JSON.stringify(getAppVersion()) },
  plugins: [
    react(),
    tailwindcss(),
    shellHeadPlugin(base),
    shellFiles.plugin,
    VitePWA({
      registerType: 'prompt',
      // The app registers the worker itself with workbox-window (src/features/offline/service-worker.ts);
      // nothing is inlined into the HTML.
      injectRegister: false,
      // Icons are cached when the browser asks for them (runtime route below), not installed with the shell.
      includeManifestIcons: false,
      strategies: 'generateSW',
      // Named after the archive it reads (the site's `_config.yml` title); the bundle is built first.
      manifest: {
        ...getWebAppNames(site?.title ?? ''),
        // Stable across builds and titles, so an installed app stays one app.
        id: base,
        description: site?.description || '离线可读的新闻存档',
        lang: site?.lang || 'zh-CN',
        dir: 'ltr',
        start_url: base,
        scope: base,
        display: 'standalone',
        theme_color: '#7f1d1d',
        background_color: '#fdf6e3',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The shell only: the rest of the code and the bundle are cached as they are read
        // (below), and per-page HTML files are the same shell under other names, answered by the
        // navigation route.
        globPatterns: ['**/*.{js,css,html,webmanifest}'],
        globIgnores: ['data/**', '404.html', '**/node_modules/**'],
        manifestTransforms: [
          (entries) => ({
            manifest: entries.filter((entry) => shellFiles.isShellFile(entry.url)),
            warnings: [],
          }),
        ],
        navigateFallback: 'index.html',
        navigateFallbackDenylist,
        cleanupOutdatedCaches: true,
        // On the first install there is no older worker to respect: take the page at once, so what
        // the first visit reads is cached. Updates still wait for the reader (registerType: prompt).
        clientsClaim: true,
        runtimeCaching: [
          {
            // Content-hashed code: the views, search and dialogs not in the shell. The app also
            // copies in what it loaded before the worker took the page (src/lib/app-code-cache.ts).
            urlPattern: /\/assets\/[^/]+-[\w-]{8,}\.(js|css)$/,
            handler: 'CacheFirst',
            options: {
              cacheName: cacheNames.code,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 400, maxAgeSeconds: 365 * 24 * 60 * 60 },
            },
          },
          {
            // Icons keep their names across builds.
            urlPattern: /\/icons\/[^/]+\.(png|svg)$/,
            handler: 'StaleWhileRevalidate',
            options: { cacheName: cacheNames.icons, cacheableResponse: { statuses: [200] } },
          },
          {
            urlPattern: /\/data\/manifest\.json$/,
            handler: 'NetworkFirst',
            options: {
              cacheName: cacheNames.manifest,
              networkTimeoutSeconds: 3,
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // Content-hashed shards never change: once read, read from the cache forever.
            urlPattern:
              /\/data\/(home|lists|list-index|article-index|articles)\/[0-9a-f]{8,64}\.json$/,
            handler: 'CacheFirst',
            options: {
              cacheName: cacheNames.shards,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 50_000, maxAgeSeconds: 365 * 24 * 60 * 60 },
            },
          },
          {
            // Every file of a search index lives in a folder named by a hash of its records, so it
            // never changes. Pagefind asks for each index's entry as `pagefind-entry.json?ts=…`;
            // the app sets `ts` to that hash, and the query is ignored anyway, so an entry read
            // once answers offline whatever timestamp a request carries (decision 014).
            urlPattern: /\/data\/pagefind\/[\w.-]+\/[\w.-]+-[0-9a-f]{16}\//,
            handler: 'CacheFirst',
            options: {
              cacheName: cacheNames.search,
              cacheableResponse: { statuses: [200] },
              matchOptions: { ignoreSearch: true },
              expiration: { maxEntries: 20_000, maxAgeSeconds: 365 * 24 * 60 * 60 },
            },
          },
          {
            // Pagefind's module: one name across builds, so fresh when the network answers.
            urlPattern: /\/data\/pagefind\//,
            handler: 'NetworkFirst',
            options: {
              cacheName: cacheNames.searchEntry,
              networkTimeoutSeconds: 3,
              cacheableResponse: { statuses: [200] },
              matchOptions: { ignoreSearch: true },
            },
          },
        ],
      },
    }),
    // `BROADSHEET_ANALYZE=1 vite build`: what each chunk holds, gzipped (`=list`: as text), outside dist/.
    !!process.env.BROADSHEET_ANALYZE &&
      visualizer({
        filename: 'node_modules/.cache/bundle-report/stats.html',
        gzipSize: true,
        template: process.env.BROADSHEET_ANALYZE === 'list' ? 'list' : 'treemap',
      }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Modules run in source order whatever chunk they land in, so src/lib/configure-zod.ts (imported
    // first by main.tsx) runs before the shared chunk that defines the schemas (decision 011).
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
});
