import { z } from 'zod/mini';
import { createStoredValue } from './stored-value';

/**
 * Reader settings (theme, text size, language, list mode), remembered in localStorage. They live here and not
 * in the settings feature because every feature reads them (the language above all).
 */
export const themeChoices = ['system', 'light', 'dark'] as const;
export const textSizes = ['small', 'medium', 'large', 'x-large'] as const;
export const languages = ['zh-CN', 'en'] as const;
/** How lists show posts: one time-led line each (a wire's default), or cards with excerpts. */
export const listModes = ['compact', 'cards'] as const;

const settingsSchema = z.object({
  theme: z.catch(z.enum(themeChoices), 'system'),
  textSize: z.catch(z.enum(textSizes), 'medium'),
  lang: z.catch(z.enum(languages), 'zh-CN'),
  listMode: z.catch(z.enum(listModes), 'compact'),
});
export type Settings = z.infer<typeof settingsSchema>;
export type ThemeChoice = Settings['theme'];
export type TextSize = Settings['textSize'];
export type Language = Settings['lang'];
export type ListMode = Settings['listMode'];

const STORAGE_KEY = 'broadsheet:settings';
const defaults: Settings = {
  theme: 'system',
  textSize: 'medium',
  lang: 'zh-CN',
  listMode: 'compact',
};
/** The UI language of the pre-rendered pages (what a first render shows before the stored settings). */
export const defaultLanguage: Language = defaults.lang;

const settingsStore = createStoredValue<Settings>(
  STORAGE_KEY,
  settingsSchema,
  defaults,
  applySettingsToDocument,
);

export function getSettings(): Settings {
  return settingsStore.read();
}

export function updateSettings(patch: Partial<Settings>): void {
  settingsStore.write({ ...settingsStore.read(), ...patch });
}

export function useSettings(): Settings {
  return settingsStore.use();
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * Put the theme class, text size and language on `<html>`. Called in main.tsx before the first
 * render, so the page never flashes the wrong theme (the CSP forbids an inline script in the head).
 */
export function applySettingsToDocument(settings: Settings = getSettings()): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  const dark = isDarkTheme(settings);
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  root.dataset.textSize = settings.textSize;
  root.lang = settings.lang;
}

/** Whether the page is dark now (the reader's choice, else the system's). */
export function isDarkTheme(settings: Settings): boolean {
  return settings.theme === 'dark' || (settings.theme === 'system' && prefersDark());
}

/** Follow the system theme while the reader has not chosen one. */
export function watchSystemTheme(): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => applySettingsToDocument();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
