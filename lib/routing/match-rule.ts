import type { RoutingRule, Site } from '@/lib/model';
import { normalizeText } from '@/lib/replies/tokenize';

export interface RoutingSubject {
  site: Site;
  tags: readonly string[];
  /** The customer's messages that just arrived (all of them when the conversation is first captured). */
  newTexts: readonly string[];
}

const fold = normalizeText;

/** Whether a keyword occurs in the text, ignoring case and width (ｒｅｆｕｎｄ is refund). */
function containsKeyword(texts: readonly string[], keyword: string): boolean {
  const wanted = fold(keyword).trim();
  return wanted.length > 0 && texts.some((text) => fold(text).includes(wanted));
}

/** Every non-empty condition holds: one of the sites, one of the tags (ignoring case), one of the keywords. */
export function ruleMatches(rule: RoutingRule, subject: RoutingSubject): boolean {
  if (!rule.enabled) return false;
  const { sites, tags, keywords } = rule.when;
  if (sites.length > 0 && !sites.includes(subject.site)) return false;
  if (tags.length > 0) {
    const subjectTags = new Set(subject.tags.map((tag) => tag.trim().toLowerCase()));
    if (!tags.some((tag) => subjectTags.has(tag.trim().toLowerCase()))) return false;
  }
  return keywords.length === 0 || keywords.some((keyword) => containsKeyword(subject.newTexts, keyword));
}

/** A rule that reads the message (has keywords) is new evidence; one on site or tag alone says nothing new about it. */
export function readsMessage(rule: RoutingRule): boolean {
  return rule.when.keywords.length > 0;
}
