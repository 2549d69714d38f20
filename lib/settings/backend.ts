import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** Where the team backend is and the agent's token: extension storage only, never the page. */
export const backendSettingsSchema = z.object({
  backendUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(8),
});
export type BackendSettings = z.infer<typeof backendSettingsSchema>;

const backendItem = storage.defineItem<unknown>('local:backend');

export async function readBackendSettings(): Promise<BackendSettings | null> {
  const parsed = backendSettingsSchema.safeParse(await backendItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function writeBackendSettings(settings: BackendSettings | null): Promise<void> {
  if (settings) await backendItem.setValue(backendSettingsSchema.parse(settings));
  else await backendItem.removeValue();
}
