/**
 * The one way the background puts text into a tab's reply box. Public text passes the safety gate
 * here whatever asked for it (a suggestion, a generated reply, Move to DM, an acknowledgement typed in
 * the panel): defence in depth behind the panel, which already withholds such text. Text over the
 * site's limit goes in only once the agent confirmed it.
 */
import type { InsertResult } from '@/lib/views/replies';
import { sendToTab } from '@/lib/messaging/send';
import type { Site } from '@/lib/model';
import { replyLength, replyLimit } from '@/lib/replies/limits';
import { gateReply, refusalMessage, type ReplyChannel, type SensitiveValue } from '@/lib/replies/public-safety';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { BackgroundServices } from './handlers';
import { replyContext } from './replies-context';

export interface ReplyInsert {
  text: string;
  site: Site;
  channel: ReplyChannel;
  /** What the customers wrote that public text must not repeat. */
  sensitiveValues: readonly SensitiveValue[];
  mode?: 'replace' | 'add';
  /** The comment answered, whose own reply box takes the text where the site has one. */
  replyTo?: { handle: string; text: string };
  overLimitConfirmed?: boolean;
}

const refused = (reason: NonNullable<InsertResult['reason']>, message: string | null = null): InsertResult => ({
  inserted: false,
  reason,
  missing: [],
  message,
  length: null,
});

/** Checks and inserts; never throws for a refusal (the result says why), only for a tab that cannot be reached. */
export async function insertReply(services: BackgroundServices, tabId: number, request: ReplyInsert): Promise<InsertResult> {
  const gate = gateReply(request.text, request.channel, request.sensitiveValues);
  if (!gate.allowed) return refused('unsafe', refusalMessage(gate.reasons));
  const limit = replyLimit(request.site, request.channel);
  const length = replyLength(request.text, limit);
  if (length > limit.limit && request.overLimitConfirmed !== true) {
    return refused('over-limit', `This reply is ${length} characters; the limit here is ${limit.limit}.`);
  }
  const answer = await sendToTab(tabId, 'composer.insert', {
    text: request.text,
    mode: request.mode ?? 'replace',
    ...(request.replyTo ? { replyTo: request.replyTo } : {}),
  });
  if (!answer.inserted) return refused('no-composer');
  // Teammates see that someone is answering this conversation.
  await services.sync.replyingIn(tabId);
  return { inserted: true, reason: null, missing: [], message: null, length: answer.text === undefined ? length : replyLength(answer.text, limit) };
}

/**
 * Text the panel typed itself (an after-hours acknowledgement): gated against what the customers on
 * the tab's page wrote; a refusal is an error with the reason, so the panel shows it.
 */
export async function insertGatedText(services: BackgroundServices, tabId: number, text: string): Promise<InsertResult> {
  const context = await replyContext(services, tabId);
  if (!context) throw new ProtocolError('not-found', 'This tab has not reported its page yet');
  const result = await insertReply(services, tabId, {
    text,
    site: context.tab.page.site,
    channel: context.channel,
    sensitiveValues: context.sensitiveValues,
    overLimitConfirmed: true,
  });
  if (result.reason === 'unsafe') throw new ProtocolError('bad-request', result.message ?? 'Refused by the safety gate');
  return result;
}
