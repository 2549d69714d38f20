import './style.css';
import { useEffect, useState } from 'react';
import { useLocalisation } from '@/components/i18n';
import { SectionNav, sectionLabel, sections, type Section } from '@/components/options/SectionNav';
import type { Settings } from '@/lib/model/settings';
import { mountLocalisedApp } from '@/lib/settings/localised-app';
import { readSettings, updateSettings, watchSettings } from '@/lib/settings/storage';
import { ContactsSection } from './sections/ContactsSection';
import { DashboardSection } from './sections/DashboardSection';
import { DataSection } from './sections/DataSection';
import { GeneralSection } from './sections/GeneralSection';
import { LibrarySection } from './sections/LibrarySection';
import { PoliciesSection } from './sections/PoliciesSection';
import { TeamSection } from './sections/TeamSection';

function sectionFromHash(): Section {
  const wanted = location.hash.slice(1);
  return sections.find((section) => section === wanted) ?? 'general';
}

function Options() {
  const { t } = useLocalisation();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [section, setSection] = useState<Section>(sectionFromHash);

  useEffect(() => {
    void readSettings().then(setSettings);
    const stop = watchSettings(setSettings);
    const onHash = () => setSection(sectionFromHash());
    addEventListener('hashchange', onHash);
    return () => {
      stop();
      removeEventListener('hashchange', onHash);
    };
  }, []);

  function select(next: Section) {
    history.replaceState(null, '', `#${next}`);
    setSection(next);
    // Focus moves to the section's heading, so keyboard and screen-reader users land on what they chose.
    requestAnimationFrame(() => document.getElementById('section-heading')?.focus());
  }

  if (!settings) return null;
  return (
    <div className="options-layout">
      <header>
        <h1>{t('optionsTitle')}</h1>
      </header>
      <SectionNav current={section} onSelect={select} />
      <main className="options" aria-labelledby="section-heading" data-testid={`section-${section}`}>
        <h2 id="section-heading" tabIndex={-1}>
          {t(sectionLabel(section))}
        </h2>
        {section === 'general' && <GeneralSection settings={settings} onSave={async (patch) => setSettings(await updateSettings(patch))} />}
        {section === 'contacts' && <ContactsSection />}
        {section === 'policies' && <PoliciesSection />}
        {section === 'templates' && <LibrarySection key="templates" kind="templates" agentName={settings.agentName} />}
        {section === 'articles' && <LibrarySection key="articles" kind="articles" agentName={settings.agentName} />}
        {section === 'dashboard' && <DashboardSection />}
        {section === 'team' && <TeamSection />}
        {section === 'data' && <DataSection />}
      </main>
    </div>
  );
}

mountLocalisedApp(document.getElementById('root'), <Options />);
