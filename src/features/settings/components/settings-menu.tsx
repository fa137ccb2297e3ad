import { useId } from 'react';
import { useMessages } from '../../../lib/i18n';
import { languages, textSizes, themeChoices, updateSettings, useSettings } from '../../../lib/settings';

const languageNames = { 'zh-CN': '中文', en: 'English' } as const;

/** Theme, text size and language, in a disclosure so the header stays small on a phone. */
export function SettingsMenu() {
  const { t } = useMessages();
  const settings = useSettings();
  const themeId = useId();
  const sizeId = useId();
  const langId = useId();
  const themeNames = { system: t.themeSystem, light: t.themeLight, dark: t.themeDark };
  const selectClass = 'h-9 w-full rounded-md border border-rule bg-paper px-2 text-sm text-ink';
  return (
    <details className="settings-menu relative">
      <summary className="inline-flex h-9 cursor-pointer list-none items-center gap-1 rounded-md px-2 text-sm text-muted hover:text-ink">
        <span aria-hidden="true">Aa</span>
        <span className="sr-only sm:not-sr-only">{t.settings}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-60 space-y-3 rounded-lg border border-rule bg-paper p-4 shadow-lg">
        <div className="space-y-1">
          <label htmlFor={themeId} className="text-xs font-semibold text-muted">
            {t.theme}
          </label>
          <select
            id={themeId}
            value={settings.theme}
            onChange={(event) => updateSettings({ theme: themeChoices.find((choice) => choice === event.target.value) ?? 'system' })}
            className={selectClass}
          >
            {themeChoices.map((choice) => (
              <option key={choice} value={choice}>
                {themeNames[choice]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={sizeId} className="text-xs font-semibold text-muted">
            {t.textSize}
          </label>
          <select
            id={sizeId}
            value={settings.textSize}
            onChange={(event) => updateSettings({ textSize: textSizes.find((size) => size === event.target.value) ?? 'medium' })}
            className={selectClass}
          >
            {textSizes.map((size) => (
              <option key={size} value={size}>
                {t.textSizeNames[size]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={langId} className="text-xs font-semibold text-muted">
            {t.language}
          </label>
          <select
            id={langId}
            value={settings.lang}
            onChange={(event) => updateSettings({ lang: languages.find((lang) => lang === event.target.value) ?? 'zh-CN' })}
            className={selectClass}
          >
            {languages.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {languageNames[lang]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </details>
  );
}
