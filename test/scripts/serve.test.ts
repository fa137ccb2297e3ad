import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getCacheControl, startServer, type RunningServer } from '../../scripts/serve';

let root: string;
const servers: RunningServer[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-serve-'));
  const files: Record<string, string> = {
    'index.html': 'shell',
    '404.html': 'not found shell',
    'emnews/2021/12/08/x.html': 'post',
    '财经/index.html': 'old category',
    'manifest.webmanifest': '{}',
    'data/manifest.json': '{}',
    'data/lists/0123abcd.json': '{}',
    'data/pagefind/zh-cn/2022-02-26-3fa2b1c94d5e6f70/pagefind.zh-cn_3fa2b1c9.pf_meta': 'x',
    'data/pagefind/pagefind.js': 'x',
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  await writeFile(path.join(os.tmpdir(), 'broadsheet-serve-secret.txt'), 'secret');
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await rm(root, { recursive: true, force: true });
  await rm(path.join(os.tmpdir(), 'broadsheet-serve-secret.txt'), { force: true });
});

async function serve(options: { base?: string; spa?: boolean } = {}) {
  const server = await startServer({ root, ...options });
  servers.push(server);
  return (pathname: string) => fetch(new URL(pathname, server.url), { redirect: 'manual' });
}

test('paths resolve as on GitHub Pages: file, x → x.html, folder → index.html, else 404.html', async () => {
  const get = await serve();
  for (const [pathname, status, body] of [
    ['/', 200, 'shell'],
    ['/emnews/2021/12/08/x.html', 200, 'post'],
    ['/emnews/2021/12/08/x', 200, 'post'],
    ['/%E8%B4%A2%E7%BB%8F/', 200, 'old category'],
    ['/nothing/here', 404, 'not found shell'],
    ['/%2e%2e/broadsheet-serve-secret.txt', 404, 'not found shell'],
  ] as const) {
    const response = await get(pathname);
    expect([pathname, response.status]).toEqual([pathname, status]);
    expect(await response.text()).toBe(body);
  }
  const redirect = await get('/%E8%B4%A2%E7%BB%8F');
  expect(redirect.status).toBe(301);
  expect(redirect.headers.get('location')).toBe('/%E8%B4%A2%E7%BB%8F/');
});

test('content types and cache headers follow the file kind', async () => {
  const get = await serve();
  const manifest = await get('/manifest.webmanifest');
  expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
  const meta = await get(
    '/data/pagefind/zh-cn/2022-02-26-3fa2b1c94d5e6f70/pagefind.zh-cn_3fa2b1c9.pf_meta',
  );
  expect(meta.headers.get('content-type')).toBe('application/octet-stream');
  expect(meta.headers.get('cache-control')).toContain('immutable');
  expect((await get('/data/pagefind/pagefind.js')).headers.get('cache-control')).not.toContain(
    'immutable',
  );
  expect((await get('/data/lists/0123abcd.json')).headers.get('cache-control')).toContain(
    'immutable',
  );
  expect((await get('/data/manifest.json')).headers.get('cache-control')).toBe('no-cache');
  expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
  expect(getCacheControl('assets/index-CY6v-sSA.css')).toContain('immutable');
  expect(getCacheControl('sw.js')).toBe('no-cache');
});

test('--spa answers unknown paths with the shell, --base serves under a prefix', async () => {
  const spa = await serve({ spa: true });
  const unknown = await spa('/category/x?tag=y');
  expect(unknown.status).toBe(200);
  expect(await unknown.text()).toBe('shell');

  const sub = await serve({ base: '/finews/' });
  expect(await (await sub('/finews/emnews/2021/12/08/x')).text()).toBe('post');
  expect((await sub('/emnews/2021/12/08/x')).status).toBe(404);
  expect((await sub('/finews')).headers.get('location')).toBe('/finews/');
});

test('text goes out gzipped to a client that accepts it, as a static host sends it', async () => {
  const server = await startServer({ root });
  servers.push(server);
  const { request } = await import('node:http');
  const get = (pathname: string, encoding: string | null) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const url = new URL(pathname, server.url);
      const call = request(
        url,
        { headers: encoding === null ? {} : { 'accept-encoding': encoding } },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('end', () =>
            resolve({ headers: response.headers, body: Buffer.concat(parts) }),
          );
        },
      );
      call.on('error', reject);
      call.end();
    });
  const { gunzipSync } = await import('node:zlib');

  const zipped = await get('/data/manifest.json', 'br, gzip;q=0.8');
  expect(zipped.headers['content-encoding']).toBe('gzip');
  expect(zipped.headers.vary).toBe('Accept-Encoding');
  expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
  expect(gunzipSync(zipped.body).toString()).toBe('{}');

  for (const encoding of [null, 'identity', 'gzip;q=0']) {
    const plain = await get('/data/manifest.json', encoding);
    expect([encoding, plain.headers['content-encoding']]).toEqual([encoding, undefined]);
    expect(plain.body.toString()).toBe('{}');
    expect(plain.headers.etag).not.toBe(zipped.headers.etag);
  }
  // Pagefind's files are compressed already.
  const binary = await get(
    '/data/pagefind/zh-cn/2022-02-26-3fa2b1c94d5e6f70/pagefind.zh-cn_3fa2b1c9.pf_meta',
    'gzip',
  );
  expect(binary.headers['content-encoding']).toBeUndefined();
  // A 404 page is a page like any other.
  const missing = await get('/nothing/here', 'gzip');
  expect(gunzipSync(missing.body).toString()).toBe('not found shell');
});
