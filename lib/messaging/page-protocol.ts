// zod/mini: this is all of the protocol a content script carries (the full zod would triple its size).
import * as z from 'zod/mini';
import { pageContextSchema } from '@/lib/model/page-context';
import { route } from './route';

const done = z.object({ ok: z.literal(true) });

/** What a content script asks the background. */
export const pageRequests = {
  'page.context': route(
    z.object({ url: z.url(), context: pageContextSchema }),
    z.object({ contactId: z.nullable(z.uuid()) }),
  ),
} as const;

/** Requests from the background to a tab's content script. */
export const tabProtocol = {
  'panel.open': route(z.object({ focusNote: z.boolean() }), done),
  'panel.collapse': route(z.object({}), done),
  /** Puts text into the page's reply box; never sends. */
  'composer.insert': route(
    z.object({ text: z.string().check(z.minLength(1), z.maxLength(10_000)) }),
    z.object({ inserted: z.boolean(), reason: z.optional(z.enum(['no-composer'])) }),
  ),
} as const;
export type TabProtocol = typeof tabProtocol;
