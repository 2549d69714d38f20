import { contacts, recentContacts, recordSighting } from '@/lib/db/contacts';
import type { ReplicaClock } from '@/lib/db/clock';
import { notes } from '@/lib/db/notes';
import type { ReplylineDb } from '@/lib/db/open';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { Handlers, RequestSender } from '@/lib/messaging/handle';
import type { BackgroundProtocol } from '@/lib/messaging/protocol';
import { sendToTab } from '@/lib/messaging/send';
import { recordMisses } from '@/lib/diagnostics/recognition-misses';
import { recognitionGaps } from '@/lib/sites/shared/recognition';
import { selfOf, subjectOf } from '@/lib/sites/shared/subject';
import type { ChangeFollower } from './change-follower';
import { readTabState, writeTabState } from './tab-state';
import { contactsHandlers } from './contacts-handlers';
import { conversationHandlers } from './conversation-handlers';
import { inboxListOf, inboxLists, inboxRowBadges } from './inbox-badges';
import { optionsHandlers } from './options-handlers';
import { repliesHandlers } from './replies-handlers';
import { repliesAfterPageReport } from './replies-handoff';
import { quarantineHandlers } from './quarantine-handlers';
import { syncHandlers } from './sync-handlers';
import { routingHandlers } from './routing-handlers';
import type { SyncService } from './sync-service';
import { captureFromPage, trackableOf } from './capture';
import type { createTimers } from './timers';
import { contactView, knownTags, noteView, panelView } from './views';
import { uniqueTags } from '@/lib/tags/tags';
import { pendingPage } from './pending';
import { withStageChange } from '@/lib/contacts/stage-history';

export interface BackgroundServices {
  db: ReplylineDb;
  clock: ReplicaClock;
  /** Refreshes the panels and the badge after every committed write; handlers only tell it when a tab's own state changed. */
  changes: Pick<ChangeFollower, 'showTab'>;
  timers: Pick<ReturnType<typeof createTimers>, 'refresh'>;
  sync: SyncService;
}

function tabOf(sender: RequestSender): number {
  if (sender.tabId === undefined) throw new ProtocolError('bad-request', 'This request must come from a tab');
  return sender.tabId;
}

export function createBackgroundHandlers(services: BackgroundServices): Handlers<BackgroundProtocol> {
  const { db, clock, changes } = services;

  return {
    async 'page.context'({ url, context }, sender) {
      const tabId = tabOf(sender);
      // One's own profile is shown as such and never becomes a contact.
      const self = selfOf(context) ?? null;
      const person = self ? null : (subjectOf(context) ?? null);
      // A page re-read after new comments arrived is the same view: one sighting and one tally per view.
      const previous = await readTabState(tabId);
      const sameView = previous?.page.url === url && previous.person?.handle === person?.handle;
      const contactId =
        sameView && previous.contactId ? previous.contactId
        : person ? (await recordSighting(db, context.site, person, clock)).contact.id
        : null;
      const conversationIds = await captureFromPage(db, clock, context, url, async () => (await services.sync.agent())?.id ?? null);
      const tab = {
        page: { site: context.site, kind: context.kind, misses: context.misses, url },
        person,
        self,
        contactId,
        conversationIds,
        trackable: self ? null : trackableOf(context),
      };
      await writeTabState(tabId, tab);
      // Remembered so that later changes push the list's badges (change-follower.ts).
      const inbox = inboxListOf(context, url);
      await inboxLists.remember(tabId, inbox);
      await repliesAfterPageReport(services, tabId, context, url, tab);
      // The panel first; the diagnostics can follow (the badge follows the captured records' change).
      await changes.showTab(tabId);
      const gaps = recognitionGaps(context).filter((gap) => !(sameView && previous.page.misses.includes(gap)));
      await recordMisses(context.site, gaps, url, new Date(clock.nowIso()));
      return { contactId, ...(inbox ? { rows: await inboxRowBadges(db, inbox) } : {}) };
    },

    async 'panel.view'(_, sender) {
      return panelView(db, await readTabState(tabOf(sender)), clock.nowIso());
    },

    async 'panel.collapse'(_, sender) {
      return sendToTab(tabOf(sender), 'panel.collapse', {});
    },

    async 'contact.update'({ contactId, ...patch }) {
      // A tag typed in another case is the tag already in use, under its first spelling.
      if (patch.tags) patch.tags = uniqueTags(patch.tags, await knownTags(db));
      const stored = await contacts.get(db, contactId);
      const stageHistory = patch.stage && stored && patch.stage !== stored.stage ? withStageChange(stored, patch.stage, clock.nowIso()) : undefined;
      const contact = await contacts.update(db, contactId, { ...patch, ...(stageHistory ? { stageHistory } : {}) }, clock);
      return contactView(db, contact);
    },

    async 'note.add'({ contactId, body }) {
      if (!(await contacts.get(db, contactId))) throw new ProtocolError('not-found', `No contact ${contactId}`);
      const note = await notes.create(db, { contactId, body }, clock);
      return noteView(note);
    },

    async 'note.edit'({ noteId, body }) {
      const note = await notes.update(db, noteId, { body }, clock);
      return noteView(note);
    },

    async 'note.delete'({ noteId }) {
      await notes.remove(db, noteId, clock);
      return { ok: true as const };
    },

    async 'contacts.recent'({ limit }) {
      return Promise.all((await recentContacts(db, limit)).map((contact) => contactView(db, contact)));
    },

    async 'pending.list'({ limit }) {
      return pendingPage(db, clock.nowIso(), limit);
    },

    ...conversationHandlers(services, tabOf),
    ...optionsHandlers(services),
    ...repliesHandlers(services, tabOf),
    ...syncHandlers(services.sync),
    ...contactsHandlers(services),
    ...routingHandlers(services),
    ...quarantineHandlers(services),
  };
}
