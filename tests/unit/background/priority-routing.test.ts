import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { linkConversations } from '@/lib/db/conversation-actions';
import { conversations } from '@/lib/db/conversations';
import { ensureDefaultPolicies } from '@/lib/db/sla-policies';
import type { PendingPage } from '@/lib/views/popup';
import type { PageContext, Person } from '@/lib/model';
import { writeRouting } from '@/lib/settings/routing';
import { clockFor, freshDb } from '../db/helpers';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const dana: Person = { handle: 'dana', profileUrl: 'https://x.com/dana', displayName: 'Dana Park' };

function dm(threadKey: string, texts: string[]): PageContext {
  return {
    site: 'x',
    kind: 'conversation',
    person: dana,
    conversation: {
      threadKey,
      participants: [dana],
      messages: texts.map((text, index) => ({ author: dana, direction: 'in' as const, text, at: iso(NOW - (texts.length - index) * MINUTE) })),
    },
    misses: [],
  };
}

function post(threadKey: string, text: string): PageContext {
  const brand: Person = { handle: 'brand', profileUrl: 'https://x.com/brand', displayName: 'Brand' };
  return {
    site: 'x',
    kind: 'post',
    person: brand,
    me: brand,
    post: { threadKey, author: brand, text: 'Our new release', at: iso(NOW - 60 * MINUTE), comments: [{ author: dana, direction: 'in', text, at: iso(NOW - 2 * MINUTE) }] },
    misses: [],
  };
}

async function background() {
  const { db } = await freshDb();
  const { clock, time } = await clockFor(db, { now: () => NOW, advance: () => undefined });
  await ensureDefaultPolicies(db, clock);
  const { changes, handle } = createBackgroundServices({ db, clock, panels: new PanelPorts() });
  const ask = async <T>(type: string, payload: unknown, tabId?: number): Promise<T> => {
    const answer = await handle({ replyline: 1, type, payload }, { tabId });
    await changes.settled();
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data as T;
  };
  const show = async (url: string, context: PageContext, tabId: number) => {
    await ask('page.context', { url, context }, tabId);
    const [conversation] = (await conversations.all(db)).filter((one) => one.url === url);
    if (!conversation) throw new Error(`nothing captured at ${url}`);
    return conversation;
  };
  return { db, clock, time, ask, show };
}

beforeEach(() => fakeBrowser.reset());

describe('priority and routing', () => {
  it('a legal threat makes the conversation urgent, and the urgent policy’s 30 minutes apply', async () => {
    const { show } = await background();
    const conversation = await show('https://x.com/messages/1', dm('x:dm:1', ['My order never came. I will talk to my lawyer.']), 1);
    expect(conversation.priority).toBe('urgent');
    // The message was a minute before now: "Urgent: 30 minutes" replaces X's hour.
    expect(conversation.dueAt).toBe(iso(NOW - MINUTE + 30 * MINUTE));
    expect(conversation.events.at(-1)).toMatchObject({ type: 'prioritized', by: 'routing' });
  });

  it('the panel’s choice is the agent’s: a site rule does not raise it again on the next message', async () => {
    const { ask, show, db } = await background();
    await writeRouting({ rules: [{ id: 'x-high', enabled: true, when: { sites: ['x'], tags: [], keywords: [] }, then: { priority: 'high', assignTo: null } }] });
    const first = await show('https://x.com/messages/2', dm('x:dm:2', ['Hello, a question about sizes']), 2);
    expect(first.priority).toBe('high');
    await ask('conversation.priority', { conversationId: first.id, priority: 'low' });
    await show('https://x.com/messages/2', dm('x:dm:2', ['Hello, a question about sizes', 'Any news?']), 2);
    expect((await conversations.get(db, first.id))?.priority).toBe('low');
    // An escalation in a new message still raises it.
    await show('https://x.com/messages/2', dm('x:dm:2', ['Hello, a question about sizes', 'Any news?', 'Cancel my subscription now']), 2);
    expect((await conversations.get(db, first.id))?.priority).toBe('high');
  });

  it('keyword rules raise the priority; rules are validated at the boundary', async () => {
    const { ask, show } = await background();
    await expect(ask('routing.save', { rules: [{ id: 'bad', enabled: true, when: { sites: [], tags: [], keywords: [] }, then: { priority: null, assignTo: null } }] })).rejects.toThrow(/bad-request/);
    await ask('routing.save', { rules: [{ id: 'kw', enabled: true, when: { sites: [], tags: [], keywords: ['chargeback'] }, then: { priority: 'urgent', assignTo: null } }] });
    const routing = await ask<{ settings: { rules: unknown[] }; agents: Array<{ id: string; isMe: boolean }>; teamNotices: boolean }>('routing.get', {});
    expect(routing.settings.rules).toHaveLength(1);
    expect(routing.agents).toEqual([{ id: 'me', name: '', isMe: true }]);
    expect(routing.teamNotices).toBe(false);
    expect((await show('https://x.com/messages/3', dm('x:dm:3', ['I will file a CHARGEBACK']), 3)).priority).toBe('urgent');
  });

  it('lists a public comment and its DM as one row with both places, and counts the issue once', async () => {
    const { ask, show, db, clock } = await background();
    const comment = await show('https://x.com/brand/status/10', post('x:post:10', 'My parcel is lost, help'), 4);
    const direct = await show('https://x.com/messages/4', dm('x:dm:4', ['Here is my order number']), 5);
    await show('https://x.com/messages/5', dm('x:dm:5', ['Another customer']), 6);
    const before = await ask<PendingPage>('pending.list', {});
    expect(before.items).toHaveLength(3);
    await linkConversations(db, comment.id, direct.id, clock);

    const page = await ask<PendingPage>('pending.list', {});
    expect(page.items).toHaveLength(2);
    expect(page.waitingCount).toBe(2);
    const pair = page.items.find((item) => item.places.length === 2);
    expect(pair?.places.map((place) => [place.conversationId, place.where]).sort()).toEqual(
      [
        [comment.id, 'public'],
        [direct.id, 'private'],
      ].sort(),
    );
    expect(pair?.priority).toBe('normal');
  });

  it('opening a row focuses the tab showing either half of the issue instead of opening a second one', async () => {
    const { ask, show } = await background();
    const tabsBefore = (await fakeBrowser.tabs.query({})).length;
    const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/messages/6' });
    const conversation = await show('https://x.com/messages/6', dm('x:dm:6', ['Hi']), tab.id ?? -1);
    await fakeBrowser.tabs.create({ url: 'https://x.com/home' });
    const opened = await ask<{ focused: boolean }>('conversation.open', { conversationIds: [conversation.id], url: 'https://x.com/brand/status/99' });
    expect(opened.focused).toBe(true);
    expect((await fakeBrowser.tabs.query({})).length).toBe(tabsBefore + 2);
    expect((await fakeBrowser.tabs.get(tab.id ?? -1)).active).toBe(true);

    const fresh = await ask<{ focused: boolean }>('conversation.open', { conversationIds: ['00000000-0000-4000-8000-000000000000'], url: 'https://x.com/brand/status/100' });
    expect(fresh.focused).toBe(false);
    expect((await fakeBrowser.tabs.query({})).length).toBe(tabsBefore + 3);
    await expect(ask('conversation.open', { conversationIds: [conversation.id], url: 'https://example.com/' })).rejects.toThrow(/bad-request/);
  });
});
