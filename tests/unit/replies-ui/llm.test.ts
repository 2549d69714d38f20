import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chatCompletionsUrl, ReplyProviderError, streamChatCompletion } from '@/lib/replies/llm';
import { buildReplyPrompt } from '@/lib/replies/llm-prompt';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A local OpenAI-compatible server; answers each request with `respond`, recording what it got. */
async function serve(respond: (request: IncomingMessage, response: ServerResponse, body: string) => void) {
  const received: Array<{ url: string; headers: IncomingMessage['headers']; body: unknown }> = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(body) as unknown });
      respond(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${String(port)}/v1`, received };
}

const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;

describe('the chat-completions client', () => {
  it('streams a completion piece by piece, with the key and the model, and resolves with the whole text', async () => {
    const { endpoint, received } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const pieces = [': keep-alive\n\n', chunk('Hi Nora, '), chunk("I'm sorry "), 'data: {"choices":[{"delta":{"content":"about that."},"finish_reason":null}]}\r\n\r\n', 'data: [DONE]\n\n'];
      let index = 0;
      const next = () => {
        if (index < pieces.length) {
          response.write(pieces[index++]);
          setTimeout(next, 5);
        } else response.end();
      };
      next();
    });
    const deltas: string[] = [];
    const text = await streamChatCompletion({ endpoint, model: 'llama3.2', apiKey: 'sk-test' }, [{ role: 'user', content: 'Hello' }], {
      onDelta: (delta) => deltas.push(delta),
    });
    expect(text).toBe("Hi Nora, I'm sorry about that.");
    expect(deltas).toEqual(['Hi Nora, ', "I'm sorry ", 'about that.']);
    expect(received[0]?.url).toBe('/v1/chat/completions');
    expect(received[0]?.headers.authorization).toBe('Bearer sk-test');
    expect(received[0]?.body).toMatchObject({ model: 'llama3.2', stream: true, messages: [{ role: 'user', content: 'Hello' }] });
  });

  it('accepts a whole JSON answer from servers that do not stream', async () => {
    const { endpoint } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ choices: [{ message: { content: 'Thanks for waiting!' } }] }));
    });
    expect(await streamChatCompletion({ endpoint, model: 'm' }, [{ role: 'user', content: 'x' }])).toBe('Thanks for waiting!');
  });

  it('says clearly what went wrong: a bad key, a stalled stream, an unreachable server', async () => {
    const { endpoint } = await serve((request, response) => {
      if (request.headers.authorization === 'Bearer wrong') {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'Incorrect API key provided' } }));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk('Hello'));
      // …and then nothing more.
    });
    const bad = await streamChatCompletion({ endpoint, model: 'm', apiKey: 'wrong' }, []).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(ReplyProviderError);
    expect(bad).toMatchObject({ code: 'http', status: 401 });
    expect((bad as Error).message).toBe('The reply provider answered 401 (check the API key): Incorrect API key provided');

    const stalled = await streamChatCompletion({ endpoint, model: 'm', idleTimeoutMs: 100 }, []).catch((error: unknown) => error);
    expect(stalled).toMatchObject({ code: 'timeout' });
    expect((stalled as Error).message).toMatch(/stalled for 100 ms/);

    const unreachable = await streamChatCompletion({ endpoint: 'http://127.0.0.1:9/v1', model: 'm' }, []).catch((error: unknown) => error);
    expect(unreachable).toMatchObject({ code: 'network' });
  });

  it('builds the URL from a base or a full endpoint, and refuses what is not http(s)', () => {
    expect(chatCompletionsUrl('http://localhost:11434/v1/').href).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('https://api.example.com/v1/chat/completions').href).toBe('https://api.example.com/v1/chat/completions');
    expect(() => chatCompletionsUrl('file:///etc/passwd')).toThrow(ReplyProviderError);
  });
});

describe('the prompt', () => {
  it('carries the history and the knowledge-base hits, with personal data masked', () => {
    const [system, user] = buildReplyPrompt({
      message: 'Order #A-10428841 never came, mail me at nora@example.com',
      lang: 'en',
      site: 'X',
      personName: 'Nora Customer',
      history: [{ direction: 'in', text: 'Call me on +44 7700 900123' }, { direction: 'out', text: 'We will check.' }],
      knowledge: [{ title: 'Late deliveries', text: 'Parcels with no tracking update for 5 days are treated as lost.' }],
    });
    const all = `${system?.content ?? ''}\n${user?.content ?? ''}`;
    expect(all).not.toMatch(/10428841|nora@example\.com|7700 900123/);
    expect(user?.content).toContain('[order number]');
    expect(user?.content).toContain('Customer: Call me on [phone]');
    expect(user?.content).toContain('Us: We will check.');
    expect(user?.content).toContain('- Late deliveries: Parcels with no tracking update');
  });
});
