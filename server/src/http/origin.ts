import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './errors';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9-]+$/;

export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

/**
 * Browser requests are allowed only from the extension (Chrome and Firefox); requests without an
 * Origin (the CLI, curl, other servers) pass. A web page's request is refused outright, not just left
 * without CORS headers, so that it cannot even trigger a write.
 */
export const refuseForeignOrigins: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('Origin');
  if (origin !== undefined && !isExtensionOrigin(origin)) {
    throw new HttpError(403, 'forbidden', `origin ${origin} is not allowed: only the Replyline extension may call this API`);
  }
  await next();
};

export const extensionCors = cors({
  origin: (origin) => (isExtensionOrigin(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type'],
  exposeHeaders: ['Retry-After'],
  maxAge: 600,
});
