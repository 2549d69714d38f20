import { createContext, useContext, type ReactNode } from 'react';
import { createTranslator, type Language, type Translate } from '@/lib/i18n/translate';

interface Localisation {
  t: Translate;
  language: Language;
}

const LocalisationContext = createContext<Localisation>({ t: createTranslator('en'), language: 'en' });

export function LocalisationProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <LocalisationContext.Provider value={{ t: createTranslator(language), language }}>{children}</LocalisationContext.Provider>;
}

export function useLocalisation(): Localisation {
  return useContext(LocalisationContext);
}

export function formatDay(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDayAndTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
