/**
 * The signed-in account: the `CurrentUserInitialData` Comet, Messenger and classic pages embed
 * (with the username from the account's own embedded profile URL), else the classic blue bar's
 * link to the account's profile.
 */
import * as z from 'zod/mini';
import { parseJson } from '@/lib/sites/shared/dom-query';
import { imageAlt, unescapeJsonString } from './common';
import type { PageScope } from './page';
import { FACEBOOK_ORIGIN, parseProfileUrl, profileRefFromId, type ProfileRef } from './urls';
import { facebookUnsavedPageSelectors as unsavedSelectors } from '../facebook.selectors';
import type { Person } from '../types';

export interface Me {
  person: Person;
  /** Every handle the account is known by on this page (username and numeric id). */
  handles: Set<string>;
}

const currentUserData = z.object({
  USER_ID: z.string(),
  NAME: z.catch(z.optional(z.string()), undefined),
  SHORT_NAME: z.catch(z.optional(z.nullable(z.string())), undefined),
});

/** `["CurrentUserInitialData",[],{"USER_ID":"…","NAME":"…",…},…]`, in Comet, Messenger and classic pages. */
function currentUser(page: PageScope): z.infer<typeof currentUserData> | undefined {
  for (const match of page.scriptMatches('CurrentUserInitialData', /"CurrentUserInitialData",\[\],(\{[^{}]*\})/g)) {
    const data = currentUserData.safeParse(parseJson(match[1] ?? ''));
    if (data.success && /^\d+$/.test(data.data.USER_ID) && data.data.USER_ID !== '0') return data.data;
  }
  return undefined;
}

/** The account's username, from an embedded object `{"id":"<id>",…,"url":"https://www.facebook.com/<username>"}`. */
function usernameOf(page: PageScope, id: string): ProfileRef | undefined {
  const pattern = new RegExp(`"id":"${id}"[^{}]*?"(?:url|profile_url)":"((?:[^"\\\\]|\\\\.)*)"`, 'g');
  for (const match of page.scriptMatches(`"id":"${id}"`, pattern)) {
    const url = unescapeJsonString(match[1] ?? '');
    const ref = url === undefined ? undefined : parseProfileUrl(url);
    if (ref !== undefined) return ref;
  }
  return undefined;
}

export function readMe(page: PageScope): Me | undefined {
  const user = currentUser(page);
  if (user !== undefined) {
    const ref = usernameOf(page, user.USER_ID) ?? profileRefFromId(user.USER_ID);
    return {
      person: page.person(ref, user.NAME ?? user.SHORT_NAME ?? ''),
      handles: new Set([ref.handle, user.USER_ID]),
    };
  }
  // Classic blue bar: the link to the account's own profile, named by its short name.
  const link = page.doc.querySelector(unsavedSelectors.classicAccountLink.selector);
  const person = page.personFromLink(link);
  if (person === undefined || link === null) return undefined;
  const photoName = imageAlt(link);
  if (person.displayName === '' && photoName !== undefined) person.displayName = photoName;
  return { person, handles: new Set([person.handle]) };
}

/** 'out' for what the signed-in account wrote. */
export function directionOf(author: Person, me: Me | undefined): 'in' | 'out' {
  return me?.handles.has(author.handle) === true ? 'out' : 'in';
}

/** The signed-in account where the page does not say who it is. */
export function meFallback(): Person {
  // facebook.com/me/ is the site's own address of the signed-in account.
  return { handle: 'me', profileUrl: `${FACEBOOK_ORIGIN}/me/`, displayName: '' };
}
