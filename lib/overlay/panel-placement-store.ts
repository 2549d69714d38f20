import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import type { Site } from '@/lib/model/page-context';
import { DEFAULT_PLACEMENT, MAX_WIDTH, MIN_WIDTH, type Placement } from './panel-placement';

const placementSchema = z.object({
  dock: z.enum(['left', 'right']),
  width: z.number().check(z.minimum(MIN_WIDTH), z.maximum(MAX_WIDTH)),
  collapsed: z.boolean(),
});

/** Per device and per site (a LinkedIn layout is not an X one), like the other small settings. */
const placementsItem = storage.defineItem<unknown>('local:panelPlacement', { fallback: {}, version: 1 });

export async function readPlacement(site: Site, fallbackCollapsed = false): Promise<Placement> {
  const stored: unknown = await placementsItem.getValue();
  const entry = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>)[site] : undefined;
  const parsed = z.safeParse(placementSchema, entry);
  return parsed.success ? parsed.data : { ...DEFAULT_PLACEMENT, collapsed: fallbackCollapsed };
}

export async function writePlacement(site: Site, placement: Placement): Promise<void> {
  const stored: unknown = await placementsItem.getValue();
  const all = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {};
  all[site] = z.parse(placementSchema, placement);
  await placementsItem.setValue(all);
}
