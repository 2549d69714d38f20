import type { Hono } from 'hono';
import {
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  type ErrorBody,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '@/lib/sync/wire';

const BASE = 'http://replyline.test';

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Requests to the app in-process, as the extension would make them. */
export function clientFor(app: Hono) {
  async function call(path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    return app.request(`${BASE}${path}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
    });
  }

  async function push(token: string, mutations: Mutation[], clientId = 'client-a'): Promise<PushResponse> {
    const response = await call('/v1/sync/push', { token, body: { clientId, mutations } });
    if (response.status !== 200) throw new Error(`push failed: ${response.status} ${await response.text()}`);
    return pushResponseSchema.parse(await response.json());
  }

  async function pull(token: string, after = 0, limit?: number): Promise<PullResponse> {
    const query = limit === undefined ? `after=${after}` : `after=${after}&limit=${limit}`;
    const response = await call(`/v1/sync/pull?${query}`, { token });
    if (response.status !== 200) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
    return pullResponseSchema.parse(await response.json());
  }

  /** Every change, following the cursor to the end. */
  async function pullAll(token: string, limit?: number): Promise<PullResponse['changes']> {
    const changes: PullResponse['changes'] = [];
    let after = 0;
    for (;;) {
      const page = await pull(token, after, limit);
      changes.push(...page.changes);
      after = page.cursor;
      if (!page.hasMore) return changes;
    }
  }

  async function error(response: Response): Promise<ErrorBody['error']> {
    return errorBodySchema.parse(await response.json()).error;
  }

  return { call, push, pull, pullAll, error };
}
