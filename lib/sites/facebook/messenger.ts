/**
 * Messenger and inbox threads (threadKey facebook:dm:<id>): the open thread's other party and
 * messages, who sent each, and the chat list beside it. Read from roles and `dir="auto"` texts.
 */
import { readLatestMessages } from '@/lib/sites/shared/conversation-cap';
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace, isInsideHidden } from '@/lib/sites/shared/dom-text';
import { facebookMisses, imageAlt, type InboxRow } from './common';
import { directionOf, meFallback, type Me } from './me';
import type { PageScope } from './page';
import { isControl, SCREEN_READER_ONLY_SELECTOR, shownText } from './text';
import { dmThreadKey, parseThreadUrl, threadUrl, type FacebookRoute } from './urls';
import { facebookUnsavedPageSelectors as unsavedSelectors } from '../facebook.selectors';
import type { PageContext, Person } from '../types';

/** Labels Messenger gives the account's own messages ("You sent"), in a few UI languages. */
const OWN_MESSAGE_LABEL =
  /^(you sent|you replied|you:|envoyé|vous avez envoyé|enviaste|has enviado|du hast gesendet|gesendet|wysłano|wysłałeś|wysłałaś|você enviou|hai inviato|送信済み|あなたが送信)/i;

/** "Messages in conversation with Jane Doe" / "Conversation with Jane Doe" → "Jane Doe" (English UI). */
const CONVERSATION_LABEL = /^(?:messages in )?conversation (?:with|titled) (.+)$/i;

/** Rows of the chat list that the site marks unread (labels and screen-reader text, several languages). */
const UNREAD_LABEL = /\bunread\b|mark as read|non lu|no leído|ungelesen|nieprzeczytan|não lida|non lett|未読/i;

type ThreadRoute = Extract<FacebookRoute, { kind: 'conversation' }>;

/** The other party known only through the thread (no profile link on the page): the thread is their address. */
function threadPerson(thread: ThreadRoute, name: string): Person {
  return { handle: thread.threadId, profileUrl: threadUrl(thread), displayName: name };
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** Top-level `dir="auto"` texts of a region, outside headings, links and controls. */
function autoTexts(region: Element): string[] {
  return all(region, unsavedSelectors.autoDirText.selector)
    .filter((block) => {
      const outer = block.parentElement?.closest('[dir="auto"]') ?? null;
      if (outer !== null && region.contains(outer)) return false;
      const excluded = block.closest(`${HEADINGS}, a, [role="button"]`);
      return excluded === null || excluded === region || !region.contains(excluded);
    })
    .filter((block) => !isInsideHidden(block, region))
    .map((block) => shownText(block, { skip: isControl }))
    .filter((text) => text !== '');
}

interface ThreadParty {
  person: Person;
  /** Names it is labelled by in the thread (compared case-insensitively). */
  names: Set<string>;
}

/** The other party of a thread: the header's profile link and name, else the thread itself. */
function threadPeer(page: PageScope, region: Element, grid: Element | null, thread: ThreadRoute): ThreadParty | undefined {
  const outsideGrid = (element: Element): boolean => grid === null || !grid.contains(element);
  const headerLinks = all(region, 'a[href]').filter(outsideGrid);
  const heading = all(region, HEADINGS).filter(outsideGrid).find((element) => shownText(element) !== '');
  const labelled = [grid?.getAttribute('aria-label'), region.getAttribute('aria-label')]
    .map((label) => CONVERSATION_LABEL.exec(collapseWhitespace(label ?? ''))?.[1])
    .find((name) => name !== undefined);
  for (const link of headerLinks) {
    const name = shownText(link) || (link.getAttribute('aria-label') ?? '');
    const person = page.personFromLink(link, name || (heading === undefined ? labelled : shownText(heading)));
    if (person !== undefined) return { person, names: new Set([person.displayName.toLowerCase()].filter((n) => n !== '')) };
  }
  const name = (heading === undefined ? undefined : shownText(heading)) ?? labelled;
  if (name === undefined || name === '') return undefined;
  return { person: threadPerson(thread, name), names: new Set([name.toLowerCase()]) };
}

interface SenderResolution {
  author: Person;
  direction: 'in' | 'out';
}

function resolveSender(
  page: PageScope,
  row: Element,
  peer: ThreadParty,
  me: Me | undefined,
  previous: SenderResolution | undefined,
): SenderResolution | undefined {
  const linked = all(row, 'a[href]')
    .map((link) => page.personFromLink(link, imageAlt(link)))
    .find((person) => person !== undefined);
  if (linked !== undefined) {
    const direction = directionOf(linked, me);
    return { author: direction === 'out' && me !== undefined ? me.person : linked, direction };
  }
  const label = all(row, HEADINGS).map((heading) => shownText(heading)).find((text) => text !== '');
  const avatarName = imageAlt(row) ?? '';
  const ownMessage = (): SenderResolution => ({ author: me?.person ?? meFallback(), direction: 'out' });
  if (label !== undefined) {
    const lower = label.toLowerCase();
    if (OWN_MESSAGE_LABEL.test(label) || (me !== undefined && lower === me.person.displayName.toLowerCase())) return ownMessage();
    if ([...peer.names].some((name) => lower === name || lower.startsWith(`${name} `))) return { author: peer.person, direction: 'in' };
    // A one-to-one thread has two parties: a label that is not the other one's name is ours.
    return ownMessage();
  }
  if (avatarName !== '' && peer.names.has(avatarName.toLowerCase())) return { author: peer.person, direction: 'in' };
  return previous;
}

/** The grid's own rows (not rows nested inside a row). */
function messageRows(grid: Element): Element[] {
  const rows = all(grid, unsavedSelectors.row.selector).filter((row) => {
    const outer = row.parentElement?.closest(unsavedSelectors.row.selector) ?? null;
    return outer === null || !grid.contains(outer);
  });
  return rows.length > 0 ? rows : all(grid, unsavedSelectors.messageCell.selector);
}

/** The open thread's region: the one holding a message grid, else the first. */
export function threadRegion(doc: Document): Element | undefined {
  const regions = all(doc, unsavedSelectors.threadRegion.selector);
  return regions.find((region) => region.querySelector(unsavedSelectors.threadGrid.selector) !== null) ?? regions[0];
}

type Message = NonNullable<PageContext['conversation']>['messages'][number];

/** Rows `from…` as messages; a row without its own sender continues the latest earlier row that has one. */
function readRows(
  page: PageScope,
  rows: readonly Element[],
  from: number,
  peer: ThreadParty,
  me: Me | undefined,
): { messages: Message[]; participants: Person[] } {
  const messages: Message[] = [];
  const participants = new Map<string, Person>([[peer.person.handle, peer.person]]);
  let previous: SenderResolution | undefined;
  for (let index = from - 1; index >= 0 && previous === undefined; index -= 1) {
    const row = rows[index];
    if (row !== undefined) previous = resolveSender(page, row, peer, me, undefined);
  }
  for (const row of rows.slice(from)) {
    const text = autoTexts(row).join(' ');
    const sender = resolveSender(page, row, peer, me, previous);
    if (sender !== undefined) previous = sender;
    if (text === '') continue;
    const resolved = sender ?? { author: peer.person, direction: 'in' as const };
    if (resolved.direction === 'in' && !participants.has(resolved.author.handle)) participants.set(resolved.author.handle, resolved.author);
    messages.push({ author: resolved.author, direction: resolved.direction, text });
  }
  return { messages, participants: [...participants.values()] };
}

export function readConversation(page: PageScope, thread: ThreadRoute, me: Me | undefined, context: PageContext): void {
  const { misses } = context;
  context.kind = 'conversation';
  const region = threadRegion(page.doc) ?? page.doc.body;
  const grid = region.querySelector(unsavedSelectors.threadGrid.selector);
  const peer = threadPeer(page, region, grid, thread) ?? { person: threadPerson(thread, ''), names: new Set<string>() };
  if (peer.person.displayName === '') misses.push(facebookMisses.conversationPerson);
  const rows = grid === null ? [] : messageRows(grid);
  // Only the latest messages are read (shared/conversation-cap.ts): a long thread's early senders are not listed.
  const { messages, participants } = readLatestMessages(rows.length, (from) => readRows(page, rows, from, peer, me));
  if (messages.length === 0) misses.push(facebookMisses.conversationMessages);
  context.person = peer.person;
  context.conversation = { threadKey: dmThreadKey(thread.threadId), participants, messages };
}

/** The chat list: every link to a thread outside the open thread, one row per thread. */
export function readChatList(page: PageScope): InboxRow[] {
  const region = threadRegion(page.doc);
  const grid = region?.querySelector(unsavedSelectors.threadGrid.selector) ?? null;
  const rows: InboxRow[] = [];
  const seen = new Set<string>();
  for (const link of all(page.doc, unsavedSelectors.threadLink.selector)) {
    if (grid?.contains(link) === true) continue;
    const thread = parseThreadUrl(page.hrefOf(link) ?? '', page.base);
    if (thread === undefined || seen.has(thread.threadId)) continue;
    seen.add(thread.threadId);
    const row = link.closest(unsavedSelectors.row.selector) ?? link;
    const texts = autoTexts(link);
    const avatar = imageAlt(link) ?? '';
    const name = texts[0] ?? (avatar !== '' ? avatar : (link.getAttribute('aria-label') ?? ''));
    const labels = all(row, '[aria-label]').map((element) => element.getAttribute('aria-label') ?? '');
    const hiddenTexts = all(row, SCREEN_READER_ONLY_SELECTOR).map((element) => element.textContent);
    rows.push({
      threadKey: dmThreadKey(thread.threadId),
      person: threadPerson(thread, collapseWhitespace(name)),
      excerpt: texts.slice(1).join(' '),
      unread: [...labels, ...hiddenTexts].some((label) => UNREAD_LABEL.test(label)),
    });
  }
  return rows;
}
