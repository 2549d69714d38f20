import type { ReplylineDb } from '@/lib/db/open';
import type { Settings } from '@/lib/model';
import { BACKUP_FORMAT, BACKUP_VERSION, backupStores, type Backup, type BackupStores } from './schema';

/**
 * The whole database as a backup: every record of every synced store as stored (tombstones and
 * stamps included), read in one transaction so that the stores agree with each other. Settings
 * live in extension storage, so the caller passes them in.
 */
export async function exportBackup(db: ReplylineDb, settings: Settings, now: () => Date = () => new Date()): Promise<Backup> {
  const tx = db.transaction([...backupStores], 'readonly');
  const lists = await Promise.all(backupStores.map((store) => tx.objectStore(store).getAll()));
  await tx.done;
  const stores = Object.fromEntries(backupStores.map((store, index) => [store, lists[index] ?? []])) as unknown as BackupStores;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now().toISOString(),
    dbVersion: db.version,
    settings,
    stores,
  };
}

/** The backup as the text of a .json file. */
export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup);
}
