// zod/mini: content scripts read settings, and the full zod would triple their size.
import * as z from 'zod/mini';

export const uiLanguageSchema = z.enum(['auto', 'en', 'ja']);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

/** Small per-device settings, kept in extension storage (not synced, not in IndexedDB). */
export const settingsSchema = z.object({
  language: uiLanguageSchema,
  panelCollapsed: z.boolean(),
  agentName: z.string().check(z.maxLength(120)),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { language: 'auto', panelCollapsed: false, agentName: '' };
