/**
 * Server-sent events over fetch and a ReadableStream, because MV3 service workers have no EventSource.
 * The lines are parsed by eventsource-parser (the HTML event-stream rules: `event:`, multi-line
 * `data:`, `id:`, `retry:`, `:` comments, CRLF/LF/CR line ends in any chunking); reconnecting, the
 * backoff and the server's retry stay here, since the parser does not connect.
 */
import { createParser } from 'eventsource-parser';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { SyncError, needsPersonToAct } from './errors';
import { changeEventDataSchema, presenceEventDataSchema, type SyncEvent } from './wire';

export type SseItem =
  | { type: 'message'; event: string; data: string; id: string | undefined }
  | { type: 'comment'; text: string }
  | { type: 'retry'; ms: number };

/** A push parser: feed it decoded text in any chunking, get back what completed. */
export function createSseParser(): { feed(text: string): SseItem[] } {
  let out: SseItem[] = [];
  let atStreamStart = true;
  // The stream's last event id, which (as EventSource's lastEventId) carries over to later events.
  let lastId: string | undefined;
  const parser = createParser({
    onEvent(message) {
      if (message.id !== undefined) lastId = message.id;
      out.push({ type: 'message', event: message.event ?? 'message', data: message.data, id: lastId });
    },
    onRetry: (ms) => out.push({ type: 'retry', ms }),
    onComment: (text) => out.push({ type: 'comment', text: text.trimStart() }),
  });

  return {
    feed(text) {
      out = [];
      let chunk = text;
      // A decoder strips the byte-order mark of a byte stream; text fed directly may still hold it.
      if (atStreamStart && chunk.length > 0) {
        if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
        atStreamStart = false;
      }
      parser.feed(chunk);
      return out;
    },
  };
}

/**
 * The items of one event stream, until it ends or `signal` aborts (which cancels the stream even
 * if its source ignores the signal); an event cut off by the end is dropped.
 */
export async function* readSseStream(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseItem> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const cancel = () => {
    reader.cancel(signal?.reason).catch(() => undefined);
  };
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield* parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}

/** A Replyline event from a raw message, or null for unknown event types and malformed data. */
export function parseSyncEvent(item: SseItem): SyncEvent | null {
  if (item.type !== 'message') return null;
  let json: unknown;
  try {
    json = JSON.parse(item.data);
  } catch {
    return null;
  }
  if (item.event === 'change') {
    const parsed = changeEventDataSchema.safeParse(json);
    return parsed.success ? { type: 'change', data: parsed.data } : null;
  }
  if (item.event === 'presence') {
    const parsed = presenceEventDataSchema.safeParse(json);
    return parsed.success ? { type: 'presence', data: parsed.data } : null;
  }
  return null;
}

export const SSE_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, factor: 2, maxRetryAfterMs: 10 * 60_000 };

export interface SyncEventsOptions {
  /** Opens the stream (transport.openEvents); it must end when its signal aborts. */
  open: (signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;
  /** Stops everything, for good. */
  signal: AbortSignal;
  /** Called on every successful (re)connection: changes made while disconnected are only found by pulling. */
  onOpen?: () => void;
  /** Called when a connection fails or drops; `retryInMs` null means it stopped (the token was refused). */
  onDisconnect?: (error: unknown, retryInMs: number | null) => void;
  /** No byte for this long (pings come every 25 s) means a dead connection: reconnect. */
  idleTimeoutMs?: number;
  random?: () => number;
  backoff?: BackoffPolicy;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Typed events from GET /v1/events, reconnecting with backoff until `signal` aborts. Ends without
 * error when aborted, and when the backend refuses the token (reported through onDisconnect).
 */
export async function* syncEvents(options: SyncEventsOptions): AsyncGenerator<SyncEvent> {
  const { signal } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const random = options.random ?? Math.random;
  const policy = options.backoff ?? SSE_BACKOFF;
  const sleep = options.sleep ?? abortableSleep;
  let failures = 0;
  let serverRetryMs: number | undefined;
  // A function, not a property read, because the signal changes behind the type checker's back.
  const stopped = () => signal.aborted;

  while (!stopped()) {
    const connection = new AbortController();
    const stop = () => connection.abort(signal.reason);
    signal.addEventListener('abort', stop);
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const armIdleTimer = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => connection.abort(new SyncError('timeout', 'The event stream went quiet')), idleTimeoutMs);
    };
    let failure: unknown = new SyncError('offline', 'The event stream ended');
    try {
      armIdleTimer();
      const stream = await options.open(connection.signal);
      options.onOpen?.();
      for await (const item of readSseStream(stream, connection.signal)) {
        armIdleTimer();
        failures = 0; // the connection delivered something, so the next drop starts the backoff over
        if (item.type === 'retry') serverRetryMs = item.ms;
        const event = parseSyncEvent(item);
        if (event) yield event;
      }
      if (connection.signal.aborted && !stopped()) failure = connection.signal.reason;
    } catch (error) {
      failure = connection.signal.aborted && !stopped() ? (connection.signal.reason as unknown) : error;
    } finally {
      clearTimeout(idleTimer);
      signal.removeEventListener('abort', stop);
      connection.abort();
    }
    if (stopped()) return;
    if (failure instanceof SyncError && needsPersonToAct(failure.kind)) {
      options.onDisconnect?.(failure, null);
      return;
    }
    failures += 1;
    const delay = Math.max(serverRetryMs ?? 0, backoffDelay(failures, random, policy));
    options.onDisconnect?.(failure, delay);
    await sleep(delay, signal);
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
