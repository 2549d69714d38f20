import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, jsonb, check } from 'drizzle-orm/pg-core';

// Every table but `workspaces` carries workspace_id, and every query filters on it.

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'agent'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('agents_workspace_idx').on(table.workspaceId),
    check('agents_role_check', sql`${table.role} in ('admin', 'agent')`),
  ],
);

/** Only the SHA-256 of a token is stored; the token itself is shown once, when it is made. */
export const tokens = pgTable(
  'tokens',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [uniqueIndex('tokens_hash_idx').on(table.tokenHash), index('tokens_agent_idx').on(table.agentId)],
);

/*
 * records and mutations carry no foreign keys: a push writes hundreds of rows, and a key check per row (which
 * also share-locks the workspace's and agent's rows from every concurrent push) cost a good part of the write.
 * Their ids come from the authenticated token, never from the request. Deleting a workspace or an agent
 * still deletes its rows: triggers in migration 0001 do what ON DELETE CASCADE did.
 */

/** The merged state of every synced record, and the workspace version at which it last changed. */
export const records = pgTable(
  'records',
  {
    workspaceId: uuid('workspace_id').notNull(),
    store: text('store').notNull(),
    recordId: uuid('record_id').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    stamps: jsonb('stamps').$type<Record<string, string>>().notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.store, table.recordId] }),
    // Unique: each change gets its own version, so pages cut by version never split a version.
    uniqueIndex('records_workspace_version_idx').on(table.workspaceId, table.version),
  ],
);

/** Every mutation id seen (idempotency) with who sent it, when, and which fields it changed (audit). */
export const mutations = pgTable(
  'mutations',
  {
    workspaceId: uuid('workspace_id').notNull(),
    mutationId: uuid('mutation_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    store: text('store').notNull(),
    recordId: uuid('record_id').notNull(),
    changedFields: text('changed_fields').array().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.mutationId] }),
    index('mutations_workspace_at_idx').on(table.workspaceId, table.at),
  ],
);

/**
 * One counter per workspace. A push locks its row for the whole transaction, so versions are handed out
 * and committed in order: a pull can never see version n+1 before version n is committed.
 */
export const workspaceVersions = pgTable('workspace_versions', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
