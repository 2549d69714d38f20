import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRequestHandler } from '@/lib/messaging/handle';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { createBackgroundHandlers } from '@/entrypoints/background/handlers';
import { createChangeFollower } from '@/entrypoints/background/change-follower';
import { createSyncService } from '@/entrypoints/background/sync-service';
import { createTimers } from '@/entrypoints/background/timers';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { warnsHere } from '@/entrypoints/background/breach-warnings';
import { conversations } from '@/lib/db/conversations';
import { ensureDefaultPolicies } from '@/lib/db/sla-policies';
import type { PageContext, Person } from '@/lib/model';
import { clockFor, freshDb, manualTime } from '../db/helpers';

const HOUR = 3_600_000;
const me: Person = { handle: 'alejo-scotti', profileUrl: 'https://www.linkedin.com/in/alejo-scotti/', displayName: 'Alejo Scotti' };
const mariana: Person = { handle: 'mariana-hohot', profileUrl: 'https://www.linkedin.com/in/mariana-hohot/', displayName: 'Mariana Hohot' };

function dm(at: string): PageContext {
  return {
    site: 'linkedin',
    kind: 'conversation',
    me,
    person: mariana,
    conversation: {
      threadKey: 'linkedin:thread:2-abc',
      participants: [me, mariana],
      messages: [{ author: mariana, direction: 'in', text: 'Hello?', at }],
    },
    misses: [],
  };
}

/** A background whose timers believe this device's agent is `meAgentId`. */
async function background(meAgentId: string | null) {
  const { db } = await freshDb();
  const time = manualTime('2026-03-02T09:00:00.000Z');
  const { clock } = await clockFor(db, time);
  await ensureDefaultPolicies(db, clock);
  const timers = createTimers({ db, clock, meAgentId: async () => meAgentId });
  const changes = createChangeFollower({ db, clock, panels: new PanelPorts(), timers });
  const sync = createSyncService({ db, clock, onPresenceChange: changes.refreshPanels });
  const handle = createRequestHandler(backgroundProtocol, createBackgroundHandlers({ db, clock, changes, timers, sync }));
  const answer = await handle(
    { replyline: 1, type: 'page.context', payload: { url: 'https://www.linkedin.com/messaging/thread/2-abc/', context: dm(new Date(time.now()).toISOString()) } },
    { tabId: 1 },
  );
  if (!answer.ok) throw new Error(answer.error.message);
  await changes.settled();
  const [conversation] = await conversations.all(db);
  if (!conversation) throw new Error('nothing captured');
  const ownBy = async (ownerId: string | null) => {
    await conversations.update(db, conversation.id, { ownerId }, clock);
    await changes.settled();
  };
  const titles = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((options) => options.title);
  return { time, timers, ownBy, titles };
}

describe('breach warnings go to the owner', () => {
  it('warns on the owner’s device, on a device that does not know its agent, and for unowned conversations', () => {
    expect(warnsHere(null, 'agent-a')).toBe(true);
    expect(warnsHere('agent-a', 'agent-a')).toBe(true);
    expect(warnsHere('agent-b', null)).toBe(true);
    expect(warnsHere('agent-b', 'agent-a')).toBe(false);
  });

  it('stays silent here when a teammate owns the conversation, and does not warn later for the same threshold', async () => {
    const { time, timers, ownBy, titles } = await background('agent-a');
    await ownBy('agent-b');
    time.advance(18 * HOUR + 60_000);
    await timers.refresh();
    expect(titles()).toEqual([]);
    // Taken over by us after the threshold: the warning was the owner's then; the next threshold is ours.
    await ownBy('agent-a');
    await timers.refresh();
    expect(titles()).toEqual([]);
    time.advance(6 * HOUR);
    await timers.refresh();
    expect(titles()).toEqual(['Overdue: Mariana Hohot is waiting']);
  });

  it('warns the owner', async () => {
    const { time, timers, ownBy, titles } = await background('agent-a');
    await ownBy('agent-a');
    time.advance(18 * HOUR + 60_000);
    await timers.refresh();
    expect(titles()).toEqual(['Mariana Hohot is waiting: reply soon']);
  });
});
