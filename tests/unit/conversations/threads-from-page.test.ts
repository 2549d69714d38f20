import { describe, expect, it } from 'vitest';
import { threadsFromPage } from '@/lib/conversations/threads-from-page';
import type { PageContext, Person } from '@/lib/model';
import { adapterFor } from '@/lib/sites';
import { fixtureUrl, loadFixture } from '../sites/fixtures';

function read(name: string): { context: PageContext; url: string } {
  const url = fixtureUrl(name);
  return { context: adapterFor(url)!.read(loadFixture(name), new URL(url)), url };
}

const person = (handle: string): Person => ({ handle, profileUrl: `https://x.com/${handle}`, displayName: handle });

describe('the conversations a page shows', { timeout: 30_000 }, () => {
  it('makes each commenter on our own post a thread, with our replies under the comment they follow', () => {
    const { context, url } = read('x/status-2017-legacy-own.html');
    const threads = threadsFromPage(context, url);
    expect(threads.map((thread) => thread.person?.handle)).toEqual(['drewwilson', 'javivelasco', 'gisusete']);
    const drew = threads[0]!;
    expect(drew.kind).toBe('comment');
    expect(drew.threadKey).toMatch(/\/comment\/drewwilson$/);
    expect(drew.messages.map((message) => [message.direction, message.text])).toEqual([
      ['in', expect.stringContaining('curious if you’re using my code')],
      ['out', expect.stringContaining('Yes, a React component port')],
      ['in', 'cool beans!'],
    ]);
  });

  it('takes nothing from a signed-out post page: it cannot tell our comments from theirs', () => {
    const { context, url } = read('x/status-2016-legacy-a.html');
    expect(context.me).toBeUndefined();
    expect(threadsFromPage(context, url)).toEqual([]);
  });

  it('takes the DM thread of a messaging page with the other party as the customer', () => {
    const { context, url } = read('linkedin/messaging-thread-2023-overlay-a.html');
    const [thread] = threadsFromPage(context, url);
    expect(thread).toMatchObject({ kind: 'conversation', source: 'thread', person: { displayName: 'Mariana Hohot' } });
    expect(thread?.messages).toHaveLength(1);
    expect(thread?.messages[0]?.direction).toBe('in');
  });

  it('takes someone else’s post only when we took part in it or it mentions us', () => {
    const me = person('acme_help');
    const base: PageContext = {
      site: 'x',
      kind: 'post',
      me,
      post: { threadKey: 'x:status:1', author: person('jane'), text: 'my order is late', comments: [], at: '2026-03-01T10:00:00.000Z' },
      misses: [],
    };
    expect(threadsFromPage(base, 'https://x.com/jane/status/1')).toEqual([]);

    const mention = { ...base, post: { ...base.post!, text: 'hey @ACME_help my order is late' } };
    expect(threadsFromPage(mention, 'https://x.com/jane/status/1')).toMatchObject([
      { threadKey: 'x:status:1', kind: 'post', person: { handle: 'jane' }, messages: [{ direction: 'in', text: 'hey @ACME_help my order is late' }] },
    ]);

    const notQuiteUs = { ...base, post: { ...base.post!, text: 'hey @acme_help_fan nice' } };
    expect(threadsFromPage(notQuiteUs, 'https://x.com/jane/status/1')).toEqual([]);

    const commented = {
      ...base,
      post: {
        ...base.post!,
        comments: [
          { author: me, direction: 'out' as const, text: 'Sorry Jane, looking into it' },
          { author: person('bob'), direction: 'in' as const, text: 'same here' },
          { author: person('jane'), direction: 'in' as const, text: 'thanks' },
        ],
      },
    };
    const [thread] = threadsFromPage(commented, 'https://x.com/jane/status/1');
    expect(thread?.messages.map((message) => [message.direction, message.text])).toEqual([
      ['in', 'my order is late'],
      ['out', 'Sorry Jane, looking into it'],
      ['in', 'thanks'],
    ]);
  });

  it('turns unread inbox rows into waits and read ones into known threads without messages', () => {
    const context: PageContext = {
      site: 'x',
      kind: 'inbox',
      inbox: [
        { threadKey: 'x:dm:1-2', person: person('jane'), excerpt: 'where is my refund', unread: true, at: '2026-03-01T10:00:00.000Z' },
        { threadKey: 'x:dm:1-3', person: person('bob'), excerpt: 'thanks!', unread: false },
      ],
      misses: [],
    };
    expect(threadsFromPage(context, 'https://x.com/messages')).toMatchObject([
      { threadKey: 'x:dm:1-2', source: 'inbox-row', messages: [{ direction: 'in', text: 'where is my refund' }] },
      { threadKey: 'x:dm:1-3', source: 'inbox-row', messages: [] },
    ]);
  });
});
