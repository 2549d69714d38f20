import { describe, expect, it } from 'vitest';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { createPresenceAnnouncer, REPLYING_HOLD_MS } from '@/entrypoints/background/presence-announcer';
import { shownConversationId } from '@/entrypoints/panel/use-presence';
import { conversationKeyOf, conversationTeam, type TeamDirectory } from '@/entrypoints/background/views';
import type { PanelView } from '@/lib/views/panel';
import type { Conversation } from '@/lib/model';
import { createPresenceTable } from '@/lib/sync/presence';
import { clockFor, freshDb, manualTime } from '../db/helpers';
import { marianasThread as thread, threadUrl } from './linkedin-thread';

const ANN = '8f9c2a4e-1111-4a1a-9a1a-000000000001';
const BO = '8f9c2a4e-2222-4a1a-9a1a-000000000002';
const CY = '8f9c2a4e-3333-4a1a-9a1a-000000000003';
const T0 = Date.parse('2026-03-02T09:00:00.000Z');

function recordingAnnouncer() {
  const said: string[] = [];
  const time = manualTime();
  const announcer = createPresenceAnnouncer({
    announce: (key, activity) => {
      said.push(`${activity} ${key}`);
      return Promise.resolve();
    },
    now: time.now,
  });
  return { announcer, said, time };
}

describe('what a browser announces about the conversations its tabs show', () => {
  it('says viewing, again on each re-announcement, and left for the conversation a tab moved away from', async () => {
    const { announcer, said } = recordingAnnouncer();
    await announcer.show(1, 'linkedin:thread-a');
    await announcer.show(1, 'linkedin:thread-a');
    await announcer.show(1, 'x:status-9');
    await announcer.show(1, null);
    expect(said).toEqual(['viewing linkedin:thread-a', 'viewing linkedin:thread-a', 'left linkedin:thread-a', 'viewing x:status-9', 'left x:status-9']);
  });

  it('does not say left while another tab still shows the conversation', async () => {
    const { announcer, said } = recordingAnnouncer();
    await announcer.show(1, 'linkedin:thread-a');
    await announcer.show(2, 'linkedin:thread-a');
    await announcer.tabClosed(1);
    expect(said).toEqual(['viewing linkedin:thread-a', 'viewing linkedin:thread-a']);
    await announcer.tabClosed(2);
    expect(said.at(-1)).toBe('left linkedin:thread-a');
  });

  it('keeps saying replying after a reply went into the composer, then falls back to viewing', async () => {
    const { announcer, said, time } = recordingAnnouncer();
    await announcer.replying(1); // the tab shows nothing: nothing to say
    await announcer.show(1, 'linkedin:thread-a');
    await announcer.replying(1);
    time.advance(45_000);
    await announcer.show(1, 'linkedin:thread-a');
    time.advance(REPLYING_HOLD_MS);
    await announcer.show(1, 'linkedin:thread-a');
    expect(said).toEqual(['viewing linkedin:thread-a', 'replying linkedin:thread-a', 'replying linkedin:thread-a', 'viewing linkedin:thread-a']);
  });

  it('forgets the replying once the tab leaves, so a return is a plain view', async () => {
    const { announcer, said } = recordingAnnouncer();
    await announcer.show(1, 'linkedin:thread-a');
    await announcer.replying(1);
    await announcer.show(1, 'linkedin:thread-b');
    await announcer.show(1, 'linkedin:thread-a');
    expect(said.slice(2)).toEqual(['left linkedin:thread-a', 'viewing linkedin:thread-b', 'left linkedin:thread-b', 'viewing linkedin:thread-a']);
  });
});

describe('the team part of a conversation view', () => {
  const conversation: Pick<Conversation, 'site' | 'threadKey' | 'ownerId' | 'events'> = {
    site: 'linkedin',
    threadKey: 'thread-a',
    ownerId: null,
    events: [],
  };
  const key = conversationKeyOf(conversation);

  function directory(me: TeamDirectory['me'], heard: Array<{ id: string; name: string; activity: 'viewing' | 'replying'; key?: string; expiresInMs?: number }>) {
    const table = createPresenceTable(() => T0);
    for (const entry of heard) {
      table.apply({
        agentId: entry.id,
        agentName: entry.name,
        conversationKey: entry.key ?? key,
        activity: entry.activity,
        expiresAt: new Date(T0 + (entry.expiresInMs ?? 60_000)).toISOString(),
      });
    }
    const names = new Map(heard.map((entry) => [entry.id, entry.name]));
    return {
      me,
      nameOf: (id: string) => names.get(id) ?? null,
      presentIn: (conversationKey: string, except?: string) => table.inConversation(conversationKey, except),
    } satisfies TeamDirectory;
  }

  it('names the conversation by site and thread, as every replica does', () => {
    expect(key).toBe('linkedin:thread-a');
  });

  it('lists the others here, replying first, without us and without those elsewhere or gone', () => {
    const team = conversationTeam(
      conversation,
      directory({ id: ANN, name: 'Ann' }, [
        { id: ANN, name: 'Ann', activity: 'viewing' },
        { id: BO, name: 'Bo', activity: 'viewing' },
        { id: CY, name: 'Cy', activity: 'replying', expiresInMs: 30_000 },
        { id: '8f9c2a4e-4444-4a1a-9a1a-000000000004', name: 'Di', activity: 'replying', key: 'linkedin:thread-b' },
        { id: '8f9c2a4e-5555-4a1a-9a1a-000000000005', name: 'Ed', activity: 'viewing', expiresInMs: 0 },
      ]),
    );
    expect(team).toEqual({
      owner: null,
      others: [
        { agentId: CY, name: 'Cy', activity: 'replying', until: '2026-03-02T09:00:30.000Z' },
        { agentId: BO, name: 'Bo', activity: 'viewing', until: '2026-03-02T09:01:00.000Z' },
      ],
    });
  });

  it('knows when we own it', () => {
    const team = conversationTeam({ ...conversation, ownerId: ANN }, directory({ id: ANN, name: 'Ann' }, []));
    expect(team.owner).toEqual({ id: ANN, name: 'Ann', isMe: true });
  });

  it('names another owner from presence, else from who assigned it, else not at all', () => {
    const heardOfBo = conversationTeam({ ...conversation, ownerId: BO }, directory({ id: ANN, name: 'Ann' }, [{ id: BO, name: 'Bo', activity: 'viewing', key: 'x:elsewhere' }]));
    expect(heardOfBo.owner).toEqual({ id: BO, name: 'Bo', isMe: false });

    const assigned = {
      ...conversation,
      ownerId: BO,
      events: [
        { type: 'assigned' as const, at: '2026-03-02T08:00:00.000Z', detail: CY, by: 'Cy' },
        { type: 'assigned' as const, at: '2026-03-02T08:30:00.000Z', detail: BO, by: 'Bo' },
      ],
    };
    expect(conversationTeam(assigned, directory({ id: ANN, name: 'Ann' }, [])).owner).toEqual({ id: BO, name: 'Bo', isMe: false });
    expect(conversationTeam({ ...conversation, ownerId: CY }, directory({ id: ANN, name: 'Ann' }, [])).owner).toEqual({ id: CY, name: null, isMe: false });
  });
});

describe('which conversation a panel tells the team it shows', () => {
  const base: PanelView = { page: null, person: null, self: null, contact: null, notes: [], conversations: [], canTrack: false, knownTags: [] };
  const row = (id: string) => ({ id }) as PanelView['conversations'][number];

  it('is the page’s first conversation, none on an inbox or before the page is known', () => {
    const page = (kind: 'conversation' | 'inbox') => ({ site: 'linkedin' as const, kind, misses: [], url: 'https://www.linkedin.com/messaging/' });
    expect(shownConversationId(null)).toBeNull();
    expect(shownConversationId({ ...base, conversations: [row('a')] })).toBeNull();
    expect(shownConversationId({ ...base, page: page('conversation'), conversations: [row('a'), row('b')] })).toBe('a');
    expect(shownConversationId({ ...base, page: page('inbox'), conversations: [row('a'), row('b')] })).toBeNull();
    expect(shownConversationId({ ...base, page: page('conversation') })).toBeNull();
  });
});

describe('presence and ownership requests without a team backend', () => {

  async function background() {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const { changes, handle } = createBackgroundServices({ db, clock, panels: new PanelPorts() });
    return async (type: string, payload: unknown, tabId = 7) => {
      const answer = await handle({ replyline: 1, type, payload }, { tabId });
      await changes.settled();
      return answer;
    };
  }

  it('leaves the team out of the view, accepts what the panel shows, and refuses an assignment', async () => {
    const ask = await background();
    await ask('page.context', { url: threadUrl, context: thread });
    const answer = await ask('panel.view', {});
    if (!answer.ok) throw new Error(answer.error.message);
    const [shown] = (answer.data as PanelView).conversations;
    expect(shown).toMatchObject({ status: 'waiting', team: null });

    expect(await ask('conversation.showing', { conversationId: shown?.id ?? null })).toEqual({ ok: true, data: { ok: true } });
    expect(await ask('conversation.assign', { conversationId: shown?.id, to: 'me' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('team backend') as unknown },
    });
  });
});
