import { useMessages, type Messages } from '../../lib/i18n';

/** The offline feature's strings live in the one catalogue (src/shared/messages.ts). */
export type OfflineMessages = Messages;

export function useOfflineMessages(): OfflineMessages {
  return useMessages().t;
}
