/** A starter record as plain data, keyed by a stable `key` that `makeId` turns into the record's id. */
export interface StarterTemplateData {
  key: string;
  lang: 'en' | 'ja';
  title: string;
  body: string;
  tags: string[];
  shortcut: string;
}

export interface StarterArticleData {
  key: string;
  lang: 'en' | 'ja';
  title: string;
  body: string;
  tags: string[];
  url: string | null;
}
