import { storage } from 'wxt/utils/storage';
import { defaultRoutingSettings, routingSettingsSchema, type RoutingSettings } from '@/lib/model/routing-rule';

/** Routing rules are per device (they live in extension storage, like the other small settings). */
const routingItem = storage.defineItem<unknown>('local:routing', { fallback: defaultRoutingSettings, version: 1 });

/** The stored rules; a rule that no longer reads is dropped, the others kept. */
export async function readRouting(): Promise<RoutingSettings> {
  const value = await routingItem.getValue();
  const whole = routingSettingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const rules = typeof value === 'object' && value !== null && 'rules' in value && Array.isArray(value.rules) ? (value.rules as unknown[]) : [];
  const readable = rules.flatMap((rule) => {
    const parsed = routingSettingsSchema.shape.rules.element.safeParse(rule);
    return parsed.success ? [parsed.data] : [];
  });
  return { rules: readable };
}

export async function writeRouting(settings: RoutingSettings): Promise<RoutingSettings> {
  const parsed = routingSettingsSchema.parse(settings);
  await routingItem.setValue(parsed);
  return parsed;
}
