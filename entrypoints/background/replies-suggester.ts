/**
 * The one suggester the background keeps: built from templates, articles and past replies, and built
 * again when any of them changed (a cheap signature of the stores is compared on each use).
 */
import { articles } from '@/lib/db/articles';
import type { ReplylineDb } from '@/lib/db/open';
import { pastReplies } from '@/lib/db/past-replies';
import { templates } from '@/lib/db/templates';
import type { ReplyTemplate } from '@/lib/model';
import { createSuggester, type Suggester } from '@/lib/replies/suggest';

interface Built {
  signature: string;
  suggester: Suggester;
  templates: ReplyTemplate[];
}

function storeSignature(values: unknown[]): string {
  let latest = '';
  let deleted = 0;
  for (const value of values) {
    const record = value as { updatedAt?: unknown; deletedAt?: unknown };
    if (typeof record.updatedAt === 'string' && record.updatedAt > latest) latest = record.updatedAt;
    if (record.deletedAt) deleted += 1;
  }
  return `${values.length}/${deleted}/${latest}`;
}

export function createSuggesterCache() {
  let built: Promise<Built> | undefined;
  let builds = 0;

  async function signatureOf(db: ReplylineDb): Promise<string> {
    const [rawTemplates, rawArticles, messageCount] = await Promise.all([db.getAll('templates'), db.getAll('articles'), db.count('messages')]);
    return `${storeSignature(rawTemplates)}|${storeSignature(rawArticles)}|${messageCount}`;
  }

  async function build(db: ReplylineDb, signature: string): Promise<Built> {
    builds += 1;
    const [allTemplates, allArticles, replies] = await Promise.all([templates.all(db), articles.all(db), pastReplies(db)]);
    return { signature, suggester: createSuggester({ templates: allTemplates, articles: allArticles, pastReplies: replies }), templates: allTemplates };
  }

  return {
    /** The current suggester, rebuilt first when templates, articles or messages changed. */
    async current(db: ReplylineDb): Promise<Built> {
      const signature = await signatureOf(db);
      const previous = built ? await built.catch(() => undefined) : undefined;
      if (previous?.signature === signature) return previous;
      built = build(db, signature);
      return built;
    },
    /** Forgets the index, for callers that know a source changed. */
    invalidate(): void {
      built = undefined;
    },
    /** How many times an index was built (for tests and diagnostics). */
    builds: () => builds,
  };
}
export type SuggesterCache = ReturnType<typeof createSuggesterCache>;
