import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ReplylineSchema } from './schema';
import { v2QueueStore } from './migration-queue-store';

export type UpgradeTransaction = IDBPTransaction<ReplylineSchema, StoreNames<ReplylineSchema>[], 'versionchange'>;

/**
 * One step of the schema. Steps run in version order inside the upgrade transaction;
 * a step may only wait on requests of that transaction (IndexedDB closes it otherwise).
 */
export interface Migration {
  version: number;
  description: string;
  upgrade(db: IDBPDatabase<ReplylineSchema>, tx: UpgradeTransaction): Promise<void> | void;
}

export const v1CreateStores: Migration = {
  version: 1,
  description: 'Create the stores and indexes of the first schema',
  upgrade(db) {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('by-last-seen', 'lastSeenAt');

    const identities = db.createObjectStore('identities', { keyPath: 'id' });
    identities.createIndex('by-site-handle', ['site', 'handle'], { unique: true });
    identities.createIndex('by-contact', 'contactId');

    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('by-contact', ['contactId', 'createdAt']);

    const conversations = db.createObjectStore('conversations', { keyPath: 'id' });
    conversations.createIndex('by-status', 'status');
    conversations.createIndex('by-due', 'dueAt');
    conversations.createIndex('by-thread', ['site', 'threadKey'], { unique: true });
    conversations.createIndex('by-contact', 'contactId');

    const messages = db.createObjectStore('messages', { keyPath: 'id' });
    messages.createIndex('by-conversation', ['conversationId', 'at']);
    messages.createIndex('by-fingerprint', ['conversationId', 'fingerprint'], { unique: true });

    db.createObjectStore('slaPolicies', { keyPath: 'id' }).createIndex('by-order', 'order');
    db.createObjectStore('templates', { keyPath: 'id' }).createIndex('by-shortcut', 'shortcut');
    db.createObjectStore('articles', { keyPath: 'id' });

    const followUps = db.createObjectStore('followUps', { keyPath: 'id' });
    followUps.createIndex('by-due', 'dueAt');
    followUps.createIndex('by-contact', 'contactId');

    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore('meta');
  },
};

export const migrations: readonly Migration[] = [v1CreateStores, v2QueueStore];

export function latestVersion(steps: readonly Migration[]): number {
  return steps.reduce((max, step) => Math.max(max, step.version), 0);
}

export function assertOrdered(steps: readonly Migration[]): void {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`Migration ${index} has version ${step.version}; versions must be 1, 2, 3, … without gaps`);
    }
  });
}
