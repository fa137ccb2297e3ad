/** The shared bundle reader over a bundle made in memory by the prebuild's own writer. */
import { z } from 'zod/mini';
import type { Bundle } from '../../scripts/content/write-bundle';
import {
  bundleFiles,
  type ArticleLookup,
  type BundleFileKind,
  type BundleFileRef,
  type LoadBundleFile,
} from '../../src/shared/bundle-reader';
import { manifestSchema, type Article, type Manifest } from '../../src/shared/schema';

export function readMemoryManifest(bundle: Bundle): Manifest {
  return manifestSchema.parse(JSON.parse(bundle.files.get('manifest.json') ?? ''));
}

/** A loader over `bundle.files`; `loaded` records every file it was asked for, in order. */
export function createMemoryLoader(bundle: Bundle): {
  load: LoadBundleFile;
  loaded: BundleFileRef[];
} {
  const loaded: BundleFileRef[] = [];
  const load: LoadBundleFile = async <K extends BundleFileKind>(kind: K, hash: string) => {
    loaded.push({ kind, hash });
    // Bundle file names are relative to the data folder.
    const relative = bundleFiles[kind].path(hash).replace(/^data\//, '');
    const text = bundle.files.get(relative);
    if (text === undefined) throw new Error(`no file ${relative}`);
    return z.parse(bundleFiles[kind].schema, JSON.parse(text));
  };
  return { load, loaded };
}

/** The article a lookup found, or null for a redirect or nothing. */
export function getFoundArticle(lookup: ArticleLookup): Article | null {
  return lookup?.kind === 'article' ? lookup.article : null;
}
