/**
 * The sync API's wire contract: what the extension and the server send each other under /v1.
 * Both sides parse with these schemas, so a change here is a change of the protocol.
 */
import { z } from 'zod';
import { pushRejectReasonSchema, type PushRejectReason } from '@/lib/model/push-reject-reason';

export { pushRejectReasonSchema, type PushRejectReason };
import { hlcStampSchema, idSchema, isoDateTimeSchema, syncedStoreNameSchema, type SyncedStoreName } from '@/lib/model';
import { parseHlc } from './hlc';
import { keyIssue, storableIssue, type StorableIssue, type StorableProblem } from './storable-json';
import { syncedRecordSchemas } from './store-schemas';

export { MAX_FIELD_NAME_LENGTH, MAX_VALUE_DEPTH } from './storable-json';

export const MAX_PUSH_BATCH = 500;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;
export const PRESENCE_TTL_MS = 60_000;
export const SSE_PING_INTERVAL_MS = 25_000;
/** A stamp whose wall time is further ahead of the server's clock than this is rejected ('clock-ahead'). */
export const MAX_CLOCK_AHEAD_MS = 10 * 60_000;
/** Open GET /v1/events streams per token; one more gets 429 'too-many-streams'. */
export const MAX_EVENT_STREAMS_PER_TOKEN = 5;

// ---- errors ----

export const errorCodeSchema = z.enum([
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'rate-limited',
  'too-many-streams',
  'unavailable',
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


const REASONS = new Set<string>(pushRejectReasonSchema.options);
/** Fields every replica derives instead of merging: a mutation may not set them. */
const DERIVED_FIELDS = new Set(['id', 'updatedAt', 'stamps']);

/** Each synced store's field schemas, by field name. */
const fieldSchemasByStore = Object.fromEntries(
  Object.entries(syncedRecordSchemas).map(([store, schema]) => [
    store,
    schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {},
  ]),
) as Record<SyncedStoreName, Record<string, z.ZodType>>;

function addStorableIssue(ctx: z.RefinementCtx, issue: StorableIssue): void {
  ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, params: { reason: issue.problem satisfies StorableProblem } });
}

/** An object of storable members, keys checked on the raw input (a parsed record would already have lost `__proto__`). */
function storableObject<V extends z.ZodType>(values: V, checkValues: boolean) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      for (const [key, member] of Object.entries(value)) {
        const issue = keyIssue(key, [key]) ?? (checkValues ? storableIssue(member, [key]) : undefined);
        if (issue) addStorableIssue(ctx, issue);
      }
    })
    .pipe(z.record(z.string(), values));
}

const fieldValuesSchema = storableObject(z.unknown(), true);
const fieldStampsSchema = storableObject(hlcStampSchema, false);

/**
 * One local write: the outbox entry minus seq/createdAt. Every field sent carries a stamp; a stamp
 * without a field means the field was unset (optional fields left out) by that write. Refuses what
 * cannot be stored (see pushRejectReasonSchema), so that a replica that checks its mutations with
 * this schema never sends one the server rejects (except 'clock-ahead', which depends on the server's clock).
 */
export const mutationSchema = z
  .strictObject({
    mutationId: idSchema,
    store: syncedStoreNameSchema,
    recordId: idSchema,
    fields: fieldValuesSchema,
    stamps: fieldStampsSchema,
  })
  .superRefine((mutation, ctx) => {
    const known = fieldSchemasByStore[mutation.store];
    for (const field of new Set([...Object.keys(mutation.stamps), ...Object.keys(mutation.fields)])) {
      const where = Object.hasOwn(mutation.fields, field) ? 'fields' : 'stamps';
      if (DERIVED_FIELDS.has(field)) {
        ctx.addIssue({ code: 'custom', path: [where, field], message: `${field} is derived by every replica and may not be sent`, params: { reason: 'reserved-field-name' } });
        continue;
      }
      // Own keys only: `known['__proto__']` is Object.prototype, not a field schema (a 500 found by the fuzz suite).
      const schema = Object.hasOwn(known, field) ? known[field] : undefined;
      if (!schema) {
        ctx.addIssue({ code: 'custom', path: [where, field], message: `${mutation.store} records have no field "${field}"`, params: { reason: 'unknown-field' } });
        continue;
      }
      if (where === 'fields' && !Object.hasOwn(mutation.stamps, field)) {
        ctx.addIssue({ code: 'custom', path: ['fields', field], message: `field "${field}" has no stamp` });
        continue;
      }
      const value = mutation.fields[field];
      if (value === undefined) continue;
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        ctx.addIssue({
          code: 'custom',
          path: ['fields', field, ...(first?.path ?? []).map((part) => (typeof part === 'symbol' ? String(part) : part))],
          message: first?.message ?? 'invalid value',
          params: { reason: 'invalid-field-value' },
        });
      }
    }
  });
export type Mutation = z.infer<typeof mutationSchema>;

const clientIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a client id is 1 to 64 letters, digits or dashes');

/** A push as a replica makes it: every mutation valid. */
export const pushRequestSchema = z.strictObject({
  clientId: clientIdSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * A push as the server first reads it: a malformed envelope gets 400 as a whole; each mutation is then
 * judged on its own (`checkMutation`), so that one bad mutation never blocks the good ones beside it.
 */
export const pushEnvelopeSchema = z.strictObject({
  clientId: clientIdSchema,
  mutations: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH),
});

const resultIdSchema = z.string().max(200);

/**
 * What became of one mutation; `results[i]` answers `mutations[i]`.
 * - applied: every field it sets now holds its value (a later write may still change it).
 * - duplicate: its mutation id was already stored (a retry, or a repeat inside the batch); nothing was done again.
 * - superseded: stored for the audit, but `fields` are held by newer writes; `stamp` is the newest stamp among them.
 *   Its other fields, if any, were applied.
 * - rejected: not applied, and a retry of the same mutation will be rejected again (except 'clock-ahead' once
 *   the stamp is no longer ahead); `path` is where in the mutation the problem is.
 */
export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: resultIdSchema, status: z.literal('applied') }),
  z.object({ mutationId: resultIdSchema, status: z.literal('duplicate') }),
  z.object({
    mutationId: resultIdSchema,
    status: z.literal('superseded'),
    fields: z.array(z.string()).min(1),
    stamp: hlcStampSchema,
  }),
  z.object({
    mutationId: resultIdSchema,
    status: z.literal('rejected'),
    reason: pushRejectReasonSchema,
    path: z.string(),
    message: z.string(),
  }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;
export type PushRejection = Extract<PushResult, { status: 'rejected' }>;

/** Statuses after which the outbox entry can go: the server holds the write or something newer. */
export const ACKNOWLEDGED_STATUSES: ReadonlySet<PushResult['status']> = new Set(['applied', 'duplicate', 'superseded']);

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  /** The workspace version after the push. */
  version: z.number().int().nonnegative(),
  /** The server's clock (ms since the epoch) when it answered, for replicas' clocks to adopt. */
  serverTime: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** The 400 of a push whose every mutation was rejected: the error, and the same results a 200 carries. */
export const pushRefusedBodySchema = errorBodySchema.extend(pushResponseSchema.shape);
export type PushRefusedBody = z.infer<typeof pushRefusedBodySchema>;

/**
 * Judges one mutation as the server does: the schema above, then the clock. Rejections name the
 * mutation (its id when it has a readable one) and the path of the problem.
 */
export function checkMutation(raw: unknown, serverNowMs: number): { ok: true; mutation: Mutation } | { ok: false; rejection: PushRejection } {
  const mutationId = readableId(raw);
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = (issue as { params?: { reason?: unknown } } | undefined)?.params?.reason;
    const path = (issue?.path ?? []).map(String);
    const reason: PushRejectReason =
      typeof param === 'string' && REASONS.has(param) ? (param as PushRejectReason) : path[0] === 'store' && path.length === 1 ? 'unknown-store' : 'invalid';
    return { ok: false, rejection: { mutationId, status: 'rejected', reason, path: path.join('.'), message: issue?.message ?? 'not a mutation' } };
  }
  for (const [field, stamp] of Object.entries(parsed.data.stamps)) {
    const aheadMs = parseHlc(stamp).wallMs - serverNowMs;
    if (aheadMs > MAX_CLOCK_AHEAD_MS) {
      return {
        ok: false,
        rejection: {
          mutationId,
          status: 'rejected',
          reason: 'clock-ahead',
          path: `stamps.${field}`,
          message: `stamp is ${Math.round(aheadMs / 1000)} s ahead of the server's clock (${new Date(serverNowMs).toISOString()}); at most ${MAX_CLOCK_AHEAD_MS / 1000} s allowed`,
        },
      };
    }
  }
  return { ok: true, mutation: parsed.data };
}

function readableId(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null || !('mutationId' in raw)) return '';
  const id = raw.mutationId;
  return typeof id === 'string' && idSchema.safeParse(id).success ? id : '';
}

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
  /** The server's clock (ms since the epoch); this server always sends it. */
  serverTime: z.number().int().nonnegative().optional(),
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
