/**
 * A static file server that behaves like the hosts Broadsheet deploys to, so `npm start` and the
 * e2e suite see what readers will see. By default it resolves paths as GitHub Pages does (exact
 * file, folder → its `index.html`, `x` → `x.html`, else `404.html` with status 404); `--spa`
 * answers unknown paths with `index.html` and 200, like a host with a rewrite rule. Text files
 * go out gzipped to a client that accepts it, as static hosts send them, so what the e2e suite
 * and the benchmarks count is what readers download.
 *
 *   tsx scripts/serve.ts [DIR=dist] [--port N] [--base /finews/] [--spa]
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicyHeader } from '../src/shared/content-security-policy';
import { normalizeBasePath } from '../src/shared/paths';
import { isMainModule } from './cli';
import { isDirectory } from './files';

export type ServeOptions = {
  /** Folder to serve. */
  root: string;
  /** URL prefix the folder is served under, e.g. `/finews/`. Default `/`. */
  base?: string;
  /** Answer unknown paths with `index.html` (status 200) instead of `404.html`. */
  spa?: boolean;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
};

export type RunningServer = {
  /** Address of the served root, with the base and a trailing slash: `http://127.0.0.1:4173/finews/`. */
  url: string;
  port: number;
  close: () => Promise<void>;
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The MIME type of a file; Pagefind's own binary files (`.pf_meta`, `.pagefind`, …) are octet streams. */
export function getContentType(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Cache policy by file kind: names that carry a content hash never change, so they are cached
 * for a year; everything that names them (HTML, the manifest, the service worker) is revalidated.
 * `relative` is the path below the served root, `/`-separated.
 */
export function getCacheControl(relative: string): string {
  if (/^assets\/.+-[\w-]{8,}\.\w+$/.test(relative)) return IMMUTABLE;
  if (/^data\/(home|lists|list-index|article-index|articles)\/[0-9a-f]{8,64}\.json$/.test(relative))
    return IMMUTABLE;
  // Every file of a search part lives in a folder named by a hash of its records (decision 013);
  // Pagefind's module at the search root keeps its name across builds.
  if (/^data\/pagefind\/[\w.-]+\/[\w.-]+-[0-9a-f]{16}\//.test(relative)) return IMMUTABLE;
  if (/^workbox-[0-9a-f]{6,}\.js$/.test(relative)) return IMMUTABLE;
  if (/\.(png|svg|ico|webp|jpg|woff2)$/.test(relative)) return 'public, max-age=86400';
  return REVALIDATE;
}

/** Types a static host compresses; images, fonts and Pagefind's own (already compressed) files go as they are. */
export function isCompressible(file: string): boolean {
  return /^(text\/|application\/(json|manifest\+json|xml|wasm))|^image\/svg/.test(
    getContentType(file),
  );
}

/** Gzipped bodies by file, kept while the file's size and mtime stay the same. */
const gzipCache = new Map<string, { key: string; body: Buffer }>();
const GZIP_CACHE_LIMIT = 2000;

async function readGzipped(file: string, key: string): Promise<Buffer> {
  const cached = gzipCache.get(file);
  if (cached?.key === key) return cached.body;
  const body = gzipSync(await readFile(file), { level: 9 });
  if (gzipCache.size >= GZIP_CACHE_LIMIT) gzipCache.clear();
  gzipCache.set(file, { key, body });
  return body;
}

function acceptsGzip(request: IncomingMessage): boolean {
  const header = request.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.find((param) => param.trim().startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (!q || Number(q.trim().slice(2)) > 0);
  });
}

type Resolved =
  | { kind: 'file'; file: string; size: number; mtimeMs: number; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

async function statFile(file: string) {
  try {
    const info = await stat(file);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

/** Find what a request path maps to below `root`, the way a static host without rewrites does. */
async function resolvePath(
  root: string,
  base: string,
  pathname: string,
  spa: boolean,
): Promise<Resolved> {
  const fallback = async (): Promise<Resolved> => {
    const name = spa ? 'index.html' : '404.html';
    const info = await statFile(path.join(root, name));
    if (!info) return { kind: 'missing' };
    return {
      kind: 'file',
      file: path.join(root, name),
      size: info.size,
      mtimeMs: info.mtimeMs,
      status: spa ? 200 : 404,
    };
  };

  if (`${pathname}/` === base) return { kind: 'redirect', location: base };
  if (!pathname.startsWith(base)) return fallback();
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return fallback();
  }
  if (relative.includes('\0')) return fallback();
  const target = path.resolve(root, `.${path.posix.sep}${relative}`);
  if (target !== root && !target.startsWith(root + path.sep)) return fallback();

  const candidates: string[] = [];
  if (relative === '' || relative.endsWith('/')) {
    candidates.push(path.join(target, 'index.html'));
  } else {
    candidates.push(target);
    if (await isDirectory(target)) return { kind: 'redirect', location: `${pathname}/` };
    candidates.push(`${target}.html`);
  }
  for (const file of candidates) {
    const info = await statFile(file);
    if (info) return { kind: 'file', file, size: info.size, mtimeMs: info.mtimeMs, status: 200 };
  }
  return fallback();
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: Required<Pick<ServeOptions, 'root' | 'base' | 'spa'>>,
) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  const resolved = await resolvePath(options.root, options.base, url.pathname, options.spa);
  if (resolved.kind === 'redirect') {
    response.writeHead(301, { location: resolved.location + url.search }).end();
    return;
  }
  if (resolved.kind === 'missing') {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const relative = path.relative(options.root, resolved.file).split(path.sep).join('/');
  const version = `${resolved.size.toString(16)}-${Math.floor(resolved.mtimeMs).toString(16)}`;
  const compressible = isCompressible(resolved.file);
  const gzip = compressible && acceptsGzip(request);
  const etag = `W/"${version}${gzip ? '-gz' : ''}"`;
  const headers = {
    'content-type': getContentType(resolved.file),
    'cache-control': resolved.status === 200 ? getCacheControl(relative) : REVALIDATE,
    etag,
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    'x-content-type-options': 'nosniff',
    // Pages carry the policy in a <meta> too; only a header can add frame-ancestors (decision 007).
    ...(resolved.file.endsWith('.html')
      ? { 'content-security-policy': contentSecurityPolicyHeader }
      : {}),
  };
  if (resolved.status === 200 && request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers).end();
    return;
  }
  if (gzip) {
    const body = await readGzipped(resolved.file, version);
    response.writeHead(resolved.status, { ...headers, 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  response.writeHead(resolved.status, { ...headers, 'content-length': resolved.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(resolved.file).pipe(response);
}

/** Serve `root` on 127.0.0.1; resolves once listening. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const base = normalizeBasePath(options.base);
  const spa = options.spa ?? false;
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    handleRequest(request, response, { root, base, spa }).catch((error: unknown) => {
      if (!response.headersSent)
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Server error: ${String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no TCP address.');
  return {
    url: `http://${host}:${address.port}${base}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function runCli() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      base: { type: 'string' },
      spa: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port: ${values.port}`);
  const root = positionals[0] ?? 'dist';
  if (!(await isDirectory(path.resolve(root))))
    throw new Error(`Nothing to serve: ${root} is not a folder (run npm run build first).`);
  const server = await startServer({
    root,
    base: values.base ?? process.env.BASE_PATH,
    spa: values.spa,
    port,
  });
  console.log(`Serving ${root} at ${server.url}${values.spa ? ' (SPA fallback)' : ''}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (isMainModule(import.meta.url)) {
  runCli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
