import { browser } from 'wxt/browser';
import { describeIssues, ProtocolError, responseEnvelopeSchema, type RequestEnvelope } from './envelope';
import { backgroundProtocol, tabProtocol, type Protocol, type RequestOf, type RequestType, type ResponseOf } from './protocol';

type Transport = (envelope: RequestEnvelope) => Promise<unknown>;

/** Sends one request and parses the answer; failures come back as ProtocolError. */
export async function request<P extends Protocol, T extends RequestType<P>>(
  protocol: P,
  transport: Transport,
  type: T,
  payload: RequestOf<P, T>,
): Promise<ResponseOf<P, T>> {
  const route = protocol[type];
  if (!route) throw new ProtocolError('unknown-type', `Unknown request type "${type}"`);
  const outgoing = route.request.safeParse(payload);
  if (!outgoing.success) throw new ProtocolError('bad-request', `Invalid "${type}" request`, describeIssues(outgoing.error));

  let raw: unknown;
  try {
    raw = await transport({ replyline: 1, type, payload: outgoing.data });
  } catch (error) {
    throw new ProtocolError('unavailable', error instanceof Error ? error.message : 'The receiver is not reachable');
  }
  const envelope = responseEnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new ProtocolError('bad-response', `Malformed answer to "${type}"`, describeIssues(envelope.error));
  if (!envelope.data.ok) {
    const { code, message, issues } = envelope.data.error;
    throw new ProtocolError(code, message, issues);
  }
  const data = route.response.safeParse(envelope.data.data);
  if (!data.success) throw new ProtocolError('bad-response', `Invalid answer to "${type}"`, describeIssues(data.error));
  return data.data as ResponseOf<P, T>;
}

/** From a content script, the panel, the popup or the options page to the background. */
export function sendToBackground<T extends RequestType<typeof backgroundProtocol>>(
  type: T,
  payload: RequestOf<typeof backgroundProtocol, T>,
) {
  return request(backgroundProtocol, (envelope) => browser.runtime.sendMessage(envelope), type, payload);
}

/** From the background to the content script of one tab (its top frame). */
export function sendToTab<T extends RequestType<typeof tabProtocol>>(
  tabId: number,
  type: T,
  payload: RequestOf<typeof tabProtocol, T>,
) {
  return request(tabProtocol, (envelope) => browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }), type, payload);
}
