import { useId } from 'react';
import { chooseLanguage, useMessages } from '../../../lib/i18n';
import { useDismissableDetails } from '../../../components/ui/use-dismissable-details';
import {
  languages,
  textSizes,
  themeChoices,
  updateSettings,
  useSettings,
} from '../../../lib/settings';

const languageNames = { 'zh-CN': '中文', en: 'English' } as const;

type SettingSelectProps<T extends string> = {
  label: string;
  value: T;
  choices: readonly T[];
  names: Record<T, string>;
  onChange: (value: T) => void;
  /** Mark each option with its own language (for the language choice). */
  optionLang?: boolean;
};

function SettingSelect<T extends string>({
  label,
  value,
  choices,
  names,
  onChange,
  optionLang,
}: SettingSelectProps<T>) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-xs font-semibold text-muted">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) =>
          onChange(choices.find((choice) => choice === event.target.value) ?? value)
        }
        className="h-9 w-full rounded-md border border-rule bg-paper px-2 text-sm text-ink"
      >
        {choices.map((choice) => (
          <option key={choice} value={choice} lang={optionLang ? choice : undefined}>
            {names[choice]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Theme, text size and language, in a disclosure so the header stays small on a phone; it closes as a menu does. */
export function SettingsMenu() {
  const { t } = useMessages();
  const settings = useSettings();
  const menuRef = useDismissableDetails();
  const themeNames = { system: t.themeSystem, light: t.themeLight, dark: t.themeDark };
  return (
    <details ref={menuRef} className="settings-menu relative">
      <summary className="inline-flex h-9 cursor-pointer list-none items-center gap-1 rounded-md px-2 text-sm text-muted hover:text-ink">
        <span aria-hidden="true">Aa</span>
        <span className="sr-only sm:not-sr-only">{t.settings}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-60 space-y-3 rounded-lg border border-rule bg-paper p-4 shadow-lg">
        <SettingSelect
          label={t.theme}
          value={settings.theme}
          choices={themeChoices}
          names={themeNames}
          onChange={(theme) => updateSettings({ theme })}
        />
        <SettingSelect
          label={t.textSize}
          value={settings.textSize}
          choices={textSizes}
          names={t.textSizeNames}
          onChange={(textSize) => updateSettings({ textSize })}
        />
        <SettingSelect
          label={t.language}
          value={settings.lang}
          choices={languages}
          names={languageNames}
          onChange={(lang) => void chooseLanguage(lang)}
          optionLang
        />
      </div>
    </details>
  );
}
