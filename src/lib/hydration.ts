import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

/**
 * False while the page writer renders a page and while the browser hydrates that page; true from
 * the render after. What depends on the reader's clock or device (today's date, say) waits for it,
 * so the first client render matches the pre-rendered HTML exactly (docs/decisions/022).
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
