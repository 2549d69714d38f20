/**
 * The schema.org description a signed-out LinkedIn post page carries (`SocialMediaPosting`, earlier
 * `DiscussionForumPosting`): the post's author and text when its card is not in the DOM as known.
 */
import * as z from 'zod/mini';
import { all, parseJson } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import { entityRefFromUrl, isoFromDatetime, postRefFromHref, type PostRef } from './common';
import { linkedinSelectors as selectors } from '../linkedin.selectors';
import type { Person } from '../types';

const POSTING_TYPES = new Set(['SocialMediaPosting', 'DiscussionForumPosting']);

const posting = z.object({
  '@type': z.string(),
  '@id': z.optional(z.string()),
  url: z.optional(z.string()),
  datePublished: z.optional(z.string()),
  articleBody: z.optional(z.string()),
  text: z.optional(z.string()),
  author: z.object({ name: z.string(), url: z.optional(z.string()) }),
});

export interface DescribedPost {
  author: Person;
  text: string;
  at?: string;
}

function describesPost(node: z.infer<typeof posting>, post: PostRef): boolean {
  const address = node['@id'] ?? node.url;
  // A description that does not say which post it is belongs to the page's only post.
  return address === undefined || postRefFromHref(address)?.id === post.id;
}

export function postFromJsonLd(doc: Document, post: PostRef): DescribedPost | undefined {
  for (const script of all(doc, selectors.jsonLd.selector)) {
    const parsed = posting.safeParse(parseJson(script.textContent));
    if (!parsed.success || !POSTING_TYPES.has(parsed.data['@type']) || !describesPost(parsed.data, post)) continue;
    const ref = parsed.data.author.url === undefined ? undefined : entityRefFromUrl(parsed.data.author.url);
    const name = collapseWhitespace(parsed.data.author.name);
    if (ref === undefined || name === '') continue;
    const described: DescribedPost = {
      author: { ...ref, displayName: name },
      text: collapseWhitespace(parsed.data.articleBody ?? parsed.data.text ?? ''),
    };
    const at = isoFromDatetime(parsed.data.datePublished ?? null);
    if (at !== undefined) described.at = at;
    return described;
  }
  return undefined;
}
