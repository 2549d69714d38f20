/**
 * Suggested replies for the message on screen: templates, knowledge-base articles and past replies,
 * ranked (rank.ts) and filled with what we know about the person (template-fill.ts).
 *
 * `createSuggester` builds the search index once; the background keeps one and builds a new one when
 * templates, articles or past replies change. `suggestReplies` does both in one call, for one-offs.
 */
import type { KnowledgeArticle, ReplyTemplate } from '@/lib/model';
import { createReplyRanker, type CandidateKind, type RankCandidate, type ReplyLanguage } from './rank';
import { fillTemplate, type TemplateValues } from './template-fill';

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
  /** The site the reply goes to ('linkedin', 'x', 'facebook', 'instagram'), shown by its proper name in {{site}}. */
  site: string;
  /** Templates already sent to this person: their suggestions carry `alreadySent`. */
  alreadySentTemplateIds?: readonly string[];
  limit?: number;
  /** More variable values ({{order}}, {{opening_time}}, custom ones); they win over values derived from `person`. */
  values?: TemplateValues;
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
}

export interface Suggester {
  suggest(request: SuggestRequest): Suggestion[];
}

const SITE_NAMES: Record<string, string> = { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook', instagram: 'Instagram' };
const PAST_REPLY_TITLE_LENGTH = 60;
const ARTICLE_EXCERPT_LENGTH = 280;

type Source =
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
    const ranked = ranker.rank(request.message, { limit: request.limit, lang: request.lang, stage: request.stage });
    const values = variableValues(request);
    const alreadySent = new Set(request.alreadySentTemplateIds ?? []);
    const suggestions: Suggestion[] = [];
    for (const { id, score } of ranked) {
      const source = byKey.get(id);
      if (source) suggestions.push(toSuggestion(source, score, values, alreadySent, request.contactId));
    }
    return suggestions;
  }

  return { suggest };
}

export function suggestReplies(input: SuggestRequest & SuggestSources): Suggestion[] {
  return createSuggester(input).suggest(input);
}

function toSuggestion(
  source: Source,
  score: number,
  values: TemplateValues,
  alreadySentTemplateIds: ReadonlySet<string>,
  contactId: string | undefined,
): Suggestion {
  switch (source.kind) {
    case 'template': {
      const { record } = source;
      const filled = fillTemplate(record.body, values);
      return {
        id: record.id,
        kind: 'template',
        title: record.title,
        text: filled.text,
        missing: filled.missing,
        complete: filled.complete,
        score,
        alreadySent: alreadySentTemplateIds.has(record.id),
        lang: record.lang,
      };
    }
    case 'article': {
      const { record } = source;
      const text = record.url ? `${record.title}: ${record.url}` : excerpt(record.body, ARTICLE_EXCERPT_LENGTH);
      return {
        id: record.id,
        kind: 'article',
        title: record.title,
        text,
        missing: [],
        complete: text.length > 0,
        score,
        alreadySent: false,
        lang: record.lang,
        url: record.url,
      };
    }
    case 'past-reply': {
      const { record } = source;
      return {
        id: record.id,
        kind: 'past-reply',
        title: excerpt(record.text, PAST_REPLY_TITLE_LENGTH),
        text: record.text.trim(),
        missing: [],
        complete: true,
        score,
        alreadySent: contactId !== undefined && record.sentTo === contactId,
      };
    }
  }
}

function variableValues(request: SuggestRequest): TemplateValues {
  const values: TemplateValues = {
    name: request.person.name,
    company: request.person.company,
    headline: request.person.headline,
    agent_name: request.agentName,
    site: SITE_NAMES[request.site] ?? request.site,
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
