/**
 * Figures for one part of the evaluation set: reply ranking (top-1, top-3), intent detection and
 * sensitive-content precision and recall per kind. Shared by bench/replies-eval.ts and the dev-floor test.
 */
import { detectIntents, isEscalation, isSpam } from '../lib/replies/intent';
import { createReplyRanker, type ReplyRanker } from '../lib/replies/rank';
import { findSensitive } from '../lib/replies/sensitive';
import { SENSITIVE_KINDS, type SensitiveKind } from '../lib/replies/sensitive-types';
import { starterCandidates } from '../lib/replies/starter-set';
import { NO_REPLY_INTENTS, type EvalMessage } from './replies-eval-set';

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000);

export interface RankingFigures {
  n: number;
  top1: number;
  top3: number;
  byLang: Record<string, { n: number; top1: number; top3: number }>;
  byIntent: Record<string, { n: number; top1: number; top3: number }>;
  misses: Array<{ id: string; intent: string; got: string[]; expected: string[] }>;
}

export function rankingFigures(messages: readonly EvalMessage[], ranker: ReplyRanker = createReplyRanker(starterCandidates())): RankingFigures {
  const answerable = messages.filter((message) => message.candidates.length > 0);
  const tally = new Map<string, { n: number; top1: number; top3: number }>();
  const bump = (key: string, top1: boolean, top3: boolean) => {
    const entry = tally.get(key) ?? { n: 0, top1: 0, top3: 0 };
    entry.n += 1;
    if (top1) entry.top1 += 1;
    if (top3) entry.top3 += 1;
    tally.set(key, entry);
  };
  const misses: RankingFigures['misses'] = [];
  let top1 = 0;
  let top3 = 0;
  for (const message of answerable) {
    const got = ranker.rank(message.text, { limit: 3, ...(message.previous ? { previous: message.previous } : {}) }).map((result) => result.id);
    const first = message.candidates.includes(got[0] ?? '');
    const three = got.some((id) => message.candidates.includes(id));
    if (first) top1 += 1;
    if (three) top3 += 1;
    else misses.push({ id: message.id, intent: message.intent, got, expected: message.candidates });
    bump(`lang:${message.lang}`, first, three);
    bump(`intent:${message.intent}`, first, three);
  }
  const rates = (prefix: string) =>
    Object.fromEntries(
      [...tally]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, entry]) => [key.slice(prefix.length), { n: entry.n, top1: ratio(entry.top1, entry.n), top3: ratio(entry.top3, entry.n) }]),
    );
  return { n: answerable.length, top1: ratio(top1, answerable.length), top3: ratio(top3, answerable.length), byLang: rates('lang:'), byIntent: rates('intent:'), misses };
}

export interface IntentFigures {
  /** Messages with a reply intent (spam and "other" are left out). */
  n: number;
  /** The detector's strongest intent is the labelled main intent. */
  top1: number;
  /** The detector's strongest intent is one of the labelled intents. */
  anyLabelled: number;
  byIntent: Record<string, { n: number; recall: number }>;
  escalation: { labelled: number; detected: number; truePositives: number; precision: number; recall: number };
  confusions: Array<{ id: string; labelled: string[]; got: string }>;
}

export function intentFigures(messages: readonly EvalMessage[]): IntentFigures {
  const scored = messages.filter((message) => !NO_REPLY_INTENTS.has(message.intent));
  let top1 = 0;
  let anyLabelled = 0;
  const perIntent = new Map<string, { n: number; hit: number }>();
  const confusions: IntentFigures['confusions'] = [];
  for (const message of scored) {
    const got = detectIntents(message.text)[0]?.intent ?? 'none';
    const entry = perIntent.get(message.intent) ?? { n: 0, hit: 0 };
    entry.n += 1;
    if (got === message.intent) {
      top1 += 1;
      entry.hit += 1;
    } else confusions.push({ id: message.id, labelled: message.intents, got });
    if ((message.intents as readonly string[]).includes(got)) anyLabelled += 1;
    perIntent.set(message.intent, entry);
  }
  // Escalation over every message (spam included): labelled when any labelled intent escalates,
  // detected when any detected intent does.
  let labelled = 0;
  let detected = 0;
  let truePositives = 0;
  for (const message of messages) {
    const isLabelled = message.intents.some((intent) => isEscalation(intent));
    const isDetected = detectIntents(message.text).some(({ intent }) => isEscalation(intent));
    if (isLabelled) labelled += 1;
    if (isDetected) detected += 1;
    if (isLabelled && isDetected) truePositives += 1;
  }
  return {
    n: scored.length,
    top1: ratio(top1, scored.length),
    anyLabelled: ratio(anyLabelled, scored.length),
    byIntent: Object.fromEntries([...perIntent].map(([intent, { n, hit }]) => [intent, { n, recall: ratio(hit, n) }])),
    escalation: { labelled, detected, truePositives, precision: ratio(truePositives, detected), recall: ratio(truePositives, labelled) },
    confusions,
  };
}

export interface SpamFigures {
  labelled: number;
  recognised: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Messages labelled spam that still got a template or article suggested (the goal is 0). */
  labelledSpamWithSuggestions: number;
  /** Messages not labelled spam that the detector took for spam (they would get no suggestion). */
  wronglyRecognised: string[];
  missed: string[];
}

/** Spam recognition over every message, and whether labelled spam still gets a reply suggested. */
export function spamFigures(messages: readonly EvalMessage[], ranker: ReplyRanker = createReplyRanker(starterCandidates())): SpamFigures {
  let labelled = 0;
  let recognised = 0;
  let truePositives = 0;
  let labelledSpamWithSuggestions = 0;
  const wronglyRecognised: string[] = [];
  const missed: string[] = [];
  for (const message of messages) {
    const isLabelled = message.intent === 'spam';
    const isRecognised = isSpam(detectIntents(message.text));
    if (isLabelled) labelled += 1;
    if (isRecognised) recognised += 1;
    if (isLabelled && isRecognised) truePositives += 1;
    if (isRecognised && !isLabelled) wronglyRecognised.push(message.id);
    if (isLabelled && !isRecognised) missed.push(message.id);
    if (isLabelled && ranker.rank(message.text, { limit: 3 }).length > 0) labelledSpamWithSuggestions += 1;
  }
  return {
    labelled,
    recognised,
    truePositives,
    precision: ratio(truePositives, recognised),
    recall: ratio(truePositives, labelled),
    labelledSpamWithSuggestions,
    wronglyRecognised,
    missed,
  };
}

export interface KindScore {
  expected: number;
  found: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface SensitiveFigures {
  overall: KindScore;
  byKind: Record<SensitiveKind, KindScore>;
  /** Finer kinds inside 'account' (address, iban, member…), as labelled. */
  byDetail: Record<string, { expected: number; recalled: number }>;
  misses: Array<{ id: string; kind: SensitiveKind; text: string; error: 'missed' | 'spurious' }>;
}

/** A finding matches a labelled span of the same kind that it overlaps. */
export function sensitiveFigures(messages: readonly EvalMessage[]): SensitiveFigures {
  const counts = new Map<SensitiveKind, [number, number, number]>(SENSITIVE_KINDS.map((kind) => [kind, [0, 0, 0]]));
  const byDetail = new Map<string, { expected: number; recalled: number }>();
  const misses: SensitiveFigures['misses'] = [];
  for (const message of messages) {
    const found = findSensitive(message.text);
    for (const span of message.sensitive) {
      const hit = found.some((finding) => finding.kind === span.kind && finding.start < span.end && span.start < finding.end);
      const entry = counts.get(span.kind)!;
      if (hit) entry[0] += 1;
      else {
        entry[2] += 1;
        misses.push({ id: message.id, kind: span.kind, text: span.text, error: 'missed' });
      }
      if (span.detail) {
        const detail = byDetail.get(span.detail) ?? { expected: 0, recalled: 0 };
        detail.expected += 1;
        if (hit) detail.recalled += 1;
        byDetail.set(span.detail, detail);
      }
    }
    for (const finding of found) {
      if (message.sensitive.some((span) => finding.kind === span.kind && finding.start < span.end && span.start < finding.end)) continue;
      counts.get(finding.kind)![1] += 1;
      misses.push({ id: message.id, kind: finding.kind, text: message.text.slice(finding.start, finding.end), error: 'spurious' });
    }
  }
  const score = ([tp, fp, fn]: [number, number, number]): KindScore => ({
    expected: tp + fn,
    found: tp + fp,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
  });
  const total: [number, number, number] = [0, 0, 0];
  for (const [tp, fp, fn] of counts.values()) {
    total[0] += tp;
    total[1] += fp;
    total[2] += fn;
  }
  return {
    overall: score(total),
    byKind: Object.fromEntries(SENSITIVE_KINDS.map((kind) => [kind, score(counts.get(kind)!)])) as Record<SensitiveKind, KindScore>,
    byDetail: Object.fromEntries(byDetail),
    misses,
  };
}
