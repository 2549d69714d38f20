/**
 * Suggested replies for the message on screen: templates, knowledge-base articles and past replies,
 * ranked (rank.ts) and filled with what we know about the person (template-fill.ts).
 *
 * Around the ranker (which only scores), candidates are kept to what fits here (candidate-meta.ts:
 * the site, public or private, the message's language, sales texts only for a matching stage) and each
 * is made safe for the reply box on this page (prepare-reply.ts): nothing private in public, nothing
 * claimed that was not done.
 *
 * `createSuggester` builds the search index once; the background keeps one and builds a new one when
 * templates, articles or past replies change. `suggestReplies` does both in one call, for one-offs.
 */
import type { KnowledgeArticle, ReplyClaim, ReplyTemplate, Site } from '@/lib/model';
import { siteLabel } from '@/lib/sites/site-specs';
import { candidateMeta, isWarmMessage, misfit, type CandidateMeta, type Situation } from './candidate-meta';
import { detectIntents, type Intent } from './intent';
import { messageLanguage } from './language';
import { prepareArticle, preparePastReply, prepareTemplate, type PreparedReply, type ReplyNote, type SafetyContext } from './prepare-reply';
import { sensitiveValuesOf, type ReplyChannel } from './public-safety';
import { createReplyRanker, type CandidateKind, type RankCandidate, type ReplyLanguage } from './rank';
import type { TemplateValues } from './template-fill';

export interface PastReply {
  id: string;
  text: string;
  /** Whom it went to (a contact id); a match with `contactId` marks the suggestion as already sent. */
  sentTo?: string;
}

export interface SuggestSources {
  templates: readonly ReplyTemplate[];
  articles: readonly KnowledgeArticle[];
  pastReplies: readonly PastReply[];
}

export interface SuggestRequest {
  message: string;
  lang?: ReplyLanguage;
  stage?: string;
  person: { name?: string; headline?: string; company?: string };
  /** The contact the reply is for, to recognise past replies already sent to them. */
  contactId?: string;
  agentName?: string;
  /** The site the reply goes to (a `Site`), shown by its proper name (lib/sites/site-specs.ts) in {{site}}. */
  site: string;
  /** Templates already sent to this person: their suggestions carry `alreadySent`. */
  alreadySentTemplateIds?: readonly string[];
  limit?: number;
  /** More variable values ({{order}}, {{opening_time}}, custom ones); they win over values derived from `person`. */
  values?: TemplateValues;
  /** Where the reply goes; public (the safe assumption) unless said. */
  channel?: ReplyChannel;
  /** Everything the customer wrote here, whose personal data must not be repeated in public; the message alone unless said. */
  customerTexts?: readonly string[];
  /** What is done already (a DM sent, the order checked): texts claiming anything else become promises or are withheld. */
  done?: readonly ReplyClaim[];
  /** The message before it in the thread, where the page shows one: what a short follow-up is about. */
  previousMessage?: string;
  /** What the message is about; detected from it unless said. */
  intents?: readonly Intent[];
}

export interface Suggestion {
  id: string;
  kind: CandidateKind;
  title: string;
  /** The filled text; missing variables stand as `[[name]]` (pass the fill to `textForComposer` before inserting). */
  text: string;
  missing: string[];
  complete: boolean;
  score: number;
  /** The same template, or this very reply, already went to this person: inserting it again would feel canned. */
  alreadySent: boolean;
  lang?: ReplyLanguage;
  /** Articles only: where the article lives, if it has a URL. */
  url?: string | null;
  /** Where this text may go: this page's reply box, or (`private` on a public page) only the private message. */
  channel: ReplyChannel;
  /** May go into this page's reply box as shown (once nothing is missing). */
  insertable: boolean;
  /** Why the text was changed or withheld. */
  notes: ReplyNote[];
  /** Articles only: what the agent needs to know; shown to the agent, never inserted. */
  internalNotes?: string;
}

export interface Suggester {
  suggest(request: SuggestRequest): Suggestion[];
}

const PAST_REPLY_TITLE_LENGTH = 60;
const INTERNAL_NOTES_LENGTH = 400;
/** Ranked candidates looked at before filtering down to `limit`. */
const CANDIDATE_POOL = 40;
/** Texts for the private message shown besides the public ones, at most. */
const PRIVATE_EXTRAS = 2;

export type Source =
  | { kind: 'template'; record: ReplyTemplate }
  | { kind: 'article'; record: KnowledgeArticle }
  | { kind: 'past-reply'; record: PastReply };

export function createSuggester(sources: SuggestSources): Suggester {
  const byKey = new Map<string, Source>();
  const candidates: RankCandidate[] = [];
  // Keys carry the kind: a template and an article could share an id.
  for (const record of sources.templates) {
    if (record.deletedAt !== null) continue;
    const key = `template:${record.id}`;
    byKey.set(key, { kind: 'template', record });
    candidates.push({ id: key, kind: 'template', title: record.title, body: record.body, tags: record.tags, lang: record.lang });
  }
  for (const record of sources.articles) {
    if (record.deletedAt !== null) continue;
    const key = `article:${record.id}`;
    byKey.set(key, { kind: 'article', record });
    candidates.push({ id: key, kind: 'article', title: record.title, body: record.body, tags: record.tags, lang: record.lang });
  }
  for (const record of sources.pastReplies) {
    if (record.text.trim().length === 0) continue;
    const key = `past-reply:${record.id}`;
    byKey.set(key, { kind: 'past-reply', record });
    candidates.push({ id: key, kind: 'past-reply', title: excerpt(record.text, PAST_REPLY_TITLE_LENGTH), body: record.text });
  }
  const ranker = createReplyRanker(candidates);

  function suggest(request: SuggestRequest): Suggestion[] {
    const limit = request.limit ?? 5;
    if (limit <= 0) return [];
    const situation = situationOf(request);
    const safety = safetyOf(request);
    const ranked = ranker.rank(request.message, {
      limit: CANDIDATE_POOL,
      lang: situation.lang,
      stage: request.stage,
      ...(request.previousMessage ? { previous: request.previousMessage } : {}),
    });
    const fitting = ranked.filter(({ id }) => {
      const source = byKey.get(id);
      return source !== undefined && misfit(metaOf(source), situation) === null;
    });
    // Praise and thanks get a warm reply first: an article (troubleshooting, policies) is not an answer to them.
    const ordered = isWarmMessage(situation.intents)
      ? [...fitting.filter(({ id }) => byKey.get(id)?.kind !== 'article'), ...fitting.filter(({ id }) => byKey.get(id)?.kind === 'article')]
      : fitting;
    const values = variableValues(request);
    const alreadySent = new Set(request.alreadySentTemplateIds ?? []);
    const main: Suggestion[] = [];
    const extras: Suggestion[] = [];
    for (const { id, score } of ordered) {
      const source = byKey.get(id);
      if (!source) continue;
      for (const suggestion of toSuggestions(source, score, values, safety, alreadySent, request.contactId)) {
        if (suggestion.channel === safety.channel) {
          if (main.length < limit) main.push(suggestion);
        } else if (extras.length < PRIVATE_EXTRAS) {
          extras.push(suggestion);
        }
      }
      if (main.length >= limit && extras.length >= PRIVATE_EXTRAS) break;
    }
    return [...main, ...extras];
  }

  return { suggest };
}

/** The candidate's text for this page (what the panel shows and the background inserts), each variant once. */
export function prepareSource(source: Source, request: SuggestRequest): PreparedReply[] {
  const safety = safetyOf(request);
  const meta = metaOf(source);
  switch (source.kind) {
    case 'template':
      return prepareTemplate(source.record.body, meta, variableValues(request), safety);
    case 'article':
      return [prepareArticle(source.record, meta, safety)];
    case 'past-reply':
      return [preparePastReply(source.record.text, safety)];
  }
}

function metaOf(source: Source): CandidateMeta {
  return source.kind === 'past-reply' ? candidateMeta({}) : candidateMeta(source.record);
}

function situationOf(request: SuggestRequest): Situation {
  return {
    site: request.site as Site,
    channel: request.channel ?? 'public',
    lang: request.lang ?? messageLanguage(request.message) ?? 'en',
    stage: request.stage,
    intents: request.intents ?? detectIntents(request.message).map((detected) => detected.intent),
  };
}

function safetyOf(request: SuggestRequest): SafetyContext {
  return {
    channel: request.channel ?? 'public',
    values: sensitiveValuesOf(request.customerTexts ?? [request.message]),
    done: new Set(request.done ?? []),
  };
}

export function suggestReplies(input: SuggestRequest & SuggestSources): Suggestion[] {
  return createSuggester(input).suggest(input);
}

function toSuggestions(
  source: Source,
  score: number,
  values: TemplateValues,
  safety: SafetyContext,
  alreadySentTemplateIds: ReadonlySet<string>,
  contactId: string | undefined,
): Suggestion[] {
  const meta = metaOf(source);
  switch (source.kind) {
    case 'template': {
      const { record } = source;
      return prepareTemplate(record.body, meta, values, safety).map((prepared) => ({
        id: record.id,
        kind: 'template',
        title: record.title,
        ...fromPrepared(prepared),
        score,
        alreadySent: alreadySentTemplateIds.has(record.id),
        lang: record.lang,
      }));
    }
    case 'article': {
      const { record } = source;
      const prepared = prepareArticle(record, meta, safety);
      return [
        {
          id: record.id,
          kind: 'article',
          title: record.title,
          ...fromPrepared(prepared),
          score,
          alreadySent: false,
          lang: record.lang,
          url: record.url,
          internalNotes: excerpt(record.body, INTERNAL_NOTES_LENGTH),
        },
      ];
    }
    case 'past-reply': {
      const { record } = source;
      const prepared = preparePastReply(record.text, safety);
      // A past reply that cannot go in as it is has nothing to offer here (it was written for someone else).
      if (!prepared.insertable) return [];
      return [
        {
          id: record.id,
          kind: 'past-reply',
          title: excerpt(record.text, PAST_REPLY_TITLE_LENGTH),
          ...fromPrepared(prepared),
          score,
          alreadySent: contactId !== undefined && record.sentTo === contactId,
        },
      ];
    }
  }
}

function fromPrepared(prepared: PreparedReply): Pick<Suggestion, 'text' | 'missing' | 'complete' | 'channel' | 'insertable' | 'notes'> {
  return {
    text: prepared.text,
    missing: prepared.missing,
    complete: prepared.complete,
    channel: prepared.channel,
    insertable: prepared.insertable,
    notes: prepared.notes,
  };
}

function variableValues(request: SuggestRequest): TemplateValues {
  const values: TemplateValues = {
    name: request.person.name,
    company: request.person.company,
    headline: request.person.headline,
    agent_name: request.agentName,
    site: siteLabel(request.site),
  };
  for (const [name, value] of Object.entries(request.values ?? {})) {
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

let cachedGraphemeSegmenter: Intl.Segmenter | undefined;
function graphemeSegmenter(): Intl.Segmenter {
  cachedGraphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return cachedGraphemeSegmenter;
}

/** The text cut at a word or sentence boundary near `length`, with an ellipsis when cut. */
function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const graphemes = Array.from(graphemeSegmenter().segment(flat), (part) => part.segment);
  if (graphemes.length <= length) return flat;
  const cut = graphemes.slice(0, length).join('');
  const boundary = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('。'), cut.lastIndexOf('、'));
  return `${boundary > length / 2 ? cut.slice(0, boundary + 1).trimEnd() : cut}…`;
}
