import { identitySchema, type Identity, type Site } from '@/lib/model';
import type { ReplylineDb } from './open';
import { createRepository } from './repository';

export const identities = createRepository('identities', identitySchema);

export async function findIdentity(db: ReplylineDb, site: Site, handle: string): Promise<Identity | undefined> {
  const value: unknown = await db.getFromIndex('identities', 'by-site-handle', [site, handle]);
  if (value === undefined) return undefined;
  const identity = identities.parse(value);
  return identity.deletedAt ? undefined : identity;
}

export async function identitiesOf(db: ReplylineDb, contactId: string): Promise<Identity[]> {
  const values: unknown[] = await db.getAllFromIndex('identities', 'by-contact', contactId);
  return values.map(identities.parse).filter((identity) => !identity.deletedAt);
}
