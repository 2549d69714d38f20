/**
 * A client for OpenAI-compatible chat-completions endpoints (OpenAI, and local servers such as Ollama's
 * and llama.cpp's `/v1`), streaming the answer as server-sent events over fetch. Only the background
 * calls it: the key never reaches a page.
 */
import { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ReplyProviderConfig {
  /** The API's base URL (`https://api.openai.com/v1`, `http://localhost:11434/v1`) or its full chat-completions URL. */
  endpoint: string;
  model: string;
  apiKey?: string;
  /** Until the server answers at all. */
  connectTimeoutMs?: number;
  /** Between two pieces of the stream. */
  idleTimeoutMs?: number;
  /** For the whole answer. */
  totalTimeoutMs?: number;
  maxTokens?: number;
  temperature?: number;
}

export type ReplyProviderErrorCode = 'bad-config' | 'network' | 'http' | 'timeout' | 'aborted' | 'bad-response' | 'empty';

export class ReplyProviderError extends Error {
  constructor(
    readonly code: ReplyProviderErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ReplyProviderError';
  }
}

type Timeouts = Record<'connectTimeoutMs' | 'idleTimeoutMs' | 'totalTimeoutMs', number>;
export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = { connectTimeoutMs: 15_000, idleTimeoutMs: 20_000, totalTimeoutMs: 90_000 };

const streamChunkSchema = z.object({
  choices: z
    .array(z.object({ delta: z.object({ content: z.string().nullish() }).partial().nullish(), finish_reason: z.string().nullish() }))
    .default([]),
});
const wholeAnswerSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});
const errorBodySchema = z.object({ error: z.union([z.string(), z.object({ message: z.string() })]) });

/** The chat-completions URL for an endpoint as the user typed it. */
export function chatCompletionsUrl(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw new ReplyProviderError('bad-config', `Not a URL: "${endpoint}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ReplyProviderError('bad-config', 'The endpoint must be an http(s) URL');
  if (!/\/chat\/completions\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}

interface StreamOptions {
  onDelta?: (delta: string, soFar: string) => void;
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
}

/** Sends the conversation and streams the answer; resolves with the whole text. Failures are ReplyProviderError. */
export async function streamChatCompletion(config: ReplyProviderConfig, messages: readonly ChatMessage[], options: StreamOptions = {}): Promise<string> {
  const url = chatCompletionsUrl(config.endpoint);
  if (config.model.trim() === '') throw new ReplyProviderError('bad-config', 'No model is set');
  const timeouts = { ...DEFAULT_TIMEOUTS, ...pickDefined(config) };
  const controller = new AbortController();
  let timedOut: string | null = null;
  const expire = (what: string) => () => {
    timedOut = what;
    controller.abort();
  };
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  const total = setTimeout(expire(`no complete answer within ${timeouts.totalTimeoutMs} ms`), timeouts.totalTimeoutMs);
  let idle = setTimeout(expire(`no answer within ${timeouts.connectTimeoutMs} ms`), timeouts.connectTimeoutMs);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(expire(`the answer stalled for ${timeouts.idleTimeoutMs} ms`), timeouts.idleTimeoutMs);
  };
  const fail = (error: unknown): never => {
    if (error instanceof ReplyProviderError) throw error;
    if (timedOut !== null) throw new ReplyProviderError('timeout', `The reply provider timed out: ${timedOut}`);
    if (controller.signal.aborted) throw new ReplyProviderError('aborted', 'Cancelled');
    throw new ReplyProviderError('network', `Could not reach the reply provider at ${url.origin}: ${error instanceof Error ? error.message : String(error)}`);
  };
  try {
    const doFetch = options.fetch ?? globalThis.fetch;
    const response = await doFetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream, application/json',
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        messages,
        stream: true,
        ...(config.maxTokens === undefined ? {} : { max_tokens: config.maxTokens }),
        ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
      }),
      signal: controller.signal,
    }).catch(fail);
    touch();
    if (!response.ok) throw new ReplyProviderError('http', await httpErrorMessage(response), response.status);
    const contentType = response.headers.get('content-type') ?? '';
    let text: string;
    if (contentType.includes('application/json')) {
      const parsed = wholeAnswerSchema.safeParse(await response.json().catch(fail));
      if (!parsed.success) throw new ReplyProviderError('bad-response', 'The reply provider answered in an unknown format');
      text = parsed.data.choices[0]?.message.content ?? '';
      options.onDelta?.(text, text);
    } else {
      text = await readEventStream(response, (delta, soFar) => {
        touch();
        options.onDelta?.(delta, soFar);
      }).catch(fail);
    }
    if (text.trim() === '') throw new ReplyProviderError('empty', 'The reply provider answered with no text');
    return text;
  } catch (error) {
    return fail(error);
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function pickDefined(config: ReplyProviderConfig): Partial<Timeouts> {
  const picked: Partial<Timeouts> = {};
  for (const key of Object.keys(DEFAULT_TIMEOUTS) as Array<keyof Timeouts>) {
    const value = config[key];
    if (value !== undefined && value > 0) picked[key] = value;
  }
  return picked;
}

async function httpErrorMessage(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  let detail = body.slice(0, 300);
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    if (parsed.success) detail = typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error.message;
  } catch {
    // Not JSON: the start of the body says enough.
  }
  const hint = response.status === 401 || response.status === 403 ? ' (check the API key)' : response.status === 404 ? ' (check the endpoint URL and the model name)' : '';
  return `The reply provider answered ${response.status}${hint}${detail ? `: ${detail}` : ''}`;
}

/** Reads `data:` events until `[DONE]` or the end of the body, handing on each piece of text. */
async function readEventStream(response: Response, onDelta: (delta: string, soFar: string) => void): Promise<string> {
  if (!response.body) throw new ReplyProviderError('bad-response', 'The reply provider sent no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let text = '';
  let data: string[] = [];
  const dispatch = (): boolean => {
    const payload = data.join('\n');
    data = [];
    if (payload === '') return false;
    if (payload.trim() === '[DONE]') return true;
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      throw new ReplyProviderError('bad-response', 'The reply provider sent a malformed stream event');
    }
    const error = errorBodySchema.safeParse(json);
    if (error.success) throw new ReplyProviderError('http', typeof error.data.error === 'string' ? error.data.error : error.data.error.message);
    const chunk = streamChunkSchema.safeParse(json);
    if (!chunk.success) throw new ReplyProviderError('bad-response', 'The reply provider sent an unknown stream event');
    const delta = chunk.data.choices.map((choice) => choice.delta?.content ?? '').join('');
    if (delta !== '') {
      text += delta;
      onDelta(delta, text);
    }
    return false;
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let newline: number;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(buffer[newline] === '\r' ? newline + 2 : newline + 1);
      if (line === '') {
        if (dispatch()) {
          await reader.cancel().catch(() => undefined);
          return text;
        }
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
      // Other fields (event:, id:, retry:) and comments (":") carry nothing we use.
    }
  }
  if (buffer.startsWith('data:')) data.push(buffer.slice(5).replace(/^ /, ''));
  dispatch();
  return text;
}
