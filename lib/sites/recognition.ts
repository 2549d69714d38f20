import type { PageContext } from './types';

/**
 * Misses that describe the person, not our reading of the page: a private photo, a profile without
 * a headline line, a signed-out page without "me". They leave the page fully recognised.
 */
const FACTS_A_PAGE_MAY_LACK = new Set(['profile.headline', 'profile.avatar', 'me']);

/** The misses that mean the adapter could not read the page as it expected (the site may have changed). */
export function recognitionGaps(context: Pick<PageContext, 'misses'>): string[] {
  return context.misses.filter((miss) => !FACTS_A_PAGE_MAY_LACK.has(miss));
}
