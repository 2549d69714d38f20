import { describe, expect, it } from 'vitest';
import { outboxEntrySchema, type OutboxEntry } from '@/lib/sync/outbox-entry';
import { formatHlc } from '@/lib/sync/hlc';
import { mutationOf } from '@/lib/sync/outbox-mutation';
import { mutationSchema, pullQuerySchema, pushRequestSchema } from '@/lib/sync/wire';

const stamp = formatHlc({ wallMs: 1_772_442_000_000, counter: 0 }, 'client-1');
const ids = { mutationId: '6f1f7a4e-8a7e-4c39-9a55-0b7f2d9a1c11', recordId: '0b3c7d5e-1a2b-4c3d-8e9f-a0b1c2d3e4f5' };

describe('wire contract', () => {
  it('refuses a mutation with a field that has no stamp, naming the field', () => {
    const result = mutationSchema.safeParse({ ...ids, store: 'notes', fields: { body: 'x', extra: 1 }, stamps: { body: stamp } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['fields.extra']);
    // A stamp without a value is an unset optional field, which is fine.
    expect(mutationSchema.safeParse({ ...ids, store: 'contacts', fields: {}, stamps: { headline: stamp } }).success).toBe(true);
  });

  it('takes 1 to 500 mutations per push', () => {
    const mutation = { ...ids, store: 'notes', fields: {}, stamps: {} };
    expect(pushRequestSchema.safeParse({ clientId: 'c', mutations: [] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ clientId: 'c', mutations: Array(500).fill(mutation) }).success).toBe(true);
    expect(pushRequestSchema.safeParse({ clientId: 'c', mutations: Array(501).fill(mutation) }).success).toBe(false);
  });

  it('reads the pull query string with its defaults and bounds', () => {
    expect(pullQuerySchema.parse({})).toEqual({ after: 0, limit: 500 });
    expect(pullQuerySchema.parse({ after: '12', limit: '1000' })).toEqual({ after: 12, limit: 1000 });
    expect(pullQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ after: '-1' }).success).toBe(false);
  });

  it('turns an outbox entry into a mutation under the same id: the entry without its bookkeeping', () => {
    const entry: OutboxEntry = {
      seq: 3,
      ...ids,
      store: 'notes',
      fields: { body: 'hello', createdAt: '2026-03-02T09:00:00.000Z' },
      stamps: { body: stamp, createdAt: stamp },
      createdAt: '2026-03-02T09:00:00.000Z',
    };
    const mutation = mutationOf(entry);
    expect(mutation).toEqual({ ...ids, store: 'notes', fields: entry.fields, stamps: entry.stamps });
    expect(mutationSchema.safeParse(mutation).success).toBe(true);
    expect(outboxEntrySchema.parse(entry)).toEqual(entry);
  });

  it('holds outbox entries to the wire rules: what the server refuses is no valid entry either', () => {
    const entry = { seq: 1, ...ids, store: 'notes', createdAt: '2026-03-02T09:00:00.000Z' };
    const refused = [
      { fields: { body: 'a\u0000b' }, stamps: { body: stamp } },
      { fields: { body: 'hello' }, stamps: {} },
      { fields: { colour: 'red' }, stamps: { colour: stamp } },
      { fields: { updatedAt: '2026-03-02T09:00:00.000Z' }, stamps: { updatedAt: stamp } },
    ];
    for (const mutation of refused) {
      expect(outboxEntrySchema.safeParse({ ...entry, ...mutation }).success).toBe(false);
      expect(mutationSchema.safeParse({ ...ids, store: 'notes', ...mutation }).success).toBe(false);
    }
    expect(outboxEntrySchema.safeParse({ ...entry, fields: { body: 'hello' }, stamps: { body: stamp }, createdAt: 'yesterday' }).success).toBe(false);
  });
});
