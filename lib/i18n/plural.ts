import en from '@/locales/en.json';
import ja from '@/locales/ja.json';
import type { Language, MessageKey } from './translate';

type Catalog = Record<MessageKey, string>;
const catalogs: Record<Language, Catalog> = { en, ja };

/** Messages that count something: each has `<base>_other` and the other plural forms its language needs (`_one`, …). */
export type CountedMessage = MessageKey extends infer Key ? (Key extends `${infer Base}_other` ? Base : never) : never;

export type CountTranslate = (base: CountedMessage, count: number, ...substitutions: string[]) => string;

/**
 * The message for `count` in the grammar of the language (Intl.PluralRules: "1 row", "2 rows"; Japanese
 * has one form). `$1` is the count, formatted for the language; further substitutions follow as `$2`….
 */
export function createCounter(language: Language): CountTranslate {
  const rules = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  const catalog = catalogs[language];
  return (base, count, ...substitutions) => {
    const forms = catalog as Record<string, string | undefined>;
    const template = forms[`${base}_${rules.select(count)}`] ?? catalog[`${base}_other` as MessageKey];
    const values = [numbers.format(count), ...substitutions];
    return template.replace(/\$(\d)/g, (match, index: string) => values[Number(index) - 1] ?? match);
  };
}
