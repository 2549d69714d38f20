/**
 * The items the long-page benchmark appends, as HTML: copies of the real posts of the saved LinkedIn
 * activity feed and of the real message group of the saved messaging thread, each with its own id,
 * time and text, the way an infinite scroll or a live conversation adds them. Built once in Node
 * (jsdom), so that every run, with and without the extension, appends exactly the same markup.
 */
import { JSDOM } from 'jsdom';

/** The signed-in account of the saved thread: the mailbox owner in every message URN (tests/e2e/timers.test.ts). */
const MAILBOX_OWNER = 'ACoAADB56tUB46-cNzJpxRtevKcD-soD9Ixh2ew';
const OUR_NAME = 'Alejo Scotti';
/** The conversation part of the thread's message ids (its own message id decodes to `<ms>b58769-004&<this>_013`). */
const CONVERSATION_UUID = 'cf2a035c-5309-4afa-9d01-f274a4566e30';
/** Every third message is ours, the rest hers: a conversation, not a monologue. */
const OURS_EVERY = 3;

/** Where the feed's posts sit: each post is one `.occludable-update` child of it. */
export const FEED_CONTAINER = '#voyager-feed';
export const FEED_UNIT = `${FEED_CONTAINER} > .occludable-update`;
/** One message group of the thread; new ones go after the last. */
export const MESSAGE_GROUP = 'li.msg-s-message-list__event';

const ACTIVITY_URN = /urn:li:activity:(\d+)/;
const EMBER_ID = /\bid="ember(\d+)"/g;

const SENTENCES = [
  'Thanks for the update, that helps a lot.',
  'Could you send me the invoice for last month as well?',
  'We are reviewing the proposal with the team this week.',
  'Happy to jump on a call on Tuesday or Wednesday afternoon.',
  'The new version works, but the export still fails on large files.',
  'Great to hear from you again, congratulations on the launch!',
  'Is there a discount for annual plans?',
  'I will forward this to our procurement department.',
];

function sentence(n: number): string {
  return SENTENCES[n % SENTENCES.length]!;
}

/** Ember ids are unique in the page: give the copy's ids a numbering of their own. */
function renumberEmberIds(html: string, copy: number): string {
  return html.replace(EMBER_ID, (_match, id: string) => `id="ember${copy}x${id}"`);
}

/** A LinkedIn activity id whose upper bits are `ms` (what timeFromActivityId reads), unique by `n`. */
function activityId(ms: number, n: number): string {
  return ((BigInt(ms) << BigInt(22)) | BigInt(n & 0x3fffff)).toString();
}

/** The first text node with letters under `element`. */
function firstWords(element: Element): Text | undefined {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (/\p{L}/u.test(node.nodeValue ?? '')) return node as Text;
  }
  return undefined;
}

export interface ItemSource {
  /** How many items the saved page holds to begin with. */
  initialCount: number;
  /** The HTML of copies number `first` … `first + count − 1`. */
  html(first: number, count: number): string;
}

/**
 * Copies of the feed's posts in turn (post n is a copy of post n mod 10), each with a new activity
 * URN (also in its links), dated one minute further back than the one before (a feed runs newest
 * first), with its own Ember ids and its text prefixed with its number and a sentence.
 */
export function feedPosts(fixtureHtml: string, nowMs: number): ItemSource {
  const { document } = new JSDOM(fixtureHtml).window;
  const units = Array.from(document.querySelectorAll(FEED_UNIT));
  if (units.length === 0) throw new Error(`no ${FEED_UNIT} in the feed fixture`);
  const templates = units.map((unit) => {
    const id = ACTIVITY_URN.exec(unit.innerHTML)?.[1];
    if (id === undefined) throw new Error('a feed post without an activity URN');
    return { unit, id };
  });
  return {
    initialCount: units.length,
    html(first, count) {
      const parts: string[] = [];
      for (let n = first; n < first + count; n += 1) {
        const { unit, id } = templates[n % templates.length]!;
        const copy = unit.cloneNode(true) as Element;
        const commentary = copy.querySelector('.feed-shared-update-v2__commentary, .feed-shared-text');
        const words = commentary === null ? undefined : firstWords(commentary);
        if (words) words.nodeValue = `Post ${n}: ${sentence(n)} ${words.nodeValue ?? ''}`;
        const html = copy.outerHTML.replaceAll(id, activityId(nowMs - n * 60_000, n));
        parts.push(renumberEmberIds(html, n));
      }
      return parts.join('\n');
    },
  };
}

/**
 * Copies of the thread's message group, one message each, a second apart from `startMs` on, each
 * with its own message URN (base64 of `<ms>b58769-<n>&<uuid>_013`, as LinkedIn's ids are), every
 * third from us (links to the mailbox owner, our name), the others from her, each with its own text.
 */
export function threadMessages(fixtureHtml: string, startMs: number): ItemSource {
  const { document } = new JSDOM(fixtureHtml).window;
  const groups = document.querySelectorAll(MESSAGE_GROUP);
  const template = groups[0];
  if (template === undefined) throw new Error(`no ${MESSAGE_GROUP} in the thread fixture`);
  // A day heading opens a day, not every message.
  template.querySelector('.msg-s-message-list__time-heading')?.remove();
  return {
    initialCount: groups.length,
    html(first, count) {
      const parts: string[] = [];
      for (let n = first; n < first + count; n += 1) {
        const copy = template.cloneNode(true) as Element;
        const sentMs = startMs + n * 1000;
        const messageId = Buffer.from(`${sentMs}b58769-${String(n % 1000).padStart(3, '0')}&${CONVERSATION_UUID}_013`).toString('base64');
        copy.querySelector('[data-event-urn]')?.setAttribute('data-event-urn', `urn:li:msg_message:(urn:li:fsd_profile:${MAILBOX_OWNER},2-${messageId})`);
        if (n % OURS_EVERY === 0) {
          for (const link of copy.querySelectorAll('a[href*="/in/"]')) link.setAttribute('href', `https://www.linkedin.com/in/${MAILBOX_OWNER}`);
          for (const name of copy.querySelectorAll('.msg-s-message-group__name')) name.textContent = OUR_NAME;
        }
        const body = copy.querySelector('.msg-s-event-listitem__body');
        if (body) body.textContent = `${sentence(n)} (${n})`;
        parts.push(renumberEmberIds(copy.outerHTML, n));
      }
      return parts.join('\n');
    },
  };
}
