import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The peer's address as the socket reports it (forwarding headers are not trusted: anyone can send them).
 * Requests made in-process (tests) have no socket and share the address 'local'.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
