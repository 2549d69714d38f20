/**
 * How to open a private conversation with a person on each site, and whether we can at all.
 * URL forms, from the sites' own documentation where there is one:
 * - X: https://x.com/messages/compose?recipient_id=<numeric user id>&text=<prefill> (X's Message
 *   button docs); the compose link needs the numeric id, a handle does not work there. Without
 *   the id the profile's Message button is the way in.
 * - Facebook: https://m.me/<username> (Meta's m.me links); a numeric profile id opens
 *   https://www.facebook.com/messages/t/<id>. Neither carries text (only a `ref` for bots).
 * - Instagram: https://ig.me/m/<username> (Meta's ig.me links; no text either). Meta says these
 *   links are not supported on Instagram Web itself, where they may land on the profile.
 * - LinkedIn: https://www.linkedin.com/messaging/compose/?recipient=<profile slug> for a
 *   connection; a member who is not a connection can only get a connection request with a note,
 *   sent from the profile's Connect button.
 */
import type { Site } from '@/lib/model';

export type PrivateAlternative = 'connection-request' | 'public-ask';

export interface PrivateChannel {
  /** Where the private conversation opens; null when the site will not let us write to this person. */
  url: string | null;
  /** Whether `url` itself carries the prefilled message (otherwise the composer is filled after it opens). */
  prefillSupported: boolean;
  /** What to do when a private message is not possible (or, with `canMessage` unknown, turns out not to be). */
  alternative: PrivateAlternative | null;
  /** Where the alternative is carried out (the profile with the Connect button), when it has a place. */
  alternativeUrl: string | null;
}

export interface PrivateChannelContext {
  /** Whether the site lets us message this person: connected on LinkedIn, open DMs on X. */
  canMessage?: boolean | 'unknown';
  /** The person's numeric user id where the page gave it (X needs it for a compose link). */
  recipientId?: string;
  /** The message to carry in the URL where the site supports that. */
  prefill?: string;
}

const NUMERIC_ID = /^\d{1,20}$/;
/** Usernames m.me and ig.me accept: letters, digits, dots and underscores (Facebook usernames have no dashes). */
const USERNAME = /^[A-Za-z0-9._]{1,50}$/;
/** A LinkedIn member's slug (organisation handles carry their kind: 'company/acme'). */
const MEMBER_SLUG = /^[^/?#\s]{1,100}$/;
const UNKNOWN_HANDLE = '?';

function channel(url: string | null, prefillSupported: boolean, alternative: PrivateAlternative | null, alternativeUrl: string | null = null): PrivateChannel {
  return { url, prefillSupported, alternative, alternativeUrl };
}

const publicAsk = (): PrivateChannel => channel(null, false, 'public-ask');

function xChannel(person: { profileUrl: string }, context: PrivateChannelContext): PrivateChannel {
  const fallback = context.canMessage === true ? null : 'public-ask';
  const recipientId = context.recipientId;
  if (recipientId !== undefined && NUMERIC_ID.test(recipientId)) {
    const url = new URL('https://x.com/messages/compose');
    url.searchParams.set('recipient_id', recipientId);
    if (context.prefill !== undefined && context.prefill !== '') url.searchParams.set('text', context.prefill);
    return channel(url.toString(), true, fallback);
  }
  return channel(person.profileUrl === '' ? null : person.profileUrl, false, person.profileUrl === '' ? 'public-ask' : fallback);
}

function facebookChannel(handle: string, canMessage: PrivateChannelContext['canMessage']): PrivateChannel {
  const fallback = canMessage === true ? null : 'public-ask';
  if (NUMERIC_ID.test(handle)) return channel(`https://www.facebook.com/messages/t/${handle}`, false, fallback);
  if (USERNAME.test(handle)) return channel(`https://m.me/${encodeURIComponent(handle)}`, false, fallback);
  return publicAsk();
}

function instagramChannel(handle: string, canMessage: PrivateChannelContext['canMessage']): PrivateChannel {
  if (!USERNAME.test(handle)) return publicAsk();
  return channel(`https://ig.me/m/${encodeURIComponent(handle)}`, false, canMessage === true ? null : 'public-ask');
}

function linkedInChannel(person: { handle: string; profileUrl: string }, canMessage: PrivateChannelContext['canMessage']): PrivateChannel {
  if (person.handle.includes('/') || !MEMBER_SLUG.test(person.handle)) return publicAsk();
  const profile = person.profileUrl === '' ? null : person.profileUrl;
  if (canMessage === false) return channel(null, false, profile === null ? 'public-ask' : 'connection-request', profile);
  const url = `https://www.linkedin.com/messaging/compose/?recipient=${encodeURIComponent(person.handle)}`;
  // Unknown: most people a rep meets in comments are not connections; the request is the fallback.
  return canMessage === true ? channel(url, false, null) : channel(url, false, profile === null ? 'public-ask' : 'connection-request', profile);
}

/**
 * The private channel to `person` on `site`. With `canMessage: false` (closed DMs on X, not
 * connected on LinkedIn) the URL is null and the alternative says what to do instead; with
 * `canMessage` unknown the URL is given and the alternative is the fallback.
 */
export function privateChannelFor(
  site: Site,
  person: { handle: string; profileUrl: string },
  context: PrivateChannelContext = {},
): PrivateChannel {
  const handle = person.handle.trim();
  if (handle === '' || handle === UNKNOWN_HANDLE) return publicAsk();
  if (context.canMessage === false && site !== 'linkedin') return publicAsk();
  switch (site) {
    case 'x':
      return xChannel(person, context);
    case 'facebook':
      return facebookChannel(handle, context.canMessage);
    case 'instagram':
      return instagramChannel(handle, context.canMessage);
    case 'linkedin':
      return linkedInChannel({ handle, profileUrl: person.profileUrl }, context.canMessage);
  }
}
