import type { z } from 'zod';
import { getDataUrl } from './data-base';

/**
 * Why a data file failed: no answer at all (offline, DNS, CORS), an HTTP error status, a body
 * that is not JSON (a host answering with its HTML error or index page), or JSON that does not
 * match the bundle schema.
 */
export type DataErrorReason = 'unreachable' | 'status' | 'not-json' | 'schema';

/** A data file that could not be loaded or did not match the bundle schema. */
export class DataError extends Error {
  readonly status: number | null;
  readonly path: string;
  readonly reason: DataErrorReason;

  constructor(message: string, path: string, status: number | null, reason: DataErrorReason) {
    super(message);
    this.name = 'DataError';
    this.path = path;
    this.status = status;
    this.reason = reason;
  }
}

/**
 * Whether a failed file is gone from the deployed build rather than out of reach: the host
 * answered, but not with this file. That is what a redeploy under an open tab looks like (the
 * old manifest names shards the new build no longer has), so a fresh manifest may help; a 5xx
 * or no answer at all is a network or host failure, which a new manifest cannot fix.
 */
export function isGoneError(error: unknown): error is DataError {
  if (!(error instanceof DataError)) return false;
  if (error.reason === 'status') return error.status === 404 || error.status === 410;
  return error.reason === 'not-json' || error.reason === 'schema';
}

/**
 * Fetch one `data/…` file and parse it with its schema, so a file from another build or a host
 * that answers with an HTML error page fails loudly instead of rendering garbage.
 */
export async function fetchJson<T>(
  path: string,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
  cache?: RequestCache,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(getDataUrl(path), { signal, cache });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError(`Could not reach ${path}`, path, null, 'unreachable');
  }
  if (!response.ok)
    throw new DataError(`${path} answered ${response.status}`, path, response.status, 'status');
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new DataError(`${path} is not JSON`, path, response.status, 'not-json');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new DataError(
      `${path} does not match the bundle schema`,
      path,
      response.status,
      'schema',
    );
  return parsed.data;
}
