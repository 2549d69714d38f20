/**
 * A DM conversation (/i/chat/<id>, /messages/<id>, threadKey x:dm:<id>), in X Chat (rendered into a
 * shadow root) or on the React DM page before it: the other party named in the header, and who said
 * what, from each row's side of the screen or its sender's avatar.
 */
import { readLatestMessages } from '@/lib/sites/shared/conversation-cap';
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import {
  datetimeIn,
  directionOf,
  firstIn,
  nameOnly,
  personOf,
  photoUrl,
  profileOfLink,
  queryRoots,
  setAt,
  xchatOrLegacyRows,
  xMisses,
  type Conversation,
  type Message,
  type Root,
} from './common';
import { inlineText, textBlocks } from './text';
import { dmThreadKey, type XProfileRef } from './urls';
import { xSelectors as selectors, xSelectorsWithoutSavedPage as unsaved } from '../x.selectors';
import type { Person } from '../types';

/** X Chat lays a message out at the end of the row when you sent it, at the start when they did. */
function sideOf(row: Element): 'in' | 'out' | undefined {
  let element: Element | null = row;
  for (let depth = 0; element !== null && depth < 3; depth += 1, element = element.parentElement) {
    if (element.matches(unsaved.dmSentSide.selector)) return 'out';
    if (element.matches(unsaved.dmReceivedSide.selector)) return 'in';
  }
  const inner = row.querySelector(`${unsaved.dmSentSide.selector}, ${unsaved.dmReceivedSide.selector}`);
  if (inner === null) return undefined;
  return inner.matches(unsaved.dmSentSide.selector) ? 'out' : 'in';
}

/**
 * Who sent a message, from its avatar link: a photo, no words, outside the message itself (links in
 * the words are mentions; a shared post in the message carries its own author's photo).
 */
function senderOf(row: Element): XProfileRef | undefined {
  const message = row.querySelector(unsaved.dmMessageText.selector);
  const cards = all(row, 'article, div[role="link"], [data-testid="tweetText"]');
  for (const link of all(row, 'a[href]')) {
    if (link.querySelector('img') === null || inlineText(link) !== '') continue;
    if ((message?.contains(link) ?? false) || cards.some((card) => card.contains(link))) continue;
    const ref = profileOfLink(link);
    if (ref !== undefined) return ref;
  }
  return undefined;
}

function messageText(row: Element): string {
  const text = row.querySelector(unsaved.dmMessageText.selector);
  if (text !== null) {
    // The words only, not the time X Chat sets beside them.
    return inlineText(text.querySelector('span[dir="auto"]') ?? text);
  }
  return inlineText(row.querySelector(`${selectors.postText.selector}, [data-testid="tweetText"], div[dir="auto"]`));
}

function readDmHeader(roots: readonly Root[]): Person | undefined {
  const header = firstIn(roots, unsaved.dmHeader.selector);
  const links = header === undefined ? [] : all(header, 'a[href]');
  const ref = links.map(profileOfLink).find((link) => link !== undefined);
  if (ref === undefined) return undefined;
  const nameElement = firstIn(roots, unsaved.dmHeaderName.selector);
  const name = nameElement !== undefined ? inlineText(nameElement) : header === undefined ? '' : (textBlocks(header)[0] ?? '');
  return personOf(ref, name, photoUrl(header?.querySelector('img')));
}

interface RowsRead {
  messages: Message[];
  /** The other party of a one-to-one conversation; in a group, the senders known by their avatar. */
  participants: Map<string, Person>;
  unknownSide: boolean;
  unknownAuthor: boolean;
}

function readRows(rows: readonly Element[], other: Person | undefined, me: Person | undefined): RowsRead {
  const read: RowsRead = { messages: [], participants: new Map(), unknownSide: false, unknownAuthor: false };
  const { participants } = read;
  if (other !== undefined) participants.set(other.handle, other);
  for (const row of rows) {
    const sender = senderOf(row);
    let side = sideOf(row);
    if (side === undefined && sender !== undefined) side = directionOf(sender, me);
    if (side === undefined) {
      // Unknown side: counted as theirs, so a conversation never looks answered when it may not be.
      read.unknownSide = true;
      side = 'in';
    }
    let author: Person | undefined;
    if (side === 'out') author = me;
    else if (sender !== undefined && sender.handle !== me?.handle) author = participants.get(sender.handle) ?? personOf(sender, '');
    else if (other !== undefined && participants.size === 1) author = other;
    if (author === undefined) {
      read.unknownAuthor = true;
      // The sender's name is in a label for screen readers, read here although it is not shown.
      const label = side === 'out' ? '' : (row.querySelector(unsaved.dmSenderLabel.selector)?.textContent ?? '');
      author = nameOnly(collapseWhitespace(label));
    } else if (side === 'in' && !participants.has(author.handle)) {
      participants.set(author.handle, author);
    }
    const message: Message = { author, direction: side, text: messageText(row) };
    setAt(message, datetimeIn(row));
    read.messages.push(message);
  }
  return read;
}

/** The conversation, and whom the page is about: the other party named in the header (a group has none). */
export function readDmConversation(
  doc: Document,
  conversationId: string,
  me: Person | undefined,
  misses: string[],
): { conversation: Conversation; person?: Person } {
  const roots = queryRoots(doc);
  const other = readDmHeader(roots);
  if (firstIn(roots, unsaved.dmConversationPanel.selector) === undefined) misses.push(xMisses.conversation);
  const { rows } = xchatOrLegacyRows(roots, unsaved.dmMessageRow.selector, unsaved.legacyDmMessage.selector);
  // Only the latest messages are read (shared/conversation-cap.ts): a long thread's early senders are not listed.
  const { messages, participants, unknownSide, unknownAuthor } = readLatestMessages(rows.length, (from) =>
    readRows(rows.slice(from), other, me),
  );
  if (participants.size === 0) misses.push(xMisses.participants);
  if (unknownSide) misses.push(xMisses.direction);
  if (unknownAuthor) misses.push(xMisses.messageAuthor);
  const conversation = { threadKey: dmThreadKey(conversationId), participants: [...participants.values()], messages };
  return other === undefined ? { conversation } : { conversation, person: other };
}
