import { createContext, useContext, type ReactNode } from 'react';
import { createCounter, type CountTranslate } from '@/lib/i18n/plural';
import { createTranslator, type Language, type Translate } from '@/lib/i18n/translate';

interface Localisation {
  t: Translate;
  /** A message that counts something, in the language's plural forms. */
  n: CountTranslate;
  language: Language;
}

const LocalisationContext = createContext<Localisation>({ t: createTranslator('en'), n: createCounter('en'), language: 'en' });

export function LocalisationProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <LocalisationContext.Provider value={{ t: createTranslator(language), n: createCounter(language), language }}>{children}</LocalisationContext.Provider>;
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
