import { useMessages } from '../../../lib/i18n';
import { isDarkTheme, updateSettings, useSettings } from '../../../lib/settings';

/** One-click light/dark switch; the choice is remembered and overrides the system's. */
export function ThemeToggle() {
  const { t } = useMessages();
  const settings = useSettings();
  const dark = isDarkTheme(settings);
  return (
    <button
      type="button"
      aria-pressed={dark}
      aria-label={t.darkMode}
      title={t.darkMode}
      onClick={() => updateSettings({ theme: dark ? 'light' : 'dark' })}
      className="inline-flex h-9 w-9 cursor-pointer items-center justify-center rounded-md text-muted hover:text-ink"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        {dark ? (
          <path d="M12 3v2M12 19v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M3 12h2M19 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z" />
        ) : (
          <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />
        )}
      </svg>
    </button>
  );
}
