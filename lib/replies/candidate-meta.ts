/**
 * What a candidate reply is for: which sites, which channel (public, private or either), which
 * contact stages, which intents, which language. Records may say so in their own fields; templates
 * without them (older ones, ones added by others) get it from their tags: `site:linkedin`,
 * `stage:lead`, `move-to-dm` (a public reply that moves the talk private), `private` (for a DM),
 * intent names as in intent.ts. Nothing said means every site, either channel, any stage.
 */
import type { ReplyClaim, ReplyTemplate, Site } from '@/lib/model';
import { isSite } from '@/lib/sites/site-specs';
import { isIntent, type Intent } from './intent';

export type CandidateChannel = 'any' | 'public' | 'private';

export interface CandidateMeta {
  /** Empty: every site. */
  sites: Site[];
  channel: CandidateChannel;
  /** Empty: any stage. */
  stages: string[];
  intents: Intent[];
  lang: 'en' | 'ja' | undefined;
  asserts: ReplyClaim[];
  /** A sales text (an opener, a nudge): only for a contact whose stage it names. */
  sales: boolean;
}


export interface MetaSource {
  tags?: readonly string[];
  lang?: 'en' | 'ja';
  channel?: ReplyTemplate['channel'];
  sites?: readonly Site[];
  asserts?: readonly ReplyClaim[];
}

export function candidateMeta(record: MetaSource): CandidateMeta {
  const tags = (record.tags ?? []).map((tag) => tag.trim().toLowerCase());
  const tagSites = tags.filter((tag) => tag.startsWith('site:')).map((tag) => tag.slice(5)).filter(isSite);
  const channel: CandidateChannel =
    record.channel ?? (tags.includes('move-to-dm') || tags.includes('public') ? 'public' : tags.includes('private') || tags.includes('dm') ? 'private' : 'any');
  return {
    sites: record.sites && record.sites.length > 0 ? [...record.sites] : tagSites,
    channel,
    stages: tags.filter((tag) => tag.startsWith('stage:')).map((tag) => tag.slice(6)),
    intents: tags.filter(isIntent),
    lang: record.lang,
    asserts: [...(record.asserts ?? [])],
    sales: tags.includes('sales') || tags.includes('opener'),
  };
}

export interface Situation {
  site: Site;
  /** Where the reply goes: a post or comment (public) or a DM (private). */
  channel: 'public' | 'private';
  /** The language replies are offered in (the message's, or the one the agent asked for). */
  lang: 'en' | 'ja';
  /** The contact's stage, if known. */
  stage?: string;
  /** What the message is about, most confident first. */
  intents: readonly Intent[];
}

export type Misfit = 'site' | 'channel' | 'language' | 'stage' | 'sales-in-care';

const CARE_INTENTS: readonly Intent[] = ['complaint', 'refund', 'delivery', 'not-working', 'account', 'cancel'];

/** Why a candidate does not belong here, or null when it fits. */
export function misfit(meta: CandidateMeta, situation: Situation): Misfit | null {
  if (meta.sites.length > 0 && !meta.sites.includes(situation.site)) return 'site';
  if (meta.channel === 'public' && situation.channel === 'private') return 'channel';
  if (meta.lang !== undefined && meta.lang !== situation.lang) return 'language';
  if (meta.sales) {
    if (situation.intents.some((intent) => CARE_INTENTS.includes(intent))) return 'sales-in-care';
    const stage = situation.stage?.trim().toLowerCase();
    if (meta.stages.length > 0 && (stage === undefined || !meta.stages.includes(stage))) return 'stage';
  }
  return null;
}

const WARM_INTENTS: readonly Intent[] = ['praise', 'thanks'];
const TROUBLE_INTENTS: readonly Intent[] = ['complaint', 'not-working', 'refund', 'delivery', 'account', 'cancel'];

/** Praise or thanks with no trouble in it: a warm reply first, no article ahead of it. */
export function isWarmMessage(intents: readonly Intent[]): boolean {
  const top = intents[0];
  return top !== undefined && WARM_INTENTS.includes(top) && !intents.some((intent) => TROUBLE_INTENTS.includes(intent));
}
