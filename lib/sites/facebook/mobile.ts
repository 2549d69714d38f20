/**
 * m.facebook.com stories (2021): `data-sigil` hooks, the story's `data-store` JSON (ids, publish
 * time), and comments named by the element before their body or, signed out, by the avatar ring.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { firstOutside, isoFromUnixSeconds, ownedBy, type PostRoute } from './common';
import type { PageScope } from './page';
import { profileRefFromId } from './urls';
import { addComments, newStory, type Comment, type Story } from './story';
import { shownText } from './text';
import { facebookSelectors as selectors } from '../facebook.selectors';

/** A mobile comment: the name is the element just before the body, a link when signed in. */
function mobileComment(page: PageScope, comment: Element): Comment | undefined {
  const own = (element: Element): boolean => ownedBy(element, comment, selectors.mobileComment.selector);
  const body = all(comment, selectors.mobileCommentBody.selector).find(own);
  const nameElement = body?.previousElementSibling ?? null;
  const name = shownText(nameElement);
  const linked = page.personFromLink(nameElement?.querySelector('a[href]'), name);
  if (linked !== undefined) return { author: linked, text: shownText(body) };
  // Signed out: no link, but the avatar ring's sigil ends with the commenter's numeric id.
  const ring = all(comment, selectors.mobileActorRing.selector).find(own)?.getAttribute('data-sigil') ?? '';
  const id = /^feed_story_ring(\d+)$/.exec(ring.trim())?.[1];
  if (id === undefined || body === undefined) return undefined;
  return { author: page.person(profileRefFromId(id), name), text: shownText(body) };
}

function mobileStoryData(root: Element): string {
  return root.querySelector(selectors.mobileStoryData.selector)?.getAttribute('data-store') ?? '';
}

export function readMobileStory(page: PageScope, root: Element): Story {
  const inComments = selectors.mobileComments.selector;
  const story = newStory(root.querySelector(inComments) !== null, false);
  const author = page.personFromLink(firstOutside(root, selectors.mobileActorLink.selector, inComments));
  if (author !== undefined) story.author = author;
  const text = firstOutside(root, selectors.mobileText.selector, inComments);
  if (text !== undefined) story.text = shownText(text);
  const data = mobileStoryData(root);
  const postId = /top_level_post_id\.(\d+)/.exec(data)?.[1] ?? /mf_story_key\.(\d+)/.exec(data)?.[1];
  if (postId !== undefined) story.postId = postId;
  const at = isoFromUnixSeconds(/publish_time\\?"?:(\d{9,11})/.exec(data)?.[1]);
  if (at !== undefined) story.at = at;
  addComments(story, all(root, selectors.mobileComment.selector), (element) => mobileComment(page, element));
  return story;
}

export function mobileStoryRoots(doc: Document): Element[] {
  return all(doc, selectors.mobileStory.selector);
}

/** The story a mobile post page is about: the one whose data names the URL's id, else the first. */
export function mobilePostRoot(doc: Document, route: PostRoute): Element | undefined {
  const roots = mobileStoryRoots(doc);
  const wanted = route.postId;
  return (
    roots.find((candidate) => wanted !== undefined && mobileStoryData(candidate).includes(`top_level_post_id.${wanted}`)) ??
    roots[0]
  );
}
