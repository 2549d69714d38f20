import { describe, expect, it } from 'vitest';
import { chosenSubject, subjectOfPage } from '@/entrypoints/background/replies-subject';
import type { PageContext, Person } from '@/lib/model';

const me: Person = { handle: 'acmesupport', profileUrl: 'https://x.com/acmesupport', displayName: 'Acme Support' };
const nora: Person = { handle: 'noracustomer', profileUrl: 'https://x.com/noracustomer', displayName: 'Nora Customer' };

describe('what a reply answers, with the message before it', () => {
  it('in a DM: the latest message from them, and the one before it (ours here)', () => {
    const context: PageContext = {
      site: 'x',
      kind: 'conversation',
      me,
      person: nora,
      conversation: {
        threadKey: 'x:dm:1-2',
        participants: [nora],
        messages: [
          { author: nora, direction: 'in', text: 'My parcel never came.', at: '2026-03-01T10:00:00.000Z' },
          { author: me, direction: 'out', text: 'Sorry! Has it arrived since?', at: '2026-03-01T11:00:00.000Z' },
          { author: nora, direction: 'in', text: 'No, not yet.', at: '2026-03-01T12:00:00.000Z' },
        ],
      },
      misses: [],
    };
    const subject = subjectOfPage(context, 'https://x.com/messages/1-2');
    expect(subject?.text).toBe('No, not yet.');
    expect(subject?.previous).toBe('Sorry! Has it arrived since?');
  });

  it('under a post: a first comment answers the post; a chosen other comment keeps no predecessor', () => {
    const context: PageContext = {
      site: 'x',
      kind: 'post',
      me,
      person: nora,
      post: {
        threadKey: 'x:status:1',
        author: me,
        text: 'Our new blue kettle is out!',
        comments: [{ author: nora, direction: 'in', text: 'Mine leaks.', at: '2026-03-02T08:55:00.000Z' }],
      },
      misses: [],
    };
    const subject = subjectOfPage(context, 'https://x.com/acmesupport/status/1');
    expect(subject?.previous).toBe('Our new blue kettle is out!');
    expect(chosenSubject(subject, 0)?.previous).toBeUndefined();
  });
});
