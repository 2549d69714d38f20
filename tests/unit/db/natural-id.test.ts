import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordSighting } from '@/lib/db/contacts';
import { naturalId } from '@/lib/db/natural-id';
import { clockFor, freshDb } from './helpers';

describe('natural ids', () => {
  it('are valid UUIDs, the same for the same key and different for different keys', () => {
    const id = naturalId('identity', 'linkedin', 'abgargulo');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(naturalId('identity', 'linkedin', 'abgargulo')).toBe(id);
    expect(naturalId('identity', 'x', 'abgargulo')).not.toBe(id);
    expect(naturalId('contact', 'linkedin', 'abgargulo')).not.toBe(id);
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(naturalId('k', 'ab', 'c')).not.toBe(naturalId('k', 'a', 'bc'));
    const many = new Set(Array.from({ length: 10_000 }, (_, index) => naturalId('message', 'conversation', String(index))));
    expect(many.size).toBe(10_000);
  });

  it('give two replicas meeting the same person the same contact and identity', async () => {
    const person = { handle: 'abgargulo', profileUrl: 'https://www.linkedin.com/in/abgargulo/', displayName: 'Abgar Gulo' };
    const seen = [];
    for (let replica = 0; replica < 2; replica++) {
      const { db } = await freshDb();
      const { clock } = await clockFor(db);
      seen.push(await recordSighting(db, 'linkedin', person, clock));
    }
    expect(seen[0]?.contact.id).toBe(seen[1]?.contact.id);
    expect(seen[0]?.identity.id).toBe(seen[1]?.identity.id);
  });
});
