import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { identities } from '@/lib/db/identities';
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

/**
 * What we know about each row of an inbox list the page shows: the contact's stage and the clock. One
 * read transaction for the whole list, its reads issued together (a list holds up to 200 rows).
 */
export async function inboxRowBadges(db: ReplylineDb, list: Pick<InboxList, 'site' | 'rows'>): Promise<RowBadge[]> {
  const tx = db.transaction(['conversations', 'identities', 'contacts'], 'readonly');
  const badgeOf = async (row: InboxList['rows'][number]): Promise<RowBadge | null> => {
    const [storedConversation, storedIdentity] = await Promise.all([
      tx.objectStore('conversations').index('by-thread').get([list.site, row.threadKey]) as Promise<unknown>,
      tx.objectStore('identities').index('by-site-handle').get([list.site, row.handle]) as Promise<unknown>,
    ]);
    const conversation = storedConversation === undefined ? undefined : conversations.parse(storedConversation);
    const identity = storedIdentity === undefined ? undefined : identities.parse(storedIdentity);
    const storedContact: unknown = identity && !identity.deletedAt ? await tx.objectStore('contacts').get(identity.contactId) : undefined;
    const contact = storedContact === undefined ? undefined : contacts.parse(storedContact);
    const live = conversation && !conversation.deletedAt ? conversation : undefined;
    const known = contact && !contact.deletedAt ? contact : undefined;
    if (!live && !known) return null;
    const running = live?.targets.find((target) => target.metAt === null && target.dueAt === live.dueAt);
    return {
      threadKey: row.threadKey,
      stage: known?.stage ?? null,
      status: live?.status ?? null,
      dueAt: live?.status === 'waiting' ? live.dueAt : null,
      warnAt: live?.status === 'waiting' ? (running?.warnAt ?? null) : null,
    };
  };
  const badges = await Promise.all(list.rows.map(badgeOf));
  await tx.done;
  return badges.filter((badge) => badge !== null);
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
  /** Every tab's list, from one read of session storage; a damaged entry is left out. */
  async all(): Promise<Array<{ tabId: number; list: InboxList }>> {
    const stored = await browser.storage.session.get(null);
    return Object.entries(stored).flatMap(([key, value]) => {
      const tabId = Number(key.slice(ITEM_PREFIX.length));
      const parsed = inboxListSchema.safeParse(value);
      return key.startsWith(ITEM_PREFIX) && Number.isInteger(tabId) && parsed.success ? [{ tabId, list: parsed.data }] : [];
    });
  },
};
