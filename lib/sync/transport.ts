import type { z } from 'zod';
import { SyncError, parseRetryAfter, type SyncErrorKind } from './errors';
import {
  DEFAULT_PULL_LIMIT,
  errorBodySchema,
  meResponseSchema,
  pullResponseSchema,
  pushRefusedBodySchema,
  pushResponseSchema,
  type MeResponse,
  type PresenceRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from './wire';

export interface SyncTransportOptions {
  /** The backend's origin (and path prefix, if any), without /v1. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per request, for everything but the event stream. */
  timeoutMs?: number;
  now?: () => number;
}

/** The backend's API as the engine uses it: every answer validated, every failure a SyncError. */
export interface SyncTransport {
  me(signal?: AbortSignal): Promise<MeResponse>;
  push(batch: PushRequest, signal?: AbortSignal): Promise<PushResponse>;
  pull(after: number, limit?: number, signal?: AbortSignal): Promise<PullResponse>;
  presence(request: PresenceRequest, signal?: AbortSignal): Promise<void>;
  /** Opens GET /v1/events; the stream ends when `signal` aborts or the connection drops. */
  openEvents(signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export function createSyncTransport(options: SyncTransportOptions): SyncTransport {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/+$/, '');
  const authorization = `Bearer ${options.token}`;

  async function send(
    path: string,
    init: RequestInit,
    callerSignal: AbortSignal | undefined,
    timeout: number | null,
    answered: (status: number) => boolean = () => false,
  ) {
    const timeoutSignal = timeout === null ? undefined : AbortSignal.timeout(timeout);
    const signals = [timeoutSignal, callerSignal].filter((signal) => signal !== undefined);
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        ...init,
        headers,
        signal: signals.length > 0 ? AbortSignal.any(signals) : null,
      });
    } catch (error) {
      throw failureOf(error, callerSignal, timeoutSignal, timeout);
    }
    if (!response.ok && !answered(response.status)) throw await errorOf(response, now());
    return { response, timeoutSignal };
  }

  async function json<T>(
    path: string,
    init: RequestInit,
    schema: z.ZodType<T>,
    signal: AbortSignal | undefined,
    refused?: { status: number; schema: z.ZodType<T> },
  ): Promise<T> {
    const { response, timeoutSignal } = await send(path, init, signal, timeoutMs, (status) => status === refused?.status);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw failureOf(error, signal, timeoutSignal, timeoutMs);
    }
    // A refusal status whose body is not the refusal we know is the ordinary error it would have been.
    const asError = () => errorOf(new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers }), now());
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (!response.ok) throw await asError();
      throw new SyncError('bad-response', `${path} answered with something that is not JSON`, { status: response.status });
    }
    const parsed = (response.ok || !refused ? schema : refused.schema).safeParse(body);
    if (!parsed.success) {
      if (!response.ok) throw await asError();
      throw new SyncError('bad-response', `${path} answered in an unexpected shape`, {
        status: response.status,
        issues: parsed.error.issues.map((issue) => issue.path.join('.')),
      });
    }
    return parsed.data;
  }

  const jsonBody = (value: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(value),
  });
  const get: RequestInit = { method: 'GET', headers: { Accept: 'application/json' } };

  return {
    me: (signal) => json('/v1/me', get, meResponseSchema, signal),
    // A push whose every mutation was refused is a 400 that still carries the per-mutation results.
    push: (batch, signal) =>
      json('/v1/sync/push', jsonBody(batch), pushResponseSchema, signal, { status: 400, schema: pushRefusedBodySchema.transform(({ results, version, serverTime }) => ({ results, version, serverTime })) }),
    pull: (after, limit = DEFAULT_PULL_LIMIT, signal) =>
      json(`/v1/sync/pull?after=${String(after)}&limit=${String(limit)}`, get, pullResponseSchema, signal),
    async presence(request, signal) {
      const { response } = await send('/v1/presence', jsonBody(request), signal, timeoutMs);
      await response.body?.cancel();
    },
    async openEvents(signal) {
      const { response } = await send('/v1/events', { method: 'GET', headers: { Accept: 'text/event-stream' } }, signal, null);
      if (!response.body) throw new SyncError('bad-response', '/v1/events answered without a stream', { status: response.status });
      return response.body;
    },
  };
}

function failureOf(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  timeoutSignal: AbortSignal | undefined,
  timeoutMs: number | null,
): unknown {
  if (callerSignal?.aborted) return callerSignal.reason as unknown; // the caller stopped us: not a sync failure
  if (timeoutSignal?.aborted) return new SyncError('timeout', `The backend did not answer within ${String(timeoutMs)} ms`);
  const reason = error instanceof Error ? error.message : String(error);
  return new SyncError('offline', `The backend could not be reached (${reason})`);
}

const KIND_BY_STATUS: Partial<Record<number, SyncErrorKind>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'bad-request',
  409: 'bad-request',
  413: 'bad-request',
  429: 'rate-limited',
};

async function errorOf(response: Response, nowMs: number): Promise<SyncError> {
  const kind = KIND_BY_STATUS[response.status] ?? (response.status >= 500 ? 'server' : 'bad-request');
  const body = await response.text().catch(() => '');
  const parsed = errorBodySchema.safeParse(safeJson(body));
  const message = parsed.success
    ? `${parsed.data.error.code}: ${parsed.data.error.message}`
    : `The backend answered ${String(response.status)} ${response.statusText}`.trim();
  return new SyncError(kind, message, {
    status: response.status,
    ...(kind === 'rate-limited' ? { retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), nowMs) } : {}),
    ...(parsed.success && parsed.data.error.issues ? { issues: parsed.data.error.issues } : {}),
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
