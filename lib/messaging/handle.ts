import { safeParse } from 'zod/mini';
import { RecordNotFoundError } from '@/lib/model/not-found';
import { describeIssues, ProtocolError, requestEnvelopeSchema, type ResponseEnvelope } from './envelope';
import type { AnswerOf, ParsedRequestOf, Protocol, RequestType } from './route';

/** Who sent a request, as the browser (not the message) says. */
export interface RequestSender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

export type Handlers<P extends Protocol> = {
  [T in RequestType<P>]: (payload: ParsedRequestOf<P, T>, sender: RequestSender) => Promise<AnswerOf<P, T>>;
};

/**
 * The receiving end of a protocol: parses the envelope and the payload, runs the handler, and checks
 * its answer against the protocol too. Whatever arrives, the sender gets a typed answer back.
 */
export function createRequestHandler<P extends Protocol>(protocol: P, handlers: Handlers<P>) {
  return async function handle(raw: unknown, sender: RequestSender): Promise<ResponseEnvelope> {
    const envelope = safeParse(requestEnvelopeSchema, raw);
    if (!envelope.success) return failure(new ProtocolError('bad-request', 'Not a Replyline request', describeIssues(envelope.error)));
    const { type, payload } = envelope.data;
    const route = Object.hasOwn(protocol, type) ? protocol[type as RequestType<P>] : undefined;
    if (!route) return failure(new ProtocolError('unknown-type', `Unknown request type "${type}"`));
    const parsed = safeParse(route.request, payload);
    if (!parsed.success) {
      return failure(new ProtocolError('bad-request', `Invalid "${type}" request`, describeIssues(parsed.error)));
    }
    try {
      const handler = handlers[type as RequestType<P>];
      const data: unknown = await handler(parsed.data as ParsedRequestOf<P, RequestType<P>>, sender);
      const checked = safeParse(route.response, data);
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
