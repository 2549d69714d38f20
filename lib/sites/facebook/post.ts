/**
 * A post page (threadKey facebook:post:<id>): the story the URL names, in whichever markup
 * generation the page is, with its comments; its id from the URL, the story, or the canonical address.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { facebookMisses, type PostRoute } from './common';
import { classicPostRoot, readClassicStory } from './classic';
import { cometPostRoot, readCometStory } from './comet';
import { describesThisStory } from './embedded';
import { directionOf, type Me } from './me';
import { mobilePostRoot, readMobileStory } from './mobile';
import type { PageScope } from './page';
import { generationOf, type Story } from './story';
import { parsePostUrl, postThreadKey } from './urls';
import { facebookSelectors as selectors } from '../facebook.selectors';
import type { PageContext } from '../types';

/** The story a post page is about: the one whose id is the URL's, else the first. */
function readPostStory(page: PageScope, route: PostRoute): Story | undefined {
  const generation = generationOf(page.doc);
  if (generation === 'mobile') {
    const root = mobilePostRoot(page.doc, route);
    return root === undefined ? undefined : readMobileStory(page, root);
  }
  if (generation === 'classic') {
    const root = classicPostRoot(page.doc, route);
    return root === undefined ? undefined : readClassicStory(page, root);
  }
  if (generation === 'comet') {
    const root = cometPostRoot(page, route);
    return root === undefined ? undefined : readCometStory(page, root, true);
  }
  return undefined;
}

/** A numeric story id from the page's canonical address (the URL may carry only a pfbid token). */
function canonicalPostId(page: PageScope): string | undefined {
  for (const element of all(page.doc, selectors.canonical.selector)) {
    const href = element.getAttribute('href') ?? element.getAttribute('content') ?? '';
    const id = parsePostUrl(href, page.base)?.postId;
    if (id !== undefined) return id;
  }
  return undefined;
}

export function readPostPage(page: PageScope, route: PostRoute, me: Me | undefined, context: PageContext): void {
  const { misses } = context;
  context.kind = 'post';
  const story = readPostStory(page, route);
  // The URL's id first (what the person opened), then the story's own markup, then the canonical
  // address where the page's data is about this post (see describesThisStory).
  const canonical = route.token === undefined || describesThisStory(page, route.token) ? canonicalPostId(page) : undefined;
  const postId = route.postId ?? story?.postId ?? canonical;
  const key = postId ?? route.token ?? story?.token;
  if (postId === undefined) misses.push(facebookMisses.postId);
  // Without an author link, whose post it is still shows in the URL (the name does not).
  const author = story?.author ?? (route.owner === undefined ? undefined : page.person(route.owner, ''));
  if (story?.author === undefined) misses.push(facebookMisses.postAuthor);
  if (story?.text === undefined) misses.push(facebookMisses.postText);
  if (story?.at === undefined) misses.push(facebookMisses.postAt);
  if (story === undefined || !story.commentsFound) misses.push(facebookMisses.comments);
  if (story !== undefined && story.commentsWithoutAuthor > 0) misses.push(facebookMisses.commentAuthor);
  if (story?.commentTimesExpected === true && story.comments.some((comment) => comment.at === undefined)) {
    misses.push(facebookMisses.commentsAt);
  }
  if (author !== undefined) context.person = author;
  if (key === undefined || author === undefined) return;
  context.post = {
    threadKey: postThreadKey(key),
    author,
    text: story?.text ?? '',
    comments: (story?.comments ?? []).map((comment) => ({ ...comment, direction: directionOf(comment.author, me) })),
  };
  if (story?.at !== undefined) context.post.at = story.at;
}
