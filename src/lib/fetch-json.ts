import { safeParse, type Schema } from '../shared/schema';
import { BUNDLE_SCHEMA_VERSION } from '../shared/schema';
import { getDataUrl } from './data-base';

/**
 * Why a data file failed, so the reader is told what happened rather than "something broke":
 * no answer, no such file, a server error, bytes that are not JSON (cut short or damaged), a
 * host's HTML page where data belongs, a file of another bundle layout, or JSON of the wrong shape.
 */
export type DataErrorKind =
  'unreachable' | 'missing' | 'server' | 'not-json' | 'web-page' | 'other-build' | 'schema';

/** A data file that could not be loaded or did not match the bundle schema. */
export class DataError extends Error {
  readonly status: number | null;
  readonly path: string;
  readonly kind: DataErrorKind;

  constructor(message: string, path: string, status: number | null, kind?: DataErrorKind) {
    super(message);
    this.name = 'DataError';
    this.path = path;
    this.status = status;
    this.kind =
      kind ??
      (status === null ? 'unreachable' : status === 404 || status === 410 ? 'missing' : 'server');
  }
}

/** A file that names a bundle layout other than this app's: written by another build of Broadsheet. */
function isOtherLayout(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('schema' in body)) return false;
  return body.schema !== BUNDLE_SCHEMA_VERSION;
}

/**
 * Whether a failed file is gone from the deployed build rather than out of reach: the host
 * answered, but not with this file. That is what a redeploy under an open tab looks like (the
 * old manifest names shards the new build no longer has), so a fresh manifest may help; a 5xx
 * or no answer at all is a network or host failure, which a new manifest cannot fix.
 */
export function isGoneError(error: unknown): error is DataError {
  return error instanceof DataError && error.kind !== 'unreachable' && error.kind !== 'server';
}

/**
 * Fetch one `data/…` file and parse it with its schema, so a file from another build or a host
 * that answers with an HTML error page fails loudly instead of rendering garbage.
 */
export async function fetchJson<T>(
  path: string,
  schema: Schema<T>,
  signal?: AbortSignal,
  cache?: RequestCache,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(getDataUrl(path), { signal, cache });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError(`Could not reach ${path}`, path, null);
  }
  if (!response.ok)
    throw new DataError(`${path} answered ${response.status}`, path, response.status);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError(`Could not read ${path}`, path, null);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Static hosts answer a missing file with their HTML error page or the app shell, often as 200.
    const isPage = /^\s*</.test(text);
    const kind = isPage ? 'web-page' : 'not-json';
    throw new DataError(
      `${path} is ${isPage ? 'a web page' : 'not JSON'}`,
      path,
      response.status,
      kind,
    );
  }
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    const kind = isOtherLayout(body) ? 'other-build' : 'schema';
    throw new DataError(`${path} does not match the bundle schema`, path, response.status, kind);
  }
  return parsed.data;
}
