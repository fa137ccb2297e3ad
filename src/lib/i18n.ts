import { messageCatalogs, type Messages } from '../shared/messages';
import { useSettings, type Language } from './settings';

export type { Messages } from '../shared/messages';

const catalogs: Record<Language, Messages> = messageCatalogs;

export function getMessages(lang: Language): Messages {
  return catalogs[lang];
}

/** The UI strings in the reader's language, and that language (for dates). */
export function useMessages(): { t: Messages; lang: Language } {
  const { lang } = useSettings();
  return { t: catalogs[lang], lang };
}
