import { ProtocolError } from '@/lib/messaging/envelope';

/** A request's failure as one line for the page, with the fields zod named. */
export function errorText(error: unknown): string {
  if (error instanceof ProtocolError) return error.issues.length > 0 ? `${error.message}: ${error.issues.join('; ')}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
