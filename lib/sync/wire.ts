/**
 * The sync API's wire contract: what the extension and the server send each other under /v1.
 * Both sides parse with these schemas, so a change here is a change of the protocol.
 */
import { z } from 'zod';
import { hlcStampSchema, idSchema, isoDateTimeSchema, syncedStoreNameSchema } from '@/lib/model';

export const MAX_PUSH_BATCH = 500;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;
export const PRESENCE_TTL_MS = 60_000;
export const SSE_PING_INTERVAL_MS = 25_000;

// ---- errors ----

export const errorCodeSchema = z.enum([
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'rate-limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Every non-2xx answer. `issues` lists the zod paths of a failed validation. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    issues: z.array(z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---- identity ----

export const agentRoleSchema = z.enum(['admin', 'agent']);
export type AgentRole = z.infer<typeof agentRoleSchema>;

const wireIdSchema = z.string().min(1).max(200);
const agentNameSchema = z.string().trim().min(1).max(200);

export const meResponseSchema = z.object({
  workspace: z.object({ id: wireIdSchema, name: z.string() }),
  agent: z.object({ id: wireIdSchema, name: z.string(), role: agentRoleSchema }),
  serverTime: isoDateTimeSchema,
});
export type MeResponse = z.infer<typeof meResponseSchema>;

// ---- push ----

const fieldValuesSchema = z.record(z.string(), z.unknown());
const fieldStampsSchema = z.record(z.string(), hlcStampSchema);

/**
 * One local write: the outbox entry minus seq/createdAt. Every field sent carries a stamp; a stamp
 * without a field means the field was unset (optional fields left out) by that write.
 */
export const mutationSchema = z
  .object({
    mutationId: idSchema,
    store: syncedStoreNameSchema,
    recordId: idSchema,
    fields: fieldValuesSchema,
    stamps: fieldStampsSchema,
  })
  .superRefine((mutation, ctx) => {
    for (const field of Object.keys(mutation.fields)) {
      if (!Object.hasOwn(mutation.stamps, field)) {
        ctx.addIssue({ code: 'custom', path: ['fields', field], message: `field "${field}" has no stamp` });
      }
    }
  });
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  clientId: z.string().min(1).max(64),
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Mutation ids the server has stored, including duplicates it had already seen. */
  accepted: z.array(z.string()),
  /** The workspace version after the push. */
  version: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- pull ----

/** Query string of GET /v1/sync/pull; strings in, numbers out. */
export const pullQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** A record's whole merged state (id, createdAt, updatedAt, deletedAt included) at its latest version. */
export const changeSchema = z.object({
  version: z.number().int().positive(),
  store: syncedStoreNameSchema,
  recordId: idSchema,
  fields: fieldValuesSchema,
  stamps: fieldStampsSchema,
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  /** Ordered by version ascending, all versions > after. */
  changes: z.array(changeSchema),
  /** The last version included, or `after` when there is none. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---- presence and events ----

export const presenceActivitySchema = z.enum(['viewing', 'replying']);
export type PresenceActivity = z.infer<typeof presenceActivitySchema>;

const conversationKeySchema = z.string().min(1).max(600);

export const presenceRequestSchema = z.object({
  conversationKey: conversationKeySchema,
  activity: z.enum(['viewing', 'replying', 'left']),
});
export type PresenceRequest = z.infer<typeof presenceRequestSchema>;

export const changeEventDataSchema = z.object({ version: z.number().int().nonnegative() });
export type ChangeEventData = z.infer<typeof changeEventDataSchema>;

/** Someone viewing or replying somewhere until `expiresAt`; a 'left' travels as an event whose expiresAt is not in the future. */
export const presenceEventDataSchema = z.object({
  agentId: wireIdSchema,
  agentName: z.string(),
  conversationKey: conversationKeySchema,
  activity: presenceActivitySchema,
  expiresAt: isoDateTimeSchema,
});
export type PresenceEventData = z.infer<typeof presenceEventDataSchema>;

/** What GET /v1/events carries, once parsed; `: ping` comments are not events. */
export type SyncEvent = { type: 'change'; data: ChangeEventData } | { type: 'presence'; data: PresenceEventData };

// ---- admin ----

export const agentSchema = z.object({
  id: wireIdSchema,
  name: z.string(),
  role: agentRoleSchema,
  createdAt: isoDateTimeSchema,
  revokedAt: isoDateTimeSchema.nullable(),
});
export type Agent = z.infer<typeof agentSchema>;

export const agentsResponseSchema = z.object({ agents: z.array(agentSchema) });
export type AgentsResponse = z.infer<typeof agentsResponseSchema>;

export const createAgentRequestSchema = z.object({ name: agentNameSchema, role: agentRoleSchema });
export type CreateAgentRequest = z.infer<typeof createAgentRequestSchema>;

/** The token is shown once, here. */
export const createAgentResponseSchema = z.object({ agent: agentSchema, token: z.string().min(1) });
export type CreateAgentResponse = z.infer<typeof createAgentResponseSchema>;

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(100),
});

export const auditEntrySchema = z.object({
  at: isoDateTimeSchema,
  agentId: wireIdSchema,
  agentName: z.string(),
  store: syncedStoreNameSchema,
  recordId: idSchema,
  fields: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditResponse = z.infer<typeof auditResponseSchema>;
