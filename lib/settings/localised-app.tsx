import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LocalisationProvider } from '@/components/i18n';
import { resolveLanguage, type Language } from '@/lib/i18n/translate';
import { readSettings, watchSettings } from './storage';

function useLanguage(): Language | null {
  const [language, setLanguage] = useState<Language | null>(null);
  useEffect(() => {
    const uiLanguage = browser.i18n.getUILanguage();
    void readSettings().then((settings) => setLanguage(resolveLanguage(settings.language, uiLanguage)));
    return watchSettings((settings) => setLanguage(resolveLanguage(settings.language, uiLanguage)));
  }, []);
  return language;
}

function LocalisedApp({ children }: { children: ReactNode }) {
  const language = useLanguage();
  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);
  return language ? <LocalisationProvider language={language}>{children}</LocalisationProvider> : null;
}

/** Renders an extension page in the language the user chose (or the browser's). */
export function mountLocalisedApp(container: HTMLElement | null, app: ReactNode): void {
  if (!container) throw new Error('The page has no #root element');
  createRoot(container).render(
    <StrictMode>
      <LocalisedApp>{app}</LocalisedApp>
    </StrictMode>,
  );
}
