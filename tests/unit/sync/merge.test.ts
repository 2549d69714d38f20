import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '@/lib/sync/hlc';
import { mergeFields, mergeRecord, updatedAtOf, type StampedFields } from '@/lib/sync/merge';
import { noteSchema, type Note } from '@/lib/model';

// Few field names, few stamps and few values, so that sides collide on fields and stamps often.
const fieldName = fc.constantFrom('body', 'stage', 'tags', 'deletedAt', 'headline');
const stamp = fc
  .record({ wallMs: fc.integer({ min: 0, max: 3 }), counter: fc.integer({ min: 0, max: 2 }), client: fc.constantFrom('a', 'b') })
  .map(({ wallMs, counter, client }) => formatHlc({ wallMs, counter }, client));
const value = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 2 }), fc.constant(null), fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }));

/** A replica's view of one record: stamped fields, unset-but-stamped fields and (rarely) unstamped ones. */
const stamped: fc.Arbitrary<StampedFields> = fc
  .array(fc.tuple(fieldName, fc.option(value, { nil: undefined }), fc.option(stamp, { nil: undefined, freq: 6 })), { maxLength: 5 })
  .map((entries) => {
    // Later entries for a field replace earlier ones, like later writes.
    const last = new Map(entries.map(([name, fieldValue, fieldStamp]) => [name, { fieldValue, fieldStamp }]));
    const fields: Record<string, unknown> = {};
    const stamps: Record<string, string> = {};
    for (const [name, { fieldValue, fieldStamp }] of last) {
      if (fieldValue !== undefined) fields[name] = fieldValue;
      if (fieldStamp !== undefined) stamps[name] = fieldStamp;
    }
    return { fields, stamps };
  });

const state = (merged: StampedFields) => ({ fields: merged.fields, stamps: merged.stamps });
const merge = (a: StampedFields, b: StampedFields) => state(mergeFields(a, b));

describe('mergeFields', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(stamped, stamped, (a, b) => {
        expect(merge(a, b)).toEqual(merge(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(stamped, stamped, stamped, (a, b, c) => {
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent, and merging a state into itself changes nothing', () => {
    fc.assert(
      fc.property(stamped, stamped, (a, b) => {
        const once = merge(a, b);
        expect(merge(once, once)).toEqual(once);
        expect(merge(once, b)).toEqual(once);
        expect(mergeFields(once, b).changed).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps, per field, the value whose stamp is higher', () => {
    const older = formatHlc({ wallMs: 100, counter: 0 }, 'a');
    const newer = formatHlc({ wallMs: 100, counter: 1 }, 'a');
    const merged = mergeFields(
      { fields: { body: 'mine', stage: 'lead' }, stamps: { body: newer, stage: older } },
      { fields: { body: 'theirs', stage: 'customer' }, stamps: { body: older, stage: newer } },
    );
    expect(merged).toEqual({
      fields: { body: 'mine', stage: 'customer' },
      stamps: { body: newer, stage: newer },
      changed: true,
    });
  });

  it('breaks equal wall times and counters by client id', () => {
    const fromA = formatHlc({ wallMs: 5, counter: 0 }, 'client-a');
    const fromB = formatHlc({ wallMs: 5, counter: 0 }, 'client-b');
    const merged = mergeFields({ fields: { body: 'B' }, stamps: { body: fromB } }, { fields: { body: 'A' }, stamps: { body: fromA } });
    expect(merged.fields.body).toBe('B');
    expect(merged.changed).toBe(false);
  });

  it('unsets a field when the newer stamp carries no value', () => {
    const older = formatHlc({ wallMs: 1, counter: 0 }, 'a');
    const newer = formatHlc({ wallMs: 2, counter: 0 }, 'b');
    const merged = mergeFields({ fields: { headline: 'CTO' }, stamps: { headline: older } }, { fields: {}, stamps: { headline: newer } });
    expect(merged).toEqual({ fields: {}, stamps: { headline: newer }, changed: true });
  });

  it('lets a stamped value win over an unstamped one on either side', () => {
    const stampA = formatHlc({ wallMs: 1, counter: 0 }, 'a');
    const merged = mergeFields({ fields: { createdAt: 'local' }, stamps: {} }, { fields: { createdAt: 'remote' }, stamps: { createdAt: stampA } });
    expect(merged.fields.createdAt).toBe('remote');
    expect(mergeFields({ fields: { createdAt: 'remote' }, stamps: { createdAt: stampA } }, { fields: { createdAt: 'x' }, stamps: {} }).changed).toBe(
      false,
    );
  });

  it('reports a merge into nothing as a change, and an empty incoming side as none', () => {
    const stampA = formatHlc({ wallMs: 1, counter: 0 }, 'a');
    expect(mergeFields(undefined, { fields: { body: 'x' }, stamps: { body: stampA } }).changed).toBe(true);
    expect(mergeFields({ fields: { body: 'x' }, stamps: { body: stampA } }, { fields: {}, stamps: {} }).changed).toBe(false);
  });
});

describe('mergeRecord', () => {
  const contactId = '6f1f7a4e-8a7e-4c39-9a55-0b7f2d9a1c11';
  const noteId = '0b3c7d5e-1a2b-4c3d-8e9f-a0b1c2d3e4f5';
  const t1 = formatHlc({ wallMs: Date.parse('2026-03-02T09:00:00.000Z'), counter: 0 }, 'laptop');
  const t2 = formatHlc({ wallMs: Date.parse('2026-03-02T10:30:00.000Z'), counter: 3 }, 'desktop');

  const local: Note = {
    id: noteId,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    deletedAt: null,
    contactId,
    body: 'first draft',
    stamps: { contactId: t1, body: t1, deletedAt: t1 },
  };

  it('merges a newer remote field into the stored record, with updatedAt following the newest stamp', () => {
    const { record, changed } = mergeRecord(local, {
      fields: { id: noteId, body: 'edited elsewhere', updatedAt: '2099-01-01T00:00:00.000Z' },
      stamps: { body: t2 },
    });
    expect(changed).toBe(true);
    expect(noteSchema.parse(record)).toEqual({
      ...local,
      body: 'edited elsewhere',
      updatedAt: '2026-03-02T10:30:00.000Z',
      stamps: { contactId: t1, body: t2, deletedAt: t1 },
    });
  });

  it('builds a whole record from a change when nothing is stored', () => {
    const { record, changed } = mergeRecord(undefined, {
      fields: { id: noteId, createdAt: local.createdAt, updatedAt: 'ignored', deletedAt: null, contactId, body: 'hello' },
      stamps: { createdAt: t1, deletedAt: t1, contactId: t1, body: t1 },
    });
    expect(changed).toBe(true);
    expect(noteSchema.parse(record)).toMatchObject({ id: noteId, body: 'hello', updatedAt: '2026-03-02T09:00:00.000Z' });
  });

  it('reports no change when the stored record already holds the change', () => {
    const { changed } = mergeRecord(local, { fields: { body: 'first draft', contactId }, stamps: { body: t1, contactId: t1 } });
    expect(changed).toBe(false);
  });

  it('derives updatedAt from the newest stamp', () => {
    expect(updatedAtOf({ a: t2, b: t1 })).toBe('2026-03-02T10:30:00.000Z');
    expect(updatedAtOf({})).toBeUndefined();
  });
});
