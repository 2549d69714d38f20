import type { PageContext } from '../types';

/**
 * Misses that describe the person, the page or the account, not our reading of the page: a private
 * photo, a profile without a headline, a signed-out page without "me", a page kind we do not read,
 * a post without caption or comments, times a page shows only as "2h". They leave it fully recognised.
 */
const FACTS_A_PAGE_MAY_LACK = new Set([
  'page.kind',
  'profile.headline',
  'profile.avatar',
  'me',
  'me.name',
  'post.text',
  'post.at',
  'comments',
  'comments.at',
  'inbox.unread',
]);

/** The misses that mean the adapter could not read the page as it expected (the site may have changed). */
export function recognitionGaps(context: Pick<PageContext, 'misses'>): string[] {
  return context.misses.filter((miss) => !FACTS_A_PAGE_MAY_LACK.has(miss));
}
