/**
 * The hand-off record the background stores when an agent moves a conversation private: who,
 * where from, where to, why, and what was said (masked), so that history and the SLA clock
 * carry over from the public conversation to the private one.
 */
import { z } from 'zod';
import { siteSchema } from '@/lib/model';
import type { MoveToDmPlan } from './move-to-dm';
import { SENSITIVE_KINDS } from './sensitive-types';

export const handOffLogEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  site: siteSchema,
  personHandle: z.string().min(1).max(200),
  publicThreadUrl: z.string().max(2000),
  /** How the conversation went private: a DM opened, a connection request, or an ask in public. */
  via: z.enum(['dm', 'connection-request', 'public-ask']),
  privateUrl: z.string().max(4000).nullable(),
  reasons: z.array(z.enum(SENSITIVE_KINDS)),
  lang: z.enum(['en', 'ja']),
  publicReply: z.string().max(5000),
  /** The customer's words with personal data masked: the log never stores what was masked. */
  redactedQuote: z.string().max(5000),
});
export type HandOffLogEntry = z.infer<typeof handOffLogEntrySchema>;

/** The record of a hand-off at `nowIso`; throws (a ZodError) when `nowIso` is not an ISO date-time. */
export function handOffLogEntry(plan: MoveToDmPlan, nowIso: string): HandOffLogEntry {
  const via = plan.channel.url !== null ? 'dm' : plan.alternative?.kind === 'connection-request' ? 'connection-request' : 'public-ask';
  return handOffLogEntrySchema.parse({
    at: nowIso,
    site: plan.site,
    personHandle: plan.person.handle,
    publicThreadUrl: plan.publicThreadUrl,
    via,
    privateUrl: via === 'dm' ? plan.channel.url : via === 'connection-request' && plan.alternative?.kind === 'connection-request' ? plan.alternative.url : null,
    reasons: plan.reasons,
    lang: plan.lang,
    publicReply: plan.publicReply,
    redactedQuote: plan.redactedQuote,
  });
}
