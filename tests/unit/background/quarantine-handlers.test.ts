import { describe, expect, it } from 'vitest';
import { quarantineHandlers } from '@/entrypoints/background/quarantine-handlers';
import { ReplicaClock } from '@/lib/db/clock';
import { notes } from '@/lib/db/notes';
import { pendingOutbox } from '@/lib/db/outbox';
import { quarantineEntry, quarantineSize } from '@/lib/db/quarantine';
import type { ResponseEnvelope } from '@/lib/messaging/envelope';
import { createRequestHandler } from '@/lib/messaging/handle';
import { quarantineProtocol } from '@/lib/messaging/quarantine-protocol';
import { freshDb } from '../db/helpers';

async function setup() {
  const { db } = await freshDb();
  const clock = await ReplicaClock.load(db);
  let pushesAsked = 0;
  const handle = createRequestHandler(quarantineProtocol, quarantineHandlers({ db, sync: { pushSoon: () => void (pushesAsked += 1) } }));
  const ask = (type: string, payload: unknown): Promise<ResponseEnvelope> => handle({ replyline: 1, type, payload }, {});
  /**
   * A note whose outbox entry the server refused, moved into quarantine as the engine does. Today's write
   * path refuses NUL itself, so the entry carries it as one queued by an older version would.
   */
  async function refusedNote(body: string) {
    const note = await notes.create(db, { contactId: crypto.randomUUID(), body: body.replaceAll('\u0000', '') }, clock);
    const queued = (await pendingOutbox(db, 100)).find((candidate) => candidate.recordId === note.id)!;
    const entry = { ...queued, fields: { ...queued.fields, body } };
    const tx = db.transaction(['outbox', 'quarantine'], 'readwrite');
    await quarantineEntry(
      tx.objectStore('quarantine'),
      entry,
      { mutationId: entry.mutationId, status: 'rejected', reason: 'nul-character', path: 'fields.body', message: 'contains U+0000 (NUL), which cannot be stored' },
      '2026-03-02T09:00:00.000Z',
    );
    await tx.objectStore('outbox').delete(entry.seq!);
    await tx.done;
    return { note, entry };
  }
  return { db, ask, refusedNote, pushes: () => pushesAsked };
}

describe('refused changes: background handlers', () => {
  it('lists what was refused: which record and field, a readable excerpt, why and when', async () => {
    const { ask, refusedNote } = await setup();
    const { note, entry } = await refusedNote(`Call back\u0000 tomorrow ${'x'.repeat(200)}`);
    const answer = await ask('sync.quarantine.list', {});
    expect(answer.ok).toBe(true);
    const { changes, unreadable } = (answer as { data: { changes: Array<Record<string, unknown>>; unreadable: number } }).data;
    expect(unreadable).toBe(0);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      mutationId: entry.mutationId,
      store: 'notes',
      recordId: note.id,
      field: 'body',
      reason: 'nul-character',
      message: 'contains U+0000 (NUL), which cannot be stored',
      quarantinedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(changes[0]!.fields).toEqual(expect.arrayContaining(['body', 'contactId']));
    expect(changes[0]!.preview).toMatch(/^Call back\[NUL\] tomorrow x+…$/);
    expect(Array.from(changes[0]!.preview as string)).toHaveLength(120);
  });

  it('retry puts it back in the outbox and asks for a push; discard removes it; an unknown id is not-found', async () => {
    const { db, ask, refusedNote, pushes } = await setup();
    const first = await refusedNote('one\u0000');
    const second = await refusedNote('two\u0000');
    expect(await ask('sync.quarantine.retry', { mutationId: first.entry.mutationId })).toEqual({ ok: true, data: { ok: true } });
    expect(pushes()).toBe(1);
    const outbox = (await db.getAll('outbox')) as Array<{ mutationId: string }>;
    expect(outbox.map((entry) => entry.mutationId)).toEqual([first.entry.mutationId]);
    expect(await ask('sync.quarantine.discard', { mutationId: second.entry.mutationId })).toEqual({ ok: true, data: { ok: true } });
    expect(await quarantineSize(db)).toBe(0);
    expect(await ask('sync.quarantine.discard', { mutationId: second.entry.mutationId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await ask('sync.quarantine.retry', { mutationId: second.entry.mutationId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses malformed requests before touching anything', async () => {
    const { db, ask, refusedNote } = await setup();
    await refusedNote('kept\u0000');
    for (const payload of [{}, { mutationId: 'not-a-uuid' }, { mutationId: 42 }, null]) {
      expect(await ask('sync.quarantine.discard', payload)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await quarantineSize(db)).toBe(1);
  });
});
