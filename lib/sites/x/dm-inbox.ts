/**
 * The DM inbox (/i/chat and /messages): one row per one-to-one conversation, keyed as its page
 * keys itself (x:dm:<id>). X Chat rows carry their description and unread state; the React DM
 * inbox before it shows neither, and is read from its links and lines of text.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import {
  datetimeIn,
  inboxRow,
  personOf,
  photoUrl,
  profileOfLink,
  queryRoots,
  xchatOrLegacyRows,
  xMisses,
  type InboxRow,
} from './common';
import { isAtHandle, nameAndHandle, textBlocks } from './text';
import { dmConversationId, dmThreadKey, routeOfHref, xProfileRef, type XProfileRef } from './urls';
import { xSelectorsWithoutSavedPage as unsaved } from '../x.selectors';

/**
 * An X Chat inbox row's description: "Name, @handle, last message, time[, unread]". The message may
 * hold commas: it is everything between the handle and the time.
 */
function parseRowDescription(description: string): { name: string; handle?: XProfileRef; excerpt: string; unread: boolean } {
  const parts = description.split(', ').map((part) => part.trim());
  const handleIndex = parts.findIndex((part) => isAtHandle(part));
  const unread = parts.length > 0 && parts[parts.length - 1]?.toLowerCase() === 'unread';
  const end = parts.length - (unread ? 2 : 1);
  if (handleIndex < 0) return { name: parts[0] ?? '', excerpt: '', unread };
  const handle = xProfileRef(parts[handleIndex] ?? '');
  const result = {
    name: parts.slice(0, handleIndex).join(', '),
    excerpt: collapseWhitespace(parts.slice(handleIndex + 1, Math.max(handleIndex + 1, end)).join(', ')),
    unread,
  };
  return handle === undefined ? result : { ...result, handle };
}

const INBOX_ROW_PREFIX = /^dm-(?:conversation|message-request)-item-/;

function readXChatInboxRow(row: Element): InboxRow | undefined {
  const conversationId = dmConversationId((row.getAttribute('data-testid') ?? '').replace(INBOX_ROW_PREFIX, ''));
  if (conversationId === undefined) return undefined;
  const description =
    row.getAttribute('aria-description') ?? row.closest('[aria-description]')?.getAttribute('aria-description') ?? '';
  const parsed = parseRowDescription(description);
  const links = all(row, 'a[href]').map(profileOfLink);
  const ref = parsed.handle ?? links.find((link) => link !== undefined);
  // A group has no one person to file the row under.
  if (ref === undefined) return undefined;
  const name = parsed.name !== '' ? parsed.name : (textBlocks(row)[0] ?? '');
  const person = personOf(ref, name, photoUrl(row.querySelector('img')));
  const unread = parsed.unread || row.querySelector(unsaved.dmInboxUnread.selector) !== null;
  return inboxRow(dmThreadKey(conversationId), person, parsed.excerpt, unread, datetimeIn(row));
}

/** The React DM inbox before X Chat: a row links to /messages/<id>, its lines are name, @handle, time, message. */
function readLegacyDmInboxRow(row: Element): InboxRow | undefined {
  let conversationId: string | undefined;
  for (const link of all(row, 'a[href*="/messages/"]')) {
    const route = routeOfHref(link.getAttribute('href'));
    if (route.kind === 'dm-conversation') conversationId = route.conversationId;
  }
  const blocks = textBlocks(row);
  const { name, handle } = nameAndHandle(blocks.slice(0, 2));
  if (conversationId === undefined || handle === undefined) return undefined;
  const timeText = row.querySelector('time')?.textContent ?? '';
  const rest = blocks.slice(2).filter((block) => timeText === '' || !timeText.includes(block));
  const person = personOf(handle, name, photoUrl(row.querySelector('img')));
  return inboxRow(dmThreadKey(conversationId), person, rest[rest.length - 1] ?? '', false, datetimeIn(row));
}

export function readDmInbox(doc: Document, misses: string[]): InboxRow[] {
  const { rows: rowElements, xchat } = xchatOrLegacyRows(
    queryRoots(doc),
    unsaved.dmInboxRow.selector,
    unsaved.legacyDmInboxRow.selector,
  );
  const read = xchat ? readXChatInboxRow : readLegacyDmInboxRow;
  const rows: InboxRow[] = [];
  for (const element of rowElements) {
    const row = read(element);
    if (row === undefined) misses.push(xMisses.inboxRow);
    else rows.push(row);
  }
  if (rowElements.length === 0) misses.push(xMisses.inbox);
  else if (!xchat) misses.push(xMisses.inboxUnread);
  return rows;
}
