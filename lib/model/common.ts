import { z } from 'zod';

export const idSchema = z.uuid();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** A hybrid-logical-clock stamp: `<wall ms, 15 digits>:<counter, 6 digits>:<client id>` (lib/sync/hlc.ts). */
export const HLC_PATTERN = /^\d{15}:\d{6}:[A-Za-z0-9-]{1,64}$/;

export const hlcStampSchema = z.string().regex(HLC_PATTERN, 'not a hybrid-logical-clock stamp');

/**
 * What every synced record carries: a UUID, its times, a tombstone, and one HLC stamp per field
 * (the stamp of the write that last set that field), which is what sync merges on.
 */
export const recordBaseSchema = z.object({
  id: idSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** Tombstone: set instead of deleting, so that the deletion syncs like any other field. */
  deletedAt: isoDateTimeSchema.nullable(),
  stamps: z.record(z.string(), hlcStampSchema),
});
export type RecordBase = z.infer<typeof recordBaseSchema>;



export const tagListSchema = z.array(z.string().trim().min(1).max(40)).max(50);
