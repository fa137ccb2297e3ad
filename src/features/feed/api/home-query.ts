import { useSuspenseQuery } from '@tanstack/react-query';
import type { Home } from '../../../shared/schema';
import { bundleFileQueryOptions } from '../../../lib/bundle-queries';

export function homeQueryOptions(hash: string) {
  return bundleFileQueryOptions('home', hash);
}

export function useHome(hash: string): Home {
  return useSuspenseQuery(homeQueryOptions(hash)).data;
}
