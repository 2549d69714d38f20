import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { findIdentity } from '@/lib/db/identities';
import type { ReplylineDb } from '@/lib/db/open';
import type { RowBadge } from '@/lib/messaging/page-protocol';
import { siteSchema, type PageContext } from '@/lib/model';

const MAX_ROWS = 200;
const ITEM_PREFIX = 'inbox-list-';

/** The inbox list a tab shows, as much of it as its badges need: kept so later changes can refresh them. */
export const inboxListSchema = z.object({
  url: z.string(),
  site: siteSchema,
  rows: z.array(z.object({ threadKey: z.string(), handle: z.string() })).max(MAX_ROWS),
});
export type InboxList = z.infer<typeof inboxListSchema>;

export function inboxListOf(context: PageContext, url: string): InboxList | null {
  if (!context.inbox) return null;
  return {
    url,
    site: context.site,
    rows: context.inbox.slice(0, MAX_ROWS).map((row) => ({ threadKey: row.threadKey, handle: row.person.handle })),
  };
}

/** What we know about each row of an inbox list the page shows: the contact's stage and the clock. */
export async function inboxRowBadges(db: ReplylineDb, list: Pick<InboxList, 'site' | 'rows'>): Promise<RowBadge[]> {
  const badges: RowBadge[] = [];
  for (const row of list.rows) {
    const stored: unknown = await db.getFromIndex('conversations', 'by-thread', [list.site, row.threadKey]);
    const conversation = stored === undefined ? undefined : conversations.parse(stored);
    const identity = await findIdentity(db, list.site, row.handle);
    const contact = identity ? await contacts.get(db, identity.contactId) : undefined;
    const live = conversation && !conversation.deletedAt ? conversation : undefined;
    if (!live && !contact) continue;
    const running = live?.targets.find((target) => target.metAt === null && target.dueAt === live.dueAt);
    badges.push({
      threadKey: row.threadKey,
      stage: contact?.stage ?? null,
      status: live?.status ?? null,
      dueAt: live?.status === 'waiting' ? live.dueAt : null,
      warnAt: live?.status === 'waiting' ? (running?.warnAt ?? null) : null,
    });
  }
  return badges;
}

const itemFor = (tabId: number) => storage.defineItem<unknown>(`session:${ITEM_PREFIX}${tabId}`);

/**
 * The tabs showing an inbox list, in session storage (a restarted service worker still knows them).
 * A page report without a list forgets the tab's; so does a push the tab no longer takes.
 */
export const inboxLists = {
  async remember(tabId: number, list: InboxList | null): Promise<void> {
    if (list) await itemFor(tabId).setValue(list);
    else await itemFor(tabId).removeValue();
  },
  async read(tabId: number): Promise<InboxList | null> {
    const parsed = inboxListSchema.safeParse(await itemFor(tabId).getValue());
    return parsed.success ? parsed.data : null;
  },
  async tabs(): Promise<number[]> {
    const all = await browser.storage.session.get(null);
    return Object.keys(all)
      .filter((key) => key.startsWith(ITEM_PREFIX))
      .map((key) => Number(key.slice(ITEM_PREFIX.length)))
      .filter((tabId) => Number.isInteger(tabId));
  },
};
