import { browser } from 'wxt/browser';
import { acknowledge, assign, markReplied, reopen, resolve, setPriority, snooze, track } from '@/lib/db/conversation-actions';
import { conversations } from '@/lib/db/conversations';
import { completeFollowUp, followUps } from '@/lib/db/follow-ups';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { Handlers, RequestSender } from '@/lib/messaging/handle';
import type { BackgroundProtocol } from '@/lib/messaging/protocol';
import { adapterFor } from '@/lib/sites';
import type { BackgroundServices } from './handlers';
import { readTabState, writeTabState } from './tab-state';
import { conversationKeyOf, conversationView } from './views';
import { insertGatedText } from './replies-insert';

type ConversationRequests =
  | 'conversation.snooze'
  | 'conversation.resolve'
  | 'conversation.reopen'
  | 'conversation.mark-replied'
  | 'conversation.priority'
  | 'conversation.track'
  | 'follow-up.done'
  | 'conversation.after-hours-ack'
  | 'conversation.assign'
  | 'conversation.showing'
  | 'tab.open';

const done = { ok: true as const };

/** Focuses a tab already showing the URL, else opens one. */
async function openUrl(url: string): Promise<void> {
  const [existing] = await browser.tabs.query({ url: url.split('#')[0] });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true });
    await browser.windows.update(existing.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

export function conversationHandlers(
  services: BackgroundServices,
  tabOf: (sender: RequestSender) => number,
): Pick<Handlers<BackgroundProtocol>, ConversationRequests> {
  const { db, clock, changes, sync } = services;

  async function existing(conversationId: string) {
    const conversation = await conversations.get(db, conversationId);
    if (!conversation) throw new ProtocolError('not-found', `No conversation ${conversationId}`);
    return conversation;
  }

  return {
    async 'conversation.snooze'({ conversationId, until }) {
      await existing(conversationId);
      if (until <= clock.nowIso()) throw new ProtocolError('bad-request', 'A snooze must end in the future');
      await snooze(db, conversationId, until, clock);
      return done;
    },

    async 'conversation.resolve'({ conversationId, checkInAt }) {
      const conversation = await existing(conversationId);
      await resolve(db, conversationId, clock);
      if (checkInAt && conversation.contactId) {
        await followUps.create(
          db,
          { contactId: conversation.contactId, conversationId, dueAt: checkInAt, reason: conversation.preview?.text.slice(0, 500) ?? '', doneAt: null },
          clock,
        );
      }
      return done;
    },

    async 'conversation.reopen'({ conversationId }) {
      await existing(conversationId);
      await reopen(db, conversationId, clock);
      return done;
    },

    async 'conversation.mark-replied'({ conversationId }) {
      await existing(conversationId);
      await markReplied(db, conversationId, clock);
      return done;
    },

    async 'conversation.priority'({ conversationId, priority }) {
      await existing(conversationId);
      await setPriority(db, conversationId, priority, clock);
      return done;
    },

    async 'conversation.track'(_, sender) {
      const tab = await readTabState(tabOf(sender));
      if (!tab?.trackable) throw new ProtocolError('bad-request', 'Nothing on this page can be tracked');
      const conversation = await track(
        db,
        { site: tab.page.site, threadKey: tab.trackable.threadKey, kind: tab.trackable.kind, url: tab.page.url, person: tab.person ?? undefined },
        clock,
      );
      if (!tab.conversationIds.includes(conversation.id)) tab.conversationIds.push(conversation.id);
      await writeTabState(tabOf(sender), tab);
      // Tracking what was tracked before writes nothing: the tab's own list changed, so its panel is told.
      await changes.showTab(tabOf(sender));
      return done;
    },

    async 'conversation.after-hours-ack'({ conversationId, text }, sender) {
      const conversation = await existing(conversationId);
      const { afterHours } = await conversationView(db, conversation, clock.nowIso());
      // The text comes from the panel: it goes through the same safety gate as every reply.
      const { inserted } = await insertGatedText(services, tabOf(sender), text);
      if (!inserted) return { inserted, remindAt: null };
      await acknowledge(db, conversationId, text, clock);
      if (afterHours && conversation.contactId) {
        await followUps.create(
          db,
          { contactId: conversation.contactId, conversationId, dueAt: afterHours.opensAt, reason: conversation.preview?.text.slice(0, 500) ?? '', doneAt: null },
          clock,
        );
      }
      return { inserted, remindAt: afterHours?.opensAt ?? null };
    },

    async 'conversation.assign'({ conversationId, to }) {
      await existing(conversationId);
      const me = await sync.agent();
      if (!me) throw new ProtocolError('bad-request', 'Connect to the team backend first: owners are the team’s agents');
      await assign(db, conversationId, to === 'me' ? me.id : null, clock, { by: me.name });
      return done;
    },

    async 'conversation.showing'({ conversationId }, sender) {
      const tabId = tabOf(sender);
      if (conversationId === null) {
        await sync.showConversation(tabId, null);
        return done;
      }
      // A panel a step behind the page (it navigated meanwhile) names what the tab no longer shows: its next message will be right.
      const tab = await readTabState(tabId);
      const shown = tab?.conversationIds.includes(conversationId) ? await conversations.get(db, conversationId) : undefined;
      if (shown) await sync.showConversation(tabId, conversationKeyOf(shown));
      return done;
    },

    async 'follow-up.done'({ followUpId }) {
      if (!(await followUps.get(db, followUpId))) throw new ProtocolError('not-found', `No follow-up ${followUpId}`);
      await completeFollowUp(db, followUpId, clock);
      return done;
    },

    async 'tab.open'({ url }) {
      if (!adapterFor(new URL(url))) throw new ProtocolError('bad-request', 'Only pages of the supported sites open from here');
      await openUrl(url);
      return done;
    },
  };
}
