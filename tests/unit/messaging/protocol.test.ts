import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ProtocolError } from '@/lib/messaging/envelope';
import { createRequestHandler } from '@/lib/messaging/handle';
import { request } from '@/lib/messaging/send';
import { RecordNotFoundError } from '@/lib/db/repository';

const protocol = {
  'sum.add': { request: z.object({ a: z.number(), b: z.number() }), response: z.object({ total: z.number() }) },
  'sum.broken': { request: z.object({}), response: z.object({ total: z.number() }) },
  'sum.missing': { request: z.object({}), response: z.object({ total: z.number() }) },
  'sum.crash': { request: z.object({}), response: z.object({ total: z.number() }) },
};

const handle = createRequestHandler(protocol, {
  async 'sum.add'({ a, b }) {
    return { total: a + b };
  },
  async 'sum.broken'() {
    return { total: 'lots' } as unknown as { total: number };
  },
  async 'sum.missing'() {
    throw new RecordNotFoundError('notes', 'n-1');
  },
  async 'sum.crash'() {
    throw new Error('disk on fire');
  },
});

const viaHandler = (envelope: unknown) => handle(envelope, {});

describe('the receiving end', () => {
  it('answers a valid request', async () => {
    expect(await handle({ replyline: 1, type: 'sum.add', payload: { a: 2, b: 3 } }, {})).toEqual({ ok: true, data: { total: 5 } });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'add 2 and 3'],
    ['no envelope version', { type: 'sum.add', payload: {} }],
    ['another protocol', { replyline: 2, type: 'sum.add', payload: {} }],
  ])('answers %s with a typed bad-request error', async (_, raw) => {
    const answer = await handle(raw, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'Not a Replyline request' } });
  });

  it('names an unknown type, including inherited property names', async () => {
    for (const type of ['sum.divide', 'toString', '__proto__']) {
      expect(await handle({ replyline: 1, type, payload: {} }, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown-type', message: `Unknown request type "${type}"` },
      });
    }
  });

  it('says which payload fields are wrong', async () => {
    const answer = await handle({ replyline: 1, type: 'sum.add', payload: { a: '2' } }, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(answer.ok ? [] : answer.error.issues).toEqual([expect.stringMatching(/^a: /), expect.stringMatching(/^b: /)]);
  });

  it('refuses to pass on an answer that breaks the protocol', async () => {
    expect(await handle({ replyline: 1, type: 'sum.broken', payload: {} }, {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('maps a missing record to not-found and a crash to internal, without stack traces', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await handle({ replyline: 1, type: 'sum.missing', payload: {} }, {})).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const crash = await handle({ replyline: 1, type: 'sum.crash', payload: {} }, {});
    expect(crash).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
  });
});

describe('the sending end', () => {
  it('round-trips through the handler', async () => {
    expect(await request(protocol, viaHandler, 'sum.add', { a: 1, b: 2 })).toEqual({ total: 3 });
  });

  it('checks its own payload before sending', async () => {
    let sent = false;
    const transport = async () => {
      sent = true;
      return {};
    };
    await expect(request(protocol, transport, 'sum.add', { a: 1 } as never)).rejects.toMatchObject({ code: 'bad-request' });
    expect(sent).toBe(false);
  });

  it('turns error answers into ProtocolError with the same code', async () => {
    const failure = request(protocol, viaHandler, 'sum.missing', {});
    await expect(failure).rejects.toBeInstanceOf(ProtocolError);
    await expect(failure).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rejects malformed and invalid answers as bad-response', async () => {
    await expect(request(protocol, async () => undefined, 'sum.add', { a: 1, b: 1 })).rejects.toMatchObject({
      code: 'bad-response',
      message: 'Malformed answer to "sum.add"',
    });
    await expect(
      request(protocol, async () => ({ ok: true, data: { total: 'two' } }), 'sum.add', { a: 1, b: 1 }),
    ).rejects.toMatchObject({ code: 'bad-response', message: 'Invalid answer to "sum.add"' });
  });

  it('reports an unreachable receiver as unavailable', async () => {
    const gone = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await expect(request(protocol, gone, 'sum.add', { a: 1, b: 1 })).rejects.toMatchObject({ code: 'unavailable' });
  });
});
