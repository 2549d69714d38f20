/**
 * Ranks templates, knowledge-base articles and past replies for a customer's message.
 *
 * Text relevance is MiniSearch's BM25 over title (×2), tags (×1.5) and body, with the project's
 * tokenizer (English stemming, Japanese words and bigrams) on both sides. English words the index does
 * not know (typos, other forms) are searched with prefix and fuzzy matching. A long message is cut to
 * its first 4,000 characters, and of its terms the rarest are searched first, within a budget of
 * postings, so that a query costs about the same however long the message and however large the
 * library. Relevance is relative to the best match, discounted when that match shares fewer than
 * three terms with the message. On top of it:
 * - intent: candidates that serve an intent detected in the message (an intent tag, or the intent
 *   shown by their title) gain in proportion to the detection's confidence;
 * - stage: candidates tagged for the contact's stage (`stage:lead` or the bare stage name) gain,
 *   candidates tagged only for other stages lose;
 * - spam: a message recognised as spam (intent.ts) gets only candidates that serve the spam intent;
 * - language: the message's language (`options.lang`, else detected from the text) comes first:
 *   candidates in another language always score below those in it.
 *
 * Scores lie in [0, 1]: same-language candidates in (0.5, 1], others in (0, 0.5].
 * An empty or blank message (a profile page with no conversation) returns the generic candidates and
 * those for the contact's stage, in the language asked for. `rank` never throws.
 */
import MiniSearch from 'minisearch';
import { detectIntents, isIntent, isSpam, type DetectedIntent, type Intent } from './intent';
import { messageLanguage } from './language';
import { classifyIntents, type IntentModelTable } from './intent-model';
import { INTENT_MODEL } from './intent-model-table';
import { isJapaneseTerm, queryTerms, tokenize } from './tokenize';

export type CandidateKind = 'template' | 'article' | 'past-reply';
export type ReplyLanguage = 'en' | 'ja';

export interface RankCandidate {
  id: string;
  kind: CandidateKind;
  title: string;
  body: string;
  tags?: string[];
  lang?: ReplyLanguage;
}

export interface RankOptions {
  limit?: number;
  lang?: ReplyLanguage;
  stage?: string;
  /**
   * The message before it in the thread (theirs or ours), where the page shows one: a short follow-up
   * ("No, not yet", "still nothing") is about what that message was about. Its intents count at a
   * discount; its words do not enter the text search.
   */
  previous?: string;
}

export interface RankerOptions {
  /** The intent classifier blended with the cue-based intents; the shipped table unless said, none with null. */
  intentModel?: IntentModelTable | null;
  /** How much the classifier's probability counts as evidence of an intent, in [0, 1]. */
  modelWeight?: number;
  /** Weighted model evidence from which the model adds an intent the cues did not find. */
  minModelEvidence?: number;
  /** Classifier probability from which the third place goes to its likeliest intent (1 switches it off). */
  reserveFrom?: number;
  /**
   * How many of the classifier's likeliest intents may take the third place: with 2, when the likeliest
   * is already served above it, the second likeliest (if at least `reserveFrom`) may take it.
   */
  reserveDepth?: number;
}

export interface RankedCandidate {
  id: string;
  score: number;
}

export interface ReplyRanker {
  rank(message: string, options?: RankOptions): RankedCandidate[];
}

export const DEFAULT_RANK_LIMIT = 5;

const WEIGHT_TEXT = 0.45;
const WEIGHT_INTENT = 0.45;
const WEIGHT_STAGE = 0.1;
/** Detected-intent confidence from which candidates serving none of the intents lose half their text score. */
const CLEAR_INTENT = 0.5;
const TEXT_ONLY_DISCOUNT = 0.5;
/** "question" is the weakest evidence of what a reply must say: nearly every message asks something. */
const INTENT_WEIGHT: Partial<Record<Intent, number>> = { question: 0.4 };
/** Candidates looked at for diversity, however few are asked for. */
const DIVERSITY_POOL = 12;
/** Candidates serving the same intent taken before further ones lose part of their score, and that part. */
const MAX_SAME_INTENT = 2;
const REPEAT_FACTOR = 0.5;
/** A pasted e-mail thread says what it is about in its first few thousand characters; the rest is not read. */
export const MAX_MESSAGE_CHARS = 4_000;
/** Known query terms searched at most, the rarest (most telling) first: bounds the cost of a long message. */
const MAX_SEARCH_TERMS = 12;
/** Unknown English terms searched with fuzzy matching at most (a typo rarely comes alone, but fuzzy search is dear). */
const MAX_FUZZY_TERMS = 4;
/**
 * In a large library, a term found in more than this share of the candidates adds almost nothing to
 * BM25 (its idf is low) but costs a pass over a long posting list, so it is left out of the search.
 */
const COMMON_TERM_SHARE = 0.2;
const COMMON_TERM_MIN_LIBRARY = 200;
/**
 * Documents per query, summed over the searched terms, beyond which further (more common) terms are
 * left out: the cost of a search is one pass per posting, and the rarest terms, taken first, say most.
 */
const POSTING_BUDGET = 2_500;
/** Distinct query terms the best match must share with the message for its text relevance to count in full. */
const TERMS_FOR_FULL_TEXT_CONFIDENCE = 3;

interface IndexedDocument {
  index: number;
  title: string;
  body: string;
  tags: string;
}

interface Prepared {
  id: string;
  lang: ReplyLanguage | undefined;
  intents: ReadonlySet<Intent>;
  stages: ReadonlySet<string>;
  generic: boolean;
  /** The escalation intents (legal threat, safety, press) it answers: it is offered only when one of them is detected. */
  escalations: ReadonlySet<Intent>;
  /** Offered by the situation (an opener, a nudge, the away message, a check-in), never by shared words alone. */
  situational: boolean;
}

/** Chosen by cross-validation on the development part (bench/replies-intent-model-build.ts --cv). */
export const DEFAULT_MODEL_WEIGHT = 0.6;
/** Model evidence below this adds no intent of its own (it only strengthens one the cues found). */
const MIN_MODEL_EVIDENCE = 0.2;
/**
 * The place (0-based) kept for the classifier's likeliest intent not served above it, the probability
 * it needs, and how far down the classifier's list that intent may be (chosen by the same --cv).
 */
const RESERVED_SLOT = 2;
const RESERVE_FROM = 0.2;
const RESERVE_DEPTH = 2;
/** What the previous message's intents are worth beside the message's own. */
const PREVIOUS_MESSAGE_WEIGHT = 0.5;
/** A follow-up longer than this says what it is about by itself: the previous message is not read. */
const FOLLOW_UP_MAX_CHARS = 280;

export function createReplyRanker(candidates: readonly RankCandidate[], rankerOptions: RankerOptions = {}): ReplyRanker {
  const model = rankerOptions.intentModel === undefined ? INTENT_MODEL : rankerOptions.intentModel;
  const modelWeight = Math.min(1, Math.max(0, rankerOptions.modelWeight ?? DEFAULT_MODEL_WEIGHT));
  const minModelEvidence = rankerOptions.minModelEvidence ?? MIN_MODEL_EVIDENCE;
  const reserveFrom = rankerOptions.reserveFrom ?? RESERVE_FROM;
  const reserveDepth = Math.max(1, Math.floor(rankerOptions.reserveDepth ?? RESERVE_DEPTH));
  // The classifier's answer for the last text, which both the intents and the reserved place read.
  let lastClassified: { text: string; previous: string | undefined; result: ReturnType<typeof classifyIntents> } | undefined;
  const classified = (text: string, previous?: string) => {
    if (model === null) return [];
    if (lastClassified?.text !== text || lastClassified.previous !== previous) {
      lastClassified = { text, previous, result: classifyIntents(model, text, previous) };
    }
    return lastClassified.result;
  };
  /** Cue-based intents, strengthened (and completed) by the classifier's, which also reads the message answered. */
  const intentsOf = (text: string, previous?: string): DetectedIntent[] => {
    const cues = detectIntents(text);
    if (model === null || modelWeight === 0) return cues;
    return blendIntents(cues, classified(text, previous), modelWeight, minModelEvidence);
  };
  const prepared: Prepared[] = [];
  const preparedById = new Map<string, Prepared>();
  const seen = new Set<string>();
  const documents: IndexedDocument[] = [];
  const documentFrequency = new Map<string, number>();
  const byIntent = new Map<Intent, number[]>();
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const index = prepared.length;
    const entry = prepare(candidate);
    const document = toDocument(candidate, index);
    documents.push(document);
    for (const term of new Set(`${document.title} ${document.body} ${document.tags}`.split(' '))) {
      if (term.length > 0) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    prepared.push(entry);
    preparedById.set(entry.id, entry);
    for (const intent of entry.intents) {
      const list = byIntent.get(intent);
      if (list) list.push(index);
      else byIntent.set(intent, [index]);
    }
  }

  // Documents hold their fields already tokenized (terms joined by spaces), so MiniSearch only splits them.
  const splitTerms = (text: string) => text.split(' ').filter((term) => term.length > 0);
  const search = new MiniSearch<IndexedDocument>({
    idField: 'index',
    fields: ['title', 'body', 'tags'],
    tokenize: splitTerms,
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 2, tags: 1.5 },
      combineWith: 'OR',
      tokenize: splitTerms,
      processTerm: (term) => term,
      maxFuzzy: 2,
    },
  });
  search.addAll(documents);

  const commonAbove = prepared.length >= COMMON_TERM_MIN_LIBRARY ? prepared.length * COMMON_TERM_SHARE : Infinity;

  /**
   * The query terms worth searching, rarest first: the informative ones the index knows (not too
   * common), and a few English ones it does not know, which fuzzy matching may still find (typos).
   */
  function searchTerms(terms: readonly string[]): { known: string[]; unknown: string[] } {
    const frequency = (term: string) => documentFrequency.get(term) ?? 0;
    const known = terms.filter((term) => frequency(term) > 0).sort((a, b) => frequency(a) - frequency(b));
    const informative = known.filter((term) => frequency(term) <= commonAbove);
    const unknown = terms.filter((term) => frequency(term) === 0 && !isJapaneseTerm(term) && term.length >= 4);
    // Only common terms: search the rarest few rather than nothing.
    const pool = informative.length > 0 ? informative : known.slice(0, 3);
    const chosen: string[] = [];
    let postings = 0;
    for (const term of pool) {
      if (chosen.length >= MAX_SEARCH_TERMS) break;
      if (chosen.length >= 2 && postings + frequency(term) > POSTING_BUDGET) break;
      chosen.push(term);
      postings += frequency(term);
    }
    return { known: chosen, unknown: unknown.slice(0, MAX_FUZZY_TERMS) };
  }

  function textScores(message: string): Map<number, number> {
    const terms = queryTerms(message);
    const { known, unknown } = searchTerms(terms);
    const scores = new Map<number, number>();
    if (known.length + unknown.length === 0) return scores;
    // A word the index knows is taken as written; one it does not know may be a typo or another form
    // of a known word, so only those get prefix and fuzzy matching (both cost a walk of the term tree).
    const unknownTerms = new Set(unknown);
    const results = search.search([...known, ...unknown].join(' '), {
      prefix: (term) => unknownTerms.has(term),
      fuzzy: (term) => (unknownTerms.has(term) && term.length >= 5 ? 0.2 : false),
    });
    const top = results[0];
    if (top === undefined || top.score <= 0) return scores;
    // Relevance relative to the best match, discounted when even the best match shares only a word or
    // two with the message ("after", "two days"): then the index has not understood the message.
    const confidence = Math.min(1, top.queryTerms.length / Math.min(terms.length, TERMS_FOR_FULL_TEXT_CONFIDENCE));
    for (const result of results) {
      const index: unknown = result.id;
      if (typeof index === 'number') scores.set(index, (result.score / top.score) * confidence);
    }
    return scores;
  }

  function rank(message: string, options: RankOptions = {}): RankedCandidate[] {
    const requested = options.limit ?? DEFAULT_RANK_LIMIT;
    const limit = Number.isNaN(requested) ? DEFAULT_RANK_LIMIT : Math.max(0, Math.floor(requested));
    if (limit === 0 || prepared.length === 0) return [];
    const text = message.length > MAX_MESSAGE_CHARS ? message.slice(0, MAX_MESSAGE_CHARS) : message;
    const lang = options.lang ?? messageLanguage(text);
    const stage = options.stage?.trim().toLowerCase() || undefined;

    if (text.trim().length === 0) return rankGeneric(prepared, lang, stage, limit);

    const cues = detectIntents(text);
    // Spam gets no sales or support text: only what the library keeps for spam (a "hidden, reported" note).
    if (isSpam(cues)) return rankSpam(prepared, lang, limit);
    const previousText = options.previous?.slice(0, MAX_MESSAGE_CHARS) ?? '';
    const previous = previousText.trim() !== '' && text.length <= FOLLOW_UP_MAX_CHARS ? previousText : undefined;
    let detected = intentsOf(text, previous);
    if (previous !== undefined) {
      detected = blendIntents(detected, intentsOf(previous).map(({ intent, confidence }) => ({ intent, probability: confidence })), PREVIOUS_MESSAGE_WEIGHT);
    }
    const intentWeights = intentShares(detected);
    // Once the message's intent is clear, a candidate that serves none of it needs more than shared words.
    const textOnlyFactor = (detected[0]?.confidence ?? 0) >= CLEAR_INTENT ? TEXT_ONLY_DISCOUNT : 1;
    const relevance = textScores(text);
    const best = new TopScores(Math.max(limit, DIVERSITY_POOL));
    const servedFirst = new Map<string, Intent>();
    const offer = (index: number, rawTextScore: number) => {
      const candidate = prepared[index];
      if (candidate === undefined) return;
      let intentScore = 0;
      let strongest: Intent | undefined;
      for (const intent of candidate.intents) {
        const weight = intentWeights.get(intent) ?? 0;
        intentScore += weight;
        if (weight > 0 && (strongest === undefined || weight > (intentWeights.get(strongest) ?? 0))) strongest = intent;
      }
      if (rawTextScore === 0 && intentScore === 0) return;
      const stageScore = stageMatch(candidate, stage);
      if (candidate.situational && intentScore === 0 && stageScore <= 0) return;
      // "We take safety very seriously" on a message about something else would alarm: escalation texts need their intent.
      if (candidate.escalations.size > 0 && ![...candidate.escalations].some((intent) => intentWeights.has(intent))) return;
      const textScore = intentScore === 0 ? rawTextScore * textOnlyFactor : rawTextScore;
      const base = WEIGHT_TEXT * textScore + WEIGHT_INTENT * intentScore + WEIGHT_STAGE * stageScore;
      if (strongest !== undefined) servedFirst.set(candidate.id, strongest);
      best.offer(candidate.id, withLanguage(base, candidate, lang));
    };
    // Only candidates the text or an intent reached are scored, not the whole library.
    for (const [index, textScore] of relevance) offer(index, textScore);
    const offered = new Set<number>();
    for (const intent of intentWeights.keys()) {
      for (const index of byIntent.get(intent) ?? []) {
        if (relevance.has(index) || offered.has(index)) continue;
        offered.add(index);
        offer(index, 0);
      }
    }
    const ranked = diversify(best.sorted(), servedFirst, limit);
    if (model !== null && reserveFrom < 1 && limit >= RESERVED_SLOT + 1) {
      reserveSlot(ranked, text, previous, lang, relevance);
      if (ranked.length > limit) ranked.length = limit;
    }
    return ranked.length > 0 ? ranked : rankGeneric(prepared, lang, stage, limit);
  }

  /**
   * When the classifier is fairly sure what the message is about and nothing above the reserved slot
   * serves that, the slot goes to the best candidate that does: a short follow-up whose words match
   * some unrelated text ("try again another time") still gets one reply about its likely topic.
   */
  function reserveSlot(
    ranked: RankedCandidate[],
    text: string,
    previous: string | undefined,
    lang: ReplyLanguage | undefined,
    relevance: ReadonlyMap<number, number>,
  ): void {
    if (model === null) return;
    const serves = (id: string, intent: Intent) => preparedById.get(id)?.intents.has(intent) ?? false;
    const above = ranked.slice(0, RESERVED_SLOT + 1);
    const likely = classified(text, previous)
      .slice(0, reserveDepth)
      .filter(({ probability }) => probability >= reserveFrom)
      .find(({ intent }) => !above.some((entry) => serves(entry.id, intent)));
    // The likeliest intents are served already (or none is likely enough).
    if (likely === undefined) return;
    let chosen: number | undefined;
    for (const index of byIntent.get(likely.intent) ?? []) {
      const candidate = prepared[index];
      if (candidate === undefined || candidate.situational || candidate.escalations.size > 0) continue;
      if (lang !== undefined && candidate.lang !== undefined && candidate.lang !== lang) continue;
      if (chosen === undefined || (relevance.get(index) ?? 0) > (relevance.get(chosen) ?? 0)) chosen = index;
    }
    const candidate = chosen === undefined ? undefined : prepared[chosen];
    if (candidate === undefined) return;
    const existing = ranked.findIndex((entry) => entry.id === candidate.id);
    if (existing >= 0) ranked.splice(existing, 1);
    const at = Math.min(RESERVED_SLOT, ranked.length);
    const own = withLanguage(WEIGHT_INTENT * likely.probability, candidate, lang);
    // Between its neighbours, so that the scores still descend.
    const score = Math.min(ranked[at - 1]?.score ?? 1, Math.max(own, ranked[at]?.score ?? own));
    ranked.splice(at, 0, { id: candidate.id, score });
  }

  return { rank };
}

/**
 * The first few suggestions should not all answer the same part of a message: a delivery complaint
 * that ends "thanks so much" wants a thank-you beside the delivery replies. Once MAX_SAME_INTENT
 * candidates serving one intent are taken, further ones lose part of their score (within their
 * language band), so that a candidate for another detected intent can come before them.
 */
function diversify(pool: readonly RankedCandidate[], servedFirst: ReadonlyMap<string, Intent>, limit: number): RankedCandidate[] {
  const taken: RankedCandidate[] = [];
  const counts = new Map<Intent, number>();
  const left = [...pool];
  const adjusted = (entry: RankedCandidate): number => {
    const intent = servedFirst.get(entry.id);
    if (intent === undefined || (counts.get(intent) ?? 0) < MAX_SAME_INTENT) return entry.score;
    const band = entry.score > 0.5 ? 0.5 : 0;
    return Math.round((band + (entry.score - band) * REPEAT_FACTOR) * 1e6) / 1e6;
  };
  while (taken.length < limit && left.length > 0) {
    let bestAt = 0;
    let bestScore = -Infinity;
    left.forEach((entry, at) => {
      const score = adjusted(entry);
      if (score > bestScore) {
        bestScore = score;
        bestAt = at;
      }
    });
    const [entry] = left.splice(bestAt, 1);
    if (entry === undefined) break;
    taken.push({ id: entry.id, score: bestScore });
    const intent = servedFirst.get(entry.id);
    if (intent !== undefined) counts.set(intent, (counts.get(intent) ?? 0) + 1);
  }
  return taken;
}

function rankSpam(prepared: readonly Prepared[], lang: ReplyLanguage | undefined, limit: number): RankedCandidate[] {
  return prepared
    .filter((candidate) => candidate.intents.has('spam'))
    .map((candidate) => ({ id: candidate.id, score: withLanguage(WEIGHT_INTENT, candidate, lang) }))
    .sort(byScore)
    .slice(0, limit);
}

function rankGeneric(
  prepared: readonly Prepared[],
  lang: ReplyLanguage | undefined,
  stage: string | undefined,
  limit: number,
): RankedCandidate[] {
  const scored: RankedCandidate[] = [];
  for (const candidate of prepared) {
    const stageScore = stageMatch(candidate, stage);
    if (stageScore < 0 || (!candidate.generic && stageScore === 0)) continue;
    if (lang && candidate.lang && candidate.lang !== lang) continue;
    const base = WEIGHT_STAGE * (stageScore + (candidate.generic ? 0.5 : 0));
    scored.push({ id: candidate.id, score: withLanguage(base, candidate, lang) });
  }
  return scored.sort(byScore).slice(0, limit);
}

/**
 * What serving each detected intent is worth: its share of all the detected confidence, tempered by
 * how sure the strongest detection is (a faint cue counts less than a clear one). A candidate's intent
 * score is the sum over the intents it serves, in [0, 1].
 */
function intentShares(detected: readonly DetectedIntent[]): Map<Intent, number> {
  const shares = new Map<Intent, number>();
  let total = 0;
  let strongest = 0;
  for (const { intent, confidence } of detected) {
    total += confidence * (INTENT_WEIGHT[intent] ?? 1);
    strongest = Math.max(strongest, confidence);
  }
  if (total === 0) return shares;
  for (const { intent, confidence } of detected) {
    shares.set(intent, ((confidence * (INTENT_WEIGHT[intent] ?? 1)) / total) * strongest);
  }
  return shares;
}

/**
 * Cue-based intents with further evidence (the classifier's probabilities, or the previous message's
 * intents) counted at `weight`: independent evidence combines as 1 − (1 − a)(1 − b); further
 * evidence too weak to stand alone only strengthens an intent already found.
 */
function blendIntents(
  detected: readonly DetectedIntent[],
  evidence: ReadonlyArray<{ intent: Intent; probability: number }>,
  weight: number,
  minEvidence = MIN_MODEL_EVIDENCE,
): DetectedIntent[] {
  const blended = new Map<Intent, number>(detected.map(({ intent, confidence }) => [intent, confidence]));
  for (const { intent, probability } of evidence) {
    const extra = probability * weight;
    const known = blended.get(intent);
    if (known === undefined && extra < minEvidence) continue;
    blended.set(intent, 1 - (1 - (known ?? 0)) * (1 - extra));
  }
  return [...blended]
    .map(([intent, confidence]) => ({ intent, confidence: Math.round(confidence * 1000) / 1000 }))
    .sort((a, b) => b.confidence - a.confidence);
}

/** 1 when tagged for the stage, −1 when tagged only for other stages, 0 when untagged or no stage is known. */
function stageMatch(candidate: Prepared, stage: string | undefined): number {
  if (stage === undefined || candidate.stages.size === 0) return 0;
  return candidate.stages.has(stage) ? 1 : -1;
}

function withLanguage(base: number, candidate: Prepared, lang: ReplyLanguage | undefined): number {
  const clamped = Math.min(1, Math.max(0.001, base));
  const sameLanguage = lang === undefined || candidate.lang === undefined || candidate.lang === lang;
  return Math.round(((sameLanguage ? 0.5 : 0) + clamped / 2) * 1e6) / 1e6;
}

function byScore(a: RankedCandidate, b: RankedCandidate): number {
  return b.score - a.score;
}

/** The `limit` best of many offers, kept sorted as they come, without sorting them all. */
class TopScores {
  private readonly kept: RankedCandidate[] = [];

  constructor(private readonly limit: number) {}

  offer(id: string, score: number): void {
    const { kept, limit } = this;
    if (kept.length === limit && score <= (kept[limit - 1]?.score ?? -Infinity)) return;
    let at = kept.length;
    while (at > 0 && (kept[at - 1]?.score ?? Infinity) < score) at -= 1;
    kept.splice(at, 0, { id, score });
    if (kept.length > limit) kept.pop();
  }

  sorted(): RankedCandidate[] {
    return [...this.kept];
  }
}

const STAGE_TAG = /^stage:(.+)$/;
const SITUATIONAL_TAGS = new Set(['opener', 'follow-up', 'after-hours', 'check-in']);
const TOPICAL_INTENTS = new Set<Intent>(['price', 'meeting-request', 'refund', 'delivery', 'cancel', 'not-working', 'account']);
/** Escalations that only their own texts answer (a cancellation has ordinary templates too). */
const ESCALATION_ONLY = new Set<Intent>(['legal-threat', 'safety', 'press']);
const STAGE_NAMES = new Set(['new', 'lead', 'contacted', 'qualified', 'customer', 'churned']);

function prepare(candidate: RankCandidate): Prepared {
  const tags = (candidate.tags ?? []).map((tag) => tag.trim().toLowerCase());
  const candidateIntents = new Set<Intent>();
  const stages = new Set<string>();
  for (const tag of tags) {
    const bare = tag.replace(/^intent:/, '');
    if (isIntent(bare)) candidateIntents.add(bare);
    const stage = STAGE_TAG.exec(tag)?.[1] ?? (STAGE_NAMES.has(tag) ? tag : undefined);
    if (stage !== undefined) stages.add(stage);
  }
  // A title names what a reply is about, not the mood it answers: "Thanks for getting in touch" says thanks
  // but does not answer thanks, so only topical intents are taken from titles.
  for (const { intent } of detectIntents(candidate.title)) {
    if (TOPICAL_INTENTS.has(intent)) candidateIntents.add(intent);
  }
  // Nearly every message asks something: "question" says what a reply is for only when the reply has
  // no topic of its own (an acknowledgement), not beside one ("Pricing and plans" tagged "question"
  // would otherwise come first for any question about a router or a parcel).
  if ([...candidateIntents].some((intent) => TOPICAL_INTENTS.has(intent))) candidateIntents.delete('question');
  return {
    id: candidate.id,
    lang: candidate.lang ?? messageLanguage(`${candidate.title} ${candidate.body}`),
    intents: candidateIntents,
    escalations: new Set([...candidateIntents].filter((intent) => ESCALATION_ONLY.has(intent))),
    stages,
    generic: tags.includes('generic'),
    situational: tags.some((tag) => SITUATIONAL_TAGS.has(tag)),
  };
}

function toDocument(candidate: RankCandidate, index: number): IndexedDocument {
  const tagText = (candidate.tags ?? [])
    .filter((tag) => !/^(?:stage|site):/i.test(tag))
    .map((tag) => tag.replace(/^intent:/i, '').replace(/[-_:]/g, ' '))
    .join(' ');
  return {
    index,
    title: tokenize(candidate.title).join(' '),
    // Variable names are not content: "{{first_name}}" must not match a message saying "first".
    body: tokenize(candidate.body.replace(/\{\{[^}]*\}\}/g, ' ')).join(' '),
    tags: tokenize(tagText).join(' '),
  };
}
