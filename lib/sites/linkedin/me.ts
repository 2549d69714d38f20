/**
 * The signed-in account, from what the page shows of it: the embedded `/voyager/api/me` response
 * and the nav's "Me" menu on whole pages, and on messaging markup the mailbox owner that every
 * message URN names (`urn:li:msg_message:(urn:li:fsd_profile:<owner>,…)`).
 */
import * as z from 'zod/mini';
import { all, parseJson } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import {
  CANONICAL_ORIGIN,
  identityKeys,
  memberIdsIn,
  memberPhotoUrl,
  parseMessageEventUrn,
  profileRefFromSlug,
  sharesKey,
} from './common';
import { linkedinSelectors as selectors } from '../linkedin.selectors';
import type { Person } from '../types';

export interface SignedIn {
  person: Person;
  /** Every key the page gives for this account (handle, member ids): see identityKeys. */
  keys: ReadonlySet<string>;
}

/** Whether the author with these identity keys is the signed-in account. */
export function isSignedIn(me: SignedIn | undefined, authorKeys: ReadonlySet<string>): boolean {
  return me !== undefined && sharesKey(me.keys, authorKeys);
}

const ME_REQUEST_PATH = '/voyager/api/me';

const embeddedResponseDescriptor = z.object({ request: z.string(), body: z.string() });

const vectorImage = z.object({
  rootUrl: z.string(),
  artifacts: z.array(z.object({ width: z.number(), fileIdentifyingUrlPathSegment: z.string() })),
});

const meResponse = z.object({
  data: z.object({ '*miniProfile': z.optional(z.string()) }),
  included: z.array(
    z.object({
      entityUrn: z.optional(z.string()),
      publicIdentifier: z.optional(z.string()),
      firstName: z.optional(z.string()),
      lastName: z.optional(z.string()),
      picture: z.catch(z.optional(vectorImage), undefined),
    }),
  ),
});
type MeResponse = z.infer<typeof meResponse>;

function isMeRequest(request: string): boolean {
  try {
    return new URL(request, CANONICAL_ORIGIN).pathname === ME_REQUEST_PATH;
  } catch {
    return false;
  }
}

/** The embedded `/voyager/api/me` response, if the page carries it. */
function embeddedMeResponse(doc: Document): MeResponse | undefined {
  for (const descriptorElement of all(doc, selectors.embeddedResponse.selector)) {
    const text = descriptorElement.textContent;
    if (!text.includes(ME_REQUEST_PATH)) continue;
    const descriptor = embeddedResponseDescriptor.safeParse(parseJson(text));
    if (!descriptor.success || !isMeRequest(descriptor.data.request)) continue;
    const body = doc.getElementById(descriptor.data.body)?.textContent ?? '';
    const response = meResponse.safeParse(parseJson(body));
    if (response.success) return response.data;
  }
  return undefined;
}

function largestPicture(picture: z.infer<typeof vectorImage> | undefined): string | undefined {
  const largest = picture?.artifacts.reduce<(typeof picture.artifacts)[number] | undefined>(
    (best, artifact) => (best === undefined || artifact.width > best.width ? artifact : best),
    undefined,
  );
  return picture === undefined || largest === undefined
    ? undefined
    : `${picture.rootUrl}${largest.fileIdentifyingUrlPathSegment}`;
}

function meFromEmbeddedData(doc: Document): SignedIn | undefined {
  const response = embeddedMeResponse(doc);
  if (response === undefined) return undefined;
  const urn = response.data['*miniProfile'];
  const profile =
    response.included.find((entity) => urn !== undefined && entity.entityUrn === urn) ??
    response.included.find((entity) => entity.publicIdentifier !== undefined);
  const ref = profile?.publicIdentifier === undefined ? undefined : profileRefFromSlug(profile.publicIdentifier);
  if (profile === undefined || ref === undefined) return undefined;
  const me: Person = { ...ref, displayName: collapseWhitespace(`${profile.firstName ?? ''} ${profile.lastName ?? ''}`) };
  const avatarUrl = largestPicture(profile.picture);
  if (avatarUrl !== undefined) me.avatarUrl = avatarUrl;
  const ids = [...memberIdsIn(urn ?? ''), ...memberIdsIn(profile.entityUrn ?? '')];
  return { person: me, keys: identityKeys(ref.handle, ids) };
}

/** The mailbox owner named by the messages' URNs (all messages of one page share it). */
function mailboxOwnerId(doc: Document): string | undefined {
  for (const item of all(doc, selectors.messageEventUrn.selector)) {
    const owner = parseMessageEventUrn(item.getAttribute('data-event-urn') ?? '')?.mailboxOwnerId;
    if (owner !== undefined && owner !== '') return owner;
  }
  return undefined;
}

function meFromMailboxOwner(owner: string | undefined): SignedIn | undefined {
  const ref = owner === undefined ? undefined : profileRefFromSlug(owner);
  if (owner === undefined || ref === undefined) return undefined;
  // The id form is the handle when nothing on the page gives the vanity slug (the design's rule).
  return { person: { ...ref, displayName: '' }, keys: identityKeys(ref.handle, [owner]) };
}

/**
 * The signed-in account: identity from the embedded API data, name and photo as the "Me" menu shows
 * them; where only messaging markup is on the page, the mailbox owner of its messages (known by
 * member id only: no name).
 */
export function readSignedIn(doc: Document): SignedIn | undefined {
  const fromData = meFromEmbeddedData(doc);
  const owner = mailboxOwnerId(doc);
  if (fromData === undefined) return meFromMailboxOwner(owner);
  const me = fromData.person;
  const keys = new Set(fromData.keys);
  if (owner !== undefined) keys.add(`id:${owner.toLowerCase()}`);
  const menuPhoto = doc.querySelector(selectors.meMenuPhoto.selector);
  if (menuPhoto !== null) {
    const shownName = collapseWhitespace(menuPhoto.getAttribute('alt') ?? '');
    if (shownName !== '') me.displayName = shownName;
    const shownPhoto = memberPhotoUrl(menuPhoto);
    if (shownPhoto !== undefined) me.avatarUrl = shownPhoto;
  }
  return { person: me, keys };
}
