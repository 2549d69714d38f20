import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { claimsIn } from '@/lib/replies/claims';
import { starterArticleData, starterTemplateData } from '@/lib/replies/starter-set';
import type { ReplylineSchema } from './schema';
import { v2QueueStore } from './migration-queue-store';
import { v4TagIndex } from './migration-tag-index';
import { v5QuarantineStore } from './migration-quarantine-store';
import { v6OutboxByRecord } from './migration-v6';
import { v7OutboxPagesAndMetrics } from './migration-v7';

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

/**
 * The lowest stamp there is, for fields a migration derives: every replica derives the same value,
 * and any real edit, stamped later, wins over it when records merge.
 */
export const MIGRATION_STAMP = '000000000000000:000000:migration';

const starterKey = (lang: string, title: string) => `${lang}\u0000${title}`;

/**
 * v3, replies that are safe to post: templates declare what they claim was done (`asserts`, read from
 * their words and, for the starter set, as it declares it), and articles get customer-facing text
 * apart from the internal notes in their body. A starter article (known by its language and title)
 * gets the starter's customer text; any other article gets none, so its body (possibly instructions
 * for agents) is never inserted, only shown, until someone writes customer text for it.
 */
export const v3ReplySafety: Migration = {
  version: 3,
  description: 'Templates declare their claims; starter articles get customer-facing text apart from internal notes',
  async upgrade(_db, tx) {
    const declared = new Map(starterTemplateData.map((item) => [starterKey(item.lang, item.title), item.asserts ?? []]));
    const customerTexts = new Map(starterArticleData.map((item) => [starterKey(item.lang, item.title), item.customerText]));
    let templates = await tx.objectStore('templates').openCursor();
    while (templates) {
      const record = templates.value;
      if (record.asserts === undefined) {
        const asserts = [...new Set([...(declared.get(starterKey(record.lang, record.title)) ?? []), ...claimsIn(record.body)])];
        await templates.update({ ...record, asserts, stamps: { ...record.stamps, asserts: MIGRATION_STAMP } });
      }
      templates = await templates.continue();
    }
    let articles = await tx.objectStore('articles').openCursor();
    while (articles) {
      const record = articles.value;
      const customerText = customerTexts.get(starterKey(record.lang, record.title));
      if (record.customerText === undefined && customerText !== undefined) {
        await articles.update({ ...record, customerText, stamps: { ...record.stamps, customerText: MIGRATION_STAMP } });
      }
      articles = await articles.continue();
    }
  },
};

export const migrations: readonly Migration[] = [v1CreateStores, v2QueueStore, v3ReplySafety, v4TagIndex, v5QuarantineStore, v6OutboxByRecord, v7OutboxPagesAndMetrics];

export function latestVersion(steps: readonly Migration[]): number {
  return steps.reduce((max, step) => Math.max(max, step.version), 0);
}

/**
 * Versions start at 1 and go up by one: a gap would let a database that upgraded past it never run the
 * step that lands in it later.
 */
export function assertOrdered(steps: readonly Migration[]): void {
  steps.forEach((step, index) => {
    // A gap would let a database opened before the missing step land skip it for ever.
    if (step.version !== index + 1) {
      throw new Error(`Migration ${index} has version ${step.version}; versions must start at 1 and go up by one`);
    }
  });
}
