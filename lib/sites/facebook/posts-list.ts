/**
 * A Page's (or person's) posts list, read as an inbox: one row per story of whichever markup
 * generation the page is, plus the classic "Posts by others" box; whose list it is from the URL.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import { facebookMisses, type InboxRow } from './common';
import { classicStoryRoots, classicTimeOf, readClassicStory } from './classic';
import { readCometStory, topLevelArticles } from './comet';
import { mobileStoryRoots, readMobileStory } from './mobile';
import type { PageScope } from './page';
import { generationOf, type Story } from './story';
import { shownText } from './text';
import { postThreadKey, type FacebookRoute } from './urls';
import { facebookSelectors as selectors } from '../facebook.selectors';
import type { PageContext, Person } from '../types';

function postRow(key: string, person: Person, excerpt: string, at: string | undefined): InboxRow {
  const row: InboxRow = { threadKey: postThreadKey(key), person, excerpt, unread: false };
  if (at !== undefined) row.at = at;
  return row;
}

function storyRow(story: Story): InboxRow | undefined {
  const key = story.postId ?? story.token;
  if (key === undefined || story.author === undefined) return undefined;
  return postRow(key, story.author, story.text ?? '', story.at);
}

/** A visitor post of the classic "Posts by others" box: author, permalink, time, then the text block. */
function visitorPostRow(page: PageScope, item: Element): InboxRow | 'no-author' | undefined {
  const time = item.querySelector(selectors.classicTime.selector);
  const permalink = page.postOf(time?.closest('a'));
  const key = permalink?.postId ?? permalink?.token;
  if (time === null || key === undefined) return undefined;
  const links = all(item, 'a[href]');
  const named = links.find((link) => shownText(link) !== '' && page.profileOf(link) !== undefined);
  const author = page.personFromLink(named);
  if (author === undefined) return 'no-author';
  // The header block holds the avatar, name and time; the text block follows it.
  let header: Element | null = time;
  while (header !== null && header !== item && !header.contains(links[0] ?? time)) header = header.parentElement;
  while (header !== null && header !== item && header.nextElementSibling === null) header = header.parentElement;
  const excerpt = header === null || header === item ? '' : shownText(header.nextElementSibling);
  return postRow(key, author, excerpt, classicTimeOf(time));
}

function nameFromTitle(doc: Document): string | undefined {
  const og = doc.querySelector(selectors.ogTitle.selector)?.getAttribute('content') ?? '';
  const title = collapseWhitespace(og !== '' ? og : doc.title);
  const name = title.replace(/\s*\|\s*Facebook$/i, '').split(' - ')[0]?.trim() ?? '';
  return name === '' ? undefined : name;
}

function readStories(page: PageScope): Story[] {
  switch (generationOf(page.doc)) {
    case 'classic':
      return classicStoryRoots(page.doc).map((root) => readClassicStory(page, root));
    case 'mobile':
      return mobileStoryRoots(page.doc).map((root) => readMobileStory(page, root));
    case 'comet':
      return topLevelArticles(page.doc).map((root) => readCometStory(page, root, false));
    case undefined:
      return [];
  }
}

export function readPostsList(page: PageScope, route: FacebookRoute & { kind: 'posts' }, context: PageContext): void {
  const { misses } = context;
  context.kind = 'inbox';
  const stories = readStories(page);
  const rows: InboxRow[] = [];
  let withoutAuthor = 0;
  for (const story of stories) {
    const row = storyRow(story);
    if (row === undefined) withoutAuthor += 1;
    else rows.push(row);
  }
  for (const item of all(page.doc, selectors.classicVisitorPost.selector)) {
    const row = visitorPostRow(page, item);
    if (row === 'no-author') withoutAuthor += 1;
    else if (row !== undefined) rows.push(row);
  }
  const seen = new Set<string>();
  context.inbox = rows.filter((row) => !seen.has(row.threadKey) && seen.add(row.threadKey));
  if (rows.length === 0) misses.push(facebookMisses.inbox);
  if (withoutAuthor > 0) misses.push(facebookMisses.inboxAuthor);
  // Whose list it is: the URL says; the name is the one its own stories show, else the page title.
  const ownStory = stories.find((story) => story.author?.handle === route.owner.handle);
  const name = ownStory?.author?.displayName ?? nameFromTitle(page.doc) ?? '';
  if (name === '') misses.push(facebookMisses.profileName);
  context.person = page.person(route.owner, name);
}
