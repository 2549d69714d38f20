import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { readHandOff } from '@/entrypoints/background/replies-handoff';
import { conversations } from '@/lib/db/conversations';
import { ensureStarterContent, starterId } from '@/lib/db/starter';
import { templates } from '@/lib/db/templates';
import type { InsertResult, RepliesView } from '@/lib/views/replies';
import type { PageContext, Person } from '@/lib/model';
import { writeReplyProviderSettings } from '@/lib/replies/llm-settings';
import { clockFor, freshDb } from '../db/helpers';

afterEach(() => vi.unstubAllGlobals());

const me: Person = { handle: 'acmesupport', profileUrl: 'https://x.com/acmesupport', displayName: 'Acme Support' };
const nora: Person = { handle: 'noracustomer', profileUrl: 'https://x.com/noracustomer', displayName: 'Nora Customer' };
const statusUrl = 'https://x.com/acmesupport/status/880139124791029763';
const COMPLAINT = 'My order #A-10428841 never arrived and nobody answers. Where is it?';

function ownPost(comment: string): PageContext {
  return {
    site: 'x',
    kind: 'post',
    me,
    person: nora,
    post: {
      threadKey: 'x:status:880139124791029763',
      author: me,
      text: 'Our new blue kettle is out!',
      comments: [{ author: nora, direction: 'in', text: comment, at: '2026-03-02T08:55:00.000Z' }],
    },
    misses: [],
  };
}

const dmPage: PageContext = {
  site: 'x',
  kind: 'conversation',
  me,
  person: nora,
  conversation: {
    threadKey: 'x:dm:111-222',
    participants: [nora],
    messages: [{ author: nora, direction: 'in', text: 'Hi, I bought the blue one.', at: '2026-02-20T10:00:00.000Z' }],
  },
  misses: [],
};

/** Records what the background asks the tabs' content scripts to put in their composers. */
function recordInserts(answer: { inserted: boolean } = { inserted: true }) {
  const inserted: Array<{ tabId: number; text: string }> = [];
  fakeBrowser.tabs.sendMessage = ((tabId: number, message: { type: string; payload: { text: string } }) => {
    if (message.type === 'composer.insert') inserted.push({ tabId, text: message.payload.text });
    return Promise.resolve({ ok: true, data: answer });
  });
  return inserted;
}

async function background() {
  const { db } = await freshDb();
  const { clock, time } = await clockFor(db);
  const panels = new PanelPorts();
  const { changes, handle } = createBackgroundServices({ db, clock, panels });
  const ask = async <T>(type: string, payload: unknown, tabId?: number): Promise<T> => {
    const answer = await handle({ replyline: 1, type, payload }, { tabId });
    await changes.settled(); // the panels and badge, refreshed after the write, as a user would next see them
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data as T;
  };
  return { db, clock, time, ask };
}

describe('suggested replies in the panel', () => {
  it('suggests 3–5 replies for the comment on screen, filled with what we know, never with "{{", "undefined" or "null"', async () => {
    const { ask } = await background();
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    const view = await ask<RepliesView>('replies.view', {}, 7);
    expect(view.subject).toEqual({ text: COMPLAINT, authorName: 'Nora Customer', authorHandle: 'noracustomer', mention: 'noracustomer', source: 'comment' });
    expect(view.channel).toBe('public');
    expect(view.limit).toEqual({ limit: 280, counting: 'weighted' });
    const forHere = view.suggestions.filter((suggestion) => suggestion.channel === 'public');
    expect(forHere.length).toBeGreaterThanOrEqual(3);
    expect(forHere.length).toBeLessThanOrEqual(5);
    for (const suggestion of view.suggestions) expect(suggestion.text).not.toMatch(/\{\{|undefined|null/);
    // Her order number never appears in a public suggestion; the private one for the DM has it.
    for (const suggestion of forHere) expect(suggestion.text).not.toContain('10428841');
    expect(view.suggestions.some((suggestion) => suggestion.channel === 'private' && !suggestion.insertable && suggestion.text.includes('A-10428841'))).toBe(true);
    // No LinkedIn opener on X.
    expect(view.suggestions.some((suggestion) => suggestion.title.includes('LinkedIn'))).toBe(false);
    const templated = view.suggestions.filter((suggestion) => suggestion.kind === 'template' && suggestion.complete);
    expect(templated.some((suggestion) => suggestion.text.includes('Nora'))).toBe(true);
  });

  it('puts a complete suggestion into the tab’s composer, refuses one with variables left, and takes them once typed', async () => {
    const { ask } = await background();
    const inserts = recordInserts();
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    const view = await ask<RepliesView>('replies.view', {}, 7);
    const incomplete = view.suggestions.find((suggestion) => suggestion.channel === 'public' && suggestion.insertable && suggestion.missing.length > 0);
    if (!incomplete) throw new Error('expected a suggestion with variables to fill');
    const refused = await ask<InsertResult>('replies.insert', { target: { by: 'suggestion', kind: incomplete.kind, id: incomplete.id } }, 7);
    expect(refused).toEqual({ inserted: false, reason: 'incomplete', missing: incomplete.missing, message: null, length: null });
    expect(inserts).toEqual([]);

    const values = Object.fromEntries(incomplete.missing.map((name) => [name, `the ${name}`]));
    const done = await ask<InsertResult>('replies.insert', { target: { by: 'suggestion', kind: incomplete.kind, id: incomplete.id }, values }, 7);
    expect(done).toMatchObject({ inserted: true, reason: null, missing: [], message: null });
    expect(done.length).toBeGreaterThan(0);
    expect(inserts).toHaveLength(1);
    expect(inserts[0]?.tabId).toBe(7);
    for (const name of incomplete.missing) expect(inserts[0]?.text).toContain(`the ${name}`);
    expect(inserts[0]?.text).not.toMatch(/\{\{|\[\[|undefined|null/);
  });

  it('calls a template by its keyword, filling {{order}} from the comment', async () => {
    const { ask } = await background();
    const inserts = recordInserts();
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    const result = await ask<InsertResult>('replies.insert', { target: { by: 'shortcut', shortcut: 'dm' } }, 7);
    expect(result.inserted).toBe(true);
    expect(inserts[0]?.text).toMatch(/^Hi Nora, I'd like to help with this properly\./);
    const order = await ask<InsertResult>(
      'replies.insert',
      { target: { by: 'shortcut', shortcut: 'order' }, values: { tracking_link: 'https://track.example/1', expected_date: 'Friday' } },
      7,
    );
    expect(order.inserted).toBe(true);
    // In public: no order number, and no check claimed that nobody made.
    expect(inserts[1]?.text).toBe("Hi Nora, I'll check your order for you now and come back to you here.");
    const checked = await ask<InsertResult>(
      'replies.insert',
      { target: { by: 'shortcut', shortcut: 'order' }, values: { tracking_link: 'https://track.example/1', expected_date: 'Friday' }, done: ['checked-order'] },
      7,
    );
    expect(checked.inserted).toBe(true);
    expect(inserts[2]?.text).toMatch(/^Hi Nora, I've checked your order for you\./);
    expect(inserts.map((insert) => insert.text).join('\n')).not.toContain('10428841');
    const unknown = await ask<InsertResult>('replies.insert', { target: { by: 'shortcut', shortcut: 'no-such-keyword' } }, 7);
    expect(unknown).toEqual({ inserted: false, reason: 'not-found', missing: [], message: null, length: null });
  });

  it('warns when a template already went to this person', async () => {
    const { ask, db } = await background();
    await ask('page.context', { url: statusUrl, context: ownPost('Thanks so much, the kettle is lovely!') }, 7);
    const before = await ask<RepliesView>('replies.view', {}, 7);
    const template = before.suggestions.find((suggestion) => suggestion.kind === 'template' && suggestion.complete);
    if (!template) throw new Error('expected a complete template');
    expect(template.alreadySent).toBe(false);
    // Our reply with that text appears under her comment.
    const withReply = ownPost('Thanks so much, the kettle is lovely!');
    withReply.post?.comments.push({ author: me, direction: 'out', text: template.text, at: '2026-03-02T08:58:00.000Z' });
    await ask('page.context', { url: statusUrl, context: withReply }, 7);
    const after = await ask<RepliesView>('replies.view', {}, 7);
    expect(after.suggestions.find((suggestion) => suggestion.id === template.id)?.alreadySent).toBe(true);
    expect((await templates.all(db)).length).toBeGreaterThan(0);
  });

  it('rebuilds its index when a template changes', async () => {
    const { ask, db, clock } = await background();
    await ask('page.context', { url: statusUrl, context: ownPost('Do you have a discount code for the zorblax kettle?') }, 7);
    await ask<RepliesView>('replies.view', {}, 7);
    const created = await templates.create(
      db,
      { title: 'Zorblax kettle discount', body: 'Hi {{first_name}}, the zorblax kettle discount code is KETTLE10.', lang: 'en', tags: ['price'], shortcut: 'zorblax' },
      clock,
    );
    const view = await ask<RepliesView>('replies.view', {}, 7);
    expect(view.suggestions[0]).toMatchObject({ id: created.id, text: 'Hi Nora, the zorblax kettle discount code is KETTLE10.', shortcut: 'zorblax' });
  });
});

describe('sensitive content and Move to DM', () => {
  it('says what it found, masked, and why it suggests going private', async () => {
    const { ask } = await background();
    await ask('page.context', { url: statusUrl, context: ownPost(`${COMPLAINT} Mail me at nora.c@example.com`) }, 7);
    const view = await ask<RepliesView>('replies.view', {}, 7);
    expect(view.sensitive.suggestPrivate).toBe(true);
    expect(view.sensitive.reasons).toEqual(expect.arrayContaining(['order', 'email']));
    const shown = JSON.stringify(view.sensitive.findings);
    expect(shown).not.toContain('10428841');
    expect(shown).not.toContain('nora.c@example.com');
    expect(view.moveToDm).toMatchObject({ suggested: true, opens: 'profile', channelUrl: 'https://x.com/noracustomer', linked: false });
    expect(view.moveToDm?.alternative?.kind).toBe('public-ask');
  });

  it('fills the public reply, opens the channel, and once the new tab reports its page fills the private composer and links the conversations', async () => {
    const { ask, db } = await background();
    const inserts = recordInserts();
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    const created: string[] = [];
    fakeBrowser.tabs.create = ((properties: { url: string }) => {
      created.push(properties.url);
      return Promise.resolve({ id: 8, url: properties.url } as never);
    }) as never;

    const result = await ask<{ publicInserted: boolean; opened: string }>('replies.move-to-dm', { mode: 'dm' }, 7);
    expect(result).toEqual({ publicInserted: true, opened: 'https://x.com/noracustomer' });
    expect(created).toEqual(['https://x.com/noracustomer']);
    expect(inserts[0]).toMatchObject({ tabId: 7 });
    // No DM exists yet: the public text must not say one was sent.
    expect(inserts[0]?.text).toMatch(/^Sorry about this, Nora — we'll send you a DM so we can sort out your order privately\./);
    expect((await readHandOff(8))?.privateMessage).toContain(statusUrl);

    // The profile page has no DM box: the message waits for the conversation.
    recordInserts({ inserted: false });
    await ask('page.context', { url: 'https://x.com/noracustomer', context: { site: 'x', kind: 'profile', person: nora, misses: [] } }, 8);
    expect((await readHandOff(8))?.privateMessage).not.toBeNull();

    const dmInserts = recordInserts();
    await ask('page.context', { url: 'https://x.com/messages/111-222', context: dmPage }, 8);
    expect(dmInserts).toHaveLength(1);
    expect(dmInserts[0]?.tabId).toBe(8);
    expect(dmInserts[0]?.text).toContain('[order number]');
    expect(dmInserts[0]?.text).not.toContain('10428841');
    expect(await readHandOff(8)).toBeNull();

    const all = await conversations.all(db);
    const publicOne = all.find((conversation) => conversation.kind === 'comment');
    const privateOne = all.find((conversation) => conversation.kind === 'conversation');
    expect(publicOne?.linkedConversationId).toBe(privateOne?.id);
    const handOffs = publicOne?.events.filter((event) => event.type === 'handed-off') ?? [];
    expect(handOffs).toHaveLength(1);
    expect(JSON.parse(handOffs[0]?.detail ?? '{}')).toMatchObject({ via: 'dm', personHandle: 'noracustomer', reasons: ['order'] });
    expect(handOffs[0]?.detail).not.toContain('10428841');

    // A later report from that tab puts nothing in again.
    const again = recordInserts();
    await ask('page.context', { url: 'https://x.com/messages/111-222', context: dmPage }, 8);
    expect(again).toEqual([]);

    // Linked, but the prefilled DM was not sent: no public text may say it was.
    const unsent = await ask<RepliesView>('replies.view', {}, 7);
    expect(unsent.done).not.toContain('dm-sent');
    expect(unsent.suggestions.map((suggestion) => suggestion.text).join('\n')).not.toMatch(/(?:I|we)(?:'ve| have) sent you a (?:DM|private message)/i);

    // A message of ours from before the hand-off is not about this matter: still no DM to mention.
    const older: PageContext = {
      ...dmPage,
      conversation: {
        threadKey: 'x:dm:111-222',
        participants: [nora],
        messages: [{ author: me, direction: 'out', text: 'Welcome to Acme!', at: '2026-02-19T10:00:00.000Z' }, ...(dmPage.conversation?.messages ?? [])],
      },
    };
    await ask('page.context', { url: 'https://x.com/messages/111-222', context: older }, 8);
    expect((await ask<RepliesView>('replies.view', {}, 7)).done).not.toContain('dm-sent');

    // Once the DM page shows a message of ours sent since, the DM exists and may be mentioned.
    const sent: PageContext = {
      ...dmPage,
      conversation: {
        threadKey: 'x:dm:111-222',
        participants: [nora],
        messages: [
          { author: me, direction: 'out', text: 'Welcome to Acme!', at: '2026-02-19T10:00:00.000Z' },
          ...(dmPage.conversation?.messages ?? []),
          { author: me, direction: 'out', text: 'Hi Nora, about your order:', at: '2026-03-02T09:10:00.000Z' },
        ],
      },
    };
    await ask('page.context', { url: 'https://x.com/messages/111-222', context: sent }, 8);
    expect((await ask<RepliesView>('replies.view', {}, 7)).done).toContain('dm-sent');
  });

  it('offers the public ask where no DM is possible, and logs that hand-off', async () => {
    const { ask, db } = await background();
    const inserts = recordInserts();
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    const result = await ask<{ publicInserted: boolean; opened: string | null }>('replies.move-to-dm', { mode: 'alternative' }, 7);
    expect(result).toEqual({ publicInserted: true, opened: null });
    expect(inserts[0]?.text).not.toContain('10428841');
    const publicOne = (await conversations.all(db)).find((conversation) => conversation.kind === 'comment');
    const event = publicOne?.events.find((item) => item.type === 'handed-off');
    expect(JSON.parse(event?.detail ?? '{}')).toMatchObject({ via: 'public-ask', publicReply: inserts[0]?.text });
  });
});

describe('generated replies', () => {
  it('sends nothing anywhere while the reply provider is off (the default)', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in tests')));
    vi.stubGlobal('fetch', fetchSpy);
    const { ask } = await background();
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    const view = await ask<RepliesView>('replies.view', {}, 7);
    expect(view.canGenerate).toBe(false);
    await expect(ask('replies.generate', {}, 7)).rejects.toThrow(/unavailable: No reply provider is switched on/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('when on, streams a reply from the provider with the message masked, and inserts it when done', async () => {
    const bodies: string[] = [];
    vi.stubGlobal('fetch', (_url: URL, init: RequestInit) => {
      bodies.push(typeof init.body === 'string' ? init.body : '');
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const encoder = new TextEncoder();
          controller.enqueue(encoder.encode(`data: ${JSON.stringify({ choices: [{ delta: { content: 'So sorry, Nora! ' } }] })}\n\n`));
          controller.enqueue(encoder.encode(`data: ${JSON.stringify({ choices: [{ delta: { content: "I've sent you a DM." } }] })}\n\ndata: [DONE]\n\n`));
          controller.close();
        },
      });
      return Promise.resolve(new Response(stream, { headers: { 'content-type': 'text/event-stream' } }));
    });
    const { ask } = await background();
    const inserts = recordInserts();
    await writeReplyProviderSettings({ enabled: true, endpoint: 'http://localhost:11434/v1', model: 'llama3.2', apiKey: 'secret' });
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    expect(await ask<{ hasKey: boolean; endpoint: string }>('replies.provider.get', {}, 7)).toEqual({
      enabled: true,
      endpoint: 'http://localhost:11434/v1',
      model: 'llama3.2',
      hasKey: true,
    });
    const { generationId } = await ask<{ generationId: string }>('replies.generate', {}, 7);
    await vi.waitFor(async () => expect((await ask<{ done: boolean }>('replies.generation', { generationId }, 7)).done).toBe(true));
    expect(await ask('replies.generation', { generationId }, 7)).toEqual({ text: "So sorry, Nora! I've sent you a DM.", done: true, error: null });
    expect(bodies[0]).not.toContain('10428841');
    expect(bodies[0]).toContain('[order number]');
    await ask('replies.insert', { target: { by: 'generated', generationId } }, 7);
    // Generated text is held to the same rules: no DM exists, so the claim goes in as a promise.
    expect(inserts[0]?.text).toBe("So sorry, Nora! I'll send you a DM.");
  });
});

describe('the starter set', () => {
  it('seeds once, with the same ids on every install', async () => {
    const first = await freshDb();
    const second = await freshDb();
    const { clock: clockA } = await clockFor(first.db);
    const { clock: clockB } = await clockFor(second.db);
    const seeded = await ensureStarterContent(first.db, clockA);
    expect(seeded.templates).toBeGreaterThan(0);
    expect(seeded.articles).toBeGreaterThan(0);
    await ensureStarterContent(second.db, clockB);
    const ids = async (db: typeof first.db) => (await templates.all(db)).map((template) => template.id).sort();
    expect(await ids(first.db)).toEqual(await ids(second.db));
    expect(await ensureStarterContent(first.db, clockA)).toEqual({ templates: 0, articles: 0 });
    expect(await starterId('en-ack')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the safety gate on the insert path', () => {
  it('refuses a private-only text and any public text repeating her order number, whoever asks', async () => {
    const { ask } = await background();
    const inserts = recordInserts();
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    const view = await ask<RepliesView>('replies.view', {}, 7);
    const privateOne = view.suggestions.find((suggestion) => suggestion.channel === 'private');
    if (!privateOne) throw new Error('expected a suggestion for the private message');
    const asPrivate = await ask<InsertResult>('replies.insert', { target: { by: 'suggestion', kind: privateOne.kind, id: privateOne.id, channel: 'private' } }, 7);
    expect(asPrivate).toMatchObject({ inserted: false, reason: 'private-only' });
    // The agent types her number into a blank: refused with the reason.
    const typed = await ask<InsertResult>('replies.insert', { target: { by: 'shortcut', shortcut: 'order' }, values: { tracking_link: 'A-10428841', expected_date: 'Friday' } }, 7);
    expect(typed).toMatchObject({ inserted: false, reason: 'unsafe' });
    expect(typed.message).toMatch(/order or ticket number in public/);
    expect(inserts).toEqual([]);
  });

  it('refuses an after-hours acknowledgement that repeats a flagged value', async () => {
    const { ask, db } = await background();
    const inserts = recordInserts();
    await ask('page.context', { url: statusUrl, context: ownPost(COMPLAINT) }, 7);
    const conversation = (await conversations.all(db))[0];
    if (!conversation) throw new Error('expected the comment thread to be tracked');
    await expect(
      ask('conversation.after-hours-ack', { conversationId: conversation.id, text: 'Hi Nora, we will look at order A-10428841 in the morning.' }, 7),
    ).rejects.toThrow(/Refused: this reply would put an order or ticket number in public/);
    expect(inserts).toEqual([]);
  });
});

describe('the right person, place and language', () => {
  it('greets the commenter, not the post’s author, on someone else’s post', async () => {
    const { ask } = await background();
    const brand: Person = { handle: 'opovoonline', profileUrl: 'https://www.instagram.com/opovoonline/', displayName: 'O POVO Online' };
    const lobo: Person = { handle: 'lobo144568', profileUrl: 'https://www.instagram.com/lobo144568/', displayName: 'lobo144568' };
    const page: PageContext = {
      site: 'instagram',
      kind: 'post',
      person: brand,
      post: {
        threadKey: 'instagram:post:DQq9PJQk4TG',
        author: brand,
        text: 'Bom dia, seguidores ☕ Confiram os destaques da nossa edição desta quarta-feira.',
        comments: [{ author: lobo, direction: 'in', text: 'Thanks so much, I love this app!', at: '2025-11-05T11:58:13.000Z' }],
      },
      misses: [],
    };
    await ask('page.context', { url: 'https://www.instagram.com/p/DQq9PJQk4TG/', context: page }, 7);
    const view = await ask<RepliesView>('replies.view', {}, 7);
    expect(view.subject).toMatchObject({ authorHandle: 'lobo144568', source: 'comment' });
    const texts = view.suggestions.map((suggestion) => suggestion.text).join('\n');
    expect(texts).not.toMatch(/\bO\b,|Hi O\b/);
    expect(texts).toContain('lobo144568');
    // Praise gets a warm reply first, not an article.
    expect(view.suggestions[0]?.kind).not.toBe('article');
  });

  it('in a DM: no Move to DM, no public-only text', async () => {
    const { ask } = await background();
    await ask('page.context', { url: 'https://x.com/messages/111-222', context: { ...dmPage, conversation: { ...dmPage.conversation!, messages: [{ author: nora, direction: 'in', text: COMPLAINT, at: '2026-02-20T10:00:00.000Z' }] } } }, 7);
    const view = await ask<RepliesView>('replies.view', {}, 7);
    expect(view.channel).toBe('private');
    expect(view.moveToDm).toBeNull();
    expect(view.suggestions.every((suggestion) => suggestion.channel === 'private')).toBe(true);
    expect(view.suggestions.some((suggestion) => /private message on/.test(suggestion.text))).toBe(false);
    // In private, her order number may be used.
    expect(view.suggestions.some((suggestion) => suggestion.text.includes('A-10428841'))).toBe(true);
  });

  it('answers in the message’s language, the other only on request', async () => {
    const { ask } = await background();
    await ask('page.context', { url: statusUrl, context: ownPost('I want a refund for the kettle from your 東京 store, it broke after a day') }, 7);
    const english = await ask<RepliesView>('replies.view', {}, 7);
    expect(english.lang).toBe('en');
    expect(english.suggestions.every((suggestion) => suggestion.lang !== 'ja')).toBe(true);
    const japanese = await ask<RepliesView>('replies.view', { lang: 'ja' }, 7);
    expect(japanese.messageLang).toBe('en');
    expect(japanese.suggestions.every((suggestion) => suggestion.lang !== 'en')).toBe(true);
  });
});
