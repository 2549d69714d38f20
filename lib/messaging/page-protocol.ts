// zod/mini: this is all of the protocol a content script carries (the full zod would triple its size).
import * as z from 'zod/mini';
import { cleanPageStrings } from '@/lib/model/clean-text';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { route } from './route';

const done = z.object({ ok: z.literal(true) });

/** What is known about one row of an inbox list, for its badge. */
export const rowBadgeSchema = z.object({
  threadKey: z.string(),
  stage: z.nullable(z.string()),
  status: z.nullable(z.enum(['open', 'waiting', 'snoozed', 'resolved'])),
  dueAt: z.nullable(z.string()),
  warnAt: z.nullable(z.string()),
});
export type RowBadge = z.infer<typeof rowBadgeSchema>;

/** What a content script asks the background. */
export const pageRequests = {
  'page.context': route(
    // Where page text enters the background: cleaned here so that no record made from it carries what cannot be stored.
    z.object({ url: z.url(), context: z.pipe(pageContextSchema, z.transform((context: PageContext) => cleanPageStrings(context))) }),
    z.object({ contactId: z.nullable(z.uuid()), rows: z.optional(z.array(rowBadgeSchema)) }),
  ),
} as const;

/** Requests from the background to a tab's content script. */
export const tabProtocol = {
  'panel.open': route(z.object({ focusNote: z.boolean() }), done),
  'panel.collapse': route(z.object({}), done),
  /**
   * Fresh badges for the inbox list the tab reported at `url`, after records changed (a teammate's
   * reply, a stage set elsewhere); a tab that moved on to another page ignores them.
   */
  'inbox.badges': route(z.object({ url: z.string(), rows: z.array(rowBadgeSchema).check(z.maxLength(200)) }), done),
  /**
   * Puts text into the page's reply box; never sends. `replace` takes out what Replyline inserted
   * there before (if the agent left it as it was), `add` joins with a space; `replyTo` names the
   * comment whose own reply box should take it, where the site has one.
   */
  'composer.insert': route(
    z.object({
      text: z.string().check(z.minLength(1), z.maxLength(20_000)),
      mode: z.optional(z.enum(['replace', 'add'])),
      replyTo: z.optional(z.object({ handle: z.string().check(z.minLength(1), z.maxLength(200)), text: z.string().check(z.maxLength(4_000)) })),
    }),
    z.object({ inserted: z.boolean(), reason: z.optional(z.enum(['no-composer'])), length: z.optional(z.number()), text: z.optional(z.string()) }),
  ),
} as const;
export type TabProtocol = typeof tabProtocol;
