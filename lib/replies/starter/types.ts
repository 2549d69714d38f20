import type { ReplyClaim } from '@/lib/model';

/** A starter record as plain data, keyed by a stable `key` that `makeId` turns into the record's id. */
export interface StarterTemplateData {
  key: string;
  lang: 'en' | 'ja';
  title: string;
  body: string;
  tags: string[];
  shortcut: string;
  /** What the text says was done (see lib/replies/claims.ts). */
  asserts?: ReplyClaim[];
}

export interface StarterArticleData {
  key: string;
  lang: 'en' | 'ja';
  title: string;
  body: string;
  tags: string[];
  url: string | null;
  /** What may be said to the customer; `body` is the agent's internal notes, never inserted. */
  customerText: string;
}
