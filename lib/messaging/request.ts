import { safeParse } from 'zod/mini';
import { describeIssues, ProtocolError, responseEnvelopeSchema, type RequestEnvelope } from './envelope';
import type { Protocol, RequestOf, RequestType, ResponseOf } from './route';

export type Transport = (envelope: RequestEnvelope) => Promise<unknown>;

/** Sends one request and parses the answer; failures come back as ProtocolError. */
export async function request<P extends Protocol, T extends RequestType<P>>(
  protocol: P,
  transport: Transport,
  type: T,
  payload: RequestOf<P, T>,
): Promise<ResponseOf<P, T>> {
  const route = protocol[type];
  if (!route) throw new ProtocolError('unknown-type', `Unknown request type "${type}"`);
  const outgoing = safeParse(route.request, payload);
  if (!outgoing.success) throw new ProtocolError('bad-request', `Invalid "${type}" request`, describeIssues(outgoing.error));

  let raw: unknown;
  try {
    raw = await transport({ replyline: 1, type, payload: outgoing.data });
  } catch (error) {
    throw new ProtocolError('unavailable', error instanceof Error ? error.message : 'The receiver is not reachable');
  }
  const envelope = safeParse(responseEnvelopeSchema, raw);
  if (!envelope.success) throw new ProtocolError('bad-response', `Malformed answer to "${type}"`, describeIssues(envelope.error));
  if (!envelope.data.ok) {
    const { code, message, issues } = envelope.data.error;
    throw new ProtocolError(code, message, issues);
  }
  const data = safeParse(route.response, envelope.data.data);
  if (!data.success) throw new ProtocolError('bad-response', `Invalid answer to "${type}"`, describeIssues(data.error));
  return data.data as ResponseOf<P, T>;
}

