import { storage } from 'wxt/utils/storage';
import { parse, safeParse } from 'zod/mini';
import { browser } from 'wxt/browser';
import { defaultSettings, settingsSchema, type Settings } from '@/lib/model/settings';
import { createTranslator, resolveLanguage, type Translate } from '@/lib/i18n/translate';

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: defaultSettings, version: 1 });

/** Stored settings, parsed; anything unreadable falls back field by field to the defaults. */
export function parseSettings(value: unknown): Settings {
  const whole = safeParse(settingsSchema, value);
  if (whole.success) return whole.data;
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    const parsed = safeParse(field, stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return parse(settingsSchema, merged);
}

export async function readSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parse(settingsSchema, { ...(await readSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(parseSettings(value)));
}

export function translatorFor(settings: Settings): Translate {
  return createTranslator(resolveLanguage(settings.language, browser.i18n.getUILanguage()));
}
