import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { canonicalThreadId, linkedin, linkedinMisses } from '@/lib/sites/linkedin';
import { decodeMessengerMessageId, parseMessageEventUrn } from '@/lib/sites/linkedin/common';
import { documentFromHtml, fixturePath, fixtureUrl, loadFixture } from './fixtures';
import { SYNTHETIC_IDS, SYNTHETIC_PAGES, syntheticDocument } from './linkedin-synthetic-pages';
import { linkedinSelectors } from '@/lib/sites/linkedin.selectors';
import { MAX_CONVERSATION_MESSAGES } from '@/lib/sites/shared/conversation-cap';

const OVERLAY = 'linkedin/messaging-thread-2023-overlay-a.html';

function read(doc: Document, url: string): PageContext {
  const context = linkedin.read(doc, new URL(url));
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

/** The fixture's URL names the thread by the id in its message URN (a message id, see below). */
const MESSAGE_ID =
  '2-MTY3NjY0MTQ0MDkzOWI1ODc2OS0wMDQmY2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==';
/** base64 of "cf2a035c-5309-4afa-9d01-f274a4566e30_013": the conversation that message belongs to. */
const CONVERSATION_ID = '2-Y2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==';

const mariana = {
  handle: 'acoaadgaroqbjh1el3dfh-kvxrrtzdpj34x28hu',
  profileUrl: 'https://www.linkedin.com/in/ACoAADgAroQBJh1El3DFh-KvxRrTZDPJ34x28hU/',
  displayName: 'Mariana Hohot',
  headline: 'Key Account Manager – QATestLab',
  avatarUrl:
    'https://media.licdn.com/dms/image/C4E03AQG3rukrZHKZZg/profile-displayphoto-shrink_100_100/0/1633638486641?e=1682553600&v=beta&t=Uw3yzU3Ux96aQ9Re5632egbNTWUpzQ1wW7ilCm31LRk',
};

describe('messaging overlay bubble (messaging-thread-2023-overlay-a, a fragment)', () => {
  const context = read(loadFixture(OVERLAY), fixtureUrl(OVERLAY));

  it('is a conversation with Mariana Hohot, keyed by the conversation the message belongs to', () => {
    expect(context.kind).toBe('conversation');
    expect(context.conversation?.threadKey).toBe(`linkedin:thread:${CONVERSATION_ID}`);
    expect(context.conversation?.participants).toEqual([mariana]);
    expect(context.person).toEqual(mariana);
  });

  it('one message from her, as a person reads it, at the time its id carries', () => {
    expect(context.conversation?.messages).toEqual([
      {
        author: mariana,
        direction: 'in',
        text: 'Hello Alejo, I am from the team of QATestlab, a global testing services provider. It will be a pleasure to be a part of your network and be of service when needed. Thank you 🙂',
        // The page shows "viernes" / "14:44" (the saver's clock, CET); the message id begins with
        // 1676641440939 ms = Friday 2023-02-17 13:44:00.939 UTC.
        at: '2023-02-17T13:44:00.939Z',
      },
    ]);
  });

  it('"me" is the mailbox owner every message URN names (Alejo Scotti, by member id only)', () => {
    expect(context.me).toEqual({
      handle: 'acoaadb56tub46-cnzjpxrtevkcd-sod9ixh2ew',
      profileUrl: 'https://www.linkedin.com/in/ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew/',
      displayName: '',
    });
    expect(context.misses).toEqual([linkedinMisses.meName]);
  });

  it('the message box is the composer', () => {
    const composer = linkedin.composer(loadFixture(OVERLAY));
    expect(composer?.classList.contains('msg-form__contenteditable')).toBe(true);
    expect(composer?.getAttribute('role')).toBe('textbox');
    expect(composer?.getAttribute('aria-label')).toBe('Escribe un mensaje…');
  });

  it('text goes into the message box and nothing is sent', async () => {
    const doc = documentFromHtml(readFileSync(fixturePath(OVERLAY), 'utf8'), fixtureUrl(OVERLAY));
    const composer = linkedin.composer(doc);
    if (composer === null) throw new Error('no composer');
    let submitted = false;
    doc.querySelector('form')?.addEventListener('submit', () => (submitted = true));
    await linkedin.insertText(composer, 'Gracias, Mariana 🙂');
    expect(composer.textContent).toBe('Gracias, Mariana 🙂');
    expect(submitted).toBe(false);
  });

  it('the same thread reached by its conversation id gives the same key', () => {
    const other = read(loadFixture(OVERLAY), `https://www.linkedin.com/messaging/thread/${CONVERSATION_ID}/`);
    expect(other.conversation?.threadKey).toBe(context.conversation?.threadKey);
    const encoded = read(
      loadFixture(OVERLAY),
      `https://www.linkedin.com/messaging/thread/${encodeURIComponent(CONVERSATION_ID)}/?filter=unread`,
    );
    expect(encoded.conversation?.threadKey).toBe(context.conversation?.threadKey);
  });
});

describe('a messaging bubble over a profile page', () => {
  const bubble = readFileSync(fixturePath(OVERLAY), 'utf8');
  const profile = readFileSync(fixturePath('linkedin/profile-2024-b.html'), 'utf8');

  function profileWithBubble(bubbleHtml: string, where: 'body' | 'main'): Document {
    const html =
      where === 'body'
        ? profile.replace('</body>', `<aside id="msg-overlay" class="msg-overlay-container">${bubbleHtml}</aside></body>`)
        : profile.replace(/<main([^>]*)>/, `<main$1>${bubbleHtml}`);
    return documentFromHtml(html, 'https://www.linkedin.com/in/abgargulo/');
  }

  it.each(['body', 'main'] as const)('the profile is still read from its top card (bubble in %s)', (where) => {
    const context = read(profileWithBubble(bubble, where), 'https://www.linkedin.com/in/abgargulo/');
    expect(context.kind).toBe('profile');
    expect(context.person?.displayName).toBe('Abgar Gulo');
    expect(context.person?.headline).toBe('Board member of Mobvilla AB');
    expect(context.misses).toEqual([]);
  });

  it('a bubble heading before an unknown top card is never taken for the name', () => {
    const bubbleWithH1 = bubble.replace(/<h2 /, '<h1 ').replace(/<\/h2>/, '</h1>');
    // No section: the structural fallback takes the first visible h1 in main.
    const html = `<main>${bubbleWithH1}<div><h1>Jane Doe</h1><div class="text-body-medium">Tester</div></div></main>`;
    const context = read(documentFromHtml(html, 'https://www.linkedin.com/in/jane-doe-42/'), 'https://www.linkedin.com/in/jane-doe-42/');
    expect(context.person?.displayName).toBe('Jane Doe');
    expect(context.person?.headline).toBe('Tester');
  });
});

describe('a full-page thread of the 2024 generation (synthetic)', () => {
  const doc = syntheticDocument('thread-2024');
  const context = read(doc, SYNTHETIC_PAGES['thread-2024'].url);
  const john = {
    handle: 'john-doe-123',
    profileUrl: 'https://www.linkedin.com/in/john-doe-123/',
    displayName: 'John Doe',
    avatarUrl: 'https://media.licdn.com/dms/image/john-doe-123/profile-displayphoto-shrink_100_100/0/1',
  };

  it('the other party from the header; "me" from the page, not a participant', () => {
    expect(context.kind).toBe('conversation');
    expect(context.conversation?.threadKey).toBe(`linkedin:thread:${SYNTHETIC_IDS.JOHN_THREAD}`);
    expect(context.conversation?.participants).toEqual([john]);
    expect(context.person).toEqual(john);
    expect(context.me).toMatchObject({ handle: 'jane-roe', displayName: 'Jane Roe' });
    expect(context.misses).toEqual([]);
  });

  it('a message without sender meta belongs to the group above it; my reply is out', () => {
    const messages = context.conversation?.messages ?? [];
    expect(messages.map((m) => [m.author.handle, m.direction, m.text, m.at])).toEqual([
      ['john-doe-123', 'in', 'Hi Jane, my order #4411 never arrived.', '2026-02-24T16:25:46.603Z'],
      ['john-doe-123', 'in', 'Can you check?', '2026-02-24T16:26:46.603Z'],
      ['jane-roe', 'out', 'Sorry to hear that, John! Checking now 🙂', '2026-02-24T16:36:46.603Z'],
    ]);
  });

  it('the list beside it: the open thread keyed from the URL even though its card has no link', () => {
    expect(context.inbox).toEqual([
      {
        threadKey: `linkedin:thread:${SYNTHETIC_IDS.JOHN_THREAD}`,
        person: { handle: '?', profileUrl: '', displayName: 'John Doe' },
        excerpt: 'You: Sorry to hear that, John!',
        unread: false,
      },
    ]);
  });

  it('the composer is the thread\'s message box', () => {
    expect(linkedin.composer(doc)?.getAttribute('aria-label')).toBe('Write a message…');
  });

  it('"me" known by member id only still makes my messages "out"', () => {
    const withoutApiData = SYNTHETIC_PAGES['thread-2024'].html
      .replace(/<code[\s\S]*?<\/code>\s*<code[\s\S]*?<\/code>/, '')
      .replaceAll('https://www.linkedin.com/in/jane-roe', `https://www.linkedin.com/in/${SYNTHETIC_IDS.JANE_ID}`);
    const idOnly = read(documentFromHtml(withoutApiData, SYNTHETIC_PAGES['thread-2024'].url), SYNTHETIC_PAGES['thread-2024'].url);
    expect(idOnly.me?.handle).toBe(SYNTHETIC_IDS.JANE_ID.toLowerCase());
    expect(idOnly.conversation?.messages.map((m) => m.direction)).toEqual(['in', 'in', 'out']);
    expect(idOnly.conversation?.participants.map((p) => p.handle)).toEqual(['john-doe-123']);
  });
});

describe('a long thread: only the latest messages are read', () => {
  it(`keeps the last ${MAX_CONVERSATION_MESSAGES}, the first of them with the sender of the group it continues`, () => {
    const doc = syntheticDocument('thread-2024');
    const items = Array.from(doc.querySelectorAll(linkedinSelectors.messageItem.selector)).filter(
      (item) => item.parentElement?.closest(linkedinSelectors.messageItem.selector) === null,
    );
    const [johnOpens, johnContinues, janeReplies] = items;
    if (!johnOpens || !johnContinues || !janeReplies) throw new Error('the synthetic thread has three messages');
    // Earlier history that falls outside the cap, then enough replies after that the cut lands on the group's second message.
    for (let copy = 0; copy < 5; copy += 1) johnOpens.before(janeReplies.cloneNode(true));
    for (let copy = 0; copy < MAX_CONVERSATION_MESSAGES - 2; copy += 1) janeReplies.after(janeReplies.cloneNode(true));
    const messages = read(doc, SYNTHETIC_PAGES['thread-2024'].url).conversation?.messages ?? [];
    expect(messages).toHaveLength(MAX_CONVERSATION_MESSAGES);
    expect([messages[0]?.author.handle, messages[0]?.direction, messages[0]?.text]).toEqual(['john-doe-123', 'in', 'Can you check?']);
    expect(messages.slice(1).every((message) => message.direction === 'out' && message.author.handle === 'jane-roe')).toBe(true);
  });
});

describe('the conversation list of /messaging/ (synthetic)', () => {
  const context = read(syntheticDocument('messaging-inbox'), SYNTHETIC_PAGES['messaging-inbox'].url);

  it('one row per conversation, keyed as its thread page keys it; people by name only', () => {
    expect(context.kind).toBe('inbox');
    expect(context.inbox).toEqual([
      {
        threadKey: `linkedin:thread:${CONVERSATION_ID}`,
        person: {
          handle: '?',
          profileUrl: '',
          displayName: 'Mariana Hohot',
          avatarUrl: 'https://media.licdn.com/dms/image/MARIANA/profile-displayphoto-shrink_100_100/0/1',
        },
        excerpt: 'Mariana: Hello Alejo, I am from the team of QATestlab',
        unread: true,
      },
      {
        threadKey: `linkedin:thread:${SYNTHETIC_IDS.JOHN_THREAD}`,
        person: { handle: '?', profileUrl: '', displayName: 'John Doe' },
        excerpt: 'You: Sorry to hear that, John!',
        unread: false,
      },
      {
        threadKey: 'linkedin:thread:2-group0000',
        person: { handle: '?', profileUrl: '', displayName: 'Ana Pérez, Ben Ito' },
        excerpt: 'Ben: Can we move the call to Friday? 🙏',
        unread: true,
      },
    ]);
    expect(context.misses).toEqual([]);
  });

  it('a row\'s key is the key of the conversation page it opens', () => {
    const row = context.inbox?.[0];
    const thread = read(loadFixture(OVERLAY), fixtureUrl(OVERLAY));
    expect(row?.threadKey).toBe(thread.conversation?.threadKey);
  });

  it('no composer on the list', () => {
    expect(linkedin.composer(syntheticDocument('messaging-inbox'))).toBeNull();
  });

  it('an empty messaging page: no rows, a miss', () => {
    const empty = read(documentFromHtml('<main></main>', 'https://www.linkedin.com/messaging/'), 'https://www.linkedin.com/messaging/');
    expect(empty.kind).toBe('inbox');
    expect(empty.inbox).toEqual([]);
    expect(empty.misses).toEqual([linkedinMisses.inbox, linkedinMisses.me]);
  });

  it('rows without a thread link on the list page are reported', () => {
    const html = '<ul class="msg-conversations-container__conversations-list"><li class="msg-conversation-listitem">' +
      '<div class="msg-conversation-listitem__link"><h3 class="msg-conversation-listitem__participant-names">A B</h3></div></li></ul>';
    const linkless = read(documentFromHtml(html, 'https://www.linkedin.com/messaging/'), 'https://www.linkedin.com/messaging/');
    expect(linkless.inbox).toEqual([]);
    expect(linkless.misses).toContain(linkedinMisses.inboxThreadKey);
  });
});

describe('messenger ids', () => {
  it('a message id names its send time and, in this generation, its conversation', () => {
    expect(decodeMessengerMessageId(MESSAGE_ID)).toEqual({ sentAt: '2023-02-17T13:44:00.939Z', conversationId: CONVERSATION_ID });
    expect(decodeMessengerMessageId('2-MTc3MTk1MDM0NjYwM2I5NzY0NS0xMDA=')).toEqual({ sentAt: '2026-02-24T16:25:46.603Z' });
  });

  it.each(['', '2-', '2-%%%', 'MTY3', CONVERSATION_ID, '2-' + btoa('12345b1-1'), '2-' + btoa('9999999999999b1-1')])(
    '%j is no message id',
    (id) => {
      expect(decodeMessengerMessageId(id)?.sentAt).toBeUndefined();
    },
  );

  it('thread ids: a message id becomes its conversation; others stay as they are', () => {
    expect(canonicalThreadId(MESSAGE_ID)).toBe(CONVERSATION_ID);
    expect(canonicalThreadId(CONVERSATION_ID)).toBe(CONVERSATION_ID);
    expect(canonicalThreadId(encodeURIComponent(CONVERSATION_ID))).toBe(CONVERSATION_ID);
    expect(canonicalThreadId('6543210987654321098')).toBe('6543210987654321098');
  });

  it('event URNs of both generations', () => {
    expect(parseMessageEventUrn(`urn:li:msg_message:(urn:li:fsd_profile:ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew,${MESSAGE_ID})`)).toEqual({
      mailboxOwnerId: 'ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew',
      messageId: MESSAGE_ID,
      sentAt: '2023-02-17T13:44:00.939Z',
      conversationId: CONVERSATION_ID,
    });
    expect(parseMessageEventUrn(`urn:li:fs_event:(${CONVERSATION_ID},5-abc)`)).toEqual({
      messageId: '5-abc',
      conversationId: CONVERSATION_ID,
    });
    expect(parseMessageEventUrn('urn:li:msg_message:(nope)')).toBeUndefined();
  });
});

describe('broken messaging pages', () => {
  const url = `https://www.linkedin.com/messaging/thread/${CONVERSATION_ID}/`;

  it('an empty thread page: the key from the URL, misses for what is not there', () => {
    const context = read(documentFromHtml('', url), url);
    expect(context).toEqual({
      site: 'linkedin',
      kind: 'conversation',
      conversation: { threadKey: `linkedin:thread:${CONVERSATION_ID}`, participants: [], messages: [] },
      misses: [linkedinMisses.participants, linkedinMisses.messages, linkedinMisses.me],
    });
  });

  it('messages with no sender anywhere are reported, not invented', () => {
    const html = '<div class="msg-convo-wrapper"><div class="msg-s-event-listitem"><p class="msg-s-event-listitem__body">hi</p></div></div>';
    const context = read(documentFromHtml(html, url), url);
    expect(context.conversation?.messages).toEqual([]);
    expect(context.misses).toContain(linkedinMisses.messageAuthor);
  });

  it('garbage: no throw', () => {
    const garbage = '<div class="msg-convo-wrapper"><<a href="/in/%E0%A4%A"><div data-event-urn="urn:li:msg_message:(urn:li:fsd_profile:,2-!!!)" class="msg-s-event-listitem">' +
      '<a href="javascript:alert(1)">x</a><time datetime="not a date">x</time></div>';
    const context = read(documentFromHtml(garbage, url), url);
    expect(context.kind).toBe('conversation');
  });
});
