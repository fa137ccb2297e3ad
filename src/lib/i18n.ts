import { use } from 'react';
import type { Messages } from '../shared/messages';
import { updateSettings, useSettings, type Language } from './settings';

export type { Messages } from '../shared/messages';

/**
 * Each language's catalogue is its own chunk: the browser loads the reader's language only
 * (main.tsx loads it beside the entry, before the first render), and another on a switch.
 */
const loaders: Record<Language, () => Promise<Messages>> = {
  'zh-CN': () => import('../shared/messages').then((module) => module.zh),
  en: () => import('../shared/messages-en').then((module) => module.en),
};

const loaded = new Map<Language, Messages>();
const loading = new Map<Language, Promise<Messages>>();

/** Load a language's catalogue once; later calls get the same promise. */
export function loadMessages(lang: Language): Promise<Messages> {
  let promise = loading.get(lang);
  if (!promise) {
    promise = loaders[lang]().then((messages) => {
      loaded.set(lang, messages);
      return messages;
    });
    promise.catch(() => loading.delete(lang));
    loading.set(lang, promise);
  }
  return promise;
}

/** A loaded catalogue; throws for one that `loadMessages` has not loaded yet. */
export function getMessages(lang: Language): Messages {
  const messages = loaded.get(lang);
  if (!messages) throw new Error(`The ${lang} messages are not loaded yet (call loadMessages).`);
  return messages;
}

/** Switch the UI language once its catalogue is here, so the page never waits blank for it. */
export async function chooseLanguage(lang: Language): Promise<void> {
  await loadMessages(lang);
  updateSettings({ lang });
}

/**
 * The UI strings in the reader's language, and that language (for dates). A catalogue not yet
 * loaded (a language chosen in another tab) suspends until it is.
 */
export function useMessages(): { t: Messages; lang: Language } {
  const { lang } = useSettings();
  return { t: loaded.get(lang) ?? use(loadMessages(lang)), lang };
}
