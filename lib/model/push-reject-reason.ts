import { z } from 'zod';

/** Why the server refused one mutation of a push; the mutation is never applied, the rest of the batch is. */
export const pushRejectReasonSchema = z.enum([
  /** Not the shape of a mutation: a missing or mistyped member, a bad id or stamp, a field without a stamp. */
  'invalid',
  'unknown-store',
  /** A string or field name with U+0000. */
  'nul-character',
  /** A string or field name with an unpaired UTF-16 surrogate. */
  'lone-surrogate',
  /** A field name (at any depth) longer than MAX_FIELD_NAME_LENGTH. */
  'field-name-too-long',
  /** `__proto__` at any depth, or a field the server derives (`id`, `updatedAt`, `stamps`). */
  'reserved-field-name',
  /** A value nested deeper than MAX_VALUE_DEPTH. */
  'too-deep',
  'not-json',
  /** A field the store's records do not have. */
  'unknown-field',
  /** A value the store's schema refuses for that field (e.g. a date that is not ISO 8601). */
  'invalid-field-value',
  /** A stamp more than MAX_CLOCK_AHEAD_MS ahead of the server's clock. */
  'clock-ahead',
]);
export type PushRejectReason = z.infer<typeof pushRejectReasonSchema>;
