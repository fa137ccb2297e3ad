/**
 * One search indexer thread (started by `createSearchIndexer` in write-search.ts): it imports
 * Pagefind for itself, so it drives its own Pagefind service process, and builds the indexes it
 * is sent one after the other. Plain JavaScript so that it starts the same way under every
 * runner of the build (the tsx CLI, vitest, `npm run build`) without a TypeScript loader.
 *
 * In: `{ id, language, records }` to index, `{ close: true }` to stop Pagefind and end.
 * Out: `{ id, names, sizes, bytes }` (the files back to back in one transferred buffer) or
 * `{ id, error }`.
 */
import childProcess from 'node:child_process';
import { parentPort } from 'node:worker_threads';

/**
 * Pagefind's `close()` kills its process but does not wait for it, and a thread that ends first
 * never reaps it (a zombie until the build's process ends). So the thread notes the processes
 * Pagefind starts and waits for them to exit before it ends.
 *
 * @type {import('node:child_process').ChildProcess[]}
 */
const started = [];
const spawn = childProcess.spawn;
childProcess.spawn = /** @type {typeof spawn} */ (
  (...args) => {
    const child = spawn(...args);
    started.push(child);
    return child;
  }
);
const { close, createIndex } = await import('pagefind');

/** Records sent to Pagefind before waiting for its answers. */
const BATCH = 500;

/**
 * @param {string} language
 * @param {import('pagefind').CustomRecord[]} records
 * @returns {Promise<{ path: string; content: Uint8Array }[]>}
 */
async function buildIndex(language, records) {
  const { index, errors } = await createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (let start = 0; start < records.length; start += BATCH) {
      const added = await Promise.all(
        records.slice(start, start + BATCH).map((record) => index.addCustomRecord(record)),
      );
      for (const [at, result] of added.entries()) {
        if (result.errors.length > 0)
          throw new Error(`${records[start + at]?.url}: ${result.errors.join('; ')}`);
      }
    }
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(fileErrors.join('; '));
    return files;
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Pagefind's buffers may share one pooled allocation, so they are copied into one buffer of
 * their own, which is transferred rather than copied again.
 *
 * @param {{ path: string; content: Uint8Array }[]} files
 */
function pack(files) {
  const sizes = files.map((file) => file.content.length);
  const bytes = new Uint8Array(sizes.reduce((sum, size) => sum + size, 0));
  let offset = 0;
  for (const file of files) {
    bytes.set(file.content, offset);
    offset += file.content.length;
  }
  return { names: files.map((file) => file.path), sizes, bytes: bytes.buffer };
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

if (!parentPort) throw new Error('search-worker.js runs as a worker thread of the prebuild');
const port = parentPort;

port.on('message', async (message) => {
  if (message.close) {
    const exited = started
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map((child) => new Promise((resolve) => child.once('exit', resolve)));
    await close();
    await Promise.all(exited);
    port.close();
    return;
  }
  try {
    const result = pack(await buildIndex(message.language, message.records));
    port.postMessage({ id: message.id, ...result }, [result.bytes]);
  } catch (error) {
    port.postMessage({ id: message.id, error: describe(error) });
  }
});
