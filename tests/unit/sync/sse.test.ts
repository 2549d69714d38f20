import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyncError } from '@/lib/sync/errors';
import { createSseParser, parseSyncEvent, readSseStream, syncEvents, type SseItem } from '@/lib/sync/sse';
import type { SyncEvent } from '@/lib/sync/wire';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

const presence = {
  agentId: 'a2',
  agentName: 'Bo',
  conversationKey: 'x:42',
  activity: 'replying',
  expiresAt: '2026-03-02T09:01:00.000Z',
};

const sample = [
  '\uFEFF: ping\r\n',
  'event: change\r\ndata: {"version":1}\r\n\r\n',
  'event: presence\ndata: {"agentId":"a2","agentName":"Bo",\ndata: "conversationKey":"x:42","activity":"replying",\n',
  'data:"expiresAt":"2026-03-02T09:01:00.000Z"}\n\n',
  'retry: 3000\rid: 7\r',
  'data: no event name\r\r',
  'event: change\ndata: {"version":2}\n', // cut off by the end: never dispatched
].join('');

describe('event-stream parser', () => {
  it('parses comments, named events, multi-line data, CR, LF and CRLF line ends, ids and retry', () => {
    expect(createSseParser().feed(sample)).toEqual([
      { type: 'comment', text: 'ping' },
      { type: 'message', event: 'change', data: '{"version":1}', id: undefined },
      {
        type: 'message',
        event: 'presence',
        data: '{"agentId":"a2","agentName":"Bo",\n"conversationKey":"x:42","activity":"replying",\n"expiresAt":"2026-03-02T09:01:00.000Z"}',
        id: undefined,
      },
      { type: 'retry', ms: 3000 },
      { type: 'message', event: 'message', data: 'no event name', id: '7' },
    ]);
  });

  it('gives the same items however the stream is cut into chunks', () => {
    const whole = createSseParser().feed(sample);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: sample.length - 1 }), { maxLength: 12 }), (cuts) => {
        const parser = createSseParser();
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), sample.length];
        const items: SseItem[] = [];
        for (let i = 0; i < bounds.length - 1; i++) items.push(...parser.feed(sample.slice(bounds[i], bounds[i + 1])));
        expect(items).toEqual(whole);
      }),
    );
  });

  it('carries the last id over to later events, and ignores an id holding NUL and a retry that is not a number', () => {
    const items = createSseParser().feed('id: 7\ndata: a\n\ndata: b\n\nid: 8\0x\nretry: 12a\ndata: c\n\nid\ndata: d\n\n');
    expect(items).toEqual([
      { type: 'message', event: 'message', data: 'a', id: '7' },
      { type: 'message', event: 'message', data: 'b', id: '7' },
      { type: 'message', event: 'message', data: 'c', id: '7' },
      // An empty id resets it (the HTML rules).
      { type: 'message', event: 'message', data: 'd', id: '' },
    ]);
  });

  it('dispatches nothing for an event without data', () => {
    expect(createSseParser().feed('event: change\n\n: ping\n')).toEqual([{ type: 'comment', text: 'ping' }]);
  });

  it('decodes UTF-8 split across network chunks', async () => {
    const bytes = new TextEncoder().encode('data: {"agentName":"田中"}\n\n');
    const split = 13; // inside the first kanji
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    expect(await collect(readSseStream(stream))).toEqual([{ type: 'message', event: 'message', data: '{"agentName":"田中"}', id: undefined }]);
  });

  it('turns messages into typed events, ignoring unknown names and malformed data', () => {
    const message = (event: string, data: string): SseItem => ({ type: 'message', event, data, id: undefined });
    expect(parseSyncEvent(message('change', '{"version":3}'))).toEqual({ type: 'change', data: { version: 3 } });
    expect(parseSyncEvent(message('presence', JSON.stringify(presence)))).toEqual({ type: 'presence', data: presence });
    expect(parseSyncEvent(message('change', '{"version":"3"}'))).toBeNull();
    expect(parseSyncEvent(message('presence', '{"agentId":"a2"}'))).toBeNull();
    expect(parseSyncEvent(message('change', 'not json'))).toBeNull();
    expect(parseSyncEvent(message('other', '{"version":3}'))).toBeNull();
    expect(parseSyncEvent({ type: 'comment', text: 'ping' })).toBeNull();
  });
});

describe('sync events', () => {
  const noWait = async () => undefined;

  it('yields typed events and reconnects with growing backoff when the stream ends or fails', async () => {
    const controller = new AbortController();
    const connections = [
      () => Promise.resolve(streamOf('event: change\ndata: {"version":1}\n\n')),
      () => Promise.reject(new SyncError('offline', 'down')),
      () => Promise.reject(new SyncError('server', 'down')),
      () => Promise.resolve(streamOf(`event: presence\ndata: ${JSON.stringify(presence)}\n\n`, 'event: change\ndata: {"version":2}\n\n')),
    ];
    let opened = 0;
    const delays: Array<number | null> = [];
    const events: SyncEvent[] = [];
    for await (const event of syncEvents({
      open: () => {
        const next = connections.shift();
        if (!next) {
          controller.abort();
          return Promise.reject(new Error('done'));
        }
        return next();
      },
      signal: controller.signal,
      onOpen: () => (opened += 1),
      onDisconnect: (_error, retryInMs) => delays.push(retryInMs),
      random: () => 1,
      sleep: noWait,
    })) {
      events.push(event);
    }
    expect(events).toEqual([
      { type: 'change', data: { version: 1 } },
      { type: 'presence', data: presence },
      { type: 'change', data: { version: 2 } },
    ]);
    expect(opened).toBe(2);
    // After the first stream delivered, failures count from one again; then they grow.
    expect(delays).toEqual([1000, 2000, 4000, 1000]);
  });

  it('stops when the token is refused instead of hammering the backend', async () => {
    let attempts = 0;
    const delays: Array<number | null> = [];
    const events = await collect(
      syncEvents({
        open: () => {
          attempts += 1;
          return Promise.reject(new SyncError('unauthorized', 'token revoked'));
        },
        signal: new AbortController().signal,
        onDisconnect: (_error, retryInMs) => delays.push(retryInMs),
        sleep: noWait,
      }),
    );
    expect(events).toEqual([]);
    expect(attempts).toBe(1);
    expect(delays).toEqual([null]);
  });

  it('drops a connection that goes quiet and opens a new one, and ends when aborted', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const reasons: unknown[] = [];
    const quiet = (signal: AbortSignal) =>
      new ReadableStream<Uint8Array>({
        start(stream) {
          signal.addEventListener('abort', () => stream.error(signal.reason));
        },
      });
    await collect(
      syncEvents({
        open: async (signal) => {
          attempts += 1;
          if (attempts === 3) controller.abort();
          return quiet(signal);
        },
        signal: controller.signal,
        idleTimeoutMs: 20,
        onDisconnect: (error) => reasons.push(error),
        sleep: noWait,
      }),
    );
    expect(attempts).toBe(3);
    expect(reasons).toHaveLength(2);
    expect(reasons.every((reason) => reason instanceof SyncError && reason.kind === 'timeout')).toBe(true);
  });
});
