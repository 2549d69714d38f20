/**
 * LinkedIn posts: a post page with its comments (/feed/update/urn:li:activity:<id>/), lists of posts
 * (the feed, a member's activity, content search), notifications, and people search results.
 *
 * Posts are `[data-urn="urn:li:activity:<id>"]` (2019–2025; `data-id` on newer wrappers), their
 * author the actor block (`.feed-shared-actor` 2019–2022, `.update-components-actor` 2022 on),
 * their text the commentary. Comments are units carrying their URN
 * (`urn:li:comment:(activity:<post>,<comment>)`) in `data-id` or in the id of the 2025 wrappers;
 * a reply is a unit nested in its parent's. Times are relative ("8h") on the page; the ids carry
 * the machine time (see timeFromActivityId).
 */
import { all, outermost } from '@/lib/sites/shared/dom-query';
import { memoizedReader } from '@/lib/sites/shared/item-memo';
import { collapseWhitespace, isInsideHidden, visibleText } from '@/lib/sites/shared/dom-text';
import {
  entityRefFromLink,
  firstEntityLink,
  firstPhoto,
  identityKeys,
  isMemberHandle,
  isoFromDatetime,
  linkedinMisses,
  memberIdsOf,
  parseCommentUrn,
  parsePostUrn,
  postRefFromHref,
  postThreadKey,
  timeFromActivityId,
  UNKNOWN_HANDLE,
  type CommentRef,
  type PostRef,
  type ProfileRef,
} from './common';
import { isSignedIn, type SignedIn } from './me';
import { postFromJsonLd, type DescribedPost } from './public-post';
import { linkedinSelectors as selectors, linkedinUnsavedPageSelectors as unsaved } from '../linkedin.selectors';
import type { PageContext, Person } from '../types';

type Post = NonNullable<PageContext['post']>;
type Comment = Post['comments'][number];
type InboxRow = NonNullable<PageContext['inbox']>[number];

interface Author {
  person: Person;
  keys: ReadonlySet<string>;
}

/** Carriers of member ids (links, hovercards) among `elements`. */
function idCarriers(root: Element, keep: (element: Element) => boolean): Element[] {
  return all(root, '[href], [data-entity-hovercard-id]').filter(keep);
}

// ---------------------------------------------------------------- posts

interface FeedUpdate {
  element: Element;
  post: PostRef;
}

function postRefOf(element: Element): PostRef | undefined {
  const urn = element.getAttribute('data-urn') ?? element.getAttribute('data-id') ?? element.getAttribute('data-activity-urn');
  return parsePostUrn(urn ?? '');
}

/** The share a public post page's card shows (`data-attributed-urn`): its /posts/…-share-<id> URL names it. */
function sharedPostId(element: Element): string | undefined {
  return parsePostUrn(element.getAttribute('data-attributed-urn') ?? '')?.id;
}

/** The posts on the page, one per post (a reshared post inside another is part of it). */
function feedUpdates(doc: Document): FeedUpdate[] {
  const updates: FeedUpdate[] = [];
  for (const element of outermost(all(doc, selectors.feedUpdate.selector))) {
    const post = postRefOf(element);
    if (post !== undefined) updates.push({ element, post });
  }
  return updates;
}

/** Whether `element` belongs to the post itself, not to a reshared post or a comment inside it. */
function ownPart(update: Element, element: Element): boolean {
  for (const zone of [selectors.resharedUpdate.selector, selectors.commentItem.selector]) {
    const inside = element.closest(zone);
    if (inside !== null && update.contains(inside)) return false;
  }
  return true;
}

function firstOwn(update: Element, selector: string): Element | undefined {
  return all(update, selector).find((element) => ownPart(update, element) && !isInsideHidden(element, update));
}

function readActor(update: Element): Author | undefined {
  const actor = firstOwn(update, selectors.postActor.selector);
  const found = actor === undefined ? undefined : firstEntityLink(actor);
  if (actor === undefined || found === undefined) return undefined;
  const nameElement = actor.querySelector(selectors.postActorName.selector);
  const name =
    visibleText(nameElement) ||
    collapseWhitespace(actor.querySelector('img[alt]')?.getAttribute('alt') ?? '') ||
    visibleText(found.link);
  const person: Person = { ...found.ref, displayName: name };
  if (isMemberHandle(found.ref.handle)) {
    const headline = visibleText(actor.querySelector(selectors.postActorDescription.selector));
    if (headline !== '') person.headline = headline;
  }
  const avatarUrl = firstPhoto(all(actor, 'img'));
  if (avatarUrl !== undefined) person.avatarUrl = avatarUrl;
  return { person, keys: identityKeys(found.ref.handle, memberIdsOf(idCarriers(actor, () => true))) };
}

function commentaryText(update: Element): string {
  return visibleText(firstOwn(update, selectors.postCommentary.selector));
}

function postTime(update: Element | undefined, post: PostRef): string | undefined {
  const shown = update === undefined ? undefined : firstOwn(update, 'time[datetime]');
  return isoFromDatetime(shown?.getAttribute('datetime') ?? null) ?? (post.type === 'activity' ? timeFromActivityId(post.id) : undefined);
}

// ---------------------------------------------------------------- comments

function commentRefOf(unit: Element): CommentRef | undefined {
  const own = parseCommentUrn(`${unit.getAttribute('data-id') ?? ''} ${unit.id}`);
  if (own !== undefined) return own;
  // The public post page names the comment only on its report menu (a reply's menu sits in the reply).
  const carrier = all(unit, selectors.commentUrnCarrier.selector).find(
    (element) => element.parentElement?.closest(selectors.commentItem.selector) === unit,
  );
  return carrier === undefined ? undefined : parseCommentUrn(carrier.getAttribute('data-semaphore-content-urn') ?? '');
}

/** Comment units in DOM order (replies right after their parent); a wrapper and its article are one. */
function commentUnits(root: ParentNode): Element[] {
  const units = all(root, selectors.commentItem.selector);
  return units.filter((unit) => {
    const ref = commentRefOf(unit);
    if (ref === undefined) return true;
    return !units.some((other) => other !== unit && unit.contains(other) && commentRefOf(other)?.commentId === ref.commentId);
  });
}

/** The first piece of text a person sees in `element` (a name before the badges and headline after it). */
function firstTextLine(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || isInsideHidden(parent, element)) continue;
    const text = collapseWhitespace(node.nodeValue ?? '');
    if (text !== '') return text;
  }
  return '';
}

/**
 * A comment's text where no element marks it (the 2025 wrappers): what the unit shows once its
 * replies, its author's links and its buttons are set aside.
 */
function textOutside(unit: Element, authorLinks: readonly Element[]): string {
  const copy = unit.cloneNode(true) as Element;
  const originals = all(unit, '*');
  const copies = all(copy, '*');
  const drop = new Set<Element>(authorLinks);
  for (const nested of all(unit, selectors.commentItem.selector)) drop.add(nested);
  for (const control of all(unit, 'button, time')) drop.add(control);
  originals.forEach((element, index) => {
    if (drop.has(element)) copies[index]?.remove();
  });
  return visibleText(copy);
}

function readComment(unit: Element, me: SignedIn | undefined): Comment | undefined {
  const textZone = selectors.commentText.selector;
  const own = (element: Element): boolean =>
    element.closest(selectors.commentItem.selector) === unit && element.closest(textZone)?.closest(selectors.commentItem.selector) !== unit;
  const links = all(unit, 'a[href]').filter(own);
  let ref: ProfileRef | undefined;
  for (const link of links) {
    ref = entityRefFromLink(link);
    if (ref !== undefined) break;
  }
  if (ref === undefined) return undefined;
  const handle = ref.handle;
  const authorLinks = links.filter((link) => entityRefFromLink(link)?.handle === handle);
  const name =
    visibleText(all(unit, selectors.commentAuthorName.selector).find(own)) ||
    authorLinks.map(firstTextLine).find((text) => text !== '') ||
    '';
  const author: Person = { ...ref, displayName: name };
  const headline = visibleText(all(unit, selectors.commentAuthorHeadline.selector).find(own));
  if (headline !== '') author.headline = headline;
  const avatarUrl = firstPhoto(authorLinks.flatMap((link) => all(link, 'img')));
  if (avatarUrl !== undefined) author.avatarUrl = avatarUrl;
  const keys = identityKeys(handle, memberIdsOf(idCarriers(unit, own)));
  const textElement = all(unit, textZone).find((element) => element.closest(selectors.commentItem.selector) === unit);
  const comment: Comment = {
    author,
    direction: isSignedIn(me, keys) ? 'out' : 'in',
    text: textElement === undefined ? textOutside(unit, authorLinks) : visibleText(textElement),
  };
  const shown = all(unit, 'time[datetime]').find(own);
  const commentId = commentRefOf(unit)?.commentId;
  const at = isoFromDatetime(shown?.getAttribute('datetime') ?? null) ?? (commentId === undefined ? undefined : timeFromActivityId(commentId));
  if (at !== undefined) comment.at = at;
  return comment;
}

// ---------------------------------------------------------------- the post page

export interface PostRead {
  post: Post;
  person?: Person;
}

/** The schema needs an author; a page without the post body (a comments fragment) has none. */
const UNKNOWN_AUTHOR: Person = { handle: UNKNOWN_HANDLE, profileUrl: '', displayName: '' };

export function readPostPage(doc: Document, urlPost: PostRef, me: SignedIn | undefined, misses: string[]): PostRead {
  let postRef = urlPost;
  const updates = feedUpdates(doc);
  const sameShare = updates.find((update) => sharedPostId(update.element) === postRef.id);
  const container =
    updates.find((update) => update.post.id === postRef.id)?.element ??
    sameShare?.element ??
    (postRef.type === 'activity' ? undefined : updates[0]?.element);
  // A /posts/…-share-<id> URL and the signed-in /feed/update/ page of the same post share one key: the activity's.
  if (sameShare !== undefined) postRef = sameShare.post;
  if (container === undefined) {
    // No card in the DOM (a generation not known yet): the page's schema.org data still names the post.
    const described = postFromJsonLd(doc, postRef);
    if (described !== undefined) return readDescribedPost(doc, postRef, described, me, misses);
  }
  const author = container === undefined ? undefined : readActor(container);
  if (author === undefined) misses.push(linkedinMisses.postAuthor);
  if (container === undefined) misses.push(linkedinMisses.postText);

  const units = commentUnits(doc).filter((unit) => {
    const ref = commentRefOf(unit);
    if (container?.contains(unit) === true) return true;
    return ref === undefined ? container === undefined : ref.activityId === postRef.id;
  });
  const comments: Comment[] = [];
  let commentAuthorMissing = false;
  for (const unit of units) {
    const comment = readComment(unit, me);
    if (comment === undefined) commentAuthorMissing = true;
    else comments.push(comment);
  }
  if (commentAuthorMissing) misses.push(linkedinMisses.commentAuthor);
  if (units.length === 0 && doc.querySelector(selectors.commentsList.selector) === null) misses.push(linkedinMisses.comments);

  const post: Post = {
    threadKey: postThreadKey(postRef),
    author: author?.person ?? { ...UNKNOWN_AUTHOR },
    text: container === undefined ? '' : commentaryText(container),
    comments,
  };
  const at = postTime(container, postRef);
  if (at !== undefined) post.at = at;
  return author === undefined ? { post } : { post, person: author.person };
}

// ---------------------------------------------------------------- lists of posts

/**
 * A list of posts (the feed, a member's activity, content search) as inbox rows: one per post,
 * keyed as the post's own page keys it, its author as the person and its text as the excerpt.
 * Posts have no unread state.
 */
/** A post known only from its schema.org data: author and text; comments there carry no identity. */
function readDescribedPost(doc: Document, postRef: PostRef, described: DescribedPost, me: SignedIn | undefined, misses: string[]): PostRead {
  const units = commentUnits(doc);
  const comments = units.map((unit) => readComment(unit, me)).filter((comment): comment is Comment => comment !== undefined);
  if (units.length === 0) misses.push(linkedinMisses.comments);
  const post: Post = { threadKey: postThreadKey(postRef), author: described.author, text: described.text, comments };
  const at = described.at ?? (postRef.type === 'activity' ? timeFromActivityId(postRef.id) : undefined);
  if (at !== undefined) post.at = at;
  return { post, person: described.author };
}

/** One post's row, or why it has none; kept between reads of a page view (shared/item-memo.ts). */
const feedRowOf = memoizedReader((element: Element): InboxRow | 'no-post' | 'no-author' => {
  const post = postRefOf(element);
  if (post === undefined) return 'no-post';
  const author = readActor(element);
  if (author === undefined) return 'no-author';
  const row: InboxRow = { threadKey: postThreadKey(post), person: author.person, excerpt: commentaryText(element), unread: false };
  const at = postTime(element, post);
  if (at !== undefined) row.at = at;
  return row;
});

export function readFeed(doc: Document, misses: string[]): InboxRow[] {
  const rows: InboxRow[] = [];
  let posts = 0;
  let authorMissing = false;
  for (const element of outermost(all(doc, selectors.feedUpdate.selector))) {
    const row = feedRowOf(element);
    if (row === 'no-post') continue;
    posts += 1;
    if (row === 'no-author') authorMissing = true;
    else rows.push(row);
  }
  if (posts === 0) misses.push(linkedinMisses.inbox);
  if (authorMissing) misses.push(linkedinMisses.inboxPerson);
  return rows;
}

/** The name of the member whose activity this is, as the feed's "<name> likes this" lines link it. */
export function activityOwnerName(doc: Document, profile: ProfileRef): string | undefined {
  for (const header of all(doc, selectors.feedHeader.selector)) {
    for (const link of all(header, 'a[href]')) {
      if (entityRefFromLink(link)?.handle !== profile.handle) continue;
      const name = visibleText(link);
      if (name !== '') return name;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- notifications

function notificationActor(card: Element): { link: Element; ref: ProfileRef } | undefined {
  const marked = card.querySelector(unsaved.notificationActor.selector);
  const ref = marked === null ? undefined : entityRefFromLink(marked);
  if (marked !== null && ref !== undefined) return { link: marked, ref };
  return firstEntityLink(card);
}

/**
 * Notifications as inbox rows, for those that lead to a post (comments, mentions, reactions,
 * posts by people one follows): keyed as that post's page keys it, the actor as the person,
 * the notification's sentence as the excerpt. Others (profile views, jobs…) lead to no thread.
 */
export function readNotifications(doc: Document, misses: string[]): InboxRow[] {
  const cards = outermost(all(doc, unsaved.notificationCard.selector));
  if (cards.length === 0) misses.push(linkedinMisses.inbox);
  const rows: InboxRow[] = [];
  let actorMissing = false;
  for (const card of cards) {
    const headline = card.querySelector(unsaved.notificationHeadline.selector);
    const target = headline?.closest('a[href]') ?? headline?.querySelector('a[href]') ?? null;
    const post = target === null ? undefined : postRefFromHref(target.getAttribute('href') ?? '');
    if (headline === null || post === undefined) continue;
    const actor = notificationActor(card);
    if (actor === undefined) {
      actorMissing = true;
      continue;
    }
    const name =
      visibleText(headline.querySelector('strong')) ||
      collapseWhitespace(actor.link.querySelector('img[alt]')?.getAttribute('alt') ?? '');
    const person: Person = { ...actor.ref, displayName: name };
    const avatarUrl = firstPhoto(all(actor.link, 'img'));
    if (avatarUrl !== undefined) person.avatarUrl = avatarUrl;
    const row: InboxRow = {
      threadKey: postThreadKey(post),
      person,
      excerpt: visibleText(headline),
      unread: card.matches(unsaved.notificationUnread.selector),
    };
    const at = isoFromDatetime(card.querySelector('time[datetime]')?.getAttribute('datetime') ?? null);
    if (at !== undefined) row.at = at;
    rows.push(row);
  }
  if (actorMissing) misses.push(linkedinMisses.inboxPerson);
  return rows;
}

// ---------------------------------------------------------------- people search

export interface PeopleSearchResult {
  /** As shown: "LinkedIn Member" for people outside one's network, who have no profile link. */
  displayName: string;
  headline?: string;
  /** The member, for results that link a profile. */
  person?: Person;
}

/**
 * People search results (not part of PageContext: a result is neither a conversation nor a post,
 * so the page reads as 'other'; the panel may use this to mark known contacts in the list).
 */
export function readPeopleSearch(doc: Document): PeopleSearchResult[] {
  return outermost(all(doc, selectors.searchResult.selector)).map((result) => {
    const displayName = all(result, 'a[href]').map((link) => visibleText(link)).find((text) => text !== '') ?? '';
    const row: PeopleSearchResult = { displayName };
    const headline = visibleText(result.querySelector(selectors.searchResultHeadline.selector));
    if (headline !== '') row.headline = headline;
    const found = firstEntityLink(result);
    if (found !== undefined && isMemberHandle(found.ref.handle)) {
      const person: Person = { ...found.ref, displayName };
      if (headline !== '') person.headline = headline;
      const avatarUrl = firstPhoto(all(result, 'img'));
      if (avatarUrl !== undefined) person.avatarUrl = avatarUrl;
      row.person = person;
    }
    return row;
  });
}
