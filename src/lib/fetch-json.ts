import type { z } from 'zod';
import { getDataUrl } from './data-base';

/** A data file that could not be loaded or did not match the bundle schema. */
export class DataError extends Error {
  readonly status: number | null;
  readonly path: string;

  constructor(message: string, path: string, status: number | null) {
    super(message);
    this.name = 'DataError';
    this.path = path;
    this.status = status;
  }
}

/**
 * Fetch one `data/…` file and parse it with its schema, so a file from another build or a host
 * that answers with an HTML error page fails loudly instead of rendering garbage.
 */
export async function fetchJson<T>(
  path: string,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(getDataUrl(path), { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError(`Could not reach ${path}`, path, null);
  }
  if (!response.ok)
    throw new DataError(`${path} answered ${response.status}`, path, response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new DataError(`${path} is not JSON`, path, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new DataError(`${path} does not match the bundle schema`, path, response.status);
  return parsed.data;
}
