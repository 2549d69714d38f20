/**
 * The starter templates and articles, seeded once per install with ids derived from their keys, so
 * that teammates who each start with them sync into one set rather than two.
 */
import { starterArticles, starterTemplates } from '@/lib/replies/starter-set';
import type { ReplicaClock } from './clock';
import { articles } from './articles';
import type { ReplylineDb } from './open';
import { templates } from './templates';
import { writeRecord } from './write';

/** A fixed namespace for the name-based ids (UUID version 5) of the starter set. */
const STARTER_NAMESPACE = '4f1b6c52-8d1e-4c1a-9b0e-7a3d5e2f9c10';

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, index) => parseInt(hex.slice(index * 2, index * 2 + 2), 16));
}

/** RFC 9562 version 5: SHA-1 of namespace and name, with the version and variant bits set. */
export async function starterId(key: string): Promise<string> {
  const name = new TextEncoder().encode(`replyline-starter:${key}`);
  const input = new Uint8Array(16 + name.length);
  input.set(uuidBytes(STARTER_NAMESPACE));
  input.set(name, 16);
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function idsFor(keys: readonly string[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(keys.map(async (key) => [key, await starterId(key)] as const)));
}

/**
 * Seeds the starter templates into an install with none, and the starter articles into one with none
 * (deleted ones count: the user chose). Answers what was seeded.
 */
export async function ensureStarterContent(db: ReplylineDb, clock: ReplicaClock): Promise<{ templates: number; articles: number }> {
  const seedTemplates = (await db.count('templates')) === 0;
  const seedArticles = (await db.count('articles')) === 0;
  if (!seedTemplates && !seedArticles) return { templates: 0, articles: 0 };
  const nowIso = clock.nowIso();
  // Ids are computed before the transaction: an await on anything else would let it close.
  const keysOf = (records: Array<{ id: string }>) => records.map((record) => record.id);
  const templateIds = await idsFor(keysOf(starterTemplates(nowIso, (key) => key)));
  const articleIds = await idsFor(keysOf(starterArticles(nowIso, (key) => key)));
  const newTemplates = seedTemplates ? starterTemplates(nowIso, (key) => templateIds.get(key) ?? key) : [];
  const newArticles = seedArticles ? starterArticles(nowIso, (key) => articleIds.get(key) ?? key) : [];
  const tx = db.transaction(['templates', 'articles', 'outbox', 'meta'], 'readwrite');
  for (const record of newTemplates) await writeRecord(tx, 'templates', templates.parse(record), undefined, clock);
  for (const record of newArticles) await writeRecord(tx, 'articles', articles.parse(record), undefined, clock);
  await tx.done;
  return { templates: newTemplates.length, articles: newArticles.length };
}
