import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { onCommand } from '@/entrypoints/background/open-panel';
import { readTabState } from '@/entrypoints/background/tab-state';
import { readMissTallies } from '@/lib/diagnostics/recognition-misses';
import type { PanelPush } from '@/lib/messaging/protocol';
import type { PageContext } from '@/lib/model';
import { clockFor, freshDb } from '../db/helpers';

const profileUrl = 'https://www.linkedin.com/in/abgargulo/';
const profile: PageContext = {
  site: 'linkedin',
  kind: 'profile',
  person: { handle: 'abgargulo', profileUrl, displayName: 'Abgar Gulo', headline: 'Board member of Mobvilla AB' },
  misses: ['profile.avatar'],
};

/** A port that records what the background pushes to it. */
function recordingPort(tabId: number) {
  const pushed: PanelPush[] = [];
  const disconnectListeners: Array<() => void> = [];
  const port = {
    name: 'replyline-panel',
    sender: { tab: { id: tabId } },
    postMessage: (message: PanelPush) => pushed.push(message),
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
  } as unknown as Browser.runtime.Port;
  return { port, pushed, disconnect: () => disconnectListeners.forEach((listener) => listener()) };
}

async function background() {
  const { db } = await freshDb();
  const { clock, time } = await clockFor(db);
  const panels = new PanelPorts();
  const { timers, changes, handle } = createBackgroundServices({ db, clock, panels });
  const ask = async (type: string, payload: unknown, tabId?: number) => {
    const answer = await handle({ replyline: 1, type, payload }, { tabId });
    await changes.settled(); // the panels and badge, refreshed after the write, as a user would next see them
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data as never;
  };
  return { db, clock, panels, handle, ask, time, timers };
}

describe('the background', () => {
  it('records a profile seen in a tab and serves that tab’s panel view', async () => {
    const { ask } = await background();
    const { contactId } = await ask('page.context', { url: profileUrl, context: profile }, 7);

    const view: { contact: { id: string; displayName: string; stage: string }; notes: unknown[]; page: { url: string } } =
      await ask('panel.view', {}, 7);
    expect(view.contact).toMatchObject({ id: contactId, displayName: 'Abgar Gulo', stage: 'new' });
    expect(view.page.url).toBe(profileUrl);
    expect(view.notes).toEqual([]);
    expect(await readTabState(7)).toMatchObject({ contactId, person: { handle: 'abgargulo' } });
  });

  it('counts a re-read of the same page view once: no second sighting, no second tally', async () => {
    const { ask, db, time } = await background();
    const partial: PageContext = { ...profile, misses: ['profile.topCard'] };
    await ask('page.context', { url: profileUrl, context: partial }, 7);
    const outboxAfterFirst = await db.count('outbox');
    const queuedAfterFirst = JSON.stringify(await db.getAll('outbox'));
    await ask('page.context', { url: profileUrl, context: { ...partial, misses: ['profile.topCard', 'profile.name'] } }, 7);

    expect(await db.count('outbox')).toBe(outboxAfterFirst);
    expect(JSON.stringify(await db.getAll('outbox'))).toBe(queuedAfterFirst);
    const tallies = await readMissTallies();
    expect(tallies.map(({ miss, count }) => [miss, count])).toEqual([
      ['profile.name', 1],
      ['profile.topCard', 1],
    ]);
    // Another view of the same page (a new tab) is a new sighting.
    time.advance(60_000);
    await ask('page.context', { url: profileUrl, context: partial }, 8);
    // Queued as a change of the contact's one unpushed entry (one entry per record).
    expect(JSON.stringify(await db.getAll('outbox'))).not.toBe(queuedAfterFirst);
  });

  it('gives an empty view to a tab it knows nothing about', async () => {
    const { ask } = await background();
    expect(await ask('panel.view', {}, 99)).toEqual({ page: null, person: null, self: null, contact: null, notes: [], conversations: [], canTrack: false, knownTags: [] });
  });

  it('on one’s own profile records no contact and tells the panel "this is you"', async () => {
    const { ask, db } = await background();
    const me = { handle: 'abgargulo', profileUrl, displayName: 'Abgar Gulo' };
    const own: PageContext = { ...profile, person: { ...profile.person!, handle: 'AbgarGulo' }, me };
    expect(await ask('page.context', { url: profileUrl, context: own }, 4)).toEqual({ contactId: null });
    const view: { self: unknown; person: unknown; contact: unknown; canTrack: boolean } = await ask('panel.view', {}, 4);
    expect(view).toMatchObject({ self: { handle: 'AbgarGulo', displayName: 'Abgar Gulo' }, person: null, contact: null, canTrack: false });
    expect(await db.count('contacts')).toBe(0);
    expect(await ask('contacts.recent', { limit: 10 })).toEqual([]);
    // Someone else's profile, seen by the same account, is a contact as always.
    const theirs: PageContext = { ...profile, person: { handle: 'sri', profileUrl: 'https://www.linkedin.com/in/sri/', displayName: 'Sri' }, me };
    const { contactId } = await ask('page.context', { url: 'https://www.linkedin.com/in/sri/', context: theirs }, 4);
    expect(contactId).not.toBeNull();
    expect(await ask('panel.view', {}, 4)).toMatchObject({ self: null, person: { handle: 'sri' } });
  });

  it('never keeps our own posts in a feed as conversations', async () => {
    const { ask, db } = await background();
    const me = { handle: 'abgargulo', profileUrl, displayName: 'Abgar Gulo' };
    const ana = { handle: 'ana', profileUrl: 'https://www.linkedin.com/in/ana/', displayName: 'Ana' };
    const feed: PageContext = {
      site: 'linkedin',
      kind: 'inbox',
      me,
      inbox: [
        { threadKey: 'linkedin:post:1', person: { ...me, handle: 'AbgarGulo' }, excerpt: 'Our launch', unread: true },
        { threadKey: 'linkedin:post:2', person: ana, excerpt: 'Question about pricing', unread: true },
      ],
      misses: [],
    };
    await ask('page.context', { url: 'https://www.linkedin.com/feed/', context: feed }, 5);
    const stored = await db.getAll('conversations');
    expect(stored.map((conversation) => conversation.threadKey)).toEqual(['linkedin:post:2']);
  });

  it('keeps one spelling of a tag across contacts and offers the tags in use', async () => {
    const { ask, time } = await background();
    const { contactId: abgar } = await ask('page.context', { url: profileUrl, context: profile }, 1);
    await ask('contact.update', { contactId: abgar, tags: ['Nordics', 'nordics', 'SaaS'] });
    time.advance(1000);
    const sriUrl = 'https://www.linkedin.com/in/sri/';
    const sri: PageContext = { ...profile, person: { handle: 'sri', profileUrl: sriUrl, displayName: 'Sri' } };
    const { contactId: sriId } = await ask('page.context', { url: sriUrl, context: sri }, 2);
    const updated: { tags: string[] } = await ask('contact.update', { contactId: sriId, tags: ['NORDICS', 'enterprise'] });
    expect(updated.tags).toEqual(['Nordics', 'enterprise']);
    const view: { knownTags: string[] } = await ask('panel.view', {}, 2);
    expect(view.knownTags).toEqual(['Nordics', 'SaaS', 'enterprise']);
  });

  it('records no contact for pages without a person', async () => {
    const { ask } = await background();
    const feed: PageContext = { site: 'linkedin', kind: 'other', misses: ['page.kind'] };
    expect(await ask('page.context', { url: 'https://www.linkedin.com/feed/', context: feed }, 3)).toEqual({ contactId: null });
    expect(await ask('contacts.recent', { limit: 10 })).toEqual([]);
  });

  it('refuses tab requests that do not come from a tab', async () => {
    const { handle } = await background();
    expect(await handle({ replyline: 1, type: 'panel.view', payload: {} }, {})).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'This request must come from a tab' },
    });
  });

  it('adds, edits and deletes notes, pushing the new view to every panel showing the contact', async () => {
    const { ask, panels, time } = await background();
    const { contactId } = await ask('page.context', { url: profileUrl, context: profile }, 1);
    await ask('page.context', { url: profileUrl, context: profile }, 2);
    const first = recordingPort(1);
    const second = recordingPort(2);
    panels.add(1, first.port);
    panels.add(2, second.port);

    const note: { id: string } = await ask('note.add', { contactId, body: 'Prefers e-mail' });
    time.advance(1000);
    await ask('note.add', { contactId, body: 'Call on Tuesday' });
    await ask('note.edit', { noteId: note.id, body: 'Prefers e-mail, not calls' });

    const latest = second.pushed.at(-1);
    expect(latest?.view.notes.map((shown) => shown.body)).toEqual(['Call on Tuesday', 'Prefers e-mail, not calls']);
    expect(first.pushed.at(-1)).toEqual(latest);

    second.disconnect();
    await ask('note.delete', { noteId: note.id });
    expect(first.pushed.at(-1)?.view.notes.map((shown) => shown.body)).toEqual(['Call on Tuesday']);
    expect(second.pushed.at(-1)).toEqual(latest);
  });

  it('refuses a note for a contact that does not exist, and an empty note', async () => {
    const { handle } = await background();
    const missing = await handle(
      { replyline: 1, type: 'note.add', payload: { contactId: crypto.randomUUID(), body: 'hello' } },
      {},
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const empty = await handle({ replyline: 1, type: 'note.add', payload: { contactId: crypto.randomUUID(), body: ' ' } }, {});
    expect(empty).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('updates stage and tags', async () => {
    const { ask } = await background();
    const { contactId } = await ask('page.context', { url: profileUrl, context: profile }, 1);
    const updated = await ask('contact.update', { contactId, stage: 'qualified', tags: ['nordics', 'board'] });
    expect(updated).toMatchObject({ stage: 'qualified', tags: ['nordics', 'board'] });
    const [recent]: Array<{ stage: string; identities: Array<{ handle: string }> }> = await ask('contacts.recent', { limit: 5 });
    expect(recent).toMatchObject({ stage: 'qualified', identities: [{ handle: 'abgargulo' }] });
  });

  it('has nothing pending before timers exist', async () => {
    const { ask } = await background();
    expect(await ask('pending.list', {})).toEqual({ items: [], waitingCount: 0, snoozedCount: 0 });
  });
});

describe('the open-panel shortcut', () => {
  it('asks the active tab’s content script to open the panel with the note box focused', async () => {
    const received: unknown[] = [];
    fakeBrowser.tabs.sendMessage = ((_tabId: number, message: unknown) => {
      received.push(message);
      return Promise.resolve({ ok: true, data: { ok: true } });
    });

    expect(await onCommand('open-panel', { id: 4 } as Browser.tabs.Tab)).toBe(true);
    expect(received).toEqual([{ replyline: 1, type: 'panel.open', payload: { focusNote: true } }]);
    expect(await onCommand('something-else', { id: 4 } as Browser.tabs.Tab)).toBe(false);
    expect(received).toHaveLength(1);
  });

  it('does nothing on a page without a panel', async () => {
    fakeBrowser.tabs.sendMessage = (() =>
      Promise.reject(new Error('Receiving end does not exist.')));
    expect(await onCommand('open-panel', { id: 4 } as Browser.tabs.Tab)).toBe(false);
  });
});
