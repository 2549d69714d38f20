import { browser } from 'wxt/browser';
import { contactsCsv, conversationsCsv, notesCsv } from '@/lib/backup/csv-export';
import { backupToJson, exportBackup } from '@/lib/backup/export';
import { checkBackup, describeBackupIssue, restoreBackup } from '@/lib/backup/restore';
import { outboxSize } from '@/lib/db/outbox';
import { articles } from '@/lib/db/articles';
import { noteCleared } from '@/lib/db/changes';
import { conversations } from '@/lib/db/conversations';
import { refreshConversationIn } from '@/lib/db/conversation-capture';
import { ensureDefaultPolicies, slaPolicies } from '@/lib/db/sla-policies';
import { templates } from '@/lib/db/templates';
import { writeRecord } from '@/lib/db/write';
import { importContacts } from '@/lib/import/apply';
import { parseContactsCsv } from '@/lib/import/contacts-csv';
import { linkedInImportRows } from '@/lib/import/linkedin-rows';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { Handlers } from '@/lib/messaging/handle';
import type { optionsProtocol } from '@/lib/messaging/options-protocol';
import { syncedStoreNameSchema, type RecordBase, type SlaPolicy } from '@/lib/model';
import { starterArticleData, starterArticles, starterTemplateData, starterTemplates } from '@/lib/replies/starter-set';
import { updateSettings, readSettings } from '@/lib/settings/storage';
import { computeMetrics } from '@/lib/sla/metrics';
import { observeStamps } from '@/lib/sync/observe-stamps';
import type { BackgroundServices } from './handlers';
import { readMetricsRows } from '@/lib/db/metrics-store';

const done = { ok: true as const };
const storeNames = syncedStoreNameSchema.options;
/** The replica's identity and clock survive an erase: the clock must never run backwards. */
const KEPT_META_KEYS = new Set<IDBValidKey>(['clientId', 'hlc']);

/** A starter item's id from its key, the same on every install, so that teammates seed one set. */
async function starterId(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`replyline-starter:${key}`)));
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x80; // version 8: custom
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function datedName(prefix: string, nowIso: string, extension: string): string {
  return `${prefix}-${nowIso.slice(0, 10)}.${extension}`;
}

function byOrder(a: SlaPolicy, b: SlaPolicy): number {
  return a.order - b.order || a.createdAt.localeCompare(b.createdAt);
}

/** The options page's requests (see lib/messaging/options-protocol.ts). */
export function optionsHandlers(services: BackgroundServices): Handlers<typeof optionsProtocol> {
  const { db, clock } = services;

  /** Policies decide the clocks: every conversation not yet resolved is recomputed under the new ones. */
  async function recomputeClocks(): Promise<void> {
    const policies = await slaPolicies.all(db);
    const values: unknown[] = (
      await Promise.all((['open', 'waiting', 'snoozed'] as const).map((status) => db.getAllFromIndex('conversations', 'by-status', status)))
    ).flat();
    const unresolved = values.map(conversations.parse).filter((conversation) => conversation.deletedAt === null);
    if (unresolved.length > 0) {
      const tx = conversations.startWrite(db, ['messages', 'contacts']);
      for (const conversation of unresolved) await refreshConversationIn(tx, conversation, policies, clock);
      await tx.done;
    }
  }

  async function livePolicies(): Promise<SlaPolicy[]> {
    return (await slaPolicies.all(db)).sort(byOrder);
  }

  async function checkShortcut(id: string | null, shortcut: string | null): Promise<void> {
    if (shortcut === null) return;
    const values: unknown[] = await db.getAllFromIndex('templates', 'by-shortcut', shortcut);
    const other = values.map(templates.parse).find((template) => template.deletedAt === null && template.id !== id);
    if (other) throw new ProtocolError('bad-request', `The shortcut "${shortcut}" is already used by "${other.title}"`);
  }

  /** Writes the starter records not stored yet (by id, or by the same title in the same language). */
  async function addStarter(
    store: 'templates' | 'articles',
    repository: typeof templates | typeof articles,
    make: (nowIso: string, makeId: (key: string) => string) => Array<RecordBase & { title: string; lang: string }>,
    keys: readonly string[],
  ): Promise<number> {
    const ids = new Map(await Promise.all(keys.map(async (key) => [key, await starterId(key)] as const)));
    const candidates = make(clock.nowIso(), (key) => ids.get(key) ?? crypto.randomUUID());
    const live = await repository.all(db);
    const known = new Set(live.map((record) => `${record.lang}\u0000${record.title}`));
    const tx = repository.startWrite(db);
    let added = 0;
    for (const candidate of candidates) {
      if (known.has(`${candidate.lang}\u0000${candidate.title}`)) continue;
      const stored: unknown = await tx.objectStore(store).get(candidate.id);
      const previous = stored === undefined ? undefined : repository.parse(stored);
      if (previous && previous.deletedAt === null) continue;
      const next = repository.parse({ ...candidate, createdAt: previous?.createdAt ?? candidate.createdAt });
      await writeRecord(tx, store, next as never, previous as never, clock);
      added += 1;
    }
    await tx.done;
    return added;
  }

  return {
    async 'policies.list'() {
      return livePolicies();
    },

    async 'policies.save'({ id, policy }) {
      let saved: SlaPolicy;
      if (id === null) {
        const order = Math.max(-1, ...(await livePolicies()).map((existing) => existing.order)) + 1;
        saved = await slaPolicies.create(db, { ...policy, order }, clock);
      } else {
        saved = await slaPolicies.update(db, id, policy, clock);
      }
      await recomputeClocks();
      return saved;
    },

    async 'policies.delete'({ id }) {
      await slaPolicies.remove(db, id, clock);
      await recomputeClocks();
      return done;
    },

    async 'policies.reorder'({ ids }) {
      const live = await livePolicies();
      const wanted = new Set(ids);
      if (wanted.size !== ids.length || live.length !== ids.length || live.some((policy) => !wanted.has(policy.id))) {
        throw new ProtocolError('bad-request', 'The new order must name every policy once');
      }
      const tx = slaPolicies.startWrite(db);
      for (const [order, id] of ids.entries()) await slaPolicies.updateIn(tx, id, { order }, clock);
      await tx.done;
      await recomputeClocks();
      return livePolicies();
    },

    async 'templates.list'() {
      return (await templates.all(db)).sort((a, b) => a.title.localeCompare(b.title));
    },

    async 'templates.save'({ id, template }) {
      await checkShortcut(id, template.shortcut);
      return id === null ? templates.create(db, template, clock) : templates.update(db, id, template, clock);
    },

    async 'templates.delete'({ id }) {
      await templates.remove(db, id, clock);
      return done;
    },

    async 'articles.list'() {
      return (await articles.all(db)).sort((a, b) => a.title.localeCompare(b.title));
    },

    async 'articles.save'({ id, article }) {
      return id === null ? articles.create(db, article, clock) : articles.update(db, id, article, clock);
    },

    async 'articles.delete'({ id }) {
      await articles.remove(db, id, clock);
      return done;
    },

    async 'starter.add'({ kind }) {
      const added =
        kind === 'templates'
          ? await addStarter('templates', templates, starterTemplates, starterTemplateData.map((item) => item.key))
          : await addStarter('articles', articles, starterArticles, starterArticleData.map((item) => item.key));
      return { added };
    },

    async 'metrics.compute'(filters) {
      const now = clock.nowIso();
      // Only the rows that can count in the range (all without a start); the owners offered are theirs.
      const stored = await readMetricsRows(db, filters.from);
      const owners = [...new Set(stored.map((conversation) => conversation.ownerId))].sort((a, b) =>
        a === null ? -1 : b === null ? 1 : a.localeCompare(b),
      );
      return { metrics: computeMetrics({ conversations: stored, options: { ...filters, now } }), owners, computedAt: now };
    },

    async 'data.summary'() {
      const tx = db.transaction([...storeNames], 'readonly');
      const counts = await Promise.all(storeNames.map((store) => tx.objectStore(store).count()));
      await tx.done;
      // Entries, not stored rows: a bulk write keeps many in one page.
      const outbox = await outboxSize(db);
      return { stores: Object.fromEntries(storeNames.map((store, index) => [store, counts[index] ?? 0])) as Record<(typeof storeNames)[number], number>, outbox };
    },

    async 'backup.export'() {
      const now = clock.nowIso();
      const backup = await exportBackup(db, await readSettings(), () => new Date(now));
      return { fileName: datedName('replyline-backup', now, 'json'), json: backupToJson(backup) };
    },

    async 'backup.restore'({ json }) {
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch (error) {
        return { ok: false as const, issues: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
      }
      const check = checkBackup(value, db.version);
      if (!check.ok) return { ok: false as const, issues: check.issues.map(describeBackupIssue) };
      const result = await restoreBackup(db, check.backup);
      if (!result.ok) return { ok: false as const, issues: result.issues.map(describeBackupIssue) };
      // Later local writes must sort after what was restored, even from a machine whose clock ran ahead.
      observeStamps(clock, Object.values(check.backup.stores).flatMap((records: RecordBase[]) => records.flatMap((record) => Object.values(record.stamps))));
      await updateSettings(result.settings);
      await recomputeClocks();
      return { ok: true as const, written: result.written, unchanged: result.unchanged };
    },

    async 'import.csv'(request) {
      const read = request.format === 'linkedin' ? linkedInImportRows(request.csv) : parseContactsCsv(request.csv, request.mapping);
      const result = await importContacts(db, clock, read.rows);
      const errors = [...read.errors, ...result.errors].sort((a, b) => a.line - b.line);
      return { created: result.created, updated: result.updated, skipped: result.skipped, errors };
    },

    async 'export.csv'({ table }) {
      const csv = table === 'contacts' ? await contactsCsv(db) : table === 'notes' ? await notesCsv(db) : await conversationsCsv(db);
      return { fileName: datedName(`replyline-${table}`, clock.nowIso(), 'csv'), csv };
    },

    async 'data.erase'() {
      // Disconnected first: nothing erased here may reach the team backend, nor its copy come back.
      await services.sync.configure(null);
      const tx = db.transaction([...storeNames, 'outbox', 'meta', 'queue', 'metrics'], 'readwrite');
      await Promise.all([...storeNames, 'outbox' as const, 'queue' as const, 'metrics' as const].map((store) => tx.objectStore(store).clear()));
      // Clearing writes no record: the change is told by hand, so panels, badges and timers follow it.
      noteCleared(tx, storeNames, 'local');
      const metaKeys = await tx.objectStore('meta').getAllKeys();
      await Promise.all(metaKeys.filter((key) => !KEPT_META_KEYS.has(key)).map((key) => tx.objectStore('meta').delete(key)));
      await tx.done;
      await browser.storage.local.clear();
      await ensureDefaultPolicies(db, clock);
      return done;
    },
  };
}
