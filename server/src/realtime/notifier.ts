import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { presenceEventDataSchema } from '@/lib/sync/wire';
import { EVENTS_CHANNEL, type Db, type ServerDatabase } from '../db/open';

export const serverEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('change'), workspaceId: z.string(), version: z.number().int().nonnegative() }),
  z.object({ type: z.literal('presence'), workspaceId: z.string(), presence: presenceEventDataSchema }),
  /** An agent (all its tokens) or one token was revoked: every process closes its streams and drops its presence. */
  z.object({ type: z.literal('revoked'), workspaceId: z.string(), agentId: z.string(), tokenId: z.string().optional() }),
]);
export type ServerEvent = z.infer<typeof serverEventSchema>;
export type ServerEventListener = (event: ServerEvent) => void;

/** Fans events out to every subscriber of every server process that shares the notifier's database. */
export interface ChangeNotifier {
  publish(event: ServerEvent): Promise<void>;
  subscribe(listener: ServerEventListener): () => void;
  close(): Promise<void>;
}

/** One process, no database: for tests and tools that run the app in-process. */
export function createLocalNotifier(): ChangeNotifier {
  const listeners = new Set<ServerEventListener>();
  return {
    async publish(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

/**
 * PostgreSQL LISTEN/NOTIFY (PGlite's own listen when embedded): an event published by any process
 * reaches the subscribers of all of them, the publisher included.
 */
export async function createDatabaseNotifier(database: ServerDatabase): Promise<ChangeNotifier> {
  const listeners = new Set<ServerEventListener>();
  const unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
    const event = parsePayload(payload);
    if (!event) return;
    for (const listener of listeners) listener(event);
  });
  return {
    publish: (event) => publishEvent(database.db, event),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await unlisten();
    },
  };
}

/**
 * NOTIFYs every server process LISTENing on the database, without listening itself: how the CLI, which
 * runs beside the servers, tells them of a revocation.
 */
export async function publishEvent(db: Db, event: ServerEvent): Promise<void> {
  await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}

function parsePayload(payload: string): ServerEvent | undefined {
  try {
    const parsed = serverEventSchema.safeParse(JSON.parse(payload));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the warning below.
  }
  console.warn(`replyline: ignored a malformed notification on ${EVENTS_CHANNEL}`);
  return undefined;
}
