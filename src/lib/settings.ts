import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * Reader settings (theme, text size, language), remembered in localStorage. They live here and not
 * in the settings feature because every feature reads them (the language above all).
 */
export const themeChoices = ['system', 'light', 'dark'] as const;
export const textSizes = ['small', 'medium', 'large', 'x-large'] as const;
export const languages = ['zh-CN', 'en'] as const;

const settingsSchema = z.object({
  theme: z.enum(themeChoices).catch('system'),
  textSize: z.enum(textSizes).catch('medium'),
  lang: z.enum(languages).catch('zh-CN'),
});
export type Settings = z.infer<typeof settingsSchema>;
export type ThemeChoice = Settings['theme'];
export type TextSize = Settings['textSize'];
export type Language = Settings['lang'];

const STORAGE_KEY = 'broadsheet:settings';
const defaults: Settings = { theme: 'system', textSize: 'medium', lang: 'zh-CN' };

function readStoredSettings(): Settings {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return defaults;
    const parsed = settingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaults;
  } catch {
    return defaults;
  }
}

let current: Settings = readStoredSettings();
const listeners = new Set<() => void>();

function subscribeSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSettings(): Settings {
  return current;
}

export function updateSettings(patch: Partial<Settings>): void {
  current = { ...current, ...patch };
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Private mode or a full quota: the choice still holds for this visit.
  }
  applySettingsToDocument(current);
  for (const listener of listeners) listener();
}

/** Re-read storage (tests, or another tab changed it). */
export function reloadSettings(): void {
  current = readStoredSettings();
  applySettingsToDocument(current);
  for (const listener of listeners) listener();
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * Put the theme class, text size and language on `<html>`. Called in main.tsx before the first
 * render, so the page never flashes the wrong theme (the CSP forbids an inline script in the head).
 */
export function applySettingsToDocument(settings: Settings = current): void {
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
  const onChange = () => applySettingsToDocument(current);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribeSettings, getSettings, getSettings);
}
