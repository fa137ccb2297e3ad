import { updateSettings, useSettings } from '../../../lib/settings';
import { useMessages } from '../../../lib/i18n';

/** The one switch between the time-led compact list and cards; remembered with the settings. */
export function ListModeToggle() {
  const { t } = useMessages();
  const { listMode } = useSettings();
  const compact = listMode === 'compact';
  return (
    <button
      type="button"
      aria-pressed={compact}
      title={t.compactModeHint}
      onClick={() => updateSettings({ listMode: compact ? 'cards' : 'compact' })}
      className="mode-toggle"
    >
      <span aria-hidden="true" className="mode-toggle-box" />
      {t.compactMode}
    </button>
  );
}
