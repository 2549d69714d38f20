/**
 * Field-by-field last-writer-wins merge on hybrid-logical-clock stamps, shared by the server (push)
 * and the extension (pull). Commutative, associative and idempotent, so replicas that have seen the
 * same writes hold the same state whatever order they saw them in.
 */
import type { RecordBase } from '@/lib/model';
import { parseHlc } from './hlc';

export interface StampedFields {
  fields: Record<string, unknown>;
  /** One stamp per field; a stamp without a value in `fields` means the field is unset at that stamp. */
  stamps: Record<string, string>;
}

export interface MergedFields extends StampedFields {
  /** Whether the result differs from `local`. */
  changed: boolean;
}

/** Below every real stamp: a field without a stamp loses to any stamped value of the other side. */
const NO_STAMP = '';

/**
 * Per field, the value with the higher stamp wins. Equal stamps mean the same write, so their values
 * agree in practice; should they not, the larger JSON text wins so that the merge stays commutative.
 */
export function mergeFields(local: StampedFields | undefined, incoming: StampedFields): MergedFields {
  const base = local ?? { fields: {}, stamps: {} };
  const fields: Record<string, unknown> = {};
  const stamps: Record<string, string> = {};
  let changed = false;

  for (const name of new Set([...fieldNames(base), ...fieldNames(incoming)])) {
    const ours = sideOf(base, name);
    const theirs = sideOf(incoming, name);
    const theirsWin = compareSides(ours, theirs) < 0;
    const winner = theirsWin ? theirs : ours;
    if (winner.present) fields[name] = winner.value;
    if (winner.stamp !== NO_STAMP) stamps[name] = winner.stamp;
    if (theirsWin) changed = true;
  }
  return { fields, stamps, changed };
}

/** Bookkeeping that is not merged: the id is the key, `updatedAt` follows the stamps, `stamps` is the merge state. */
const DERIVED_FIELDS = new Set(['id', 'updatedAt', 'stamps']);

/**
 * Merges a pulled change into a stored record. The result's `updatedAt` is the wall time of its
 * highest stamp, so that it is the same on every replica. The caller validates the result.
 */
// The type parameter is part of the shared wire contract's signature.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function mergeRecord<T extends RecordBase>(
  local: T | undefined,
  incoming: StampedFields,
): { record: Record<string, unknown>; changed: boolean } {
  const localSide = local ? { fields: withoutDerived(local), stamps: local.stamps } : undefined;
  const merged = mergeFields(localSide, { fields: withoutDerived(incoming.fields), stamps: incoming.stamps });
  const id = local?.id ?? incoming.fields.id;
  const updatedAt = updatedAtOf(merged.stamps) ?? local?.updatedAt ?? incoming.fields.updatedAt;
  const record: Record<string, unknown> = { ...merged.fields, id, updatedAt, stamps: merged.stamps };
  const changed = merged.changed || local === undefined || local.updatedAt !== updatedAt;
  return { record, changed };
}

/** The wall time of the newest write the stamps record. */
export function updatedAtOf(stamps: Record<string, string>): string | undefined {
  let newest: string | undefined;
  for (const stamp of Object.values(stamps)) {
    if (newest === undefined || stamp > newest) newest = stamp;
  }
  return newest === undefined ? undefined : new Date(parseHlc(newest).wallMs).toISOString();
}

interface Side {
  present: boolean;
  value: unknown;
  stamp: string;
  /** A total order of values, used only to break a tie between equal stamps. */
  rank: string;
}

function sideOf(source: StampedFields, name: string): Side {
  const present = Object.hasOwn(source.fields, name) && source.fields[name] !== undefined;
  const value = present ? source.fields[name] : undefined;
  const stamp = Object.hasOwn(source.stamps, name) ? (source.stamps[name] ?? NO_STAMP) : NO_STAMP;
  return { present, value, stamp, rank: present ? `v${JSON.stringify(value)}` : '' };
}

function compareSides(a: Side, b: Side): number {
  if (a.stamp !== b.stamp) return a.stamp > b.stamp ? 1 : -1;
  if (a.rank !== b.rank) return a.rank > b.rank ? 1 : -1;
  return 0;
}

function fieldNames(source: StampedFields): Set<string> {
  const names = new Set(Object.keys(source.stamps));
  for (const [name, value] of Object.entries(source.fields)) {
    if (value !== undefined) names.add(name);
  }
  return names;
}

function withoutDerived(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !DERIVED_FIELDS.has(name)));
}
