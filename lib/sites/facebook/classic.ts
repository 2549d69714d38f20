/**
 * Classic www.facebook.com stories (2016–2019): `.userContentWrapper` or feed-unit roots, the `h5`
 * actor link, `abbr[data-utime]` times, the comment form's story id and the UFI comment list.
 */
import { all, first } from '@/lib/sites/shared/dom-query';
import { firstOutside, isoFromUnixSeconds, ownedBy, type PostRoute } from './common';
import type { PageScope } from './page';
import { addComments, identifyByPermalink, newStory, type Comment, type Story } from './story';
import { shownText } from './text';
import { facebookSelectors as selectors } from '../facebook.selectors';

const CLASSIC_COMMENTS_AREA = selectors.classicComments.selector;

/** The time an `abbr[data-utime]` (or any element carrying one) shows. */
export function classicTimeOf(time: Element | null | undefined): string | undefined {
  return isoFromUnixSeconds(time?.getAttribute('data-utime'));
}

function classicComment(page: PageScope, comment: Element): Comment | undefined {
  const own = (element: Element): boolean => ownedBy(element, comment, selectors.classicComment.selector);
  const actor = all(comment, selectors.classicCommentActor.selector).find(own);
  const author = page.personFromLink(actor);
  if (author === undefined || actor === undefined) return undefined;
  const body = all(comment, selectors.classicCommentBody.selector).find(own);
  const text = shownText(body, { skip: (element) => element === actor });
  const at = classicTimeOf(all(comment, selectors.classicTime.selector).find(own));
  return at === undefined ? { author, text } : { author, text, at };
}

export function readClassicStory(page: PageScope, root: Element): Story {
  const actor = firstOutside(root, selectors.classicActorLink.selector, CLASSIC_COMMENTS_AREA);
  const text = firstOutside(root, selectors.classicText.selector, CLASSIC_COMMENTS_AREA);
  const time = firstOutside(root, selectors.classicTime.selector, CLASSIC_COMMENTS_AREA);
  const story = newStory(first(root, CLASSIC_COMMENTS_AREA) !== null, true);
  const author = page.personFromLink(actor);
  if (author !== undefined) story.author = author;
  if (text !== undefined) story.text = shownText(text);
  const at = classicTimeOf(time);
  if (at !== undefined) story.at = at;
  // The comment form's story id is the story's own (a photo story's timestamp links to the photo).
  const formId = root.querySelector(selectors.classicStoryId.selector)?.getAttribute('value')?.trim() ?? '';
  if (/^\d+$/.test(formId)) story.postId = formId;
  else identifyByPermalink(story, page.postOf(time?.closest('a')));
  addComments(story, all(root, selectors.classicComment.selector), (element) => classicComment(page, element));
  return story;
}

/** The page's stories, outermost only (a shared story's wrapper holds the original's). */
export function classicStoryRoots(doc: Document): Element[] {
  const wrappers = all(doc, selectors.classicStory.selector);
  const roots = wrappers.length > 0 ? wrappers : all(doc, selectors.classicFeedStory.selector);
  return roots.filter((root) => root.parentElement?.closest(selectors.classicStory.selector) === null);
}

/** The story a classic post page is about: the one whose comment form names the URL's id, else the first. */
export function classicPostRoot(doc: Document, route: PostRoute): Element | undefined {
  const roots = classicStoryRoots(doc);
  return (
    roots.find(
      (candidate) =>
        route.postId !== undefined &&
        candidate.querySelector(selectors.classicStoryId.selector)?.getAttribute('value') === route.postId,
    ) ?? roots[0]
  );
}
