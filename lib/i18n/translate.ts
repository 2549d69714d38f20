import en from '@/locales/en.json';
import ja from '@/locales/ja.json';
import type { UiLanguage } from '@/lib/model/settings';

export type MessageKey = keyof typeof en;
export type Language = 'en' | 'ja';
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

// Japanese must have every English key: a missing one is a type error here.
const catalogs: Record<Language, Record<MessageKey, string>> = { en, ja };

/**
 * The same message files that build the extension's _locales (for the manifest), read at run time
 * so that the options page can pick a language other than the browser's.
 */
export function createTranslator(language: Language): Translate {
  const catalog = catalogs[language];
  return (key, ...substitutions) =>
    catalog[key].replace(/\$(\d)/g, (match, index: string) => substitutions[Number(index) - 1] ?? match);
}

export function resolveLanguage(setting: UiLanguage, browserLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
