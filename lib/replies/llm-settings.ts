/**
 * The reply provider's settings, in the extension's local storage (never in a page, never synced).
 * Off by default: with it off, nothing is sent anywhere.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';

export const replyProviderSettingsSchema = z.object({
  enabled: z.boolean(),
  endpoint: z.string().trim().max(2000),
  model: z.string().trim().max(200),
  apiKey: z.string().trim().max(500),
});
export type ReplyProviderSettings = z.infer<typeof replyProviderSettingsSchema>;

export const defaultReplyProviderSettings: ReplyProviderSettings = { enabled: false, endpoint: '', model: '', apiKey: '' };

const item = storage.defineItem<unknown>('local:reply-provider', { fallback: defaultReplyProviderSettings, version: 1 });

export async function readReplyProviderSettings(): Promise<ReplyProviderSettings> {
  const parsed = replyProviderSettingsSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : defaultReplyProviderSettings;
}

export async function writeReplyProviderSettings(settings: ReplyProviderSettings): Promise<ReplyProviderSettings> {
  const parsed = replyProviderSettingsSchema.parse(settings);
  await item.setValue(parsed);
  return parsed;
}

/** Ready to use: switched on with an endpoint and a model. */
export function providerReady(settings: ReplyProviderSettings): boolean {
  return settings.enabled && settings.endpoint !== '' && settings.model !== '';
}
