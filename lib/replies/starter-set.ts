/**
 * The templates and knowledge-base articles that ship with the extension, in English and Japanese.
 *
 * The data is plain (`starterTemplateData`, `starterArticleData`), each item keyed by a stable `key`;
 * `starterTemplates` and `starterArticles` turn it into records the repositories accept. `makeId`
 * receives the key: a deterministic id from it (a name-based UUID) lets every replica of a team seed
 * the same records instead of duplicates, while `() => crypto.randomUUID()` suits a single install.
 */
import type { KnowledgeArticle, ReplyTemplate } from '@/lib/model';
import { starterArticleData } from './starter/articles';
import { englishTemplates } from './starter/templates-en';
import { moreEnglishTemplates } from './starter/templates-en-more';
import { japaneseTemplates } from './starter/templates-ja';
import { moreJapaneseTemplates } from './starter/templates-ja-more';
import type { StarterArticleData, StarterTemplateData } from './starter/types';
import type { RankCandidate } from './rank';

export type { StarterArticleData, StarterTemplateData } from './starter/types';
export { starterArticleData } from './starter/articles';

export const starterTemplateData: readonly StarterTemplateData[] = [...englishTemplates, ...moreEnglishTemplates, ...japaneseTemplates, ...moreJapaneseTemplates];

export type MakeStarterId = (key: string) => string;

export function starterTemplates(nowIso: string, makeId: MakeStarterId): ReplyTemplate[] {
  return starterTemplateData.map((item) => ({
    id: makeId(item.key),
    createdAt: nowIso,
    updatedAt: nowIso,
    deletedAt: null,
    stamps: {},
    title: item.title,
    body: item.body,
    lang: item.lang,
    tags: [...item.tags],
    shortcut: item.shortcut,
    ...(item.asserts ? { asserts: [...item.asserts] } : {}),
  }));
}

export function starterArticles(nowIso: string, makeId: MakeStarterId): KnowledgeArticle[] {
  return starterArticleData.map((item) => ({
    id: makeId(item.key),
    createdAt: nowIso,
    updatedAt: nowIso,
    deletedAt: null,
    stamps: {},
    title: item.title,
    body: item.body,
    url: item.url,
    tags: [...item.tags],
    lang: item.lang,
    customerText: item.customerText,
  }));
}

/** The starter set as ranking candidates whose ids are the starter keys (the labelled set refers to them). */
export function starterCandidates(): RankCandidate[] {
  const templates = starterTemplateData.map((item: StarterTemplateData): RankCandidate => ({
    id: item.key,
    kind: 'template',
    title: item.title,
    body: item.body,
    tags: item.tags,
    lang: item.lang,
  }));
  const articles = starterArticleData.map((item: StarterArticleData): RankCandidate => ({
    id: item.key,
    kind: 'article',
    title: item.title,
    body: item.body,
    tags: item.tags,
    lang: item.lang,
  }));
  return [...templates, ...articles];
}
