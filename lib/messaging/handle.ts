import type { z } from 'zod';
import { RecordNotFoundError } from '@/lib/db/repository';
import { describeIssues, ProtocolError, requestEnvelopeSchema, type ResponseEnvelope } from './envelope';
import type { Protocol, RequestType } from './protocol';

/** Who sent a request, as the browser (not the message) says. */
export interface RequestSender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

export type Handlers<P extends Protocol> = {
  [T in RequestType<P>]: (
    payload: z.output<P[T]['request']>,
    sender: RequestSender,
  ) => Promise<z.input<P[T]['response']>>;
};

/**
 * The receiving end of a protocol: parses the envelope and the payload, runs the handler, and checks
 * its answer against the protocol too. Whatever arrives, the sender gets a typed answer back.
 */
export function createRequestHandler<P extends Protocol>(protocol: P, handlers: Handlers<P>) {
  return async function handle(raw: unknown, sender: RequestSender): Promise<ResponseEnvelope> {
    const envelope = requestEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return failure(new ProtocolError('bad-request', 'Not a Replyline request', describeIssues(envelope.error)));
    const { type, payload } = envelope.data;
    const route = Object.hasOwn(protocol, type) ? protocol[type as RequestType<P>] : undefined;
    if (!route) return failure(new ProtocolError('unknown-type', `Unknown request type "${type}"`));
    const parsed = route.request.safeParse(payload);
    if (!parsed.success) {
      return failure(new ProtocolError('bad-request', `Invalid "${type}" request`, describeIssues(parsed.error)));
    }
    try {
      const handler = handlers[type as RequestType<P>];
      const data: unknown = await handler(parsed.data as z.output<P[RequestType<P>]['request']>, sender);
      const checked = route.response.safeParse(data);
      if (!checked.success) {
        return failure(new ProtocolError('internal', `The "${type}" handler gave an invalid answer`, describeIssues(checked.error)));
      }
      return { ok: true, data: checked.data };
    } catch (error) {
      return failure(toProtocolError(error));
    }
  };
}

function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof ProtocolError) return error;
  if (error instanceof RecordNotFoundError) return new ProtocolError('not-found', error.message);
  // No stack traces across the wire; the background logs the original.
  console.error('[replyline] request failed', error);
  return new ProtocolError('internal', error instanceof Error ? error.message : 'Unexpected failure');
}

function failure(error: ProtocolError): ResponseEnvelope {
  return { ok: false, error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } };
}
