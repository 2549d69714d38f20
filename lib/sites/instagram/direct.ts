/**
 * Direct messages: a thread (/direct/t/<id>/) with its participants and messages, and the inbox
 * (/direct/inbox/ and the other folders) as rows. No saved page: the markup is read by its
 * structure and the unsaved selectors (see the selector map), never by its localized words.
 */
import type { PageMessage } from '@/lib/model/page-context';
import { readLatestMessages } from '@/lib/sites/shared/conversation-cap';
import { all, follows } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace, isInsideHidden, visibleText } from '@/lib/sites/shared/dom-text';
import { commonAncestor, instagramMisses, isoTime, pageMessage, person, profileLinks } from './common';
import { findComposer } from './composer';
import { sameText } from './text';
import { dmThreadKey, profileRefFromHandle, routeOfHref, type InstagramProfileRef } from './urls';
import { instagramSelectors as selectors, instagramUnsavedSelectors as unsaved } from '../instagram.selectors';
import type { PageContext, Person } from '../types';

type InboxRow = NonNullable<PageContext['inbox']>[number];

interface AltTemplate {
  prefix: string;
  suffix: string;
}

/**
 * Profile photos are described by a localized template around the handle ("alice's profile picture",
 * "Foto do perfil de alice"). Learning it from a photo inside a link to a known profile lets the
 * handle be read back from other photos in any language.
 */
function learnPhotoAltTemplate(doc: Document, base: URL): AltTemplate | undefined {
  for (const { link, profile } of profileLinks(doc, base)) {
    for (const img of all(link, 'img[alt]')) {
      const alt = img.getAttribute('alt') ?? '';
      const at = alt.toLowerCase().indexOf(profile.handle);
      if (at >= 0 && alt !== profile.handle) {
        return { prefix: alt.slice(0, at), suffix: alt.slice(at + profile.handle.length) };
      }
    }
  }
  return undefined;
}

function handleFromPhoto(root: Element, template: AltTemplate | undefined): InstagramProfileRef | undefined {
  if (template === undefined) return undefined;
  for (const img of all(root, 'img[alt]')) {
    const alt = img.getAttribute('alt') ?? '';
    if (alt.length <= template.prefix.length + template.suffix.length) continue;
    if (!alt.startsWith(template.prefix) || !alt.endsWith(template.suffix)) continue;
    const profile = profileRefFromHandle(alt.slice(template.prefix.length, alt.length - template.suffix.length));
    if (profile !== undefined) return profile;
  }
  return undefined;
}

/** The person of a row: its first link to a profile, else a photo described by the learnt template. */
function profileInside(root: Element, base: URL, template: AltTemplate | undefined): InstagramProfileRef | undefined {
  for (const { profile } of profileLinks(root, base)) return profile;
  return handleFromPhoto(root, template);
}

/** Innermost bidi-marked texts of `root` (message texts, names, excerpts), skipping `skip` subtrees. */
function leafTexts(root: Element, skip: (element: Element) => boolean): string[] {
  return all(root, unsaved.dmMessageText.selector)
    .filter((element) => element.querySelector(unsaved.dmMessageText.selector) === null && !skip(element))
    .filter((element) => !isInsideHidden(element, root))
    .map((element) => visibleText(element))
    .filter((text) => text !== '');
}

/** The people the thread's header names (links to their profiles before the message list). */
function threadParticipants(pane: Element, grid: Element, base: URL, me: Person | undefined): Person[] {
  const found = new Map<string, Person>();
  for (const { link, profile } of profileLinks(pane, base)) {
    if (grid.contains(link) || !follows(link, grid) || profile.handle === me?.handle) continue;
    const name = visibleText(link);
    const known = found.get(profile.handle);
    if (known === undefined) found.set(profile.handle, person(profile, name));
    else if (known.displayName === known.handle && name !== '') known.displayName = name;
  }
  return [...found.values()];
}

/**
 * The thread's messages in page order. A row's sender is its photo link (others' messages), else its
 * label: a participant's name, or on one's own messages a label naming no participant ("You sent",
 * localized). Senders found only by their photo join `participants`.
 */
function readMessages(
  doc: Document,
  grid: Element,
  base: URL,
  headerParticipants: readonly Person[],
  me: Person | undefined,
): { messages: PageMessage[]; unattributed: boolean; participants: Person[] } {
  const template = learnPhotoAltTemplate(doc, base);
  const rows = all(grid, unsaved.dmMessageRow.selector).filter(
    (row) => row.querySelector(unsaved.dmMessageRow.selector) === null,
  );
  // Only the latest messages are read (shared/conversation-cap.ts): a long thread's early senders are not listed.
  return readLatestMessages(rows.length, (from) => readRows(rows.slice(from), base, template, [...headerParticipants], me));
}

function readRows(
  rows: readonly Element[],
  base: URL,
  template: AltTemplate | undefined,
  participants: Person[],
  me: Person | undefined,
): { messages: PageMessage[]; unattributed: boolean; participants: Person[] } {
  const byName = (label: string): Person | undefined =>
    participants.find((participant) => sameText(participant.displayName, label) || sameText(participant.handle, label));
  const byPhoto = (profile: InstagramProfileRef): Person => {
    if (profile.handle === me?.handle) return me;
    const known = participants.find((participant) => participant.handle === profile.handle);
    if (known !== undefined) return known;
    const joined = person(profile);
    participants.push(joined);
    return joined;
  };
  const messages: PageMessage[] = [];
  let unattributed = false;
  for (const row of rows) {
    const label = row.querySelector(unsaved.dmSenderLabel.selector);
    const labelText = visibleText(label);
    const photoProfile = profileInside(row, base, template);
    const text = leafTexts(row, (element) => label?.contains(element) === true).join(' ');
    // Rows with no sender (no label, no photo) are day separators and notices, not messages.
    if (text === '' || (labelText === '' && photoProfile === undefined)) continue;
    const author = photoProfile !== undefined ? byPhoto(photoProfile) : (byName(labelText) ?? me);
    if (author === undefined) {
      unattributed = true;
      continue;
    }
    messages.push(pageMessage(author, text, isoTime(row.querySelector(selectors.machineTime.selector)), me));
  }
  return { messages, unattributed, participants };
}

/** Fills `context` with the DM thread (and its one other participant as the page's person). */
export function readConversation(
  doc: Document,
  base: URL,
  threadId: string,
  me: Person | undefined,
  context: PageContext,
): void {
  const { misses } = context;
  const grid = doc.querySelector(unsaved.dmMessageList.selector);
  const composer = findComposer(doc);
  const pane = grid === null ? null : ((composer === null ? null : commonAncestor([grid, composer])) ?? grid.parentElement);
  const headerParticipants = grid === null || pane === null ? [] : threadParticipants(pane, grid, base, me);
  const { messages, unattributed, participants } =
    grid === null
      ? { messages: [], unattributed: false, participants: headerParticipants }
      : readMessages(doc, grid, base, headerParticipants, me);
  context.conversation = { threadKey: dmThreadKey(threadId), participants, messages };
  if (participants.length === 1) context.person = participants[0];
  if (participants.length === 0) misses.push(instagramMisses.conversationParticipants);
  if (unattributed) misses.push(instagramMisses.messageAuthor);
  if (messages.length === 0) misses.push(instagramMisses.conversationMessages);
}

/** Fills `context` with the inbox's threads, one row per thread. */
export function readInbox(doc: Document, base: URL, context: PageContext): void {
  const { misses } = context;
  const template = learnPhotoAltTemplate(doc, base);
  const rows: InboxRow[] = [];
  const seen = new Set<string>();
  let personMissing = false;
  for (const link of all(doc, unsaved.inboxThreadLink.selector)) {
    const route = routeOfHref(link.getAttribute('href'), base);
    if (route?.kind !== 'conversation' || seen.has(route.threadId)) continue;
    seen.add(route.threadId);
    const profile = profileInside(link, base, template);
    if (profile === undefined) {
      personMissing = true;
      continue;
    }
    const [name, ...rest] = leafTexts(link, (element) => element.closest('time, abbr') !== null);
    const excerpt = collapseWhitespace(rest.join(' ').replace(/^[\s·•]+|[\s·•]+$/g, ''));
    const row: InboxRow = {
      threadKey: dmThreadKey(route.threadId),
      person: person(profile, name),
      excerpt,
      unread: false,
    };
    const at = isoTime(link.querySelector(selectors.machineTime.selector));
    if (at !== undefined) row.at = at;
    rows.push(row);
  }
  context.inbox = rows;
  if (personMissing) misses.push(instagramMisses.inboxPerson);
  if (rows.length === 0) misses.push(instagramMisses.inboxRows);
  else misses.push(instagramMisses.inboxUnread);
}
