import { z } from 'zod';
import { isoDateTimeSchema } from '@/lib/model';
import { mutationSchema, type Mutation } from './wire';

/** The outbox's own bookkeeping around the mutation it holds: its key and when it was first queued. */
const bookkeepingSchema = z.object({
  seq: z.number().int().positive().optional(),
  createdAt: isoDateTimeSchema,
});

/**
 * One record's local writes waiting to be pushed: exactly the mutation the server is sent (the wire's
 * mutationSchema, so the outbox can only hold what the server accepts) plus the outbox's `seq` and
 * `createdAt`. One schema for both: an entry is validated by the wire's own rules.
 */
export const outboxEntrySchema = z.looseObject(bookkeepingSchema.shape).transform((value, ctx) => {
  const { seq, createdAt, ...mutation } = value;
  const parsed = mutationSchema.safeParse(mutation);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path });
    return z.NEVER;
  }
  return { ...parsed.data, createdAt, ...(seq === undefined ? {} : { seq }) };
});
export type OutboxEntry = Mutation & z.infer<typeof bookkeepingSchema>;

