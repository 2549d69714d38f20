import { z } from 'zod';

export const syncErrorKindSchema = z.enum([
  'offline',
  'timeout',
  'unauthorized',
  'forbidden',
  'rate-limited',
  'bad-request',
  'server',
  'bad-response',
]);
export type SyncErrorKind = z.infer<typeof syncErrorKindSchema>;

/** Why a call to the backend failed, in terms the engine can act on and the UI can show. Never carries the token. */
export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; issues?: string[] } = {},
  ) {
    super(message);
  }

  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }
}

/** Failures that retrying cannot fix until the person changes the token or the backend. */
export function needsPersonToAct(kind: SyncErrorKind): boolean {
  return kind === 'unauthorized' || kind === 'forbidden';
}

/** Retry-After is either delay-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
