import './style.css';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useLocalisation } from '@/components/i18n';
import { RecognitionMisses } from '@/components/options/RecognitionMisses';
import { clearMissTallies, readMissTallies, type MissTally } from '@/lib/diagnostics/recognition-misses';
import { OPEN_PANEL_COMMAND } from '@/lib/messaging/commands';
import { uiLanguageSchema, type Settings } from '@/lib/model/settings';
import { mountLocalisedApp } from '@/lib/settings/localised-app';
import { readSettings, updateSettings } from '@/lib/settings/storage';

function Options() {
  const { t } = useLocalisation();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string>('');
  const [saved, setSaved] = useState(false);
  const [tallies, setTallies] = useState<MissTally[]>([]);

  useEffect(() => {
    void readSettings().then(setSettings);
    void readMissTallies().then(setTallies);
    void browser.commands.getAll().then((commands) => {
      setShortcut(commands.find((command) => command.name === OPEN_PANEL_COMMAND)?.shortcut ?? '');
    });
  }, []);

  async function save(patch: Partial<Settings>) {
    setSettings(await updateSettings(patch));
    setSaved(true);
  }

  if (!settings) return null;
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <label>
        {t('optionsLanguage')}
        <select
          data-testid="language"
          value={settings.language}
          onChange={(event) => void save({ language: uiLanguageSchema.parse(event.target.value) })}
        >
          <option value="auto">{t('optionsLanguageAuto')}</option>
          <option value="en">{t('optionsLanguageEn')}</option>
          <option value="ja">{t('optionsLanguageJa')}</option>
        </select>
      </label>
      <label>
        {t('optionsAgentName')}
        <input
          defaultValue={settings.agentName}
          maxLength={120}
          onBlur={(event) => void save({ agentName: event.target.value.trim() })}
        />
      </label>
      <p className="hint">{t('optionsShortcut', shortcut || t('optionsShortcutUnset'))}</p>
      <p className="saved" role="status">{saved ? t('optionsSaved') : ''}</p>
      <RecognitionMisses tallies={tallies} onClear={() => void clearMissTallies().then(() => setTallies([]))} />
    </main>
  );
}

mountLocalisedApp(document.getElementById('root'), <Options />);
