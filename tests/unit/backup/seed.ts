import { articles } from '@/lib/db/articles';
import type { ReplicaClock } from '@/lib/db/clock';
import { contacts, recordSighting } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { followUps } from '@/lib/db/follow-ups';
import { messages } from '@/lib/db/messages';
import { notes } from '@/lib/db/notes';
import type { ReplylineDb } from '@/lib/db/open';
import { slaPolicies } from '@/lib/db/sla-policies';
import { templates } from '@/lib/db/templates';

/** A database with a record in every synced store, an edited record and a tombstone. */
export async function seedEveryStore(db: ReplylineDb, clock: ReplicaClock, advance: (ms: number) => void) {
  const ada = await recordSighting(
    db,
    'linkedin',
    { handle: 'ada-lovelace', profileUrl: 'https://www.linkedin.com/in/ada-lovelace/', displayName: 'Ada Lovelace', headline: 'CTO' },
    clock,
  );
  advance(1000);
  const grace = await recordSighting(db, 'x', { handle: 'grace', profileUrl: 'https://x.com/grace', displayName: '=Grace, "Amazing" Hopper' }, clock);
  await contacts.update(db, ada.contact.id, { stage: 'customer', tags: ['vip', 'beta'], email: 'ada@example.com', company: 'Engines, Ltd', phone: '+44 20 7946 0018', position: 'Analyst' }, clock);
  const note = await notes.create(db, { contactId: ada.contact.id, body: 'Wants a demo,\nnext week' }, clock);
  const gone = await notes.create(db, { contactId: ada.contact.id, body: 'Deleted note' }, clock);
  await notes.remove(db, gone.id, clock);
  advance(1000);
  const now = clock.nowIso();
  const conversation = await conversations.create(
    db,
    {
      site: 'x',
      threadKey: 'x:status:1',
      kind: 'post',
      url: 'https://x.com/grace/status/1',
      contactId: grace.contact.id,
      status: 'waiting',
      priority: 'high',
      policyId: null,
      targets: [{ kind: 'firstResponse', dueAt: now, metAt: null, breached: false, startedAt: now, warnAt: null }],
      dueAt: now,
      snoozedUntil: null,
      waitingSince: now,
      firstResponseAt: null,
      resolvedAt: null,
      ownerId: null,
      linkedConversationId: null,
      preview: { authorName: 'Grace', text: 'My order 123 is late', at: now },
      events: [],
    },
    clock,
  );
  await messages.create(
    db,
    { conversationId: conversation.id, direction: 'in', authorHandle: 'grace', authorName: 'Grace', text: 'My order 123 is late', at: now, fingerprint: 'f1' },
    clock,
  );
  await slaPolicies.create(
    db,
    {
      name: 'Public complaints',
      order: 1,
      enabled: true,
      match: { sites: ['x'], priorities: ['high'], tags: [] },
      targets: { firstResponseMinutes: 60 },
      warnAtPercent: 75,
      businessHours: { timeZone: 'Asia/Tokyo', weekly: [{ day: 1, start: '09:00', end: '18:00' }], holidays: ['2026-01-01'] },
      pauseOutsideBusinessHours: true,
      autoAckSatisfiesFirstResponse: false,
    },
    clock,
  );
  await templates.create(db, { title: 'Sorry', body: 'Sorry {{name}}', lang: 'en', tags: [], shortcut: 'sorry' }, clock);
  await articles.create(db, { title: '返品', body: '返品の手順', url: null, tags: ['returns'], lang: 'ja' }, clock);
  await followUps.create(db, { contactId: ada.contact.id, conversationId: null, dueAt: now, reason: 'Check in', doneAt: null }, clock);
  return { ada, grace, note, conversation };
}
