import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { REFRESH_MEASURE } from '@/entrypoints/background/refresh-marks';
import { linkConversations, recordHandOff } from '@/lib/db/conversation-actions';
import { conversations } from '@/lib/db/conversations';
import { defaultPolicyId, ensureDefaultPolicies, slaPolicies } from '@/lib/db/sla-policies';
import type { PendingPage } from '@/lib/views/popup';
import type { PageContext, PageMessage, Person } from '@/lib/model';
import { clockFor, freshDb, manualTime } from '../db/helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = '2026-03-02T09:00:00.000Z';

const me: Person = { handle: 'alejo-scotti', profileUrl: 'https://www.linkedin.com/in/alejo-scotti/', displayName: 'Alejo Scotti' };
const mariana: Person = { handle: 'mariana-hohot', profileUrl: 'https://www.linkedin.com/in/mariana-hohot/', displayName: 'Mariana Hohot' };
const threadUrl = 'https://www.linkedin.com/messaging/thread/2-abc/';

function dm(messages: PageMessage[], site: PageContext['site'] = 'linkedin'): PageContext {
  return {
    site,
    kind: 'conversation',
    me,
    person: mariana,
    conversation: { threadKey: `${site}:thread:2-abc`, participants: [me, mariana], messages },
    misses: [],
  };
}

const fromHer = (text: string, at?: string): PageMessage => ({ author: mariana, direction: 'in', text, ...(at ? { at } : {}) });
const fromMe = (text: string, at?: string): PageMessage => ({ author: me, direction: 'out', text, ...(at ? { at } : {}) });

async function background() {
  const { db } = await freshDb();
  const time = manualTime(START);
  const { clock } = await clockFor(db, time);
  await ensureDefaultPolicies(db, clock);
  const { timers, changes, handle } = createBackgroundServices({ db, clock, panels: new PanelPorts() });
  const ask = async <T = unknown>(type: string, payload: unknown, tabId?: number): Promise<T> => {
    const answer = await handle({ replyline: 1, type, payload }, { tabId });
    await changes.settled(); // the panels and badge, refreshed after the write, as a user would next see them
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data as T;
  };
  const nowIso = () => new Date(time.now()).toISOString();
  const see = (context: PageContext, url = threadUrl) => ask('page.context', { url, context }, 1);
  const pending = async () => (await ask<PendingPage>('pending.list', {})).items;
  const badge = async () => ({
    text: await fakeBrowser.action.getBadgeText({}),
    colour: await fakeBrowser.action.getBadgeBackgroundColor({}),
  });
  return { db, clock, time, timers, ask, see, pending, badge, nowIso };
}

const GREEN = [30, 142, 62, 255];
const AMBER = [176, 96, 0, 255];
const RED = [197, 34, 31, 255];

describe('response timers', () => {
  it('starts a 24-hour clock for an unanswered LinkedIn message and shows it on the badge', async () => {
    const { see, pending, badge, nowIso } = await background();
    await see(dm([fromHer('Hello Alejo, can we talk about pricing?', nowIso())]));
    const [item] = await pending();
    expect(item).toMatchObject({
      kind: 'conversation',
      site: 'linkedin',
      personName: 'Mariana Hohot',
      excerpt: 'Hello Alejo, can we talk about pricing?',
      status: 'waiting',
      dueAt: '2026-03-03T09:00:00.000Z',
      warnAt: '2026-03-03T03:00:00.000Z',
      waitingSince: START,
    });
    expect(await badge()).toEqual({ text: '1', colour: GREEN });
  });

  it('gives X its one-hour target', async () => {
    const { see, pending } = await background();
    await see(dm([fromHer('my order never arrived', START)], 'x'), 'https://x.com/messages/1-2');
    expect((await pending())[0]?.dueAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('stores a conversation seen twice once, and each message once', async () => {
    const { db, see, pending } = await background();
    const context = dm([fromHer('Hi there'), fromHer('Are you around?')]);
    await see(context);
    await see(context);
    expect(await pending()).toHaveLength(1);
    expect(await conversations.all(db)).toHaveLength(1);
    expect(await db.count('messages')).toBe(2);
  });

  it('turns amber at the warning threshold and red at the deadline, warning once per threshold', async () => {
    const { see, time, timers, badge, nowIso } = await background();
    await see(dm([fromHer('Hello?', nowIso())]));
    time.advance(18 * HOUR + MINUTE);
    await timers.refresh();
    await timers.refresh();
    expect(await badge()).toEqual({ text: '1', colour: AMBER });
    const warned = Object.values(fakeBrowser.notifications.getAllCreateOptions());
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ title: 'Mariana Hohot is waiting: reply soon', message: 'Hello?' });
    await fakeBrowser.notifications.clear(Object.keys(await fakeBrowser.notifications.getAll())[0]!);

    time.advance(6 * HOUR);
    await timers.refresh();
    await timers.refresh();
    expect(await badge()).toEqual({ text: '1', colour: RED });
    // The warning was dismissed above; only the overdue one is new, and a second refresh adds nothing.
    expect(Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((options) => options.title)).toEqual([
      'Overdue: Mariana Hohot is waiting',
    ]);
  });

  it('reads the alerts only once a threshold is due, and sets the badge and the alarm only when they change', async () => {
    const { see, time, timers, nowIso } = await background();
    const steps = () => {
      const measure = performance.getEntriesByName(REFRESH_MEASURE).at(-1);
      if (!(measure instanceof PerformanceMeasure)) throw new Error('no refresh measure');
      return Object.keys(measure.detail as Record<string, number>);
    };
    await see(dm([fromHer('Hello?', nowIso())]));
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const createAlarm = vi.spyOn(fakeBrowser.alarms, 'create');
    await timers.refresh();
    expect(steps()).not.toContain('alerts');
    expect(setText).not.toHaveBeenCalled();
    expect(createAlarm).not.toHaveBeenCalled();

    time.advance(18 * HOUR + MINUTE);
    await timers.refresh();
    expect(steps()).toContain('alerts');
    expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1);
    expect(setText).not.toHaveBeenCalled(); // still '1', now amber
    expect(createAlarm).toHaveBeenCalledTimes(1); // the next instant is the deadline
    await timers.refresh();
    expect(steps()).not.toContain('alerts');
    expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1);
  });

  it('clears the wait when our reply appears on the page and records the first response time', async () => {
    const { db, see, time, pending, badge, nowIso } = await background();
    const question = fromHer('Do you ship to Japan?', nowIso());
    await see(dm([question]));
    time.advance(25 * MINUTE);
    await see(dm([question, fromMe('Yes, we do: 3 to 5 days.', nowIso())]));
    expect(await pending()).toEqual([]);
    expect(await badge()).toEqual({ text: '', colour: GREEN });
    const [conversation] = await conversations.all(db);
    expect(conversation).toMatchObject({ status: 'open', firstResponseAt: '2026-03-02T09:25:00.000Z' });
    expect(conversation?.targets.find((target) => target.kind === 'firstResponse')).toMatchObject({
      metAt: '2026-03-02T09:25:00.000Z',
      breached: false,
    });
  });

  it('hides a snoozed conversation until its time, then brings it back', async () => {
    const { see, ask, time, timers, pending, badge, nowIso } = await background();
    await see(dm([fromHer('Any news?', nowIso())]));
    const [item] = await pending();
    await ask('conversation.snooze', { conversationId: item!.conversationId, until: new Date(time.now() + 2 * HOUR).toISOString() });
    expect((await pending()).map((row) => row.status)).toEqual(['snoozed']);
    expect((await badge()).text).toBe('');

    time.advance(2 * HOUR + MINUTE);
    await timers.refresh();
    expect((await pending()).map((row) => row.status)).toEqual(['waiting']);
    expect((await badge()).text).toBe('1');
  });

  it('ends a snooze early when they write again', async () => {
    const { see, ask, time, pending, nowIso } = await background();
    const first = fromHer('Any news?', nowIso());
    await see(dm([first]));
    const [item] = await pending();
    await ask('conversation.snooze', { conversationId: item!.conversationId, until: new Date(time.now() + 5 * HOUR).toISOString() });
    time.advance(HOUR);
    await see(dm([first, fromHer('Hello??', nowIso())]));
    expect((await pending()).map((row) => row.status)).toEqual(['waiting']);
  });

  it('refuses a snooze that ends in the past', async () => {
    const { see, ask, pending, nowIso } = await background();
    await see(dm([fromHer('Hi', nowIso())]));
    const [item] = await pending();
    await expect(ask('conversation.snooze', { conversationId: item!.conversationId, until: '2020-01-01T00:00:00.000Z' })).rejects.toThrow(
      /bad-request/,
    );
  });

  it('resolves with a check-in that comes back due with its own clock, and reopens on a new message', async () => {
    const { db, see, ask, time, timers, pending, nowIso } = await background();
    const first = fromHer('It crashes on start', nowIso());
    await see(dm([first]));
    const [item] = await pending();
    time.advance(HOUR);
    await ask('conversation.resolve', { conversationId: item!.conversationId, checkInAt: new Date(time.now() + 24 * HOUR).toISOString() });
    expect(await pending()).toEqual([]);

    time.advance(24 * HOUR + MINUTE);
    await timers.refresh();
    const due = await pending();
    expect(due).toMatchObject([{ kind: 'follow-up', status: 'due', personName: 'Mariana Hohot', excerpt: 'It crashes on start' }]);
    await ask('follow-up.done', { followUpId: due[0]!.id });
    expect(await pending()).toEqual([]);

    await see(dm([first, fromHer('It crashed again', nowIso())]));
    expect((await pending()).map((row) => row.kind)).toEqual(['conversation']);
    const [conversation] = await conversations.all(db);
    expect(conversation?.events.map((event) => event.type)).toEqual(['resolved', 'reopened']);
  });

  it('does not start clocks for old history seen for the first time', async () => {
    const { see, pending } = await background();
    await see(dm([fromHer('Hello from last year', '2025-02-01T10:00:00.000Z')]));
    expect(await pending()).toEqual([]);
  });

  it('tracks a profile by hand, once', async () => {
    const { ask, pending } = await background();
    const profile: PageContext = { site: 'linkedin', kind: 'profile', me, person: mariana, misses: [] };
    await ask('page.context', { url: mariana.profileUrl, context: profile }, 1);
    expect(await pending()).toEqual([]);
    await ask('conversation.track', {}, 1);
    await ask('conversation.track', {}, 1);
    expect(await pending()).toMatchObject([{ kind: 'conversation', site: 'linkedin', personName: 'Mariana Hohot', status: 'waiting' }]);
  });

  it('counts a reply marked as sent elsewhere as the response', async () => {
    const { see, ask, pending, nowIso } = await background();
    await see(dm([fromHer('Call me?', nowIso())]));
    const [item] = await pending();
    await ask('conversation.mark-replied', { conversationId: item!.conversationId });
    expect(await pending()).toEqual([]);
  });

  it('sets the wake-up alarm for the next threshold', async () => {
    const { see, nowIso } = await background();
    await see(dm([fromHer('Hello', nowIso())]));
    const alarm = await fakeBrowser.alarms.get('replyline-clock');
    expect(alarm?.scheduledTime).toBe(Date.parse('2026-03-03T03:00:00.000Z') + 500);
  });
});

describe('after hours', () => {
  async function withBusinessHours() {
    const setup = await background();
    const policy = (await slaPolicies.get(setup.db, defaultPolicyId(2)))!;
    await slaPolicies.update(
      setup.db,
      policy.id,
      {
        pauseOutsideBusinessHours: true,
        businessHours: {
          timeZone: 'Asia/Tokyo',
          weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1 | 2 | 3 | 4 | 5, start: '09:00', end: '18:00' })),
        },
      },
      setup.clock,
    );
    return setup;
  }

  it('offers the acknowledgement at night, puts it in the composer, and sets a reminder for the opening', async () => {
    // 2026-03-02 09:00 UTC is 18:00 in Tokyo on a Monday: just closed.
    const { see, ask, db, time, pending, nowIso } = await withBusinessHours();
    const inserted: unknown[] = [];
    fakeBrowser.tabs.sendMessage = ((_tabId: number, message: unknown) => {
      inserted.push(message);
      return Promise.resolve({ ok: true, data: { inserted: true } });
    });

    const question = fromHer('Is the store open tomorrow?', nowIso());
    await see(dm([question]));
    const view = await ask<{ conversations: Array<{ id: string; afterHours: { opensAt: string } | null; dueAt: string }> }>('panel.view', {}, 1);
    const [conversation] = view.conversations;
    expect(conversation?.afterHours).toEqual({ opensAt: '2026-03-03T00:00:00.000Z' });
    // The 24 business hours start at Tuesday's opening: 2 days and 6 hours of opening hours later.
    expect(conversation?.dueAt).toBe('2026-03-05T06:00:00.000Z');

    const text = 'Thanks for your message, Mariana! We are away right now and will get back to you by 9:00.';
    const answer = await ask('conversation.after-hours-ack', { conversationId: conversation!.id, text }, 1);
    expect(answer).toEqual({ inserted: true, remindAt: '2026-03-03T00:00:00.000Z' });
    expect(inserted).toEqual([{ replyline: 1, type: 'composer.insert', payload: { text, mode: 'replace' } }]);

    // The acknowledgement appears on the page once sent: it is ours, but not the first response.
    time.advance(2 * MINUTE);
    await see(dm([question, fromMe(text, nowIso())]));
    expect((await pending()).map((item) => item.kind)).toEqual(['conversation']);
    const [stored] = await conversations.all(db);
    expect(stored?.firstResponseAt).toBeNull();

    time.advance(15 * HOUR);
    const due = await pending();
    expect(due.map((item) => item.kind).sort()).toEqual(['conversation', 'follow-up']);
  });

  it('offers nothing during business hours', async () => {
    const { see, ask, time, nowIso } = await withBusinessHours();
    time.advance(16 * HOUR); // Tuesday 10:00 in Tokyo
    await see(dm([fromHer('Hello', nowIso())]));
    const view = await ask<{ conversations: Array<{ afterHours: unknown }> }>('panel.view', {}, 1);
    expect(view.conversations[0]?.afterHours).toBeNull();
  });
});

describe('breach warnings at scale', () => {
  it('shows a few alerts and one summary when many thresholds are crossed at once', async () => {
    const { see, time, timers, nowIso } = await background();
    for (let index = 0; index < 6; index++) {
      const person: Person = { handle: `customer-${index}`, profileUrl: `https://www.linkedin.com/in/customer-${index}/`, displayName: `Customer ${index}` };
      const context: PageContext = {
        site: 'linkedin',
        kind: 'conversation',
        me,
        person,
        conversation: { threadKey: `linkedin:thread:${index}`, participants: [me, person], messages: [{ author: person, direction: 'in', text: 'Hello?', at: nowIso() }] },
        misses: [],
      };
      await see(context, `https://www.linkedin.com/messaging/thread/${index}/`);
    }
    time.advance(25 * HOUR);
    await timers.refresh();
    const titles = Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((options) => options.title);
    expect(titles.filter((title) => title.startsWith('Overdue'))).toHaveLength(3);
    expect(titles).toContain('3 more conversations need a reply');
  });
});

describe('moving a conversation to DM', () => {
  it('carries the clock over: the private conversation counts from the public message', async () => {
    const { db, clock, see, time, pending, nowIso } = await background();
    const publicThread: PageContext = {
      site: 'x',
      kind: 'conversation',
      me,
      person: mariana,
      conversation: { threadKey: 'x:status:1/comment/mariana', participants: [mariana], messages: [fromHer('order #123 never came', nowIso())] },
      misses: [],
    };
    await see(publicThread, 'https://x.com/acme/status/1');
    const [publicItem] = await pending();
    time.advance(20 * MINUTE);
    // The public acknowledgement goes out; the DM opens with nothing from her in it yet.
    await see({ ...publicThread, conversation: { ...publicThread.conversation!, messages: [...publicThread.conversation!.messages, fromMe('Sorry! Sent you a DM', nowIso())] } }, 'https://x.com/acme/status/1');
    await see({ ...dm([], 'x'), conversation: { threadKey: 'x:dm:1-2', participants: [me, mariana], messages: [] } }, 'https://x.com/messages/1-2');
    const privateConversation = (await conversations.all(db)).find((conversation) => conversation.threadKey === 'x:dm:1-2')!;
    await recordHandOff(db, publicItem!.conversationId!, 'moved to DM', clock);
    await linkConversations(db, publicItem!.conversationId!, privateConversation.id, clock);

    const items = await pending();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ conversationId: privateConversation.id, waitingSince: START, dueAt: '2026-03-02T10:00:00.000Z' });
  });
});

describe('an inbox list', () => {
  it('answers what is known about each row for its badge', async () => {
    const { see, nowIso } = await background();
    await see(dm([fromHer('Any update?', nowIso())]));
    const inbox: PageContext = {
      site: 'linkedin',
      kind: 'inbox',
      me,
      inbox: [
        { threadKey: 'linkedin:thread:2-abc', person: mariana, excerpt: 'Any update?', unread: false },
        { threadKey: 'linkedin:thread:2-zzz', person: { ...mariana, handle: 'stranger', displayName: 'Stranger' }, excerpt: 'hi', unread: false },
      ],
      misses: [],
    };
    const answer = await see(inbox, 'https://www.linkedin.com/messaging/');
    expect(answer).toEqual({
      contactId: null,
      rows: [{ threadKey: 'linkedin:thread:2-abc', stage: 'new', status: 'waiting', dueAt: '2026-03-03T09:00:00.000Z', warnAt: '2026-03-03T03:00:00.000Z' }],
    });
  });
});
