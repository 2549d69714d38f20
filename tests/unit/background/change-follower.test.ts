import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createChangeFollower } from '@/entrypoints/background/change-follower';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { writeTabState, type TabState } from '@/entrypoints/background/tab-state';
import { inboxLists } from '@/entrypoints/background/inbox-badges';
import { contacts, recordSighting } from '@/lib/db/contacts';
import type { RowBadge } from '@/lib/messaging/page-protocol';
import { followUps } from '@/lib/db/follow-ups';
import { notes } from '@/lib/db/notes';
import type { PanelPush } from '@/lib/messaging/protocol';
import { clockFor, freshDb } from '../db/helpers';

const ada = { handle: 'ada', profileUrl: 'https://www.linkedin.com/in/ada/', displayName: 'Ada' };

function recordingPort(tabId: number) {
  const pushed: PanelPush[] = [];
  const port = {
    name: 'replyline-panel',
    sender: { tab: { id: tabId } },
    postMessage: (message: PanelPush) => pushed.push(message),
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  return { port, pushed };
}

async function setUp() {
  const { db } = await freshDb();
  const { clock } = await clockFor(db);
  const { contact } = await recordSighting(db, 'linkedin', ada, clock);
  const tab: TabState = {
    page: { site: 'linkedin', kind: 'profile', misses: [], url: ada.profileUrl },
    person: ada,
    self: null,
    contactId: contact.id,
    conversationIds: [],
    trackable: null,
  };
  await writeTabState(1, tab);
  await writeTabState(2, tab);
  const panels = new PanelPorts();
  const first = recordingPort(1);
  const second = recordingPort(2);
  panels.add(1, first.port);
  panels.add(2, second.port);
  let timerRefreshes = 0;
  const timers = {
    refresh: async () => {
      timerRefreshes += 1;
    },
  };
  const sentBadges: Array<{ tabId: number; url: string; rows: RowBadge[] }> = [];
  const gone = new Set<number>();
  const sendBadges = async (tabId: number, url: string, rows: RowBadge[]) => {
    if (gone.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
    sentBadges.push({ tabId, url, rows });
  };
  const changes = createChangeFollower({ db, clock, panels, timers, sendBadges });
  return { db, clock, contact, changes, first, second, timerRefreshes: () => timerRefreshes, sentBadges, gone };
}

describe('the change follower', () => {
  it('pushes one fresh view per open panel for a burst of writes, showing the last of them', async () => {
    const { db, clock, contact, changes, first, second } = await setUp();

    const note = await notes.create(db, { contactId: contact.id, body: 'Call on Tuesday' }, clock);
    await notes.update(db, note.id, { body: 'Call on Wednesday' }, clock);
    await notes.create(db, { contactId: contact.id, body: 'Prefers email' }, clock);
    await changes.settled();

    expect(first.pushed).toHaveLength(1);
    expect(second.pushed).toHaveLength(1);
    expect(first.pushed[0]?.view.notes.map((shown) => shown.body).sort()).toEqual(['Call on Wednesday', 'Prefers email']);
    expect(second.pushed[0]).toEqual(first.pushed[0]);
  });

  it('recomputes the badge and timers once per burst, and only for the stores they read', async () => {
    const { db, clock, contact, changes, timerRefreshes } = await setUp();

    await notes.create(db, { contactId: contact.id, body: 'not a clock' }, clock);
    await changes.settled();
    expect(timerRefreshes()).toBe(0);

    for (const dueAt of ['2026-03-05T09:00:00.000Z', '2026-03-06T09:00:00.000Z']) {
      await followUps.create(db, { contactId: contact.id, conversationId: null, dueAt, reason: '', doneAt: null }, clock);
    }
    await changes.settled();
    expect(timerRefreshes()).toBe(1);
  });

  it('folds a refresh already due into the view a tab is shown now', async () => {
    const { db, clock, contact, changes, first, second } = await setUp();

    await notes.create(db, { contactId: contact.id, body: 'seen at once' }, clock);
    await changes.showTab(1);
    expect(first.pushed.map((push) => push.view.notes.map((shown) => shown.body))).toEqual([['seen at once']]);
    await changes.settled();

    expect(first.pushed).toHaveLength(1);
    expect(second.pushed).toHaveLength(1);
  });

  it('hears nothing once stopped', async () => {
    const { db, clock, contact, changes, first } = await setUp();
    changes.stop();

    await notes.create(db, { contactId: contact.id, body: 'unheard' }, clock);
    await changes.settled();
    expect(first.pushed).toEqual([]);
  });

  it('pushes fresh row badges to each tab showing an inbox list, and forgets a tab that no longer takes them', async () => {
    const { db, clock, contact, changes, sentBadges, gone } = await setUp();
    const inboxUrl = 'https://www.linkedin.com/messaging/';
    await inboxLists.remember(3, { url: inboxUrl, site: 'linkedin', rows: [{ threadKey: 'linkedin:thread:1', handle: 'ada' }] });
    await inboxLists.remember(4, { url: inboxUrl, site: 'linkedin', rows: [{ threadKey: 'linkedin:thread:1', handle: 'ada' }] });
    gone.add(4);

    await contacts.update(db, contact.id, { stage: 'qualified' }, clock);
    await changes.settled();
    expect(sentBadges).toEqual([
      { tabId: 3, url: inboxUrl, rows: [{ threadKey: 'linkedin:thread:1', stage: 'qualified', status: null, dueAt: null, warnAt: null }] },
    ]);
    expect((await inboxLists.all()).map((entry) => entry.tabId)).toEqual([3]);

    // A note is not on a badge: nothing is pushed for it.
    await notes.create(db, { contactId: contact.id, body: 'not on a badge' }, clock);
    await changes.settled();
    expect(sentBadges).toHaveLength(1);
  });
});
