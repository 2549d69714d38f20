/**
 * LinkedIn messaging: a conversation (the full /messaging/thread/<id>/ page or an overlay bubble)
 * and the conversation list of /messaging/.
 *
 * Markup (2019–2025 Ember messaging, the same classes in the full page and the overlay bubble):
 * each message is a `.msg-s-event-listitem` carrying `data-event-urn`; the first message of a
 * group has the sender's meta (`/in/` link, `.msg-s-message-group__name`, a `<time>` with only the
 * wall-clock time), later ones have none and belong to the same sender. The URN names the mailbox
 * owner (the signed-in account) and the message id, which carries the send time in Unix ms.
 */
import { all, outermost, pathSegments } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace, isInsideHidden, visibleText } from '@/lib/sites/shared/dom-text';
import {
  canonicalThreadId,
  conversationThreadKey,
  entityRefFromLink,
  firstEntityLink,
  firstPhoto,
  identityKeys,
  isoFromDatetime,
  linkedinMisses,
  memberIdsOf,
  nameOnlyPerson,
  parseMessageEventUrn,
  sameText,
  type ProfileRef,
} from './common';
import { isSignedIn, type SignedIn } from './me';
import { linkedinSelectors as selectors, linkedinUnsavedPageSelectors as unsaved } from '../linkedin.selectors';
import type { PageContext, Person } from '../types';
import { firstKeptIndex } from '@/lib/sites/shared/conversation-cap';
import { memoizedReader } from '@/lib/sites/shared/item-memo';

type Conversation = NonNullable<PageContext['conversation']>;
type Message = Conversation['messages'][number];
type InboxRow = NonNullable<PageContext['inbox']>[number];

interface Author {
  person: Person;
  keys: ReadonlySet<string>;
}

// ---------------------------------------------------------------- which conversation

/** The conversation containers on the page: full-page threads first, overlay bubbles after. */
function conversationRoots(doc: Document): Element[] {
  const roots = outermost(all(doc, selectors.conversationRoot.selector));
  const isBubble = (root: Element): boolean => root.matches(selectors.messagingOverlay.selector);
  return [...roots.filter((root) => !isBubble(root)), ...roots.filter(isBubble)];
}

function messageItems(root: ParentNode): Element[] {
  return outermost(all(root, selectors.messageItem.selector));
}

function conversationIdOf(root: Element): string | undefined {
  for (const item of messageItems(root)) {
    const urn = item.getAttribute('data-event-urn') ?? item.querySelector('[data-event-urn]')?.getAttribute('data-event-urn');
    const conversationId = urn === null || urn === undefined ? undefined : parseMessageEventUrn(urn)?.conversationId;
    if (conversationId !== undefined) return conversationId;
  }
  return undefined;
}

/** The container of the conversation the URL names; else the full-page thread; else a bubble. */
function pickConversationRoot(doc: Document, threadId: string): Element | undefined {
  const roots = conversationRoots(doc);
  return roots.find((root) => conversationIdOf(root) === threadId) ?? roots[0];
}

// ---------------------------------------------------------------- participants

class People {
  private readonly byHandle = new Map<string, Person>();
  private readonly keysByHandle = new Map<string, Set<string>>();

  add(ref: ProfileRef, displayName: string, keys: Iterable<string>, headline?: string): Person {
    const known = this.byHandle.get(ref.handle);
    const person: Person = known ?? { ...ref, displayName: '' };
    if (person.displayName === '' && displayName !== '') person.displayName = displayName;
    if (person.headline === undefined && headline !== undefined && headline !== '') person.headline = headline;
    this.byHandle.set(ref.handle, person);
    const allKeys = this.keysByHandle.get(ref.handle) ?? new Set<string>();
    for (const key of keys) allKeys.add(key);
    this.keysByHandle.set(ref.handle, allKeys);
    return person;
  }

  get(handle: string): Person | undefined {
    return this.byHandle.get(handle);
  }

  keysOf(handle: string): ReadonlySet<string> {
    return this.keysByHandle.get(handle) ?? new Set();
  }

  list(): Person[] {
    return [...this.byHandle.values()];
  }
}

function linkKeys(ref: ProfileRef, link: Element): Set<string> {
  return identityKeys(ref.handle, memberIdsOf([link]));
}

/** The people named in the conversation's header and profile card. */
function headerPeople(root: Element, people: People): void {
  for (const link of all(root, selectors.conversationHeaderLink.selector)) {
    const ref = entityRefFromLink(link);
    if (ref !== undefined) people.add(ref, visibleText(link), linkKeys(ref, link));
  }
  for (const card of all(root, selectors.conversationProfileCard.selector)) {
    const found = firstEntityLink(card, selectors.messageBody.selector);
    if (found === undefined) continue;
    const title = visibleText(card.querySelector(selectors.entityLockupTitle.selector));
    const subtitle = visibleText(card.querySelector(selectors.entityLockupSubtitle.selector));
    people.add(found.ref, title, linkKeys(found.ref, found.link), subtitle);
  }
}

/** Photos: an image in the conversation whose alt or title is the person's name. */
function addPhotos(root: Element, persons: Person[]): void {
  const images = all(root, 'img');
  for (const person of persons) {
    if (person.avatarUrl !== undefined || person.displayName === '') continue;
    const named = images.filter(
      (img) => sameText(img.getAttribute('alt') ?? '', person.displayName) || sameText(img.getAttribute('title') ?? '', person.displayName),
    );
    const url = firstPhoto(named);
    if (url !== undefined) person.avatarUrl = url;
  }
}

// ---------------------------------------------------------------- messages

interface SenderFacts {
  ref: ProfileRef;
  name: string;
  keys: ReadonlySet<string>;
}

/** The sender a message item names (the first of a group does), kept between reads of a page view. */
const senderOf = memoizedReader((item: Element): SenderFacts | undefined => {
  const found = firstEntityLink(item, selectors.messageBody.selector);
  if (found === undefined) return undefined;
  const name =
    visibleText(item.querySelector(selectors.messageSenderName.selector)) ||
    collapseWhitespace(found.link.querySelector('img')?.getAttribute('title') ?? '') ||
    visibleText(found.link);
  const sameSender = all(item, 'a[href]').filter((link) => entityRefFromLink(link)?.handle === found.ref.handle);
  return { ref: found.ref, name, keys: identityKeys(found.ref.handle, memberIdsOf(sameSender)) };
});

function authorOf(item: Element, people: People): Author | undefined {
  const sender = senderOf(item);
  if (sender === undefined) return undefined;
  return { person: people.add(sender.ref, sender.name, sender.keys), keys: people.keysOf(sender.ref.handle) };
}

/** A message item's words and time, kept between reads of a page view. */
const bodyOf = memoizedReader((item: Element): { text: string; at: string | undefined } => ({
  text: messageText(item),
  at: messageTime(item),
}));

function messageText(item: Element): string {
  return all(item, selectors.messageBody.selector)
    .filter((body) => !isInsideHidden(body, item))
    .map((body) => visibleText(body))
    .filter((text) => text !== '')
    .join(' ');
}

function messageTime(item: Element): string | undefined {
  const machine = isoFromDatetime(item.querySelector('time[datetime]')?.getAttribute('datetime') ?? null);
  if (machine !== undefined) return machine;
  const urn = item.getAttribute('data-event-urn') ?? item.querySelector('[data-event-urn]')?.getAttribute('data-event-urn');
  return urn === null || urn === undefined ? undefined : parseMessageEventUrn(urn)?.sentAt;
}

interface ConversationRead {
  conversation: Conversation;
  /** The other party, when there is exactly one. */
  person?: Person;
}

export function readConversation(
  doc: Document,
  rawThreadId: string,
  me: SignedIn | undefined,
  misses: string[],
): ConversationRead {
  const threadId = canonicalThreadId(rawThreadId);
  const root = pickConversationRoot(doc, threadId);
  const people = new People();
  const messages: Message[] = [];
  if (root !== undefined) {
    headerPeople(root, people);
    const items = messageItems(root);
    const from = firstKeptIndex(items.length);
    let current: Author | undefined;
    // The first kept message may continue an earlier message's group, whose first item names the sender.
    for (const earlier of items.slice(0, from).reverse()) {
      current = authorOf(earlier, people);
      if (current !== undefined) break;
    }
    let authorMissing = false;
    for (const item of items.slice(from)) {
      current = authorOf(item, people) ?? current;
      if (current === undefined) {
        authorMissing = true;
        continue;
      }
      const body = bodyOf(item);
      const message: Message = {
        author: current.person,
        direction: isSignedIn(me, current.keys) ? 'out' : 'in',
        text: body.text,
      };
      if (body.at !== undefined) message.at = body.at;
      messages.push(message);
    }
    if (authorMissing) misses.push(linkedinMisses.messageAuthor);
    addPhotos(root, people.list());
  }
  const participants = people.list().filter((person) => !isSignedIn(me, people.keysOf(person.handle)));
  if (participants.length === 0) misses.push(linkedinMisses.participants);
  if (messages.length === 0) misses.push(linkedinMisses.messages);
  const read: ConversationRead = {
    conversation: { threadKey: conversationThreadKey(threadId), participants, messages },
  };
  const [only] = participants;
  if (participants.length === 1 && only !== undefined) read.person = only;
  return read;
}

// ---------------------------------------------------------------- the conversation list

function threadIdFromLink(link: Element): string | undefined {
  try {
    const url = new URL(link.getAttribute('href') ?? '', 'https://www.linkedin.com');
    const [first, second, id] = pathSegments(url);
    return first === 'messaging' && second === 'thread' && id !== undefined && id !== 'new'
      ? canonicalThreadId(id)
      : undefined;
  } catch {
    return undefined;
  }
}

function listRowPerson(item: Element, name: string): Person {
  const found = firstEntityLink(item, unsaved.conversationListSnippet.selector);
  const person: Person = found === undefined ? nameOnlyPerson(name) : { ...found.ref, displayName: name };
  const named = all(item, 'img').filter((img) => name !== '' && sameText(img.getAttribute('alt') ?? '', name));
  const avatarUrl = firstPhoto(named);
  if (avatarUrl !== undefined) person.avatarUrl = avatarUrl;
  return person;
}

function isUnreadRow(item: Element): boolean {
  if (item.matches(unsaved.conversationListUnread.selector)) return true;
  return all(item, unsaved.conversationListUnread.selector).some((marker) => !isInsideHidden(marker, item));
}

/**
 * The conversation list (/messaging/ and beside every thread). LinkedIn's rows name the people
 * but never link their profiles: a row's person is known by name only (handle '?', profileUrl '');
 * the thread itself gives the identities.
 */
export function readConversationList(doc: Document, activeThreadId: string | undefined, misses: string[]): InboxRow[] | undefined {
  const items = outermost(all(doc, unsaved.conversationListItem.selector));
  if (items.length === 0) return undefined;
  const rows: InboxRow[] = [];
  let linkMissing = false;
  for (const item of items) {
    const threadLink = all(item, 'a[href]').find((link) => threadIdFromLink(link) !== undefined);
    const active = item.matches(unsaved.conversationListActive.selector) || item.querySelector(unsaved.conversationListActive.selector) !== null;
    const threadId = threadLink === undefined ? (active ? activeThreadId : undefined) : threadIdFromLink(threadLink);
    if (threadId === undefined) {
      linkMissing = true;
      continue;
    }
    const name = visibleText(item.querySelector(unsaved.conversationListName.selector));
    const row: InboxRow = {
      threadKey: conversationThreadKey(threadId),
      person: listRowPerson(item, name),
      excerpt: visibleText(item.querySelector(unsaved.conversationListSnippet.selector)),
      unread: isUnreadRow(item),
    };
    const at = isoFromDatetime(item.querySelector('time[datetime]')?.getAttribute('datetime') ?? null);
    if (at !== undefined) row.at = at;
    rows.push(row);
  }
  if (linkMissing) misses.push(linkedinMisses.inboxThreadKey);
  return rows;
}
