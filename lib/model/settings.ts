import { z } from 'zod';

export const uiLanguageSchema = z.enum(['auto', 'en', 'ja']);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

/** Small per-device settings, kept in extension storage (not synced, not in IndexedDB). */
export const settingsSchema = z.object({
  language: uiLanguageSchema,
  panelCollapsed: z.boolean(),
  agentName: z.string().max(120),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { language: 'auto', panelCollapsed: false, agentName: '' };
