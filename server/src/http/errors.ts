import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ErrorBody, ErrorCode } from '@/lib/sync/wire';

/** Thrown by handlers and middleware; the app's onError turns it into the wire's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(code: ErrorCode, message: string, issues?: string[]): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

export function sendError(c: Context, error: HttpError): Response {
  c.set('errorCode', error.code);
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(errorBody(error.code, error.message, error.issues), error.status);
}

/** `mutations.3.recordId: Invalid UUID`: where each problem is, then what it is. */
export function issuePaths(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

export function validationError(error: z.ZodError, what: string): HttpError {
  return new HttpError(400, 'bad-request', `${what} is not valid`, issuePaths(error));
}
