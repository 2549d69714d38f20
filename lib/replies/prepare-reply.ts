/**
 * One candidate (a template, an article, a past reply) made ready for the reply box on this page:
 * filled, honest about what was done (claims.ts) and through the safety gate (public-safety.ts).
 *
 * For a public reply box a template never gets the order number (its words say "your order"
 * instead) nor any other variable value holding personal data (that one is left blank for the agent
 * to type); when the public text had to leave something out, or the gate refused it, the fully filled
 * text is offered as well, marked for the private message only. Suggestions and the background's
 * insert path both call this, so what the panel shows is what goes in.
 */
import type { ReplyClaim } from '@/lib/model';
import { honestText } from './claims';
import type { CandidateChannel } from './candidate-meta';
import { gateReply, isSensitiveValue, type ReplyChannel, type SensitiveValue } from './public-safety';
import type { SensitiveKind } from './sensitive-types';
import { fillTemplate, markerFor, type TemplateValues } from './template-fill';

export interface SafetyContext {
  /** The reply box on this page: under a post or comment (public) or in a DM (private). */
  channel: ReplyChannel;
  /** What the customer wrote that must not be repeated in public (sensitiveValuesOf). */
  values: readonly SensitiveValue[];
  /** What is done: a DM exists, the agent ticked that the order was checked… */
  done: ReadonlySet<ReplyClaim>;
}

export type ReplyNote =
  | { code: 'customer-value' | 'own-value'; kind: SensitiveKind }
  | { code: 'left-out'; variable: string }
  | { code: 'promise' | 'unverified'; claim: ReplyClaim }
  | { code: 'private-only' }
  | { code: 'internal-only' };

export interface PreparedReply {
  /** Where this text may go. */
  channel: ReplyChannel;
  /** Missing variables stand as `[[name]]`. */
  text: string;
  missing: string[];
  complete: boolean;
  /** May go into this page's reply box (once complete). */
  insertable: boolean;
  /** Why the text was changed or withheld, for the panel to say. */
  notes: ReplyNote[];
}

const ORDER_VARIABLE = 'order';

/**
 * Whether each variable value is sensitive, remembered per set of customer values: one suggest call
 * asks it of the same few values for every template, and each answer runs every detector.
 */
const valueVerdicts = new WeakMap<readonly SensitiveValue[], Map<string, boolean>>();
const MAX_REMEMBERED_VALUES = 256;

function sensitiveVariable(value: string, values: readonly SensitiveValue[]): boolean {
  let verdicts = valueVerdicts.get(values);
  if (!verdicts) {
    verdicts = new Map();
    valueVerdicts.set(values, verdicts);
  }
  const known = verdicts.get(value);
  if (known !== undefined) return known;
  const verdict = isSensitiveValue(value, values);
  if (verdicts.size < MAX_REMEMBERED_VALUES) verdicts.set(value, verdict);
  return verdict;
}

/** Where a template names the order by its number, public text names it without one. */
const ORDER_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:your\s+)?(?:order|ticket)\s+(?:number\s+)?[#＃]?\{\{\s*order\s*\}\}/gi, 'your order'],
  [/ご?注文(?:番号)?\s*[#＃]?\{\{\s*order\s*\}\}/g, 'ご注文'],
  [/[#＃]?\{\{\s*order\s*\}\}/g, 'your order'],
];

function withoutOrderNumber(body: string, lang: 'en' | 'ja' | undefined): string {
  let out = body;
  for (const [pattern, replacement] of ORDER_PHRASES) {
    out = out.replace(pattern, lang === 'ja' && replacement === 'your order' ? 'ご注文' : replacement);
  }
  return out;
}

function finish(
  text: string,
  missing: string[],
  channel: ReplyChannel,
  declared: readonly ReplyClaim[],
  context: SafetyContext,
  notes: ReplyNote[],
): PreparedReply {
  const honest = honestText(text, declared, context.done);
  for (const claim of honest.promised) notes.push({ code: 'promise', claim });
  for (const claim of honest.unverified) notes.push({ code: 'unverified', claim });
  const gate = gateReply(honest.text, channel, context.values);
  for (const reason of gate.reasons) notes.push({ code: reason.code, kind: reason.kind });
  const insertable = channel === context.channel && gate.allowed && honest.unverified.length === 0;
  // A promise may have dropped a sentence with a blank in it: only blanks still in the text are missing.
  const stillMissing = missing.filter((name) => honest.text.includes(markerFor(name)));
  return { channel, text: honest.text, missing: stillMissing, complete: stillMissing.length === 0 && !honest.text.includes('{{'), insertable, notes };
}

function privateVariant(text: string, missing: string[], declared: readonly ReplyClaim[], context: SafetyContext): PreparedReply {
  return finish(text, missing, 'private', declared, context, [{ code: 'private-only' }]);
}

/** A template's text for this page, and its private variant where the public one is not the whole answer. */
export function prepareTemplate(
  body: string,
  meta: { channel: CandidateChannel; asserts: readonly ReplyClaim[]; lang: 'en' | 'ja' | undefined },
  values: TemplateValues,
  context: SafetyContext,
): PreparedReply[] {
  const full = fillTemplate(body, values);
  if (context.channel === 'private' || meta.channel === 'private') {
    return [context.channel === 'private' ? finish(full.text, full.missing, 'private', meta.asserts, context, []) : privateVariant(full.text, full.missing, meta.asserts, context)];
  }
  const notes: ReplyNote[] = [];
  const publicValues: TemplateValues = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === ORDER_VARIABLE) continue;
    if (typeof value === 'string' && sensitiveVariable(value, context.values)) notes.push({ code: 'left-out', variable: name });
    else publicValues[name] = value;
  }
  const publicBody = withoutOrderNumber(body, meta.lang);
  if (publicBody !== body) notes.push({ code: 'left-out', variable: ORDER_VARIABLE });
  const filled = fillTemplate(publicBody, publicValues);
  const publicReply = finish(filled.text, filled.missing, 'public', meta.asserts, context, notes);
  const refused = publicReply.notes.some((note) => note.code === 'customer-value' || note.code === 'own-value');
  if (full.text === filled.text && !refused) return [publicReply];
  return [publicReply, privateVariant(full.text, full.missing, meta.asserts, context)];
}

/**
 * An article's customer-facing text (or its link) for this page. Its body is internal notes: shown to
 * the agent, never inserted. An article with neither customer text nor a link offers nothing to insert.
 */
export function prepareArticle(
  article: { title: string; url: string | null; customerText?: string },
  meta: { channel: CandidateChannel; asserts: readonly ReplyClaim[] },
  context: SafetyContext,
): PreparedReply {
  const customer = article.customerText?.trim() ?? '';
  const text = customer !== '' ? customer : article.url ? `${article.title}: ${article.url}` : '';
  if (text === '') return { channel: context.channel, text: '', missing: [], complete: false, insertable: false, notes: [{ code: 'internal-only' }] };
  if (meta.channel === 'private' && context.channel === 'public') return privateVariant(text, [], meta.asserts, context);
  return finish(text, [], context.channel, meta.asserts, context, []);
}

/** A reply sent before, to someone else perhaps: offered only where it passes as it is. */
export function preparePastReply(text: string, context: SafetyContext): PreparedReply {
  return finish(text.trim(), [], context.channel, [], context, []);
}
