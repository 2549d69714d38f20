import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { findIdentity } from '@/lib/db/identities';
import type { ReplylineDb } from '@/lib/db/open';
import type { RowBadge } from '@/lib/messaging/page-protocol';
import type { PageContext } from '@/lib/model';

const MAX_ROWS = 200;

/** What we know about each row of an inbox list the page shows: the contact's stage and the clock. */
export async function inboxRowBadges(db: ReplylineDb, context: PageContext): Promise<RowBadge[]> {
  const badges: RowBadge[] = [];
  for (const row of (context.inbox ?? []).slice(0, MAX_ROWS)) {
    const stored: unknown = await db.getFromIndex('conversations', 'by-thread', [context.site, row.threadKey]);
    const conversation = stored === undefined ? undefined : conversations.parse(stored);
    const identity = await findIdentity(db, context.site, row.person.handle);
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
