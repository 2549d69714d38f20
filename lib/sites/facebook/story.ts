/**
 * A story (post) as every markup generation reads it: its author, text, time, id and comments, and
 * which generation a page is.
 */
import { first } from '@/lib/sites/shared/dom-query';
import { type PostRoute } from './common';
import { facebookSelectors as selectors } from '../facebook.selectors';
import type { Person } from '../types';

export interface Comment {
  author: Person;
  text: string;
  at?: string;
}

export interface Story {
  author?: Person;
  text?: string;
  at?: string;
  /** Numeric story id. */
  postId?: string;
  /** pfbid token, where no numeric id is known. */
  token?: string;
  comments: Comment[];
  /** Whether the generation has a comments area and it was found. */
  commentsFound: boolean;
  /** Comments left out for want of an author. */
  commentsWithoutAuthor: number;
  /** Whether this generation carries comment times (classic, Comet). */
  commentTimesExpected: boolean;
}

export type Generation = 'classic' | 'mobile' | 'comet';

/** A story with nothing read yet. */
export function newStory(commentsFound: boolean, commentTimesExpected: boolean): Story {
  return { comments: [], commentsFound, commentsWithoutAuthor: 0, commentTimesExpected };
}

/** Reads each comment element into the story; those without an author are only counted. */
export function addComments(story: Story, elements: readonly Element[], read: (element: Element) => Comment | undefined): void {
  for (const element of elements) {
    const comment = read(element);
    if (comment === undefined) story.commentsWithoutAuthor += 1;
    else story.comments.push(comment);
  }
}

/** The story's id from its permalink: the numeric id, else the pfbid token. */
export function identifyByPermalink(story: Story, permalink: PostRoute | undefined): void {
  if (permalink?.postId !== undefined) story.postId = permalink.postId;
  else if (permalink?.token !== undefined) story.token = permalink.token;
}

/** Which markup generation the page is, from the first marker found (checked one by one: cheaper). */
export function generationOf(doc: Document): Generation | undefined {
  if (first(doc, selectors.mobileStory.selector) !== null) return 'mobile';
  // Classic feed units and UFI rows are articles too: the story wrapper decides first.
  if (first(doc, selectors.classicStory.selector) !== null || first(doc, selectors.classicFeedStory.selector) !== null) {
    return 'classic';
  }
  if (first(doc, selectors.article.selector) !== null || first(doc, selectors.cometMessage.selector) !== null) return 'comet';
  return undefined;
}
