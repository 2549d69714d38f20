/**
 * Times and ids Comet pages embed in their scripts: comment times, a story's creation time, the one
 * story id of a single-post page, and the post a comment id names.
 */
import { decodeBase64, isoFromUnixSeconds, unescapeJsonString, type PostRoute } from './common';
import type { PageScope } from './page';
import { parsePostUrl } from './urls';

/** The legacy numeric id of a comment id: `Y29tbWVudDo…` is base64 of `comment:<post id>_<comment id>`. */
export function legacyCommentId(id: string): string | undefined {
  if (/^\d+$/.test(id)) return id;
  const decoded = decodeBase64(id);
  return decoded === undefined ? undefined : /^comment:\d+_(\d+)$/.exec(decoded)?.[1];
}

/** The post a comment id belongs to. */
export function postIdOfComment(id: string): string | undefined {
  const decoded = decodeBase64(id);
  return decoded === undefined ? undefined : /^comment:(\d+)_\d+$/.exec(decoded)?.[1];
}

/** Comment times the page embeds (the timestamp action link: `{"id":"<comment id>","created_time":<unix>`). */
export function embeddedCommentTimes(page: PageScope): Map<string, string> {
  const times = new Map<string, string>();
  for (const match of page.scriptMatches('"created_time"', /\{"id":"([A-Za-z0-9+/=_-]+)","created_time":(\d{9,11})\b/g)) {
    const id = legacyCommentId(match[1] ?? '');
    const at = isoFromUnixSeconds(match[2]);
    if (id !== undefined && at !== undefined && !times.has(id)) times.set(id, at);
  }
  return times;
}

/** The creation time of the story whose permalink is `permalink` (`{"creation_time":<unix>,…,"url":"<permalink>"}`). */
export function embeddedStoryTime(page: PageScope, permalink: PostRoute): string | undefined {
  for (const match of page.scriptMatches('"creation_time"', /"creation_time":(\d{9,11}),[^{}]*?"url":"((?:[^"\\]|\\.)*)"/g)) {
    const url = unescapeJsonString(match[2] ?? '');
    const route = url === undefined ? undefined : parsePostUrl(url);
    if (route === undefined) continue;
    const same =
      (route.postId !== undefined && route.postId === permalink.postId) ||
      (route.token !== undefined && route.token === permalink.token);
    if (same) return isoFromUnixSeconds(match[1]);
  }
  return undefined;
}

/** The one story id a single-post page embeds (`"post_id":"<id>"`), if it names exactly one. */
export function embeddedPostId(page: PageScope): string | undefined {
  const ids = new Set<string>();
  for (const match of page.scriptMatches('"post_id"', /"post_id":"(\d+)"/g)) if (match[1] !== undefined) ids.add(match[1]);
  return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * Whether the page's embedded data is about the story with this token. Comet navigates in place: the
 * scripts (and the canonical link) stay those of the first page loaded, so they are trusted for a
 * post's id only when they name the post's own token.
 */
export function describesThisStory(page: PageScope, token: string | undefined): boolean {
  return token !== undefined && page.scripts().some((text) => text.includes(token));
}
