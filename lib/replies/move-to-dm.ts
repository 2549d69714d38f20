/**
 * Move to DM: the short public acknowledgement, the private message that carries the context
 * (a link to the public post and a redacted quote, so the customer never repeats themselves),
 * the private channel to open, and what to do instead where the site will not allow a DM.
 * The extension fills composers with these; the person presses send.
 */
import type { Site } from '@/lib/model';
import { privateChannelFor, type PrivateChannel } from './dm-links';
import { firstName, japaneseAddress } from './move-to-dm-names';
import {
  connectionAcknowledgement,
  connectionNote,
  privateMessage,
  publicAcknowledgement,
  publicAsk,
  type Lang,
  type TextContext,
} from './move-to-dm-texts';
import { redact, shouldSuggestPrivate, type SensitiveFinding, type SensitiveKind } from './sensitive';

export interface MoveToDmInput {
  site: Site;
  person: { handle: string; profileUrl: string; displayName?: string };
  publicThreadUrl: string;
  publicText: string;
  /** `findSensitive(publicText)`. */
  findings: readonly SensitiveFinding[];
  lang: Lang;
  agentName?: string;
  canMessage?: boolean | 'unknown';
  /** The person's numeric user id where the page gave it (an X compose link needs it). */
  recipientId?: string;
  /** A DM to them exists already (the conversations are linked): only then may the public text say it was sent. */
  dmSent?: boolean;
}

export type MoveToDmAlternative =
  | { kind: 'connection-request'; note: string; url: string | null }
  | { kind: 'public-ask'; text: string };

export interface MoveToDmPlan {
  site: Site;
  person: { handle: string; profileUrl: string };
  publicThreadUrl: string;
  lang: Lang;
  reasons: SensitiveKind[];
  /** Goes in the public reply box: the acknowledgement, or the ask when no DM is possible. */
  publicReply: string;
  /** Goes in the private composer; null when there is no private channel to this person. */
  privateMessage: string | null;
  channel: PrivateChannel;
  /** What to do when the DM is not possible; with `canMessage` unknown, the fallback. */
  alternative: MoveToDmAlternative | null;
  /** What the customer wrote, personal data masked: what the private message quotes. */
  redactedQuote: string;
}

const QUOTE_LIMIT = 280;

/** The public text, masked and on one line, cut at a word where it is long. */
function quoteOf(text: string, findings: readonly SensitiveFinding[], lang: Lang): string {
  const flat = redact(text, findings, { lang }).replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LIMIT) return flat;
  const cut = flat.slice(0, QUOTE_LIMIT - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lang === 'en' && lastSpace > QUOTE_LIMIT / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

function cleanAgentName(agentName: string | undefined): string | undefined {
  const name = agentName?.replace(/\s+/g, ' ').trim();
  return name === undefined || name === '' ? undefined : name.slice(0, 40);
}

export function planMoveToDm(input: MoveToDmInput): MoveToDmPlan {
  const { site, person, lang } = input;
  const reasons = shouldSuggestPrivate(input.findings).reasons;
  const redactedQuote = quoteOf(input.publicText, input.findings, lang);
  // A display name that is just the handle again ("janedoe") is no name to greet anyone by.
  const displayName = input.person.displayName?.trim().toLowerCase() === person.handle.toLowerCase() ? undefined : input.person.displayName;
  const context: TextContext = {
    site,
    lang,
    name: lang === 'ja' ? japaneseAddress(displayName) : firstName(displayName),
    agentName: cleanAgentName(input.agentName),
    reasons,
    publicThreadUrl: input.publicThreadUrl,
    quote: redactedQuote,
    dmSent: input.dmSent === true,
  };
  const message = privateMessage(context);
  const channel = privateChannelFor(site, person, { canMessage: input.canMessage, recipientId: input.recipientId, prefill: message });
  const alternative: MoveToDmAlternative | null =
    channel.alternative === 'connection-request'
      ? { kind: 'connection-request', note: connectionNote(context), url: channel.alternativeUrl }
      : channel.alternative === 'public-ask'
        ? { kind: 'public-ask', text: publicAsk(context) }
        : null;
  let publicReply = publicAcknowledgement(context);
  if (channel.url === null) publicReply = alternative?.kind === 'connection-request' ? connectionAcknowledgement(context) : publicAsk(context);
  return {
    site,
    person: { handle: person.handle, profileUrl: person.profileUrl },
    publicThreadUrl: input.publicThreadUrl,
    lang,
    reasons,
    publicReply,
    privateMessage: channel.url === null ? null : message,
    channel,
    alternative,
    redactedQuote,
  };
}
