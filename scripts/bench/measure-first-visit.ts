/**
 * What a cold first visit to a page costs over the network: requests and bytes as they come over
 * the wire (gzipped where the server gzips, as `scripts/serve.ts` does like a static host; headers
 * included), in headless Chromium with a new profile per page. The one meter of a first visit:
 * `npm run bench` and the e2e suite both use it. Counted: everything the page fetches and everything its service worker
 * fetches (the precache included) until the worker is active and the network has been quiet for
 * a while. Not counted: what the HTTP cache or the worker's cache answers, since neither crosses
 * the network.
 *
 *   tsx scripts/bench/measure-first-visit.ts URL [PATH…]   (default paths: /)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { isMainModule } from '../cli';
import { CHROMIUM_ARGS, ensureChromium } from '../ensure-chromium';

export type FirstVisit = {
  path: string;
  /** On the wire: status lines, headers and bodies as the server sent them. */
  bytes: number;
  /** The bodies uncompressed. */
  rawBytes: number;
  requests: number;
  /** The share of `bytes` and `requests` the service worker fetched (its precache). */
  workerBytes: number;
  workerRequests: number;
};

/** The network counts as quiet once nothing was in flight for this long. */
const QUIET_MS = 1500;
const TIMEOUT_MS = 60_000;

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const navigator: { serviceWorker?: { ready: Promise<unknown> } };

type Metered = { url: string; bytes: number; rawBytes: number };
type Meter = { responses: Metered[]; inFlight: number; lastChange: number };

/**
 * A pass-through proxy in front of `origin` that counts what crosses it: each response's status
 * line, headers and body exactly as the server sent them (gzipped where it gzips). The browser
 * sees one origin, so the page's and its service worker's fetches all pass here, and what the
 * HTTP cache or the worker's cache answers never does.
 */
async function startMeter(
  origin: URL,
): Promise<{ url: string; meter: Meter; close: () => Promise<void> }> {
  const meter: Meter = { responses: [], inFlight: 0, lastChange: Date.now() };
  const server = createServer((incoming, outgoing) => {
    meter.inFlight += 1;
    meter.lastChange = Date.now();
    const done = () => {
      meter.inFlight -= 1;
      meter.lastChange = Date.now();
    };
    const upstream = request(
      {
        host: origin.hostname,
        port: origin.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: origin.host },
      },
      (response) => {
        const head = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`;
        let bytes = head.length + 2;
        for (let i = 0; i < response.rawHeaders.length; i += 2)
          bytes += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`.length;
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => {
          const body = Buffer.concat(parts);
          const gzipped = response.headers['content-encoding'] === 'gzip' && body.length > 0;
          meter.responses.push({
            url: incoming.url ?? '',
            bytes: bytes + body.length,
            rawBytes: gzipped ? gunzipSync(body).length : body.length,
          });
          done();
        });
        outgoing.writeHead(response.statusCode ?? 502, response.rawHeaders);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => {
      done();
      outgoing.writeHead(502).end(String(error));
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The meter has no TCP address.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    meter,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitForQuiet(meter: Meter, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (meter.inFlight === 0 && Date.now() - meter.lastChange >= QUIET_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The network did not settle within ${TIMEOUT_MS / 1000} s.`);
}

/** Open `url` and wait until the page loaded, its service worker is active and the network is quiet. */
async function visit(page: Page, url: string, meter: Meter): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
  await page.evaluate(async () => {
    if (navigator.serviceWorker) await navigator.serviceWorker.ready;
  });
  await waitForQuiet(meter, deadline);
}

/**
 * Cold-visit cost of each path below `baseUrl` (e.g. `http://127.0.0.1:4173/`), each in a fresh
 * browser profile: no HTTP cache, no service worker, no stored data.
 */
export async function measureFirstVisit(
  baseUrl: string,
  paths: readonly string[],
): Promise<FirstVisit[]> {
  const executablePath = ensureChromium();
  const origin = new URL(baseUrl);
  const results: FirstVisit[] = [];
  for (const pagePath of paths) {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-first-visit-'));
    const proxy = await startMeter(origin);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      locale: 'zh-CN',
      viewport: { width: 412, height: 823 },
      serviceWorkers: 'allow',
      args: CHROMIUM_ARGS,
    });
    // What the worker asked for; a file both asked for crosses the wire at most once each.
    const workerAsked = new Map<string, number>();
    const pageAsked = new Map<string, number>();
    context.on('request', (request) => {
      const asked = request.serviceWorker() ? workerAsked : pageAsked;
      const key = new URL(request.url()).pathname + new URL(request.url()).search;
      asked.set(key, (asked.get(key) ?? 0) + 1);
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const url = new URL(pagePath.replace(/^\//, ''), new URL(origin.pathname, proxy.url)).href;
      await visit(page, url, proxy.meter);
      const seen = new Map<string, number>();
      let workerBytes = 0;
      let workerRequests = 0;
      for (const response of proxy.meter.responses) {
        const count = (seen.get(response.url) ?? 0) + 1;
        seen.set(response.url, count);
        const byPage = pageAsked.get(response.url) ?? 0;
        if ((workerAsked.get(response.url) ?? 0) > 0 && count > byPage) {
          workerBytes += response.bytes;
          workerRequests += 1;
        }
      }
      const sum = (key: 'bytes' | 'rawBytes') =>
        proxy.meter.responses.reduce((total, response) => total + response[key], 0);
      results.push({
        path: pagePath,
        bytes: sum('bytes'),
        rawBytes: sum('rawBytes'),
        requests: proxy.meter.responses.length,
        workerBytes,
        workerRequests,
      });
    } finally {
      await context.close();
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return results;
}

if (isMainModule(import.meta.url)) {
  const [baseUrl, ...paths] = process.argv.slice(2);
  if (!baseUrl) {
    console.error('Usage: tsx scripts/bench/measure-first-visit.ts URL [PATH…]');
    process.exit(2);
  }
  measureFirstVisit(baseUrl, paths.length > 0 ? paths : ['/']).then(
    (results) => {
      for (const result of results)
        console.log(
          `${result.path}\t${(result.bytes / 1024).toFixed(1)} KiB\t${result.requests} requests\t(service worker: ${(result.workerBytes / 1024).toFixed(1)} KiB in ${result.workerRequests})`,
        );
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
