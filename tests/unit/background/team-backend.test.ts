import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import type { ConversationView, PanelView } from '@/lib/views/panel';
import { createAgent, createApp, createLocalNotifier, createWorkspace, openServerDatabase, type ServerDatabase } from '@/server/src/app';
import { clockFor, freshDb } from '../db/helpers';
import { marianasThread as thread, threadUrl } from './linkedin-thread';

const BACKEND_URL = 'http://team.test';

let database: ServerDatabase;
let tokens: { ann: string; bo: string };
let boId: string;

beforeAll(async () => {
  database = await openServerDatabase({});
  const workspace = await createWorkspace(database.db, { name: 'Care', adminName: 'Ann' });
  const bo = await createAgent(database.db, workspace.workspace.id, { name: 'Bo', role: 'agent' });
  tokens = { ann: workspace.token, bo: bo.token };
  boId = bo.agent.id;
}, 60_000);
afterAll(async () => {
  await database.close();
});
afterEach(() => vi.unstubAllGlobals());

/** One browser's background, answering as the real one does; its tab `tabId` shows the thread. */
async function replica(token: string, tabId: number) {
  const { db } = await freshDb();
  const { clock } = await clockFor(db);
  const { changes, handle } = createBackgroundServices({ db, clock, panels: new PanelPorts() });
  const ask = async <T,>(type: string, payload: unknown): Promise<T> => {
    const answer = await handle({ replyline: 1, type, payload }, { tabId });
    await changes.settled(); // the panels and badge, refreshed after the write, as a user would next see them
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data as T;
  };
  expect(await ask('sync.configure', { backendUrl: BACKEND_URL, token })).toMatchObject({ state: 'idle', lastError: null });
  await ask('page.context', { url: threadUrl, context: thread });
  const shown = async (): Promise<ConversationView> => {
    const [conversation] = (await ask<PanelView>('panel.view', {})).conversations;
    if (!conversation) throw new Error('the panel shows no conversation');
    return conversation;
  };
  return { ask, shown, disconnect: () => ask('sync.configure', { backendUrl: null, token: null }) };
}

describe('presence and ownership through the real backend app', () => {
  it('shows Bo that Ann views the thread, then Ann that Bo owns it', async () => {
    const app = createApp({ db: database, notifier: createLocalNotifier() });
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => app.fetch(new Request(input, init)));
    const ann = await replica(tokens.ann, 7);
    const bo = await replica(tokens.bo, 8);
    try {
      const conversation = await ann.shown();
      expect(conversation.team).toEqual({ owner: null, others: [] });

      await ann.ask('conversation.showing', { conversationId: conversation.id });
      await vi.waitFor(async () => expect((await bo.shown()).team?.others).toMatchObject([{ name: 'Ann', activity: 'viewing' }]), { timeout: 5_000 });
      // Ann does not see herself.
      expect((await ann.shown()).team?.others).toEqual([]);

      await bo.ask('conversation.assign', { conversationId: conversation.id, to: 'me' });
      expect((await bo.shown()).team?.owner).toEqual({ id: boId, name: 'Bo', isMe: true });
      await bo.ask('sync.now', {});
      await vi.waitFor(async () => expect((await ann.shown()).team?.owner).toEqual({ id: boId, name: 'Bo', isMe: false }), { timeout: 5_000 });

      await ann.ask('conversation.showing', { conversationId: null });
      await vi.waitFor(async () => expect((await bo.shown()).team?.others).toEqual([]), { timeout: 5_000 });
    } finally {
      await ann.disconnect();
      await bo.disconnect();
    }
  }, 30_000);
});

describe('what schedules a sync', () => {
  it('pushes a committed local write by itself, and its own change event coming back pulls nothing more', async () => {
    const app = createApp({ db: database, notifier: createLocalNotifier() });
    const requests: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      requests.push(new URL(request.url).pathname);
      return app.fetch(request);
    });
    const ann = await replica(tokens.ann, 9);
    try {
      const status = () => ann.ask<{ pendingChanges: number }>('sync.status', {});
      await vi.waitFor(async () => expect((await status()).pendingChanges).toBe(0), { timeout: 5_000 });
      // Reads schedule nothing.
      requests.length = 0;
      await ann.shown();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(requests.filter((path) => path.startsWith('/v1/sync'))).toEqual([]);

      const conversation = await ann.shown();
      await ann.ask('conversation.priority', { conversationId: conversation.id, priority: 'high' });
      await vi.waitFor(async () => expect((await status()).pendingChanges).toBe(0), { timeout: 5_000 });
      // The change event of Ann's own push arrives and its debounce passes: no second pull.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(requests.filter((path) => path.startsWith('/v1/sync'))).toEqual(['/v1/sync/push', '/v1/sync/pull']);
    } finally {
      await ann.disconnect();
    }
  }, 20_000);
});
