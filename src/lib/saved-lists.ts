import { z } from 'zod/mini';
import { bundleFileKinds } from '../shared/bundle-reader';
import { createStoredValue } from './stored-value';

/**
 * The lists saved for offline reading and the files each one keeps. Saving and removing live in
 * the offline feature; search reads the record to search a saved list without a network.
 */

const savedFileSchema = z.object({
  kind: z.enum(bundleFileKinds),
  hash: z.string(),
});

const savedListSchema = z.object({
  /** List id (`c:<slug>`, `t:<tag>`, `all`). */
  list: z.string(),
  title: z.string(),
  /** App path of the list view. */
  path: z.string().check(z.startsWith('/')),
  posts: z.int().check(z.nonnegative()),
  files: z.array(savedFileSchema),
  /**
   * Hash of the list index that was saved; a newer build has a newer one. A record only: a saved
   * list is found by `list`, which new posts do not change.
   */
  index: z.string(),
});
export type SavedList = z.infer<typeof savedListSchema>;

export const savedLists = createStoredValue<SavedList[]>(
  'broadsheet:saved-lists',
  z.array(savedListSchema),
  [],
);
