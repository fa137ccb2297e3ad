import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router-dom';
import type { Manifest } from '../../shared/schema';
import { manifestQueryOptions } from '../../lib/manifest-query';
import { prefetchList, resolveList, type ListTarget } from '../../features/feed/list-source';
import { readListParams } from '../../features/feed/list-query-params';

/** Which list a URL names; null when the route's parameter names none. */
export type GetListTarget = (args: LoaderFunctionArgs, manifest: Manifest) => ListTarget | null;

/** The loader every list route shares: manifest, then exactly the page or filter result the view shows. */
export function createListLoader(queryClient: QueryClient, getTarget: GetListTarget) {
  return async (args: LoaderFunctionArgs) => {
    const manifest = await queryClient.ensureQueryData(manifestQueryOptions());
    const target = getTarget(args, manifest);
    const list = target ? resolveList(manifest, target) : null;
    if (list)
      await prefetchList(
        queryClient,
        manifest,
        list,
        readListParams(new URL(args.request.url).searchParams),
      );
    return null;
  };
}

/** `/tag/快讯.html` (the pre-rendered page's own name) and `/tag/快讯` name the same tag. */
export function readTagName(name: string | undefined, manifest: Manifest): string {
  const raw = name ?? '';
  if (manifest.tags.some((tag) => tag.name === raw)) return raw;
  return raw.replace(/\.html$/, '');
}
