import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useLocalisation } from '@/components/i18n';
import { RecognitionMisses } from '@/components/options/RecognitionMisses';
import { clearMissTallies, readMissTallies, type MissTally } from '@/lib/diagnostics/recognition-misses';
import { OPEN_PANEL_COMMAND } from '@/lib/messaging/commands';
import { uiLanguageSchema, type Settings } from '@/lib/model/settings';

/** Language, the agent's name, the panel shortcut and page-recognition diagnostics. */
export function GeneralSection({ settings, onSave }: { settings: Settings; onSave: (patch: Partial<Settings>) => Promise<void> }) {
  const { t } = useLocalisation();
  const [shortcut, setShortcut] = useState('');
  const [saved, setSaved] = useState(false);
  const [tallies, setTallies] = useState<MissTally[]>([]);

  useEffect(() => {
    void readMissTallies().then(setTallies);
    void browser.commands.getAll().then((commands) => {
      setShortcut(commands.find((command) => command.name === OPEN_PANEL_COMMAND)?.shortcut ?? '');
    });
  }, []);

  const save = (patch: Partial<Settings>) => void onSave(patch).then(() => setSaved(true));

  return (
    <>
      <label>
        {t('optionsLanguage')}
        <select data-testid="language" value={settings.language} onChange={(event) => save({ language: uiLanguageSchema.parse(event.target.value) })}>
          <option value="auto">{t('optionsLanguageAuto')}</option>
          <option value="en">{t('optionsLanguageEn')}</option>
          <option value="ja">{t('optionsLanguageJa')}</option>
        </select>
      </label>
      <label>
        {t('optionsAgentName')}
        <input defaultValue={settings.agentName} maxLength={120} onBlur={(event) => save({ agentName: event.target.value.trim() })} />
      </label>
      <p className="hint">{t('optionsShortcut', shortcut || t('optionsShortcutUnset'))}</p>
      <p className="saved" role="status">{saved ? t('optionsSaved') : ''}</p>
      <RecognitionMisses tallies={tallies} onClear={() => void clearMissTallies().then(() => setTallies([]))} />
    </>
  );
}
