import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { siteSchema, type Site } from '@/lib/model/page-context';

const missTallySchema = z.object({
  site: siteSchema,
  miss: z.string().max(200),
  count: z.number().int().nonnegative(),
  lastSeenAt: z.iso.datetime(),
  /** The page where it was last missed, without query or fragment (they may carry personal data). */
  lastUrl: z.string().max(2000),
});
export type MissTally = z.infer<typeof missTallySchema>;

const talliesSchema = z.array(missTallySchema);
const MAX_TALLIES = 200;

/** What the adapters could not find on real pages: a changed site shows up here first. */
const talliesItem = storage.defineItem<unknown>('local:recognition-misses', { fallback: [] });

export async function readMissTallies(): Promise<MissTally[]> {
  const parsed = talliesSchema.safeParse(await talliesItem.getValue());
  const tallies = parsed.success ? parsed.data : [];
  return tallies.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt) || b.count - a.count);
}

function pageWithoutDetails(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/** Counts each gap of one page view. */
export async function recordMisses(site: Site, gaps: readonly string[], url: string, now: Date): Promise<void> {
  if (gaps.length === 0) return;
  const tallies = await readMissTallies();
  for (const miss of gaps) {
    const tally = tallies.find((candidate) => candidate.site === site && candidate.miss === miss);
    const seen = { lastSeenAt: now.toISOString(), lastUrl: pageWithoutDetails(url) };
    if (tally) Object.assign(tally, seen, { count: tally.count + 1 });
    else tallies.unshift({ site, miss, count: 1, ...seen });
  }
  await talliesItem.setValue(tallies.slice(0, MAX_TALLIES));
}

export async function clearMissTallies(): Promise<void> {
  await talliesItem.setValue([]);
}
