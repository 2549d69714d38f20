import { describe, expect, it } from 'vitest';
import { SyncError } from '@/lib/sync/errors';
import { formatHlc } from '@/lib/sync/hlc';
import { createSyncTransport } from '@/lib/sync/transport';

const TOKEN = 'rl_secret-token-value';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that records each call and answers from `respond`. */
function fakeFetch(respond: (call: Call, signal: AbortSignal | null | undefined) => Promise<Response> | Response) {
  const calls: Call[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const bodyText = typeof init?.body === 'string' ? init.body : undefined;
    const call = {
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: bodyText === undefined ? undefined : (JSON.parse(bodyText) as unknown),
    };
    calls.push(call);
    return respond(call, init?.signal);
  };
  return { calls, fetch: fetchImpl };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const errorBody = (code: string, message: string, issues?: string[]) => ({ error: { code, message, ...(issues ? { issues } : {}) } });

async function failureOf(promise: Promise<unknown>): Promise<SyncError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SyncError)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
}

const stamp = formatHlc({ wallMs: 1_772_442_000_000, counter: 0 }, 'client-1');
const recordId = '0b3c7d5e-1a2b-4c3d-8e9f-a0b1c2d3e4f5';
const mutationId = '6f1f7a4e-8a7e-4c39-9a55-0b7f2d9a1c11';

describe('sync transport', () => {
  it('sends the bearer token and JSON to the /v1 endpoints under the base URL', async () => {
    const { calls, fetch } = fakeFetch((call) => {
      if (call.url.endsWith('/v1/sync/push')) return json({ results: [{ mutationId, status: 'applied' }], version: 7, serverTime: 1_772_442_000_000 });
      if (call.url.includes('/v1/sync/pull')) return json({ changes: [], cursor: 7, hasMore: false });
      if (call.url.endsWith('/v1/presence')) return new Response(null, { status: 204 });
      return json({
        workspace: { id: 'w1', name: 'Team' },
        agent: { id: 'a1', name: 'Ada', role: 'agent' },
        serverTime: '2026-03-02T09:00:00.000Z',
      });
    });
    const transport = createSyncTransport({ baseUrl: 'https://sync.example.com/api/', token: TOKEN, fetch });

    expect(await transport.me()).toMatchObject({ agent: { role: 'agent' } });
    const batch = {
      clientId: 'client-1',
      mutations: [{ mutationId, store: 'notes' as const, recordId, fields: { body: 'hi' }, stamps: { body: stamp } }],
    };
    expect(await transport.push(batch)).toEqual({ results: [{ mutationId, status: 'applied' }], version: 7, serverTime: 1_772_442_000_000 });
    expect(await transport.pull(5, 100)).toEqual({ changes: [], cursor: 7, hasMore: false });
    await transport.presence({ conversationKey: 'x:123', activity: 'replying' });

    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'GET https://sync.example.com/api/v1/me',
      'POST https://sync.example.com/api/v1/sync/push',
      'GET https://sync.example.com/api/v1/sync/pull?after=5&limit=100',
      'POST https://sync.example.com/api/v1/presence',
    ]);
    expect(calls.every((call) => call.headers.get('Authorization') === `Bearer ${TOKEN}`)).toBe(true);
    expect(calls[1]!.headers.get('Content-Type')).toBe('application/json');
    expect(calls[1]!.body).toEqual(batch);
  });

  it.each([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'bad-request'],
    [413, 'bad-request'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('maps HTTP %i to a %s failure carrying the server message and issue paths', async (status, kind) => {
    const { fetch } = fakeFetch(() => json(errorBody('some-code', 'what went wrong', ['mutations.0.stamps.body']), status));
    const error = await failureOf(createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch }).pull(0));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe('some-code: what went wrong');
    expect(error.details).toMatchObject({ status, issues: ['mutations.0.stamps.body'] });
  });

  it('reads Retry-After from a 429, in seconds or as a date', async () => {
    const now = Date.parse('2026-03-02T09:00:00.000Z');
    let header = '30';
    const { fetch } = fakeFetch(() => json(errorBody('rate-limited', 'slow down'), 429, { 'Retry-After': header }));
    const transport = createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch, now: () => now });
    expect(await failureOf(transport.pull(0))).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000 });
    header = 'Mon, 02 Mar 2026 09:01:30 GMT';
    expect((await failureOf(transport.pull(0))).retryAfterMs).toBe(90_000);
  });

  it('says the backend answered in an unexpected shape rather than trusting it', async () => {
    const { fetch } = fakeFetch(() => json({ changes: [{ version: 'one' }], cursor: 1, hasMore: false }));
    const error = await failureOf(createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch }).pull(0));
    expect(error.kind).toBe('bad-response');
    expect(error.details.issues).toContain('changes.0.version');

    const html = fakeFetch(() => new Response('<html>captive portal</html>', { status: 200 }));
    const notJson = await failureOf(createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch: html.fetch }).me());
    expect(notJson.kind).toBe('bad-response');
  });

  it('reports an unreachable backend as offline and a silent one as a timeout', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect((await failureOf(createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch: down.fetch }).me())).kind).toBe(
      'offline',
    );

    const silent = fakeFetch(
      (_call, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason as Error));
        }),
    );
    const transport = createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch: silent.fetch, timeoutMs: 20 });
    expect(await failureOf(transport.pull(0))).toMatchObject({ kind: 'timeout' });
  });

  it('lets the caller abort without calling it a sync failure', async () => {
    const hanging = fakeFetch(
      (_call, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const controller = new AbortController();
    const pending = createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch: hanging.fetch }).me(controller.signal);
    controller.abort(new Error('navigated away'));
    await expect(pending).rejects.toThrow('navigated away');
  });

  it('never puts the token into an error', async () => {
    const responses = [
      () => Promise.reject(new TypeError(`fetch failed`)),
      () => json(errorBody('unauthorized', 'unknown token'), 401),
      () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }),
      () => json({ nope: true }),
    ];
    for (const respond of responses) {
      const { fetch } = fakeFetch(respond);
      const error = await failureOf(createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch }).me());
      expect(JSON.stringify({ message: error.message, details: error.details, stack: error.stack })).not.toContain(TOKEN);
    }
  });

  it('opens the event stream without a timeout and hands back its body', async () => {
    const { calls, fetch } = fakeFetch(
      () => new Response('event: change\ndata: {"version":1}\n\n', { headers: { 'Content-Type': 'text/event-stream' } }),
    );
    const transport = createSyncTransport({ baseUrl: 'https://s.example', token: TOKEN, fetch, timeoutMs: 1 });
    const stream = await transport.openEvents(new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await new Response(stream).text()).toContain('event: change');
    expect(calls[0]!.headers.get('Accept')).toBe('text/event-stream');
  });

  it('reads a push refused whole (400 with per-mutation results) as an answer, and any other 400 as an error', async () => {
    const refused = {
      error: { code: 'bad-request', message: 'every mutation was rejected' },
      results: [{ mutationId, status: 'rejected', reason: 'nul-character', path: 'fields.body', message: 'contains U+0000' }],
      version: 3,
      serverTime: 1_772_442_000_000,
    };
    let answer: Response = json(refused, 400);
    const { fetch } = fakeFetch(() => answer);
    const transport = createSyncTransport({ baseUrl: 'https://team.example', token: TOKEN, fetch });
    const batch = { clientId: 'client-1', mutations: [{ mutationId, store: 'notes' as const, recordId, fields: { body: 'x' }, stamps: { body: stamp } }] };
    expect(await transport.push(batch)).toEqual({ results: refused.results, version: 3, serverTime: 1_772_442_000_000 });

    answer = json(errorBody('bad-request', 'mutations: too many'), 400);
    const plain = await failureOf(transport.push(batch));
    expect(plain).toMatchObject({ kind: 'bad-request', message: 'bad-request: mutations: too many', details: { status: 400 } });

    answer = new Response('<html>Bad Request</html>', { status: 400, statusText: 'Bad Request' });
    expect(await failureOf(transport.push(batch))).toMatchObject({ kind: 'bad-request', details: { status: 400 } });
  });
});
