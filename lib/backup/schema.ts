import { z } from 'zod';
import { syncedRecordSchemas } from '@/lib/sync/store-schemas';
import {
  isoDateTimeSchema,
  settingsSchema,
  syncedStoreNameSchema,
  type Settings,
  type SyncedStoreName,
} from '@/lib/model';
import type { StoreRecord } from '@/lib/db/schema';

export const BACKUP_FORMAT = 'replyline-backup';
export const BACKUP_VERSION = 1;

/** Every synced store, in the order a backup lists and restores them (a contact before its identities). */
export const backupStores: readonly SyncedStoreName[] = syncedStoreNameSchema.options;

/** The schema each store's records are checked against on restore: the same as for synced records. */
export const storeRecordSchemas = syncedRecordSchemas;

export type BackupStores = { [S in SyncedStoreName]: StoreRecord<S>[] };

/** The whole database as one JSON document: records with their tombstones and stamps, and the settings. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** The IndexedDB schema version the records were read from. */
  dbVersion: number;
  settings: Settings;
  stores: BackupStores;
}

/**
 * The outside of a backup. Records are checked one by one afterwards, so that every bad record is
 * reported with its store and index rather than the first one only. A store missing from the file
 * is empty (a backup from a version with fewer stores).
 */
export const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT, 'not a Replyline backup'),
  version: z.literal(BACKUP_VERSION, `unsupported backup version (this Replyline reads version ${BACKUP_VERSION})`),
  exportedAt: isoDateTimeSchema,
  dbVersion: z.number().int().positive(),
  settings: settingsSchema,
  stores: z.partialRecord(syncedStoreNameSchema, z.array(z.unknown())),
});
