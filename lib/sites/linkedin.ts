/**
 * The LinkedIn adapter. Which page it is comes from the URL (routeLinkedInPage); what it shows
 * from the DOM, read by one module per kind of page:
 * - profile (/in/<slug>/): here, from the top card; a Sales Navigator lead
 *   (/sales/lead/…) is a profile when it links the member's /in/ profile
 *   (linkedin/sales-navigator.ts), else 'other';
 * - conversation (/messaging/thread/<id>/, threadKey linkedin:thread:<conversation id>) and the
 *   conversation list of /messaging/ as an inbox (linkedin/messaging.ts);
 * - post (/feed/update/urn:li:activity:<id>/, threadKey linkedin:post:<activity id>) with its
 *   comments; lists of posts (feed, a member's activity, content search) and notifications as
 *   inboxes whose rows are keyed as the posts' own pages key them (linkedin/feed.ts);
 * - people search is 'other' (its results are neither conversations nor posts); the results that
 *   link a member are its `inbox` rows, keyed `linkedin:profile:<handle>` like a tracked profile, so
 *   the list can carry row badges (readPeopleSearch reads every result, linked or not).
 * The signed-in account comes from linkedin/me.ts; shared URL, id and DOM helpers from
 * linkedin/common.ts; every selector from linkedin.selectors.ts. Site-independent query and URL
 * helpers come from shared/dom-query.ts, the never-throwing `read` from shared/safe-adapter.ts.
 */
import * as z from 'zod/mini';
import { all, follows, parseJson, pathSegments } from './shared/dom-query';
import { collapseWhitespace, isInsideHidden, visibleText } from './shared/dom-text';
import { insertTextIntoEditor } from './shared/insert-text';
import {
  canonicalThreadId,
  documentUrl,
  firstPhoto,
  linkedinMisses,
  matchesLinkedIn,
  parseProfileUrl,
  postRefFromPath,
  routeLinkedInUrl,
  sameText,
  type PostRef,
  type ProfileRef,
} from './linkedin/common';
import { activityOwnerName, readFeed, readNotifications, readPeopleSearch, readPostPage } from './linkedin/feed';
import { readSignedIn } from './linkedin/me';
import { readConversation, readConversationList } from './linkedin/messaging';
import { readSalesLead } from './linkedin/sales-navigator';
import { linkedinSelectors as selectors } from './linkedin.selectors';
import { composerSafely, readSafely } from './shared/safe-adapter';
import type { PageContext, Person, SiteAdapter } from './types';

export { safeDecodeURIComponent } from './shared/dom-query';
export {
  canonicalThreadId,
  entityRefFromUrl,
  linkedinMisses,
  matchesLinkedIn,
  parseProfileUrl,
  postRefFromHref,
  profileRefFromSlug,
  routeLinkedInUrl,
  timeFromActivityId,
  UNKNOWN_HANDLE,
  type LinkedInRoute,
  type PostRef,
  type ProfileRef,
} from './linkedin/common';
export { readPeopleSearch, type PeopleSearchResult } from './linkedin/feed';

// ---------------------------------------------------------------- which page

/** Every kind of LinkedIn page this adapter reads, from the URL alone. */
export type LinkedInPage =
  | { kind: 'profile'; profile: ProfileRef }
  /** A page under a profile that is not the profile itself nor its activity (details lists…). */
  | { kind: 'profile-subpage'; profile: ProfileRef }
  /** A member's activity: their posts, comments and reactions as a feed of posts. */
  | { kind: 'activity'; profile: ProfileRef }
  | { kind: 'thread'; threadId: string }
  /** The messaging page without a thread (its conversation list). */
  | { kind: 'messaging' }
  | { kind: 'post'; post: PostRef }
  /** A list of posts: the home feed, hashtag feeds, content search. */
  | { kind: 'feed' }
  | { kind: 'notifications' }
  | { kind: 'people-search' }
  | { kind: 'sales-lead'; leadId: string }
  | { kind: 'other' };

function isActivityPath(rest: readonly string[]): boolean {
  return rest[0] === 'recent-activity' || (rest[0] === 'detail' && rest[1] === 'recent-activity');
}

export function routeLinkedInPage(url: URL): LinkedInPage {
  const segments = pathSegments(url);
  const lower = segments.map((segment) => segment.toLowerCase());
  switch (lower[0]) {
    case 'in': {
      const route = routeLinkedInUrl(url);
      if (route.kind === 'profile-subpage' && isActivityPath(lower.slice(2))) return { kind: 'activity', profile: route.profile };
      return route;
    }
    case 'messaging': {
      const id = segments[2];
      if (lower[1] === 'thread' && id !== undefined && lower[2] !== 'new') {
        const threadId = canonicalThreadId(id);
        if (threadId !== '') return { kind: 'thread', threadId };
      }
      return lower[1] === undefined || lower[1] === 'thread' ? { kind: 'messaging' } : { kind: 'other' };
    }
    case 'feed':
    case 'posts': {
      if (lower[0] === 'feed' && lower[1] !== 'update') return { kind: 'feed' };
      const post = postRefFromPath(url);
      return post === undefined ? { kind: 'other' } : { kind: 'post', post };
    }
    case 'notifications':
      return { kind: 'notifications' };
    case 'search':
      if (lower[1] === 'results' && lower[2] === 'people') return { kind: 'people-search' };
      if (lower[1] === 'results' && lower[2] === 'content') return { kind: 'feed' };
      return { kind: 'other' };
    case 'sales': {
      const leadId = lower[1] === 'lead' ? segments[2]?.split(',')[0]?.trim() : undefined;
      return leadId === undefined || leadId === '' ? { kind: 'other' } : { kind: 'sales-lead', leadId };
    }
    default:
      return { kind: 'other' };
  }
}

// ---------------------------------------------------------------- the profile's top card

/** Messaging markup that can sit over a profile (overlay bubbles, the overlay list). */
const MESSAGING_MARKUP = `${selectors.messagingOverlay.selector}, ${selectors.conversationRoot.selector}`;

interface TopCardName {
  text: string;
  heading: Element;
  card: Element;
  /** Found by the known top-card hooks, not by structure alone. */
  recognised: boolean;
}

function headingIn(
  doc: Document,
  selector: string,
  cardOf: (heading: Element) => Element | null,
): Omit<TopCardName, 'recognised'> | undefined {
  for (const heading of all(doc, selector)) {
    // A messaging bubble open over the profile has headings of its own: never the profile's.
    if (heading.closest(MESSAGING_MARKUP) !== null) continue;
    const card = cardOf(heading);
    if (card === null || isInsideHidden(heading)) continue;
    const text = visibleText(heading);
    if (text !== '') return { text, heading, card };
  }
  return undefined;
}

/** The top card around its name: the known section, else (a saved fragment of the 2020 card) the name list's parent. */
function topCardOf(name: Element): Element | null {
  return name.closest(selectors.topCard.selector) ?? name.closest(selectors.topCardNameList.selector)?.parentElement ?? null;
}

function findTopCardName(doc: Document): TopCardName | undefined {
  const known = headingIn(doc, selectors.topCardName.selector, topCardOf);
  if (known !== undefined) return { ...known, recognised: true };
  const structural =
    headingIn(doc, selectors.firstSectionHeading.selector, (h) => h.closest('section')) ??
    headingIn(doc, selectors.mainHeading.selector, (h) => h.closest('section') ?? h.closest('main'));
  return structural === undefined ? undefined : { ...structural, recognised: false };
}

function findHeadline(name: TopCardName): string | undefined {
  const doc = name.card.ownerDocument;
  const candidates = [
    ...all(doc, selectors.topCardHeadline.selector),
    ...all(name.card, selectors.headlineLine.selector),
  ];
  for (const line of candidates) {
    if (!name.card.contains(line) || name.heading.contains(line) || !follows(name.heading, line)) continue;
    if (isInsideHidden(line, name.card)) continue;
    const text = visibleText(line);
    if (text !== '') return text;
  }
  return undefined;
}

function findAvatar(name: TopCardName): string | undefined {
  const photos = all(name.card, selectors.topCardPhoto.selector);
  const named = all(name.card, 'img').filter(
    (img) => sameText(img.getAttribute('alt') ?? '', name.text) || sameText(img.getAttribute('title') ?? '', name.text),
  );
  return firstPhoto([...photos, ...named]);
}

// ---------------------------------------------------------------- name from page metadata

const jsonLdPerson = z.object({
  '@type': z.union([z.string(), z.array(z.string())]),
  name: z.string(),
  url: z.optional(z.string()),
});

function jsonLdNodes(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (typeof value !== 'object' || value === null) return [];
  const graph = (value as Record<string, unknown>)['@graph'];
  return Array.isArray(graph) ? [value, ...(graph as unknown[])] : [value];
}

function isPersonAbout(person: z.infer<typeof jsonLdPerson>, profile: ProfileRef): boolean {
  const types = Array.isArray(person['@type']) ? person['@type'] : [person['@type']];
  if (!types.includes('Person')) return false;
  return person.url === undefined || parseProfileUrl(person.url)?.handle === profile.handle;
}

function nameFromJsonLd(doc: Document, profile: ProfileRef): string | undefined {
  for (const script of all(doc, selectors.jsonLd.selector)) {
    for (const node of jsonLdNodes(parseJson(script.textContent))) {
      const person = jsonLdPerson.safeParse(node);
      if (person.success && isPersonAbout(person.data, profile)) {
        const name = collapseWhitespace(person.data.name);
        if (name !== '') return name;
      }
    }
  }
  return undefined;
}

function nameFromProfileMeta(doc: Document): string | undefined {
  const parts = all(doc, selectors.profileNameMeta.selector).map((meta) => meta.getAttribute('content') ?? '');
  const name = collapseWhitespace(parts.join(' '));
  return name === '' ? undefined : name;
}

/** "(3) Ada Lovelace | LinkedIn" or "Ada Lovelace - Analyst - Engines | LinkedIn" → "Ada Lovelace". */
function nameFromTitle(title: string): string | undefined {
  const match = /^(?:\(\d+\+?\)\s*)?(.+?)\s+\|\s+LinkedIn$/.exec(collapseWhitespace(title));
  const name = match?.[1]?.split(' - ')[0]?.trim();
  return name === undefined || name === '' ? undefined : name;
}

function nameFromMetadata(doc: Document, profile: ProfileRef): string | undefined {
  const ogTitle = doc.querySelector(selectors.ogTitle.selector)?.getAttribute('content') ?? '';
  return (
    nameFromJsonLd(doc, profile) ?? nameFromProfileMeta(doc) ?? nameFromTitle(ogTitle) ?? nameFromTitle(doc.title)
  );
}

// ---------------------------------------------------------------- the person a profile is about

function readProfilePerson(doc: Document, profile: ProfileRef, misses: string[]): Person {
  const person: Person = { ...profile, displayName: '' };
  const name = findTopCardName(doc);
  if (name === undefined || !name.recognised) misses.push(linkedinMisses.topCard);
  if (name === undefined) {
    person.displayName = nameFromMetadata(doc, profile) ?? '';
    if (person.displayName === '') misses.push(linkedinMisses.name);
    misses.push(linkedinMisses.headline, linkedinMisses.avatar);
    return person;
  }
  person.displayName = name.text;
  const headline = findHeadline(name);
  if (headline === undefined) misses.push(linkedinMisses.headline);
  else person.headline = headline;
  const avatarUrl = findAvatar(name);
  if (avatarUrl === undefined) misses.push(linkedinMisses.avatar);
  else person.avatarUrl = avatarUrl;
  return person;
}

// ---------------------------------------------------------------- people search

/** The results that link a member (out-of-network "LinkedIn Member" rows link nobody and are left out). */
function peopleRows(doc: Document): NonNullable<PageContext['inbox']> {
  return readPeopleSearch(doc).flatMap((result) =>
    result.person === undefined
      ? []
      : [{ threadKey: `linkedin:profile:${result.person.handle}`, person: result.person, excerpt: result.headline ?? '', unread: false }],
  );
}

// ---------------------------------------------------------------- the page

function readPageKind(doc: Document, page: LinkedInPage, context: PageContext, me: ReturnType<typeof readSignedIn>): void {
  const misses = context.misses;
  switch (page.kind) {
    case 'profile':
      context.kind = 'profile';
      context.person = readProfilePerson(doc, page.profile, misses);
      return;
    case 'profile-subpage':
      misses.push(linkedinMisses.pageKind);
      // Whose sub-page it is comes from the URL; the name is not read on these pages yet.
      context.person = { ...page.profile, displayName: '' };
      misses.push(linkedinMisses.name);
      return;
    case 'activity': {
      context.kind = 'inbox';
      const name = activityOwnerName(doc, page.profile);
      context.person = { ...page.profile, displayName: name ?? '' };
      if (name === undefined) misses.push(linkedinMisses.name);
      context.inbox = readFeed(doc, misses);
      return;
    }
    case 'thread': {
      context.kind = 'conversation';
      const read = readConversation(doc, page.threadId, me, misses);
      context.conversation = read.conversation;
      if (read.person !== undefined) context.person = read.person;
      // The list beside the thread is a bonus here: rows it cannot key are not this page's gap.
      const list = readConversationList(doc, page.threadId, []);
      if (list !== undefined) context.inbox = list;
      return;
    }
    case 'messaging': {
      context.kind = 'inbox';
      const list = readConversationList(doc, undefined, misses);
      if (list === undefined) misses.push(linkedinMisses.inbox);
      context.inbox = list ?? [];
      return;
    }
    case 'post': {
      context.kind = 'post';
      const read = readPostPage(doc, page.post, me, misses);
      context.post = read.post;
      if (read.person !== undefined) context.person = read.person;
      return;
    }
    case 'feed':
      context.kind = 'inbox';
      context.inbox = readFeed(doc, misses);
      return;
    case 'notifications':
      context.kind = 'inbox';
      context.inbox = readNotifications(doc, misses);
      return;
    case 'sales-lead': {
      const lead = readSalesLead(doc, misses);
      if (lead !== undefined) {
        context.kind = 'profile';
        context.person = lead;
      }
      return;
    }
    case 'people-search':
      // Not a conversation page ('other'), but its people are listed as rows, keyed as a tracked
      // profile is, so that the rows can show what we know of each (stage, a running clock).
      misses.push(linkedinMisses.pageKind);
      context.inbox = peopleRows(doc);
      return;
    case 'other':
      misses.push(linkedinMisses.pageKind);
      return;
  }
}

function readPage(doc: Document, url: URL): PageContext {
  const context: PageContext = { site: 'linkedin', kind: 'other', misses: [] };
  const me = readSignedIn(doc);
  readPageKind(doc, routeLinkedInPage(url), context, me);
  if (me === undefined) context.misses.push(linkedinMisses.me);
  else {
    context.me = me.person;
    if (me.person.displayName === '') context.misses.push(linkedinMisses.meName);
  }
  return context;
}

// ---------------------------------------------------------------- where a reply is typed

function visibleEditors(doc: Document, selector: string): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(selector)).filter((editor) => !isInsideHidden(editor));
}

function pageOfDocument(doc: Document): LinkedInPage {
  const url = documentUrl(doc);
  return url !== undefined && matchesLinkedIn(url) ? routeLinkedInPage(url) : { kind: 'other' };
}

function partition(editors: HTMLElement[], first: (editor: HTMLElement) => boolean): HTMLElement[] {
  return [...editors.filter(first), ...editors.filter((editor) => !first(editor))];
}

/**
 * The editor that has the focus; else, on a thread page, the thread's message box (the page's
 * own before an overlay bubble's); on a post page, the post's comment box before reply boxes;
 * elsewhere the first message or comment box.
 */
function findComposer(doc: Document): HTMLElement | null {
  const messages = visibleEditors(doc, selectors.messageComposer.selector);
  const comments = visibleEditors(doc, selectors.commentComposer.selector);
  const page = pageOfDocument(doc);
  let editors: HTMLElement[];
  if (page.kind === 'thread') {
    editors = [...partition(messages, (editor) => editor.closest(selectors.messagingOverlay.selector) === null), ...comments];
  } else if (page.kind === 'post') {
    editors = [...partition(comments, (editor) => editor.closest(selectors.commentItem.selector) === null), ...messages];
  } else {
    editors = [...messages, ...comments];
  }
  const active = doc.activeElement;
  const focused = active === null ? undefined : editors.find((editor) => editor.contains(active));
  return focused ?? editors[0] ?? null;
}

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  matches: matchesLinkedIn,
  read: readSafely('linkedin', readPage),
  composer: composerSafely(findComposer),
  insertText: insertTextIntoEditor,
};
