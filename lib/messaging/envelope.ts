// zod/mini: content scripts carry this, and the full zod would triple their size.
import * as z from 'zod/mini';
import type { $ZodError } from 'zod/v4/core';

/** Every request travels in this envelope, so that stray messages are recognised and answered. */
export const requestEnvelopeSchema = z.object({
  replyline: z.literal(1),
  type: z.string().check(z.minLength(1)),
  payload: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export const errorCodeSchema = z.enum(['bad-request', 'unknown-type', 'not-found', 'bad-response', 'unavailable', 'internal']);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const responseEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: errorCodeSchema, message: z.string(), issues: z.optional(z.array(z.string())) }),
  }),
]);
export type ResponseEnvelope = z.infer<typeof responseEnvelopeSchema>;

/** A typed failure of a request, on either side of the wire. */
export class ProtocolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export function describeIssues(error: $ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
